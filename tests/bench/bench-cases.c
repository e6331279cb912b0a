/* bench-cases.c — the case records at the size of a large programme:
 * demo generation, CSV import, search, stats
 *
 * CARE_BENCH_CASES sets the number of cases (default 100000). Prints
 * figures; never fails on a time.
 *
 * Targets (issue 4): demo --count 100000 ≤ 60 s; import of a 100,000-row
 * CSV ≤ 15 s; a prefix search ≤ 50 ms in the process; stats ≤ 200 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "care-case-store.h"
#include "care-demo.h"
#include "care-export.h"
#include "care-import.h"

#define PASS "benchmark passphrase"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_search_ms (CareVault  *vault,
                  const char *prefix,
                  guint      *n_found)
{
  double times[9];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      CareCaseQuery query = { .search = prefix };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 start = g_get_monotonic_time ();

      found = care_case_store_list (vault, &query, &error);
      g_assert_no_error (error);
      times[i] = seconds_since (start) * 1000;
      *n_found = found->len;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  return times[G_N_ELEMENTS (times) / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("CARE_BENCH_CASES");
  guint count = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("care-bench-cases-XXXXXX", NULL);
  g_autofree char *source_path = g_build_filename (dir, "source.care", NULL);
  g_autofree char *target_path = g_build_filename (dir, "target.care", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "cases.csv", NULL);
  g_autoptr(CareVault) source = NULL;
  g_autoptr(CareVault) target = NULL;
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *prefixes[] = { "sa", "chl", "ol", "ng", "CARE-FR-2014-00", "Попо", "بن" };
  gint64 start;
  guint exported = 0;
  double demo_s, export_s, import_s, stats_ms, list_all_ms, followups_ms;

  g_print ("CARE case records benchmark: %u cases\n\n", count);

  source = care_vault_create (source_path, "bench", PASS, CARE_KDF_COST_INTERACTIVE, NULL, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  care_demo_generate (source, count, 1, settings, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  demo_s = seconds_since (start);

  start = g_get_monotonic_time ();
  care_export_cases (source, csv_path, NULL, NULL, &exported, &error);
  g_assert_no_error (error);
  export_s = seconds_since (start);

  target = care_vault_create (target_path, "bench", PASS, CARE_KDF_COST_INTERACTIVE, NULL, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  care_import_cases (target, csv_path, settings, NULL, CARE_IMPORT_ALLOW_DUPLICATES, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  import_s = seconds_since (start);

  {
    g_autoptr(CareStats) stats = NULL;

    start = g_get_monotonic_time ();
    stats = care_case_store_get_stats (source, settings, NULL, &error);
    g_assert_no_error (error);
    stats_ms = seconds_since (start) * 1000;
  }
  {
    CareCaseQuery all = { 0 };
    g_autoptr(GPtrArray) cases = NULL;

    start = g_get_monotonic_time ();
    cases = care_case_store_list (source, &all, &error);
    g_assert_no_error (error);
    list_all_ms = seconds_since (start) * 1000;
  }
  {
    GDate none;
    g_autoptr(GPtrArray) rows = NULL;

    g_date_clear (&none, 1);
    start = g_get_monotonic_time ();
    rows = care_case_store_list_followups (source, &none, &none, TRUE, NULL, &error);
    g_assert_no_error (error);
    followups_ms = seconds_since (start) * 1000;
  }

  g_print ("%-40s %10s %10s\n", "phase", "time", "target");
  g_print ("%-40s %9.2fs %9ss\n", "demo generation", demo_s, "60");
  g_print ("%-40s %9.2fs %10s\n", "CSV export", export_s, "");
  g_print ("%-40s %9.2fs %9ss\n", "CSV import (fresh vault)", import_s, "15");
  g_print ("%-40s %8.1fms %8sms\n", "stats", stats_ms, "200");
  g_print ("%-40s %8.1fms %10s\n", "list every case", list_all_ms, "");
  g_print ("%-40s %8.1fms %10s\n", "overdue follow-ups across cases", followups_ms, "");
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      guint found = 0;
      double ms = median_search_ms (source, prefixes[i], &found);
      g_autofree char *label = g_strdup_printf ("search '%s' (median of 9, %u found)", prefixes[i], found);

      /* printf, not g_print: the prefixes are UTF-8 whatever the locale. */
      printf ("%-40s %8.1fms %8sms\n", label, ms, "50");
    }
  g_print ("\n%u cases exported, %u imported\n", exported, report->n_imported);

  care_vault_lock (source);
  care_vault_lock (target);
  g_unlink (source_path);
  g_unlink (target_path);
  g_unlink (csv_path);
  g_rmdir (dir);
  return 0;
}
