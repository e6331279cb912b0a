/* test-demo.c — the demo generator: every stage, minors, ineligible cases,
 * scripts, and the same programme for the same seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "care-case-store.h"
#include "care-demo.h"
#include "care-export.h"
#include "vault-test-util.h"

#define COUNT 300

typedef struct
{
  char         *dir;
  CareSettings *settings;
  GDate         today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vault_test_make_dir ();
  f->settings = care_settings_new ();
  care_date_set (&f->today, 2016, 6, 30);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  care_settings_free (f->settings);
  vault_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
count_progress_cb (double   fraction,
                   gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static CareVault *
generate (Fixture    *f,
          const char *name,
          guint       count,
          guint32     seed,
          double     *out_seconds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(CareVault) vault = care_vault_create (path, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE,
                                                  NULL, &error);
  g_autoptr(GTimer) timer = g_timer_new ();
  double last = 0.0;

  g_assert_no_error (error);
  g_timer_start (timer);
  care_demo_generate (vault, count, seed, f->settings, &f->today, count_progress_cb, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  if (out_seconds != NULL)
    *out_seconds = g_timer_elapsed (timer, NULL);
  return g_steal_pointer (&vault);
}

static GBytes *
export_bytes (CareVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (care_export_cases_to_stream (vault, stream, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static gboolean
has_script (const char   *text,
            GUnicodeScript script)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script)
      return TRUE;
  return FALSE;
}

static void
test_programme (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  double seconds;
  g_autoptr(CareVault) vault = generate (f, "demo.care", COUNT, 42, &seconds);
  g_autoptr(CareStats) stats = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  CareCaseQuery query = { 0 };
  guint by_status[CARE_CASE_CLOSED + 1] = { 0 };
  guint overdue = 0;
  GUnicodeScript scripts[] = { G_UNICODE_SCRIPT_CYRILLIC, G_UNICODE_SCRIPT_GEORGIAN, G_UNICODE_SCRIPT_ARMENIAN,
                               G_UNICODE_SCRIPT_ARABIC, G_UNICODE_SCRIPT_ETHIOPIC, G_UNICODE_SCRIPT_HAN };
  gboolean seen[G_N_ELEMENTS (scripts)] = { FALSE };
  gboolean accents = FALSE;

  g_test_message ("%u demo cases in %.2f s", COUNT, seconds);

  cases = care_case_store_list (vault, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, COUNT);
  for (guint i = 0; i < cases->len; i++)
    {
      CareCaseSummary *s = g_ptr_array_index (cases, i);
      g_autofree char *name = g_strconcat (s->family_name, " ", s->given_names, NULL);

      by_status[s->status]++;
      if (s->overdue_followups > 0)
        overdue++;
      for (guint j = 0; j < G_N_ELEMENTS (scripts); j++)
        seen[j] |= has_script (name, scripts[j]);
      accents |= strstr (name, "ễ") != NULL || strstr (name, "é") != NULL ||
                 strstr (name, "ë") != NULL || strstr (name, "ț") != NULL;
    }
  for (guint i = 0; i <= CARE_CASE_CLOSED; i++)
    {
      g_test_message ("%s: %u", care_case_status_get_label (i), by_status[i]);
      g_assert_cmpuint (by_status[i], >, 0);
    }
  for (guint j = 0; j < G_N_ELEMENTS (scripts); j++)
    g_assert_true (seen[j]);
  g_assert_true (accents);
  g_assert_cmpuint (overdue, >, 0);

  stats = care_case_store_get_stats (vault, f->settings, &f->today, &error);
  g_assert_no_error (error);
  g_test_message ("minors %u, eligible %u, follow-ups done %u, scheduled %u, overdue %u",
                  stats->minors, stats->eligible, stats->followups_done,
                  stats->followups_scheduled, stats->followups_overdue);
  /* About 8% minors; some ineligible. */
  g_assert_cmpuint (stats->minors, >=, COUNT * 3 / 100);
  g_assert_cmpuint (stats->minors, <=, COUNT * 15 / 100);
  g_assert_cmpuint (stats->eligible, <, COUNT);
  g_assert_cmpuint (stats->eligible, >, COUNT * 8 / 10);
  g_assert_cmpuint (stats->followups_done, >, 0);
  g_assert_cmpuint (stats->followups_overdue, >, 0);
  g_assert_cmpint (stats->budget_planned_cents, >, 0);
  g_assert_cmpint (stats->budget_spent_cents, >, 0);
  for (guint category = 0; category < CARE_MEASURE_CATEGORY_COUNT; category++)
    {
      const char *nick = care_enum_to_nick (CARE_TYPE_MEASURE_CATEGORY, (int) category);
      g_test_message ("measures of %s: %u", nick,
                      GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_measure_category, nick)));
    }
  g_assert_cmpuint (g_hash_table_size (stats->by_measure_category), >=, 10);

  partners = care_partner_store_list (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, >, 20);

  care_vault_lock (vault);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CareVault) a = generate (f, "a.care", 100, 2024, NULL);
  g_autoptr(CareVault) b = generate (f, "b.care", 100, 2024, NULL);
  g_autoptr(CareVault) c = generate (f, "c.care", 100, 2025, NULL);
  g_autoptr(GBytes) ea = export_bytes (a);
  g_autoptr(GBytes) eb = export_bytes (b);
  g_autoptr(GBytes) ec = export_bytes (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(CareStats) sa = care_case_store_get_stats (a, f->settings, &f->today, &error);
  g_autoptr(CareStats) sb = care_case_store_get_stats (b, f->settings, &f->today, &error);

  g_assert_true (g_bytes_equal (ea, eb));
  g_assert_false (g_bytes_equal (ea, ec));
  /* Beyond the exported columns: plans and follow-ups too. */
  g_assert_cmpint (sa->budget_planned_cents, ==, sb->budget_planned_cents);
  g_assert_cmpint (sa->budget_spent_cents, ==, sb->budget_spent_cents);
  g_assert_cmpuint (sa->followups_done, ==, sb->followups_done);
  g_assert_cmpuint (sa->followups_overdue, ==, sb->followups_overdue);

  care_vault_lock (a);
  care_vault_lock (b);
  care_vault_lock (c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/demo/programme", Fixture, NULL, fixture_set_up, test_programme, fixture_tear_down);
  g_test_add ("/demo/deterministic", Fixture, NULL, fixture_set_up, test_deterministic, fixture_tear_down);
  return g_test_run ();
}
