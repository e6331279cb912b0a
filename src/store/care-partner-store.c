/* care-partner-store.c — the directory of partner organisations
 *
 * A name is unique within its kind (one "Amicale du Nid" association, but
 * it may also be listed as a service provider). An organisation that a
 * case or a measure names cannot be deleted: the records would lose who
 * referred the person or who provides the help.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-rows.h"
#include "care-case-store.h"
#include "care-history.h"
#include "care-issue.h"
#include "care-store-cache.h"
#include "care-store-sql.h"
#include "care-validate.h"

G_STATIC_ASSERT (G_STRUCT_OFFSET (CarePartner, id) == 0);

static CarePartner *
read_partner (sqlite3_stmt *stmt)
{
  CarePartner *partner = care_partner_new (CARE_PARTNER_REFERRING_ASSOCIATION, NULL);

  partner->id = sqlite3_column_int64 (stmt, 0);
  care_record_read (&care_partner_spec, partner, stmt, 1);
  return partner;
}

static const char *
select_sql (const char *where)
{
  /* Built once per WHERE clause; the statement cache keys on the text. */
  static GHashTable *texts;
  static GMutex mutex;
  const char *sql;

  g_mutex_lock (&mutex);
  if (texts == NULL)
    texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  sql = g_hash_table_lookup (texts, where);
  if (sql == NULL)
    {
      sql = g_strdup_printf ("SELECT p.id, %s FROM partners p %s",
                             care_record_columns (&care_partner_spec, "p"), where);
      g_hash_table_insert (texts, (gpointer) where, (gpointer) sql);
    }
  g_mutex_unlock (&mutex);
  return sql;
}

GPtrArray *
care_partner_store_list (CareVault  *vault,
                         GError    **error)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func ((GDestroyNotify) care_partner_free);
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  stmt = care_store_stmt (vault, select_sql ("ORDER BY p.name, p.kind, p.id"), error);
  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (partners, read_partner (stmt));
    }
  return g_steal_pointer (&partners);
}

/* Any kind, case ignored (for ASCII letters): an import names an
 * organisation, not its kind. NULL without error when there is none. */
CarePartner *
care_partner_store_find_by_name (CareVault   *vault,
                                 const char  *name,
                                 GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = care_store_stmt (vault, select_sql ("WHERE p.name = ? ORDER BY p.kind, p.id LIMIT 1"), error);
  if (stmt == NULL)
    return NULL;
  care_store_bind_text (stmt, 1, name);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error) || !row)
    return NULL;
  return read_partner (stmt);
}

static CarePartner *
load_partner (CareVault  *vault,
              gint64      id,
              GError    **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, select_sql ("WHERE p.id = ?"), error);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                           _("This organisation is not in the directory."));
      return NULL;
    }
  return read_partner (stmt);
}

static gboolean
write_partner (CareVault    *vault,
               CarePartner  *partner,
               GError      **error)
{
  CareHistoryWriter history;
  gboolean ok = TRUE;

  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT 1 FROM partners WHERE kind = ? AND name = ? AND id <> ?", error);
    gboolean row;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, care_enum_to_nick (CARE_TYPE_PARTNER_KIND, partner->kind), -1, SQLITE_STATIC);
    care_store_bind_text (stmt, 2, partner->name);
    sqlite3_bind_int64 (stmt, 3, partner->id);
    if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
      return FALSE;
    if (row)
      {
        g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                             _("The directory already has an organisation of this kind with this name."));
        return FALSE;
      }
  }

  care_history_writer_init (&history, vault, NULL);
  if (partner->id == 0)
    {
      g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, care_record_insert_sql (&care_partner_spec), error);
      g_autofree char *summary = NULL;

      ok = stmt != NULL;
      if (ok)
        {
          care_record_bind (&care_partner_spec, partner, stmt, 1);
          ok = care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
        }
      if (ok)
        {
          partner->id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
          summary = care_record_summarize (&care_partner_spec, partner);
          ok = care_history_append (&history, "partner", partner->id, "create", NULL, NULL, summary, error);
        }
    }
  else
    {
      g_autoptr(CarePartner) old = load_partner (vault, partner->id, error);

      ok = old != NULL;
      for (guint i = 0; ok && i < care_partner_spec.n_fields; i++)
        {
          g_autofree char *old_value = NULL;
          g_autofree char *new_value = NULL;

          if (care_record_field_equal (&care_partner_spec, old, partner, i))
            continue;
          old_value = care_record_get_value (&care_partner_spec, old, i);
          new_value = care_record_get_value (&care_partner_spec, partner, i);
          ok = care_history_append (&history, "partner", partner->id, "update",
                                    care_partner_spec.fields[i].column, old_value, new_value, error);
        }
      if (ok && !care_record_equal (&care_partner_spec, old, partner))
        {
          g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, care_record_update_sql (&care_partner_spec), error);

          ok = stmt != NULL;
          if (ok)
            {
              int index = care_record_bind (&care_partner_spec, partner, stmt, 1);
              sqlite3_bind_int64 (stmt, index, partner->id);
              ok = care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
            }
        }
    }
  care_history_writer_clear (&history);
  return ok;
}

