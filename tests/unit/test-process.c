/* test-process.c — the process refuses to dump its memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include "care-process.h"

static void
test_core_dumps_forbidden (void)
{
  g_autoptr(GError) error = NULL;
  struct rlimit limit;

  g_assert_true (care_process_forbid_core_dumps (&error));
  g_assert_no_error (error);

  g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
  g_assert_cmpuint (limit.rlim_cur, ==, 0);
  g_assert_cmpuint (limit.rlim_max, ==, 0);
  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/process/core-dumps-forbidden", test_core_dumps_forbidden);
  return g_test_run ();
}
