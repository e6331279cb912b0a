/* care-process.c — process-wide protections for personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-process"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <gio/gio.h>

#include "care-process.h"

/* Memory of an unlocked CARE process holds keys and case records; a core
 * file or a crash report would write them to disk in clear. Both the
 * resource limit and the dumpable flag are set: the flag also covers
 * systemd-coredump and apport, which ignore RLIMIT_CORE, and it stops other
 * processes of the same user from attaching with ptrace. */
gboolean
care_process_forbid_core_dumps (GError **error)
{
  struct rlimit none = { 0, 0 };

  if (setrlimit (RLIMIT_CORE, &none) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "setrlimit(RLIMIT_CORE): %s", g_strerror (saved_errno));
      return FALSE;
    }

  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "prctl(PR_SET_DUMPABLE): %s", g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
