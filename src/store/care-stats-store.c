/* care-stats-store.c — the programme's numbers
 *
 * Counted in SQL from the caches each save writes (status, minor,
 * eligible) so that the numbers of 100,000 cases come in a few scans of
 * small indexes (migration 5), not 100,000 loads. The budget is that of
 * each case's current plan version, in the programme's currency; measures
 * in another currency are left out rather than added as if they were
 * euros. Measures are many (six a case), so their numbers come from the
 * running totals the store keeps in `measure_totals` on every save and
 * delete; care_case_store_verify_totals checks them against a recount.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include "care-case-store.h"
#include "care-enums.h"
#include "care-store-cache.h"

void
care_stats_free (CareStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->by_host_country, g_hash_table_unref);
  g_clear_pointer (&stats->by_return_country, g_hash_table_unref);
  g_clear_pointer (&stats->by_status, g_hash_table_unref);
  g_clear_pointer (&stats->by_measure_category, g_hash_table_unref);
  g_free (stats->currency);
  g_free (stats);
}

static GHashTable *
new_counts (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Every value of the list, even at zero, so that reports have the same
 * rows whatever the data. */
static void
add_zeros (GHashTable *counts,
           GType       type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    g_hash_table_insert (counts, g_strdup (klass->values[i].value_nick), GUINT_TO_POINTER (0));
}

static void
add_count (GHashTable *counts,
           const char *key,
           gint64      n)
{
  gpointer old = NULL;

  if (key == NULL)
    return;
  if (g_hash_table_lookup_extended (counts, key, NULL, &old))
    g_hash_table_insert (counts, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + (guint) n));
  else
    g_hash_table_insert (counts, g_strdup (key), GUINT_TO_POINTER ((guint) n));
}

CareStats *
care_case_store_get_stats (CareVault           *vault,
                           const CareSettings  *settings,
                           const GDate         *today,
                           GError             **error)
{
  g_autoptr(CareSettings) own_settings = NULL;
  g_autoptr(CareStats) stats = g_new0 (CareStats, 1);
  GDate day;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  if (settings == NULL)
    {
      own_settings = care_settings_store_load (vault, error);
      if (own_settings == NULL)
        return NULL;
      settings = own_settings;
    }
  care_store_get_today (today, &day);

  stats->target_beneficiaries = settings->target_beneficiaries;
  stats->target_minors = settings->target_minors;
  stats->currency = g_strdup (settings->currency);
  stats->by_host_country = new_counts ();
  stats->by_return_country = new_counts ();
  stats->by_status = new_counts ();
  stats->by_measure_category = new_counts ();
  add_zeros (stats->by_status, CARE_TYPE_CASE_STATUS);
  add_zeros (stats->by_measure_category, CARE_TYPE_MEASURE_CATEGORY);

  /* One scan of `cases_stats`, in its order (no sorting): a few thousand
   * groups, added up here. */
  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT host_country, return_country, status, is_minor, is_eligible, count(*) "
                              "FROM cases GROUP BY host_country, return_country, status, is_minor, is_eligible",
                       error);
    if (stmt == NULL)
      return NULL;
    while (TRUE)
      {
        gint64 minor, eligible, n;

        if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
          return NULL;
        if (!row)
          break;
        minor = sqlite3_column_int64 (stmt, 3);
        eligible = sqlite3_column_int64 (stmt, 4);
        n = sqlite3_column_int64 (stmt, 5);
        add_count (stats->by_host_country, (const char *) sqlite3_column_text (stmt, 0), n);
        add_count (stats->by_return_country, (const char *) sqlite3_column_text (stmt, 1), n);
        add_count (stats->by_status, (const char *) sqlite3_column_text (stmt, 2), n);
        stats->beneficiaries += (guint) n;
        stats->minors += (guint) (minor * n);
        stats->eligible += (guint) (eligible * n);
        if (minor && eligible)
          stats->eligible_minors += (guint) n;
      }
  }

  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT category, sum(measures), "
                              "  sum(CASE WHEN currency = ?1 THEN planned_cents ELSE 0 END), "
                              "  sum(CASE WHEN currency = ?1 THEN actual_cents ELSE 0 END) "
                              "FROM measure_totals GROUP BY category", error);
    if (stmt == NULL)
      return NULL;
    care_store_bind_text (stmt, 1, settings->currency);
    while (TRUE)
      {
        if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
          return NULL;
        if (!row)
          break;
        g_hash_table_insert (stats->by_measure_category, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
        stats->budget_planned_cents += sqlite3_column_int64 (stmt, 2);
        stats->budget_spent_cents += sqlite3_column_int64 (stmt, 3);
      }
  }

  /* Follow-ups fall in three sets: cancelled, pending (not cancelled, not
   * done) and done (not cancelled). Counted from the table's smallest
   * index and the two partial ones, without reading a row (left to
   * itself, SQLite counts the overdue ones through `followups_due` and a
   * row lookup each: 400 ms); a pending follow-up without a due date is
   * never overdue, so scheduled = pending − overdue. */
  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT (SELECT count(*) FROM followups), "
                              "  (SELECT count(*) FROM followups WHERE cancelled_on IS NOT NULL), "
                              "  (SELECT count(*) FROM followups WHERE done_on IS NULL AND cancelled_on IS NULL), "
                              "  (SELECT count(*) FROM followups INDEXED BY followups_pending "
                              "     WHERE done_on IS NULL AND cancelled_on IS NULL AND due_on < ?1)", error);
    gint64 all, cancelled, pending, overdue;

    if (stmt == NULL)
      return NULL;
    care_store_bind_date (stmt, 1, &day);
    if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
      return NULL;
    all = sqlite3_column_int64 (stmt, 0);
    cancelled = sqlite3_column_int64 (stmt, 1);
    pending = sqlite3_column_int64 (stmt, 2);
    overdue = sqlite3_column_int64 (stmt, 3);
    stats->followups_done = (guint) (all - cancelled - pending);
    stats->followups_overdue = (guint) overdue;
    stats->followups_scheduled = (guint) (pending - overdue);
  }

  return g_steal_pointer (&stats);
}
