/* care-case-store.c — saving, loading, deleting and listing cases
 *
 * A case is one row of `cases` (person, referral, consents, assessment)
 * and rows in child tables for what it has many of. Saving a new case
 * writes it straight away; saving a known one loads what is stored first,
 * because the history records each changed field with its old value and
 * an agreed plan version must be compared with what was signed. Children
 * keep their ids across saves (they are matched by id, plan versions by
 * number) so that follow-ups and measure progress keep pointing at them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "care-case-rows.h"
#include "care-case-store.h"
#include "care-case-order.h"
#include "care-vault-private.h"
#include "care-eligibility.h"
#include "care-history.h"
#include "care-issue.h"
#include "care-schedule.h"
#include "care-search.h"
#include "care-store-cache.h"
#include "care-store-sql.h"
#include "care-validate.h"

/* Children are matched by the id each of these structs begins with. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (CareMeasure, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CareArrivalItem, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CareFollowUp, id) == 0);

#define RECORD_ID(record) (*(gint64 *) (record))

void
care_case_summary_free (CareCaseSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->case_number);
  g_free (summary->family_name);
  g_free (summary->given_names);
  g_free (summary->host_country);
  g_free (summary->return_country);
  g_free (summary);
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                       _("There is no case with this case number in the vault."));
}

static gboolean
run (CareStoreStmt  *stmt,
     GError        **error)
{
  return care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
}

/* --- loading --- */

static gboolean
load_case_row (CareVault  *vault,
               gint64      id,
               CareCase   *c,
               gboolean   *found,
               GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT c.id, c.number_country, c.number_year, c.number_sequence, %s "
                                          "FROM cases c WHERE c.id = ?",
                                          care_record_columns (&care_case_spec, "c"));
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return FALSE;
  *found = row;
  if (!row)
    return TRUE;

  c->id = sqlite3_column_int64 (stmt, 0);
  care_case_number_init (&c->number, (const char *) sqlite3_column_text (stmt, 1),
                         (guint) sqlite3_column_int (stmt, 2), (guint) sqlite3_column_int (stmt, 3));
  care_record_read (&care_case_spec, c, stmt, 4);
  return TRUE;
}

static gboolean
load_closure (CareVault  *vault,
              CareCase   *c,
              GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM closures x WHERE x.case_id = ?",
                                          care_record_columns (&care_closure_spec, "x"));
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return FALSE;
  if (row)
    {
      GDate unset;
      care_date_unset (&unset);
      c->closure = care_closure_new (CARE_CLOSURE_COMPLETED, &unset);
      care_record_read (&care_closure_spec, c->closure, stmt, 0);
    }
  return TRUE;
}

/* Fills VERSION_IDS (row id → CarePlanVersion) when not NULL. */
static gboolean
load_plan (CareVault   *vault,
           CareCase    *c,
           GHashTable  *version_rows,
           GError     **error)
{
  g_autoptr(GHashTable) by_row = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean row;

  {
    g_autofree char *sql = g_strdup_printf ("SELECT v.id, %s FROM plan_versions v WHERE v.case_id = ? "
                                            "ORDER BY v.number",
                                            care_record_columns (&care_plan_version_spec, "v"));
    g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, c->id);
    while (TRUE)
      {
        CarePlanVersion *version;
        gint64 row_id;

        if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
          return FALSE;
        if (!row)
          break;
        version = care_plan_version_new (1);
        care_record_read (&care_plan_version_spec, version, stmt, 1);
        g_ptr_array_add (c->plan->versions, version);
        row_id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (row_ids, row_id);
        if (version_rows != NULL)
          g_hash_table_insert (version_rows, GUINT_TO_POINTER (version->number),
                               g_memdup2 (&row_id, sizeof row_id));
      }
  }
  for (guint i = 0; i < row_ids->len; i++)
    g_hash_table_insert (by_row, &g_array_index (row_ids, gint64, i), g_ptr_array_index (c->plan->versions, i));

  if (row_ids->len == 0)
    return TRUE;

  {
    g_autofree char *sql = g_strdup_printf ("SELECT m.version_id, m.id, %s FROM measures m "
                                            "JOIN plan_versions v ON v.id = m.version_id "
                                            "WHERE v.case_id = ? ORDER BY v.number, m.position",
                                            care_record_columns (&care_measure_spec, "m"));
    g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, c->id);
    while (TRUE)
      {
        CarePlanVersion *version;
        CareMeasure *measure;
        gint64 version_id;

        if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
          return FALSE;
        if (!row)
          break;
        version_id = sqlite3_column_int64 (stmt, 0);
        version = g_hash_table_lookup (by_row, &version_id);
        g_assert (version != NULL);
        measure = care_measure_new (CARE_MEASURE_OTHER, NULL);
        measure->id = sqlite3_column_int64 (stmt, 1);
        care_record_read (&care_measure_spec, measure, stmt, 2);
        g_ptr_array_add (version->measures, measure);
      }
  }
  return TRUE;
}

static gboolean
load_arrival_items (CareVault  *vault,
                    CareCase   *c,
                    GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT a.id, %s FROM arrival_items a WHERE a.case_id = ? "
                                          "ORDER BY a.position",
                                          care_record_columns (&care_arrival_item_spec, "a"));
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while (TRUE)
    {
      CareArrivalItem *item;

      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return FALSE;
      if (!row)
        return TRUE;
      item = care_arrival_item_new (CARE_ARRIVAL_AIRPORT_RECEPTION);
      item->id = sqlite3_column_int64 (stmt, 0);
      care_record_read (&care_arrival_item_spec, item, stmt, 1);
      g_ptr_array_add (c->arrival_items, item);
    }
}

static gboolean
load_followups (CareVault  *vault,
                CareCase   *c,
                GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean row;

  {
    g_autofree char *sql = g_strdup_printf ("SELECT f.id, %s FROM followups f WHERE f.case_id = ? "
                                            "ORDER BY f.due_on, f.id",
                                            care_record_columns (&care_followup_spec, "f"));
    g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, c->id);
    while (TRUE)
      {
        CareFollowUp *f;

        if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
          return FALSE;
        if (!row)
          break;
        f = care_follow_up_new (NULL);
        f->id = sqlite3_column_int64 (stmt, 0);
        care_record_read (&care_followup_spec, f, stmt, 1);
        g_ptr_array_add (c->followups, f);
        g_hash_table_insert (by_id, &f->id, f);
      }
  }
  if (c->followups->len == 0)
    return TRUE;

  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT p.followup_id, p.measure_id, p.status, p.note FROM measure_progress p "
                              "JOIN followups f ON f.id = p.followup_id WHERE f.case_id = ? "
                              "ORDER BY p.followup_id, p.position", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, c->id);
    while (TRUE)
      {
        CareFollowUp *f;
        gint64 followup_id;
        int status = CARE_MEASURE_PLANNED;

        if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
          return FALSE;
        if (!row)
          break;
        followup_id = sqlite3_column_int64 (stmt, 0);
        f = g_hash_table_lookup (by_id, &followup_id);
        g_assert (f != NULL);
        if (!care_enum_from_nick (CARE_TYPE_MEASURE_STATUS, (const char *) sqlite3_column_text (stmt, 2), &status))
          status = CARE_MEASURE_PLANNED;
        g_ptr_array_add (f->progress,
                         care_measure_progress_new (sqlite3_column_int64 (stmt, 1), (CareMeasureStatus) status,
                                                    (const char *) sqlite3_column_text (stmt, 3)));
      }
  }
  return TRUE;
}

