/* care-stats-store.c — the programme's numbers
 *
 * Counted in SQL from the caches each save writes (status, minor,
 * eligible) so that the numbers of 100,000 cases come in a few scans, not
 * 100,000 loads. The budget is that of each case's current plan version,
 * in the programme's currency; measures in another currency are left out
 * rather than added as if they were euros.
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

static gboolean
count_by (CareVault   *vault,
          const char  *sql,
          GHashTable  *counts,
          GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return FALSE;
      if (!row)
        return TRUE;
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;
      g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
    }
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

  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT count(*), total(is_minor), total(is_eligible), "
                              "total(is_eligible AND is_minor) FROM cases", error);
    if (stmt == NULL || !care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
      return NULL;
    stats->beneficiaries = (guint) sqlite3_column_int64 (stmt, 0);
    stats->minors = (guint) sqlite3_column_int64 (stmt, 1);
    stats->eligible = (guint) sqlite3_column_int64 (stmt, 2);
    stats->eligible_minors = (guint) sqlite3_column_int64 (stmt, 3);
  }

  if (!count_by (vault, "SELECT host_country, count(*) FROM cases GROUP BY host_country",
                 stats->by_host_country, error) ||
      !count_by (vault, "SELECT return_country, count(*) FROM cases GROUP BY return_country",
                 stats->by_return_country, error) ||
      !count_by (vault, "SELECT status, count(*) FROM cases GROUP BY status", stats->by_status, error))
    return NULL;

  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT m.category, count(*), "
                              "  coalesce(sum(CASE WHEN m.currency = ?1 AND m.status <> ?2 THEN m.budget_cents END), 0), "
                              "  coalesce(sum(CASE WHEN m.currency = ?1 THEN m.actual_cost_cents END), 0) "
                              "FROM plan_versions v JOIN measures m ON m.version_id = v.id "
                              "WHERE v.is_current GROUP BY m.category", error);
    if (stmt == NULL)
      return NULL;
    care_store_bind_text (stmt, 1, settings->currency);
    sqlite3_bind_text (stmt, 2, care_enum_to_nick (CARE_TYPE_MEASURE_STATUS, CARE_MEASURE_CANCELLED), -1,
                       SQLITE_STATIC);
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

  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT total(done_on IS NOT NULL), "
                              "  total(done_on IS NULL AND (due_on IS NULL OR due_on >= ?1)), "
                              "  total(done_on IS NULL AND due_on < ?1) "
                              "FROM followups WHERE cancelled_on IS NULL", error);
    if (stmt == NULL)
      return NULL;
    care_store_bind_date (stmt, 1, &day);
    if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
      return NULL;
    stats->followups_done = (guint) sqlite3_column_int64 (stmt, 0);
    stats->followups_scheduled = (guint) sqlite3_column_int64 (stmt, 1);
    stats->followups_overdue = (guint) sqlite3_column_int64 (stmt, 2);
  }

  return g_steal_pointer (&stats);
}