gboolean
care_partner_store_save (CareVault    *vault,
                         CarePartner  *partner,
                         GError      **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  gint64 id_before;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (partner != NULL, FALSE);

  issues = care_partner_validate (partner);
  if (issues->len > 0)
    {
      g_autofree char *text = care_issues_to_string (issues);
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID, text);
      return FALSE;
    }

  id_before = partner->id;
  if (!care_store_savepoint (vault, error))
    return FALSE;
  if (!write_partner (vault, partner, error))
    {
      partner->id = id_before;
      care_store_rollback_savepoint (vault);
      return FALSE;
    }
  if (!care_store_release_savepoint (vault, error))
    {
      partner->id = id_before;
      return FALSE;
    }
  return TRUE;
}

static guint
count_uses (CareVault   *vault,
            const char  *sql,
            gint64       id,
            gboolean    *ok,
            GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);
  gboolean row;

  if (stmt == NULL)
    {
      *ok = FALSE;
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    {
      *ok = FALSE;
      return 0;
    }
  return (guint) sqlite3_column_int64 (stmt, 0);
}

gboolean
care_partner_store_delete (CareVault  *vault,
                           gint64      id,
                           GError    **error)
{
  g_autoptr(CarePartner) old = NULL;
  g_autofree char *summary = NULL;
  CareHistoryWriter history;
  guint cases, measures;
  gboolean ok = TRUE;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);

  old = load_partner (vault, id, error);
  if (old == NULL)
    return FALSE;

  cases = count_uses (vault, "SELECT count(*) FROM cases WHERE referring_partner_id = ?", id, &ok, error);
  measures = ok ? count_uses (vault, "SELECT count(*) FROM measures WHERE provider_id = ?", id, &ok, error) : 0;
  if (!ok)
    return FALSE;
  if (cases > 0 || measures > 0)
    {
      if (cases > 0 && measures > 0)
        {
          g_autofree char *reason = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u case was referred by it", "%u cases were referred by it", cases),
            cases);
          g_autofree char *more = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u measure of a plan names it", "%u measures of plans name it",
                         measures), measures);
          g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                       /* Translators: %1$s says how many cases, %2$s how many measures */
                       _("This organisation cannot be deleted: %1$s, and %2$s."), reason, more);
        }
      else if (cases > 0)
        g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "This organisation cannot be deleted: %u case was referred by it.",
                                  "This organisation cannot be deleted: %u cases were referred by it.", cases),
                     cases);
      else
        g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "This organisation cannot be deleted: %u measure of a plan names it.",
                                  "This organisation cannot be deleted: %u measures of plans name it.", measures),
                     measures);
      return FALSE;
    }

  if (!care_store_savepoint (vault, error))
    return FALSE;
  care_history_writer_init (&history, vault, NULL);
  {
    g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "DELETE FROM partners WHERE id = ?", error);
    ok = stmt != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (stmt, 1, id);
        ok = care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
      }
  }
  summary = care_record_summarize (&care_partner_spec, old);
  ok = ok && care_history_append (&history, "partner", id, "delete", NULL, summary, NULL, error);
  care_history_writer_clear (&history);
  if (!ok)
    {
      care_store_rollback_savepoint (vault);
      return FALSE;
    }
  return care_store_release_savepoint (vault, error);
}