static CareCase *
load_case (CareVault   *vault,
           gint64       id,
           GHashTable  *version_rows,
           GError     **error)
{
  g_autoptr(CareCase) c = care_case_new ();
  gboolean found;

  if (!load_case_row (vault, id, c, &found, error))
    return NULL;
  if (!found)
    {
      set_not_found (error);
      return NULL;
    }
  if (!load_closure (vault, c, error) ||
      !load_plan (vault, c, version_rows, error) ||
      !load_arrival_items (vault, c, error) ||
      !load_followups (vault, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

CareCase *
care_case_store_load_by_id (CareVault  *vault,
                            gint64      id,
                            GError    **error)
{
  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  return load_case (vault, id, NULL, error);
}

static gboolean
find_case_id (CareVault   *vault,
              const char  *case_number,
              gint64      *out_id,
              GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "SELECT id FROM cases WHERE case_number = ?", error);
  gboolean row;

  *out_id = 0;
  if (stmt == NULL)
    return FALSE;
  care_store_bind_text (stmt, 1, case_number);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return FALSE;
  if (row)
    *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* "care-fr-2014-7" and " CARE-FR-2014-0007 " name the same case. */
static char *
canonical_case_number (const char  *text,
                       GError     **error)
{
  CareCaseNumber number;

  if (!care_case_number_parse (text, &number, NULL))
    {
      set_not_found (error);
      return NULL;
    }
  return care_case_number_format (&number);
}

CareCase *
care_case_store_load (CareVault   *vault,
                      const char  *case_number,
                      GError     **error)
{
  g_autofree char *canonical = NULL;
  gint64 id;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);
  g_return_val_if_fail (case_number != NULL, NULL);

  canonical = canonical_case_number (case_number, error);
  if (canonical == NULL || !find_case_id (vault, canonical, &id, error))
    return NULL;
  if (id == 0)
    {
      set_not_found (error);
      return NULL;
    }
  return load_case (vault, id, NULL, error);
}

/* --- writing children --- */

typedef struct {
  CareVault         *vault;
  CareHistoryWriter  history;
  gboolean           log_children;  /* FALSE while creating: one entry says it all */
} SaveContext;

static gboolean
insert_record (SaveContext           *ctx,
               const CareRecordSpec  *spec,
               gint64                 parent_id,
               guint                  position,
               gpointer               record,
               GError               **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (ctx->vault, care_record_insert_sql (spec), error);
  int index = 1;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, index++, parent_id);
  if (spec->positioned)
    sqlite3_bind_int (stmt, index++, (int) position);
  care_record_bind (spec, record, stmt, index);
  if (!run (stmt, error))
    return FALSE;
  RECORD_ID (record) = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));

  if (ctx->log_children)
    {
      g_autofree char *summary = care_record_summarize (spec, record);
      return care_history_append (&ctx->history, spec->record, RECORD_ID (record), "create",
                                  NULL, NULL, summary, error);
    }
  return TRUE;
}

static gboolean
log_changes (SaveContext           *ctx,
             const CareRecordSpec  *spec,
             gint64                 record_id,
             gconstpointer          old,
             gconstpointer          new,
             gboolean              *out_changed,
             GError               **error)
{
  *out_changed = FALSE;
  for (guint i = 0; i < spec->n_fields; i++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (care_record_field_equal (spec, old, new, i))
        continue;
      *out_changed = TRUE;
      old_value = care_record_get_value (spec, old, i);
      new_value = care_record_get_value (spec, new, i);
      if (!care_history_append (&ctx->history, spec->record, record_id, "update", spec->fields[i].column,
                                old_value, new_value, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_record (SaveContext           *ctx,
               const CareRecordSpec  *spec,
               guint                  position,
               gconstpointer          old,
               gpointer               record,
               gboolean               moved,
               GError               **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean changed;
  int index = 1;

  if (!log_changes (ctx, spec, RECORD_ID (record), old, record, &changed, error))
    return FALSE;
  if (!changed && !moved)
    return TRUE;

  stmt = care_store_stmt (ctx->vault, care_record_update_sql (spec), error);
  if (stmt == NULL)
    return FALSE;
  if (spec->positioned)
    sqlite3_bind_int (stmt, index++, (int) position);
  index = care_record_bind (spec, record, stmt, index);
  sqlite3_bind_int64 (stmt, index, RECORD_ID (record));
  return run (stmt, error);
}

static gboolean
delete_record (SaveContext           *ctx,
               const CareRecordSpec  *spec,
               gconstpointer          old,
               GError               **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", spec->table);
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (ctx->vault, sql, error);
  g_autofree char *summary = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, RECORD_ID (old));
  if (!run (stmt, error))
    return FALSE;
  summary = care_record_summarize (spec, old);
  return care_history_append (&ctx->history, spec->record, RECORD_ID (old), "delete", NULL, summary, NULL, error);
}

static char *
progress_to_string (const CareFollowUp *f)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < f->progress->len; i++)
    {
      const CareMeasureProgress *p = g_ptr_array_index (f->progress, i);
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT ":%s:%s", i ? "\n" : "", p->measure_id,
                              care_enum_to_nick (CARE_TYPE_MEASURE_STATUS, p->status),
                              p->note != NULL ? p->note : "");
    }
  return g_string_free (out, FALSE);
}

/* Measure progress has no identity of its own: it is part of its
 * follow-up, rewritten whole when it changed, and logged as one field. */
