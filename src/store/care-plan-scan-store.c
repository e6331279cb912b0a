/* care-plan-scan-store.c — the scan of a signed plan, kept in the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "care-history.h"
#include "care-plan-scan-store.h"
#include "care-store-cache.h"
#include "care-vault-error.h"

void
care_plan_scan_free (CarePlanScan *scan)
{
  if (scan == NULL)
    return;

  g_free (scan->case_number);
  g_free (scan->media_type);
  g_free (scan->file_name);
  g_free (scan->attached_at);
  g_free (scan->attached_by);
  g_clear_pointer (&scan->data, g_bytes_unref);
  g_free (scan);
}

const char *
care_plan_scan_sniff (const guint8 *data,
                      gsize         length)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };

  if (data == NULL)
    return NULL;
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";
  if (length >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (length >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";
  return NULL;
}

/* The row of version VERSION of CASE_NUMBER, and whether it is agreed. */
static gboolean
find_version (CareVault   *vault,
              const char  *case_number,
              guint        version,
              gint64      *out_id,
              gboolean    *out_agreed,
              GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = care_store_stmt (vault, "SELECT v.id, v.state = 'agreed' FROM plan_versions v "
                                 "JOIN cases c ON c.id = v.case_id "
                                 "WHERE c.case_number = ? AND v.number = ?", error);
  if (stmt == NULL)
    return FALSE;
  care_store_bind_text (stmt, 1, case_number);
  sqlite3_bind_int64 (stmt, 2, version);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return FALSE;
  if (!row)
    {
      /* Translators: %1$s is a case number, %2$u a plan version number */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                   _("Case %1$s has no plan version %2$u."), case_number, version);
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  *out_agreed = sqlite3_column_int (stmt, 1) != 0;
  return TRUE;
}

gboolean
care_plan_scan_store_attach (CareVault   *vault,
                             const char  *case_number,
                             guint        version,
                             const char  *file_name,
                             GBytes      *data,
                             GError     **error)
{
  CareHistoryWriter history;
  g_autofree char *base = NULL;
  g_autofree char *summary = NULL;
  const char *media_type;
  const guint8 *bytes;
  gsize length;
  gint64 version_id = 0;
  gboolean agreed = FALSE, ok;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (case_number != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_bytes_get_data (data, &length);
  media_type = care_plan_scan_sniff (bytes, length);
  if (media_type == NULL)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("A scan must be a PDF, PNG or JPEG file."));
      return FALSE;
    }
  if (length > CARE_PLAN_SCAN_MAX_BYTES)
    {
      /* Translators: %u is a size in megabytes */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                   _("A scan may not be larger than %u MB: scan at a lower resolution."),
                   (guint) (CARE_PLAN_SCAN_MAX_BYTES / (1024 * 1024)));
      return FALSE;
    }

  if (!care_store_savepoint (vault, error))
    return FALSE;

  ok = find_version (vault, case_number, version, &version_id, &agreed, error);
  if (ok && !agreed)
    {
      /* Translators: %u is a plan version number */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                   _("Version %u of the plan is a draft: only an agreed version is signed, "
                     "so only an agreed version takes a scan."), version);
      ok = FALSE;
    }

  care_history_writer_init (&history, vault, case_number);
  if (ok)
    {
      g_autoptr(CareStoreStmt) stmt =
        care_store_stmt (vault, "INSERT INTO plan_scans (version_id, media_type, file_name, data, attached_at, attached_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                "ON CONFLICT (version_id) DO UPDATE SET media_type = ?2, file_name = ?3, "
                                "data = ?4, attached_at = ?5, attached_by = ?6", error);

      base = file_name != NULL ? g_path_get_basename (file_name) : g_strdup ("");
      ok = stmt != NULL;
      if (ok)
        {
          gboolean row;

          sqlite3_bind_int64 (stmt, 1, version_id);
          care_store_bind_text (stmt, 2, media_type);
          care_store_bind_text (stmt, 3, base);
          sqlite3_bind_blob64 (stmt, 4, bytes, length, SQLITE_STATIC);
          care_store_bind_text (stmt, 5, history.at);
          care_store_bind_text (stmt, 6, history.who);
          ok = care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error);
        }
    }
  if (ok)
    {
      /* The history says what was attached, not what it shows. */
      summary = g_strdup_printf ("version=%u type=%s size=%" G_GSIZE_FORMAT, version, media_type, length);
      ok = care_history_append (&history, "plan_scan", version_id, "attach", NULL, NULL, summary, error);
    }
  care_history_writer_clear (&history);

  if (!ok)
    {
      care_store_rollback_savepoint (vault);
      return FALSE;
    }
  return care_store_release_savepoint (vault, error);
}

static CarePlanScan *
read_scan (sqlite3_stmt *stmt,
           gboolean      with_data)
{
  CarePlanScan *scan = g_new0 (CarePlanScan, 1);

  scan->case_number = care_store_column_dup (stmt, 0);
  scan->version = sqlite3_column_int (stmt, 1);
  scan->media_type = care_store_column_dup (stmt, 2);
  scan->file_name = care_store_column_dup (stmt, 3);
  scan->size = sqlite3_column_int64 (stmt, 4);
  scan->attached_at = care_store_column_dup (stmt, 5);
  scan->attached_by = care_store_column_dup (stmt, 6);
  if (with_data)
    scan->data = g_bytes_new (sqlite3_column_blob (stmt, 7), sqlite3_column_bytes (stmt, 7));
  return scan;
}

#define SCAN_SQL(data, where) \
  "SELECT c.case_number, v.number, s.media_type, s.file_name, length (s.data), s.attached_at, s.attached_by" \
  data " FROM plan_scans s JOIN plan_versions v ON v.id = s.version_id JOIN cases c ON c.id = v.case_id " \
  "WHERE c.case_number = ?1" where " ORDER BY v.number"

CarePlanScan *
care_plan_scan_store_get (CareVault   *vault,
                          const char  *case_number,
                          guint        version,
                          gboolean     with_data,
                          GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);
  g_return_val_if_fail (case_number != NULL, NULL);

  stmt = care_store_stmt (vault, with_data ? SCAN_SQL (", s.data", " AND v.number = ?2")
                                           : SCAN_SQL ("", " AND v.number = ?2"), error);
  if (stmt == NULL)
    return NULL;
  care_store_bind_text (stmt, 1, case_number);
  sqlite3_bind_int64 (stmt, 2, version);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return NULL;
  if (!row)
    {
      /* Translators: %1$s is a case number, %2$u a plan version number */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                   _("No scan is attached to version %2$u of the plan of case %1$s."), case_number, version);
      return NULL;
    }
  return read_scan (stmt, with_data);
}

GPtrArray *
care_plan_scan_store_list (CareVault   *vault,
                           const char  *case_number,
                           GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func ((GDestroyNotify) care_plan_scan_free);

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);
  g_return_val_if_fail (case_number != NULL, NULL);

  stmt = care_store_stmt (vault, SCAN_SQL ("", ""), error);
  if (stmt == NULL)
    return NULL;
  care_store_bind_text (stmt, 1, case_number);
  while (TRUE)
    {
      gboolean row = FALSE;

      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (scans, read_scan (stmt, FALSE));
    }
  return g_steal_pointer (&scans);
}
