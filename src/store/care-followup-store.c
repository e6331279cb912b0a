/* care-followup-store.c — follow-ups across all cases
 *
 * What the caseworkers' agenda shows: every follow-up due in a period,
 * with the case it belongs to, without loading the cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include "care-case-store.h"
#include "care-date.h"
#include "care-store-cache.h"

void
care_follow_up_row_free (CareFollowUpRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_number);
  g_free (row->family_name);
  g_free (row->given_names);
  g_free (row);
}

GPtrArray *
care_case_store_list_followups (CareVault    *vault,
                                const GDate  *from,
                                const GDate  *to,
                                gboolean      overdue_only,
                                const GDate  *today,
                                GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) care_follow_up_row_free);
  g_autoptr(CareStoreStmt) stmt = NULL;
  GDate day;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  care_store_get_today (today, &day);
  stmt = care_store_stmt (vault,
                          "SELECT c.case_number, c.family_name, c.given_names, f.id, f.months_after_arrival, "
                          "  f.due_on, f.done_on, f.mode, (f.done_on IS NULL AND f.due_on < ?3) "
                          "FROM followups f JOIN cases c ON c.id = f.case_id "
                          "WHERE f.cancelled_on IS NULL "
                          "  AND (?1 IS NULL OR f.due_on >= ?1) AND (?2 IS NULL OR f.due_on <= ?2) "
                          "  AND (?4 = 0 OR (f.done_on IS NULL AND f.due_on < ?3)) "
                          "ORDER BY f.due_on, c.number_country, c.number_year, c.number_sequence, f.id", error);
  if (stmt == NULL)
    return NULL;
  care_store_bind_date (stmt, 1, from);
  care_store_bind_date (stmt, 2, to);
  care_store_bind_date (stmt, 3, &day);
  sqlite3_bind_int (stmt, 4, overdue_only);

  while (TRUE)
    {
      CareFollowUpRow *r;
      int mode = CARE_FOLLOWUP_VISIT;

      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      r = g_new0 (CareFollowUpRow, 1);
      r->case_number = care_store_column_dup (stmt, 0);
      r->family_name = care_store_column_dup (stmt, 1);
      r->given_names = care_store_column_dup (stmt, 2);
      r->followup_id = sqlite3_column_int64 (stmt, 3);
      r->months_after_arrival = (guint) sqlite3_column_int (stmt, 4);
      care_store_column_date (stmt, 5, &r->due_on);
      care_store_column_date (stmt, 6, &r->done_on);
      if (!care_enum_from_nick (CARE_TYPE_FOLLOW_UP_MODE, (const char *) sqlite3_column_text (stmt, 7), &mode))
        mode = CARE_FOLLOWUP_VISIT;
      r->mode = (CareFollowUpMode) mode;
      r->overdue = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (rows, r);
    }
  return g_steal_pointer (&rows);
}