static gboolean
write_progress (SaveContext         *ctx,
                const CareFollowUp  *old,
                const CareFollowUp  *f,
                GError             **error)
{
  g_autofree char *old_text = old != NULL ? progress_to_string (old) : g_strdup ("");
  g_autofree char *new_text = progress_to_string (f);

  if (g_str_equal (old_text, new_text))
    return TRUE;

  if (old != NULL)
    {
      g_autoptr(CareStoreStmt) stmt = care_store_stmt (ctx->vault, "DELETE FROM measure_progress WHERE followup_id = ?",
                                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, f->id);
      if (!run (stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < f->progress->len; i++)
    {
      const CareMeasureProgress *p = g_ptr_array_index (f->progress, i);
      g_autoptr(CareStoreStmt) stmt =
        care_store_stmt (ctx->vault, "INSERT INTO measure_progress (followup_id, position, measure_id, status, note) "
                                     "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, f->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      if (p->measure_id != 0)
        sqlite3_bind_int64 (stmt, 3, p->measure_id);
      sqlite3_bind_text (stmt, 4, care_enum_to_nick (CARE_TYPE_MEASURE_STATUS, p->status), -1, SQLITE_STATIC);
      care_store_bind_text (stmt, 5, p->note);
      if (!run (stmt, error))
        return FALSE;
    }
  if (old != NULL && ctx->log_children)
    return care_history_append (&ctx->history, "followup", f->id, "update", "progress", old_text, new_text, error);
  return TRUE;
}

/* Brings the rows of one list (measures of a version, arrival items,
 * follow-ups) in line with INCOMING: matched by id, updated when changed,
 * inserted when new, deleted when gone. */
static gboolean
sync_list (SaveContext           *ctx,
           const CareRecordSpec  *spec,
           gint64                 parent_id,
           GPtrArray             *stored,
           GPtrArray             *incoming,
           GError               **error)
{
  g_autoptr(GHashTable) old_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) old_position = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      gpointer old = g_ptr_array_index (stored, i);
      g_hash_table_insert (old_by_id, old, old);  /* keyed by its leading id */
      g_hash_table_insert (old_position, old, GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < incoming->len; i++)
    {
      gpointer record = g_ptr_array_index (incoming, i);
      gpointer old = RECORD_ID (record) != 0 ? g_hash_table_lookup (old_by_id, record) : NULL;

      if (old != NULL && !g_hash_table_contains (kept, old))
        {
          gboolean moved = GPOINTER_TO_UINT (g_hash_table_lookup (old_position, old)) != i;
          g_hash_table_add (kept, old);
          if (!update_record (ctx, spec, i, old, record, moved, error))
            return FALSE;
        }
      else
        {
          RECORD_ID (record) = 0;
          if (!insert_record (ctx, spec, parent_id, i, record, error))
            return FALSE;
        }

      if (spec == &care_followup_spec && !write_progress (ctx, old, record, error))
        return FALSE;
    }

  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      gpointer old = g_ptr_array_index (stored, i);
      if (!g_hash_table_contains (kept, old) && !delete_record (ctx, spec, old, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
versions_identical (const CarePlanVersion *a,
                    const CarePlanVersion *b)
{
  if (!care_record_equal (&care_plan_version_spec, a, b) || a->measures->len != b->measures->len)
    return FALSE;
  for (guint i = 0; i < a->measures->len; i++)
    if (!care_record_equal (&care_measure_spec, g_ptr_array_index (a->measures, i),
                            g_ptr_array_index (b->measures, i)))
      return FALSE;
  return TRUE;
}

/* An agreed version was printed and signed: what is stored of it must stay
 * exactly as it is, and it must stay. */
static gboolean
check_frozen_versions (const CareCase  *stored,
                       CareCase        *c,
                       GError         **error)
{
  for (guint i = 0; i < stored->plan->versions->len; i++)
    {
      const CarePlanVersion *old = g_ptr_array_index (stored->plan->versions, i);
      const CarePlanVersion *new;

      if (!care_plan_version_is_frozen (old))
        continue;
      new = care_plan_get_version (c->plan, old->number);
      if (new == NULL || !versions_identical (old, new))
        {
          g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                       /* Translators: %u is the number of a version of the plan */
                       _("Version %u of the plan was agreed and signed: it cannot be changed or removed. "
                         "Edit the plan to start a new version."), old->number);
          return FALSE;
        }
      /* Measures of a signed version keep their stored ids. */
      for (guint m = 0; m < new->measures->len; m++)
        RECORD_ID (g_ptr_array_index (new->measures, m)) = RECORD_ID (g_ptr_array_index (old->measures, m));
    }
  return TRUE;
}

static gboolean
write_plan (SaveContext      *ctx,
            CareCase         *c,
            const CareCase   *stored,
            GHashTable       *version_rows,
            GError          **error)
{
  gint64 current_row = 0;

  for (guint i = 0; i < c->plan->versions->len; i++)
    {
      CarePlanVersion *version = g_ptr_array_index (c->plan->versions, i);
      const CarePlanVersion *old = stored != NULL ? care_plan_get_version (stored->plan, version->number) : NULL;
      gboolean is_current = i == c->plan->versions->len - 1;
      gint64 row_id;

      if (old == NULL)
        {
          g_autoptr(CareStoreStmt) stmt = care_store_stmt (ctx->vault, care_record_insert_sql (&care_plan_version_spec),
                                                           error);
          int index;

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, c->id);
          index = care_record_bind (&care_plan_version_spec, version, stmt, 2);
          sqlite3_bind_int (stmt, index, is_current);
          if (!run (stmt, error))
            return FALSE;
          row_id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
          if (ctx->log_children)
            {
              g_autofree char *summary = care_record_summarize (&care_plan_version_spec, version);
              if (!care_history_append (&ctx->history, "plan_version", row_id, "create", NULL, NULL, summary, error))
                return FALSE;
            }
          for (guint m = 0; m < version->measures->len; m++)
            {
              CareMeasure *measure = g_ptr_array_index (version->measures, m);
              measure->id = 0;
              if (!insert_record (ctx, &care_measure_spec, row_id, m, measure, error))
                return FALSE;
            }
        }
      else
        {
          gint64 *stored_row = g_hash_table_lookup (version_rows, GUINT_TO_POINTER (version->number));
          gboolean changed;

          g_assert (stored_row != NULL);
          row_id = *stored_row;
          if (care_plan_version_is_frozen (old))
            goto next;  /* checked identical already */

          if (!log_changes (ctx, &care_plan_version_spec, row_id, old, version, &changed, error))
            return FALSE;
          if (changed)
            {
              g_autoptr(CareStoreStmt) stmt = care_store_stmt (ctx->vault,
                                                               care_record_update_sql (&care_plan_version_spec),
                                                               error);
              int index;

              if (stmt == NULL)
                return FALSE;
              index = care_record_bind (&care_plan_version_spec, version, stmt, 1);
              sqlite3_bind_int (stmt, index, is_current);
              sqlite3_bind_int64 (stmt, index + 1, row_id);
              if (!run (stmt, error))
                return FALSE;
            }
          if (!sync_list (ctx, &care_measure_spec, row_id, old->measures, version->measures, error))
            return FALSE;
        }
    next:
      if (is_current)
        current_row = row_id;
    }

  if (stored != NULL)
    {
      for (guint i = 0; i < stored->plan->versions->len; i++)
        {
          const CarePlanVersion *old = g_ptr_array_index (stored->plan->versions, i);
          gint64 *row_id;
          g_autoptr(CareStoreStmt) stmt = NULL;
          g_autofree char *summary = NULL;

          if (care_plan_get_version (c->plan, old->number) != NULL)
            continue;
          row_id = g_hash_table_lookup (version_rows, GUINT_TO_POINTER (old->number));
          stmt = care_store_stmt (ctx->vault, "DELETE FROM plan_versions WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, *row_id);
          if (!run (stmt, error))
            return FALSE;
          summary = care_record_summarize (&care_plan_version_spec, old);
          if (!care_history_append (&ctx->history, "plan_version", *row_id, "delete", NULL, summary, NULL, error))
            return FALSE;
        }

      /* Which version is current may have moved without any version
       * changing (one deleted, one added). */
      {
        g_autoptr(CareStoreStmt) stmt =
          care_store_stmt (ctx->vault, "UPDATE plan_versions SET is_current = (id = ?1) "
                                       "WHERE case_id = ?2 AND is_current <> (id = ?1)", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, current_row);
        sqlite3_bind_int64 (stmt, 2, c->id);
        if (!run (stmt, error))
          return FALSE;
      }
    }
  return TRUE;
}

static gboolean
write_closure (SaveContext     *ctx,
               CareCase        *c,
               const CareCase  *stored,
               GError         **error)
{
  const CareClosure *old = stored != NULL ? stored->closure : NULL;
  g_autoptr(CareStoreStmt) stmt = NULL;

  if (c->closure != NULL && old == NULL)
    {
      g_autofree char *summary = NULL;

      stmt = care_store_stmt (ctx->vault, care_record_insert_sql (&care_closure_spec), error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->id);
      care_record_bind (&care_closure_spec, c->closure, stmt, 2);
      if (!run (stmt, error))
        return FALSE;
      if (!ctx->log_children)
        return TRUE;
      summary = care_record_summarize (&care_closure_spec, c->closure);
      return care_history_append (&ctx->history, "closure", c->id, "create", NULL, NULL, summary, error);
    }
  else if (c->closure != NULL)
    {
      gboolean changed;
      int index;

      if (!log_changes (ctx, &care_closure_spec, c->id, old, c->closure, &changed, error))
        return FALSE;
      if (!changed)
        return TRUE;
      stmt = care_store_stmt (ctx->vault, care_record_update_sql (&care_closure_spec), error);
      if (stmt == NULL)
        return FALSE;
      index = care_record_bind (&care_closure_spec, c->closure, stmt, 1);
      sqlite3_bind_int64 (stmt, index, c->id);
      return run (stmt, error);
    }
  else if (old != NULL)
    {
      g_autofree char *summary = NULL;

      stmt = care_store_stmt (ctx->vault, "DELETE FROM closures WHERE case_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->id);
      if (!run (stmt, error))
        return FALSE;
      summary = care_record_summarize (&care_closure_spec, old);
      return care_history_append (&ctx->history, "closure", c->id, "delete", NULL, summary, NULL, error);
    }
  return TRUE;
}

/* --- running totals of the measures (care_case_store_get_stats) --- */

/* `measure_totals` holds, per (category, currency), what a recount of the
 * measures of every current version gives (RECOUNT_SQL). A save takes the
 * stored case's share out and puts the new one in, inside its savepoint;
 * rows left at zero are dropped, so that the table is exactly a recount. */

#define UPSERT_TOTALS_SQL \
  " ON CONFLICT (category, currency) DO UPDATE SET " \
  "  measures = measures + excluded.measures, " \
  "  planned_cents = planned_cents + excluded.planned_cents, " \
  "  actual_cents = actual_cents + excluded.actual_cents"

static const char *
cancelled_nick (void)
{
  return care_enum_to_nick (CARE_TYPE_MEASURE_STATUS, CARE_MEASURE_CANCELLED);
}

/* The stored case's share, as the rows say it is: whichever version the
 * table marks current, whatever the order of the caller's versions was. */
static gboolean
subtract_measure_totals (CareVault  *vault,
                         gint64      case_id,
                         GError    **error)
{
  g_autoptr(CareStoreStmt) stmt =
    care_store_stmt (vault, "INSERT INTO measure_totals (category, currency, measures, planned_cents, actual_cents) "
                            "SELECT m.category, m.currency, -count(*), "
                            "  -sum(CASE WHEN m.status <> ?2 THEN m.budget_cents ELSE 0 END), "
                            "  -sum(m.actual_cost_cents) "
                            "FROM plan_versions v JOIN measures m ON m.version_id = v.id "
                            "WHERE v.case_id = ?1 AND v.is_current GROUP BY m.category, m.currency"
                            UPSERT_TOTALS_SQL, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, cancelled_nick (), -1, SQLITE_STATIC);
  return run (stmt, error);
}

typedef struct {
  CareMeasureCategory  category;
  const char          *currency;
  gint64               measures;
  gint64               planned_cents;
  gint64               actual_cents;
} TotalsGroup;

/* The new share, from the case just written rather than by reading it
 * back (a statement with a GROUP BY per save showed in the import's time):
 * write_plan has just marked its last version current and written its
 * measures as they are here (or left an agreed version, identical to
 * them, as it was). */
static gboolean
add_measure_totals (CareVault        *vault,
                    const CareCase   *c,
                    GError          **error)
{
  const CarePlanVersion *version = care_plan_get_current (c->plan);
  g_autoptr(GArray) groups = NULL;

  if (version == NULL || version->measures->len == 0)
    return TRUE;

  groups = g_array_sized_new (FALSE, TRUE, sizeof (TotalsGroup), version->measures->len);
  for (guint i = 0; i < version->measures->len; i++)
    {
      const CareMeasure *m = g_ptr_array_index (version->measures, i);
      TotalsGroup *group = NULL;

      for (guint g = 0; g < groups->len && group == NULL; g++)
        {
          TotalsGroup *candidate = &g_array_index (groups, TotalsGroup, g);
          if (candidate->category == m->category && g_strcmp0 (candidate->currency, m->currency) == 0)
            group = candidate;
        }
      if (group == NULL)
        {
          TotalsGroup fresh = { m->category, m->currency, 0, 0, 0 };
          g_array_append_val (groups, fresh);
          group = &g_array_index (groups, TotalsGroup, groups->len - 1);
        }
      group->measures++;
      if (m->status != CARE_MEASURE_CANCELLED)
        group->planned_cents += m->budget_cents;
      group->actual_cents += m->actual_cost_cents;
    }

  for (guint g = 0; g < groups->len; g++)
    {
      const TotalsGroup *group = &g_array_index (groups, TotalsGroup, g);
      g_autoptr(CareStoreStmt) stmt =
        care_store_stmt (vault, "INSERT INTO measure_totals (category, currency, measures, planned_cents, "
                                "actual_cents) VALUES (?1, ?2, ?3, ?4, ?5)" UPSERT_TOTALS_SQL, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, care_enum_to_nick (CARE_TYPE_MEASURE_CATEGORY, group->category), -1,
                         SQLITE_STATIC);
      care_store_bind_text (stmt, 2, group->currency);
      sqlite3_bind_int64 (stmt, 3, group->measures);
      sqlite3_bind_int64 (stmt, 4, group->planned_cents);
      sqlite3_bind_int64 (stmt, 5, group->actual_cents);
      if (!run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
prune_measure_totals (CareVault  *vault,
                      GError    **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "DELETE FROM measure_totals WHERE measures = 0", error);

  return stmt != NULL && run (stmt, error);
}

/* What `measure_totals` should hold, counted from the measures. */
#define RECOUNT_SQL \
  "SELECT m.category AS category, m.currency AS currency, count(*) AS measures, " \
  "  sum(CASE WHEN m.status <> ?1 THEN m.budget_cents ELSE 0 END) AS planned_cents, " \
  "  sum(m.actual_cost_cents) AS actual_cents " \
  "FROM plan_versions v JOIN measures m ON m.version_id = v.id " \
  "WHERE v.is_current GROUP BY m.category, m.currency"

gboolean
care_case_store_verify_totals (CareVault   *vault,
                               GPtrArray  **problems,
                               GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  /* A row at zero and no row at all mean the same. */
  stmt = care_store_stmt (vault, "WITH counted AS (" RECOUNT_SQL ") "
                                 "SELECT coalesce (s.category, c.category), coalesce (s.currency, c.currency), "
                                 "  coalesce (s.measures, 0), coalesce (s.planned_cents, 0), "
                                 "  coalesce (s.actual_cents, 0), coalesce (c.measures, 0), "
                                 "  coalesce (c.planned_cents, 0), coalesce (c.actual_cents, 0) "
                                 "FROM measure_totals s FULL JOIN counted c "
                                 "  ON c.category = s.category AND c.currency = s.currency "
                                 "WHERE coalesce (s.measures, 0) <> coalesce (c.measures, 0) "
                                 "   OR coalesce (s.planned_cents, 0) <> coalesce (c.planned_cents, 0) "
                                 "   OR coalesce (s.actual_cents, 0) <> coalesce (c.actual_cents, 0) "
                                 "ORDER BY 1, 2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cancelled_nick (), -1, SQLITE_STATIC);
  while (TRUE)
    {
      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      g_ptr_array_add (found,
                       /* Translators: %1$s is a category of measures (its code, e.g. medical-care),
                        * %2$s a currency code; amounts are in cents. */
                       g_strdup_printf (_("The stored totals of the %1$s measures in %2$s do not match the plans: "
                                          "%3$lld measures, %4$lld cents planned and %5$lld cents spent are stored, "
                                          "%6$lld, %7$lld and %8$lld are counted."),
                                        (const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (long long) sqlite3_column_int64 (stmt, 2),
                                        (long long) sqlite3_column_int64 (stmt, 3),
                                        (long long) sqlite3_column_int64 (stmt, 4),
                                        (long long) sqlite3_column_int64 (stmt, 5),
                                        (long long) sqlite3_column_int64 (stmt, 6),
                                        (long long) sqlite3_column_int64 (stmt, 7)));
    }
  *problems = g_steal_pointer (&found);
  return TRUE;
}

static gboolean
recount_totals (CareVault  *vault,
                GError    **error)
{
  g_autoptr(CareStoreStmt) clear = care_store_stmt (vault, "DELETE FROM measure_totals", error);
  g_autoptr(CareStoreStmt) fill = NULL;

  if (clear == NULL || !care_sql_step_done (sqlite3_db_handle (clear), clear, error))
    return FALSE;
  fill = care_store_stmt (vault, "INSERT INTO measure_totals (category, currency, measures, planned_cents, "
                                 "actual_cents) " RECOUNT_SQL, error);
  if (fill == NULL)
    return FALSE;
  sqlite3_bind_text (fill, 1, cancelled_nick (), -1, SQLITE_STATIC);
  return care_sql_step_done (sqlite3_db_handle (fill), fill, error);
}

gboolean
care_case_store_rebuild_totals (CareVault  *vault,
                                GError    **error)
{
  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);

  if (!care_store_savepoint (vault, error))
    return FALSE;
  if (!recount_totals (vault, error))
    {
      care_store_rollback_savepoint (vault);
      return FALSE;
    }
  return care_store_release_savepoint (vault, error);
}

/* --- the case row --- */

/* The next number of the (host country, year of referral) pair. Numbers
 * are never given twice, even after a deletion: a number written on a
 * paper file must not come to mean another person. */
static gboolean
assign_case_number (CareVault  *vault,
                    CareCase   *c,
                    GError    **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  guint year = g_date_get_year (&c->referral_date);
  CareCaseNumber probe;
  gboolean row;
  gint64 sequence;

  if (!care_case_number_init (&probe, c->host_country, year, 1))
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("A case number needs a known host country and a referral date."));
      return FALSE;
    }

  stmt = care_store_stmt (vault, "INSERT INTO case_sequences (host_country, year, last) VALUES (?1, ?2, 1) "
                                 "ON CONFLICT (host_country, year) DO UPDATE SET last = last + 1 "
                                 "RETURNING last", error);
  if (stmt == NULL)
    return FALSE;
  care_store_bind_text (stmt, 1, probe.host_country);
  sqlite3_bind_int (stmt, 2, (int) year);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return FALSE;
  g_assert (row);
  sequence = sqlite3_column_int64 (stmt, 0);
  care_store_stmt_release (stmt);

  if (!care_case_number_init (&c->number, probe.host_country, year, (guint) sequence))
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("No case number is left for this host country and year."));
      return FALSE;
    }
  return TRUE;
}

/* A case number given by the caller (an import keeps its numbers) must be
 * free, and later numbers of its pair must come after it. */
static gboolean
claim_case_number (CareVault   *vault,
                   CareCase    *c,
                   const char  *case_number,
                   GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  gint64 existing;

  if (!find_case_id (vault, case_number, &existing, error))
    return FALSE;
  if (existing != 0)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("Another case already has this case number."));
      return FALSE;
    }

  stmt = care_store_stmt (vault, "INSERT INTO case_sequences (host_country, year, last) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (host_country, year) DO UPDATE SET last = max(last, excluded.last)",
                          error);
  if (stmt == NULL)
    return FALSE;
  care_store_bind_text (stmt, 1, c->number.host_country);
  sqlite3_bind_int (stmt, 2, (int) c->number.year);
  sqlite3_bind_int (stmt, 3, (int) c->number.sequence);
  return run (stmt, error);
}

static void
bind_case_extras (CareVault           *vault,
                  sqlite3_stmt        *stmt,
                  int                  index,
                  const CareCase      *c,
                  const char          *case_number,
                  const CareSettings  *settings)
{
  const CareFollowUp *next = care_case_get_next_followup (c);

  care_store_bind_text (stmt, index++, case_number);
  care_store_bind_text (stmt, index++, c->number.host_country);
  sqlite3_bind_int (stmt, index++, (int) c->number.year);
  sqlite3_bind_int (stmt, index++, (int) c->number.sequence);
  sqlite3_bind_text (stmt, index++, care_enum_to_nick (CARE_TYPE_CASE_STATUS, care_case_get_status (c)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, index++, care_case_is_minor (c));
  sqlite3_bind_int (stmt, index++, care_case_is_eligible (c, settings));
  care_store_bind_date (stmt, index++, next != NULL ? &next->due_on : NULL);
  sqlite3_bind_text (stmt, index++, care_search_name_key (c->person), -1, g_free);
}

static gboolean
insert_case (SaveContext         *ctx,
             CareCase            *c,
             const CareSettings  *settings,
             GError             **error)
{
  g_autofree char *case_number = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(CareStoreStmt) stmt = NULL;
  int index;

  if (care_case_number_is_set (&c->number))
    {
      case_number = care_case_number_format (&c->number);
      if (!claim_case_number (ctx->vault, c, case_number, error))
        return FALSE;
    }
  else
    {
      if (!assign_case_number (ctx->vault, c, error))
        return FALSE;
      case_number = care_case_number_format (&c->number);
    }
  ctx->history.case_number = case_number;

  stmt = care_store_stmt (ctx->vault, care_record_insert_sql (&care_case_spec), error);
  if (stmt == NULL)
    return FALSE;
  index = care_record_bind (&care_case_spec, c, stmt, 1);
  bind_case_extras (ctx->vault, stmt, index, c, case_number, settings);
  if (!run (stmt, error))
    return FALSE;
  c->id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  care_store_stmt_release (stmt);

  ctx->log_children = FALSE;
  if (!write_plan (ctx, c, NULL, NULL, error) ||
      !add_measure_totals (ctx->vault, c, error) ||
      !sync_list (ctx, &care_arrival_item_spec, c->id, NULL, c->arrival_items, error) ||
      !sync_list (ctx, &care_followup_spec, c->id, NULL, c->followups, error) ||
      !write_closure (ctx, c, NULL, error) ||
      !care_search_index_case (ctx->vault, c, case_number, FALSE, error))
    return FALSE;

  fields = care_record_summarize (&care_case_spec, c);
  summary = g_strdup_printf ("%s; %s → %s; status: %s", fields,
                             c->host_country, c->return_country,
                             care_enum_to_nick (CARE_TYPE_CASE_STATUS, care_case_get_status (c)));
  return care_history_append (&ctx->history, "case", c->id, "create", NULL, NULL, summary, error);
}

static gboolean
search_fields_changed (const CareCase *a,
                       const CareCase *b)
{
  return g_strcmp0 (a->person->family_name, b->person->family_name) != 0 ||
         g_strcmp0 (a->person->given_names, b->person->given_names) != 0 ||
         g_strcmp0 (a->destination, b->destination) != 0 ||
         g_strcmp0 (a->referring_organisation, b->referring_organisation) != 0;
}

static gboolean
update_case (SaveContext         *ctx,
             CareCase            *c,
             const CareSettings  *settings,
             GError             **error)
{
  g_autoptr(GHashTable) version_rows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(CareCase) stored = NULL;
  g_autoptr(CareStoreStmt) stmt = NULL;
  g_autofree char *case_number = NULL;
  gboolean changed;
  int index;

  stored = load_case (ctx->vault, c->id, version_rows, error);
  if (stored == NULL)
    return FALSE;

  if (!care_case_number_is_set (&c->number))
    c->number = stored->number;
  else if (!care_case_number_equal (&c->number, &stored->number))
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("The case number of a case cannot be changed."));
      return FALSE;
    }
  case_number = care_case_number_format (&c->number);
  ctx->history.case_number = case_number;

  if (!check_frozen_versions (stored, c, error))
    return FALSE;

  ctx->log_children = TRUE;
  if (!log_changes (ctx, &care_case_spec, c->id, stored, c, &changed, error))
    return FALSE;

  /* The caches depend on children too (status, next follow-up): the row is
   * rewritten on every save, which costs one statement. */
  stmt = care_store_stmt (ctx->vault, care_record_update_sql (&care_case_spec), error);
  if (stmt == NULL)
    return FALSE;
  index = care_record_bind (&care_case_spec, c, stmt, 1);
  bind_case_extras (ctx->vault, stmt, index, c, case_number, settings);
  sqlite3_bind_int64 (stmt, index + (int) g_strv_length ((char **) care_case_spec.extra), c->id);
  if (!run (stmt, error))
    return FALSE;
  care_store_stmt_release (stmt);

  /* The stored plan's share of the totals goes out and the new one's
   * comes in, in this save's savepoint: a refused save changes neither. */
  if ((stored->plan->versions->len > 0 && !subtract_measure_totals (ctx->vault, c->id, error)) ||
      !write_plan (ctx, c, stored, version_rows, error) ||
      !add_measure_totals (ctx->vault, c, error) ||
      (stored->plan->versions->len > 0 && !prune_measure_totals (ctx->vault, error)) ||
      !sync_list (ctx, &care_arrival_item_spec, c->id, stored->arrival_items, c->arrival_items, error) ||
      !sync_list (ctx, &care_followup_spec, c->id, stored->followups, c->followups, error) ||
      !write_closure (ctx, c, stored, error))
    return FALSE;

  if (search_fields_changed (stored, c) &&
      !care_search_index_case (ctx->vault, c, case_number, TRUE, error))
    return FALSE;
  return TRUE;
}

gboolean
care_case_store_save (CareVault           *vault,
                      CareCase            *care_case,
                      const CareSettings  *settings,
                      const GDate         *today,
                      GError             **error)
{
  g_autoptr(CareSettings) own_settings = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(CareCase) work = NULL;
  SaveContext ctx = { vault, { 0 }, FALSE };
  GDate day;
  guint mark;
  gboolean ok;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (care_case != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (care_store_get_db (vault, error) == NULL)
    return FALSE;
  if (settings == NULL)
    {
      own_settings = care_settings_store_load (vault, error);
      if (own_settings == NULL)
        return FALSE;
      settings = own_settings;
    }
  care_store_get_today (today, &day);

  /* The work is done on a copy, handed back only once written: a refused
   * save leaves the caller's case as it was, without stale ids or a number
   * that was rolled back. The schedule comes before validation because a
   * withdrawn consent is only valid once it has cancelled what was left. */
  work = care_case_copy (care_case);
  care_case_update_schedule (work, settings);

  issues = care_case_validate (work, settings, &day);
  if (issues->len > 0)
    {
      g_autofree char *text = care_issues_to_string (issues);
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID, text);
      return FALSE;
    }

  mark = care_search_pending_mark (vault);
  if (!care_store_savepoint (vault, error))
    return FALSE;
  care_history_writer_init (&ctx.history, vault, NULL);
  ok = work->id == 0 ? insert_case (&ctx, work, settings, error) : update_case (&ctx, work, settings, error);
  care_history_writer_clear (&ctx.history);

  if (!ok)
    {
      care_store_rollback_savepoint (vault);
      care_search_forget_pending (vault, mark);
      return FALSE;
    }
  if (!care_store_release_savepoint (vault, error))
    {
      care_search_forget_pending (vault, mark);
      return FALSE;
    }

  {
    CareCase swap = *care_case;
    *care_case = *work;
    *work = swap;
  }
  return TRUE;
}

gboolean
care_case_store_delete (CareVault   *vault,
                        const char  *case_number,
                        GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autoptr(CareCase) stored = NULL;
  g_autofree char *summary = NULL;
  SaveContext ctx = { vault, { 0 }, TRUE };
  gint64 id;
  guint mark;
  gboolean ok;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (case_number != NULL, FALSE);

  canonical = canonical_case_number (case_number, error);
  if (canonical == NULL || !find_case_id (vault, canonical, &id, error))
    return FALSE;
  if (id == 0)
    {
      set_not_found (error);
      return FALSE;
    }

  mark = care_search_pending_mark (vault);
  if (!care_store_savepoint (vault, error))
    return FALSE;
  care_history_writer_init (&ctx.history, vault, canonical);

  {
    g_autoptr(CareStoreStmt) stmt = NULL;
    g_autoptr(CareCase) c = care_case_store_load_by_id (vault, id, error);

    ok = c != NULL;
    if (ok)
      {
        g_autofree char *fields = care_record_summarize (&care_case_spec, c);
        summary = g_strdup_printf ("%s; status: %s", fields,
                                   care_enum_to_nick (CARE_TYPE_CASE_STATUS, care_case_get_status (c)));
      }
    ok = ok && (c->plan->versions->len == 0 ||
                (subtract_measure_totals (vault, id, error) && prune_measure_totals (vault, error)));
    /* Children go with ON DELETE CASCADE. */
    ok = ok && (stmt = care_store_stmt (vault, "DELETE FROM cases WHERE id = ?", error)) != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (stmt, 1, id);
        ok = run (stmt, error);
      }
  }
  ok = ok && care_search_unindex_case (vault, id, error) &&
       care_history_append (&ctx.history, "case", id, "delete", NULL, summary, NULL, error);
  care_history_writer_clear (&ctx.history);

  if (!ok || !care_store_release_savepoint (vault, error))
    {
      if (!ok)
        care_store_rollback_savepoint (vault);
      care_search_forget_pending (vault, mark);
      return FALSE;
    }
  return TRUE;
}

