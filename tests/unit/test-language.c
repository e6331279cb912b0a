/* test-language.c — the interface language switches in the running
 * process, for the main thread and for workers, whatever LANGUAGE said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "care-i18n.h"
#include "care-enums.h"
#include "care-language.h"

static gpointer
translate_in_worker (gpointer data)
{
  care_language_use_in_thread ();
  return g_strdup (_("Main Menu"));
}

static char *
translated_by_a_worker (void)
{
  GThread *thread = g_thread_new ("worker", translate_in_worker, NULL);

  return g_thread_join (thread);
}

static void
test_switch (void)
{
  g_autofree char *worker_fr = NULL;
  g_autofree char *worker_en = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 11, 30, 12, 0, 0);
  g_autofree char *date_fr = NULL;
  g_autofree char *date_en = NULL;

  g_assert_true (care_language_set (CARE_LANGUAGE_FRENCH));
  g_assert_cmpstr (_("Main Menu"), ==, "Menu principal");
  g_assert_cmpstr (care_language_get_code (), ==, "fr");
  /* Labels with a context, looked up on every call. */
  g_assert_cmpstr (care_case_status_get_label (CARE_CASE_CLOSED), ==, "Clos");
  date_fr = g_date_time_format (day, "%-d %B %Y");
  g_assert_cmpstr (date_fr, ==, "30 novembre 2026");
  worker_fr = translated_by_a_worker ();
  g_assert_cmpstr (worker_fr, ==, "Menu principal");

  g_assert_true (care_language_set (CARE_LANGUAGE_ENGLISH));
  g_assert_cmpstr (_("Main Menu"), ==, "Main Menu");
  g_assert_cmpstr (care_language_get_code (), ==, "en");
  g_assert_cmpstr (care_case_status_get_label (CARE_CASE_CLOSED), ==, "Closed");
  date_en = g_date_time_format (day, "%-d %B %Y");
  g_assert_cmpstr (date_en, ==, "30 November 2026");
  worker_en = translated_by_a_worker ();
  g_assert_cmpstr (worker_en, ==, "Main Menu");

  /* And back: nothing sticks. */
  g_assert_true (care_language_set (CARE_LANGUAGE_FRENCH));
  g_assert_cmpstr (_("Main Menu"), ==, "Menu principal");

  /* "System" is what LANGUAGE said when the process started (fr here),
   * although LANGUAGE itself is gone. */
  g_assert_null (g_getenv ("LANGUAGE"));
  g_assert_true (care_language_set (CARE_LANGUAGE_SYSTEM));
  g_assert_cmpstr (_("Main Menu"), ==, "Menu principal");
}

static void
test_names (void)
{
  g_assert_cmpint (care_language_from_string ("fr"), ==, CARE_LANGUAGE_FRENCH);
  g_assert_cmpint (care_language_from_string ("en"), ==, CARE_LANGUAGE_ENGLISH);
  g_assert_cmpint (care_language_from_string ("system"), ==, CARE_LANGUAGE_SYSTEM);
  g_assert_cmpint (care_language_from_string ("de"), ==, CARE_LANGUAGE_SYSTEM);
  g_assert_cmpstr (care_language_to_string (CARE_LANGUAGE_FRENCH), ==, "fr");
}

int
main (int   argc,
      char *argv[])
{
  /* A person whose session prefers French, in an English locale. */
  g_setenv ("LANGUAGE", "fr:en", TRUE);
  g_setenv ("LC_ALL", "en_GB.UTF-8", TRUE);
  care_i18n_init ();
  care_language_init_process ();

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/language/switch", test_switch);
  g_test_add_func ("/language/names", test_names);
  return g_test_run ();
}