char *
care_case_store_find_duplicate (CareVault         *vault,
                                const CarePerson  *person,
                                GError           **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);
  g_return_val_if_fail (person != NULL, NULL);

  /* Like care_person_is_probable_duplicate: without a date of birth,
   * names alone are too common to call anyone a duplicate. */
  if (!care_birth_date_is_set (&person->date_of_birth))
    return NULL;

  stmt = care_store_stmt (vault, "SELECT case_number FROM cases WHERE name_key = ? AND date_of_birth = ? "
                                 "ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, care_search_name_key (person), -1, g_free);
  sqlite3_bind_text (stmt, 2, care_birth_date_format (&person->date_of_birth), -1, g_free);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error) || !row)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* --- export --- */

gboolean
care_case_store_foreach_export_row (CareVault        *vault,
                                    CareCaseRowFunc   func,
                                    gpointer          user_data,
                                    guint            *out_n_cases,
                                    GError          **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(CareStoreStmt) stmt = NULL;
  g_autoptr(CareCase) c = NULL;
  guint index = 0;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The count is part of the same statement, so of the same read: it is
   * the number of rows that follow. */
  sql = g_strdup_printf ("SELECT (SELECT count(*) FROM cases), c.id, c.number_country, c.number_year, "
                         "  c.number_sequence, %s "
                         "FROM cases c ORDER BY c.number_country, c.number_year, c.number_sequence",
                         care_record_columns (&care_case_spec, "c"));
  stmt = care_store_stmt (vault, sql, error);
  if (stmt == NULL)
    return FALSE;

  /* One case for every row: each row overwrites every field of the spec. */
  c = care_case_new ();
  while (TRUE)
    {
      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      c->id = sqlite3_column_int64 (stmt, 1);
      care_case_number_init (&c->number, (const char *) sqlite3_column_text (stmt, 2),
                             (guint) sqlite3_column_int (stmt, 3), (guint) sqlite3_column_int (stmt, 4));
      care_record_read (&care_case_spec, c, stmt, 5);
      if (!func (c, index, (guint) sqlite3_column_int64 (stmt, 0), user_data, error))
        return FALSE;
      index++;
    }
  if (out_n_cases != NULL)
    *out_n_cases = index;
  return TRUE;
}

/* --- listing --- */

/* Every column comes from `cases_list` (migration 6), already in this
 * order, so that listing every case does not read the wide rows; the
 * overdue count of a case, from `followups_pending`. */
#define LIST_SQL(hint, search) \
  "SELECT c.id, c.case_number, c.family_name, c.given_names, c.status, c.host_country, c.return_country, " \
  "  c.is_minor, c.is_eligible, c.next_followup, " \
  "  CASE WHEN c.next_followup < ?1 THEN " \
  "    (SELECT count(*) FROM followups f INDEXED BY followups_pending WHERE f.case_id = c.id " \
  "       AND f.done_on IS NULL AND f.cancelled_on IS NULL AND f.due_on < ?1) ELSE 0 END " \
  "FROM cases c " hint " " \
  "WHERE " search \
  "  (?2 IS NULL OR c.status = ?2) AND (?3 IS NULL OR c.host_country = ?3) " \
  "  AND (?4 = 0 OR c.is_minor) AND (?5 = 0 OR c.next_followup < ?1) " \
  "ORDER BY c.number_country, c.number_year, c.number_sequence LIMIT ?6"

/* Past this many matches, reading the whole of `cases_list` in order and
 * keeping the matching rows beats looking each match up in `cases` (its
 * wide rows, one page each): at 100,000 cases, 66,180 matches take 63 ms
 * instead of 240 ms, while 753 matches take 16 ms instead of 2 ms; the
 * two cost the same near 10,000. */
#define SCAN_BEYOND_MATCHES 10000
#define MATCHING_SQL "c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?7) AND "

/* SQLite's progress handler: a query superseded by a newer one (the next
 * keystroke) stops within a few thousand steps instead of running on. */
static int
list_cancelled_cb (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

static GPtrArray *list_cases (CareVault *vault, const CareCaseQuery *query, GError **error);

static gboolean
in_number_order (const CareCaseQuery *query)
{
  return query->order == CARE_CASE_ORDER_NUMBER && !query->descending;
}

GPtrArray *
care_case_store_list (CareVault            *vault,
                      const CareCaseQuery  *query,
                      GError              **error)
{
  sqlite3 *db;
  GPtrArray *cases;
  GError *local_error = NULL;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  if (query == NULL || query->cancellable == NULL)
    return list_cases (vault, query, error);
  if (g_cancellable_set_error_if_cancelled (query->cancellable, error))
    return NULL;

  db = care_vault_get_db (vault);
  sqlite3_progress_handler (db, 1000, list_cancelled_cb, query->cancellable);
  cases = list_cases (vault, query, &local_error);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  if (cases == NULL && g_cancellable_is_cancelled (query->cancellable))
    {
      g_clear_error (&local_error);
      g_cancellable_set_error_if_cancelled (query->cancellable, &local_error);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return cases;
}

static void
bind_list_query (CareStoreStmt       *stmt,
                 const CareCaseQuery *query,
                 const GDate         *today,
                 const char          *match,
                 gint64               limit)
{
  sqlite3_reset (stmt);
  care_store_bind_date (stmt, 1, today);
  if (query->by_status)
    sqlite3_bind_text (stmt, 2, care_enum_to_nick (CARE_TYPE_CASE_STATUS, query->status), -1, SQLITE_STATIC);
  care_store_bind_text (stmt, 3, query->host_country);
  sqlite3_bind_int (stmt, 4, query->minors_only);
  sqlite3_bind_int (stmt, 5, query->overdue_only);
  sqlite3_bind_int64 (stmt, 6, limit > 0 ? limit : -1);
  if (match != NULL)
    care_store_bind_text (stmt, 7, match);
}

static GPtrArray *
read_list_rows (CareStoreStmt  *stmt,
                GError        **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) care_case_summary_free);
  gboolean row;

  while (TRUE)
    {
      CareCaseSummary *s;
      int status = CARE_CASE_REFERRED;

      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      s = g_new0 (CareCaseSummary, 1);
      s->id = sqlite3_column_int64 (stmt, 0);
      s->case_number = care_store_column_dup (stmt, 1);
      s->family_name = care_store_column_dup (stmt, 2);
      s->given_names = care_store_column_dup (stmt, 3);
      if (!care_enum_from_nick (CARE_TYPE_CASE_STATUS, (const char *) sqlite3_column_text (stmt, 4), &status))
        status = CARE_CASE_REFERRED;
      s->status = (CareCaseStatus) status;
      s->host_country = care_store_column_dup (stmt, 5);
      s->return_country = care_store_column_dup (stmt, 6);
      s->minor = sqlite3_column_int (stmt, 7) != 0;
      s->eligible = sqlite3_column_int (stmt, 8) != 0;
      care_store_column_date (stmt, 9, &s->next_followup);
      s->overdue_followups = (guint) sqlite3_column_int (stmt, 10);
      g_ptr_array_add (cases, s);
    }
  return g_steal_pointer (&cases);
}

/* A long answer in case-number order: its first rows can be read in a
 * millisecond or two (SQLite stops after them) and shown while the rest
 * is read. */
static gboolean
wants_first_rows (const CareCaseQuery *query,
                  const char          *match,
                  guint                n_matches)
{
  return query->first_rows != NULL && query->limit == 0 && in_number_order (query) &&
         (match == NULL || n_matches > SCAN_BEYOND_MATCHES);
}

static GPtrArray *
list_cases (CareVault            *vault,
            const CareCaseQuery  *query,
            GError              **error)
{
  static const CareCaseQuery everything = { 0 };
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(CareStoreStmt) stmt = NULL;
  g_autofree char *match = NULL;
  guint n_matches = 0;
  GDate today;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  if (query == NULL)
    query = &everything;
  care_store_get_today (g_date_valid (&query->today) ? &query->today : NULL, &today);
  match = care_search_build_query (query->search);
  /* Cases saved since care_store_begin are found too. */
  if (match != NULL && !care_search_flush (vault, FALSE, error))
    return NULL;

  if (match == NULL)
    stmt = care_store_stmt (vault, LIST_SQL ("", ""), error);
  else if (care_search_count_matches (vault, match, &n_matches, error))
    stmt = care_store_stmt (vault, n_matches > SCAN_BEYOND_MATCHES
                            ? LIST_SQL ("INDEXED BY cases_list", MATCHING_SQL)
                            : LIST_SQL ("", MATCHING_SQL), error);
  if (stmt == NULL)
    return NULL;

  if (wants_first_rows (query, match, n_matches))
    {
      GPtrArray *first;

      bind_list_query (stmt, query, &today, match, CARE_CASE_FIRST_ROWS);
      if ((first = read_list_rows (stmt, error)) == NULL)
        return NULL;
      query->first_rows (first, query->first_rows_data);
    }

  /* A limit keeps the first rows in case-number order: only that order
   * lets SQLite stop early. */
  bind_list_query (stmt, query, &today, match, in_number_order (query) ? query->limit : 0);
  if ((cases = read_list_rows (stmt, error)) == NULL)
    return NULL;
  if (!care_case_summaries_sort (cases, query->order, query->descending, query->cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return NULL;
    }
  if (query->limit > 0 && cases->len > query->limit)
    g_ptr_array_set_size (cases, query->limit);
  return g_steal_pointer (&cases);
}
