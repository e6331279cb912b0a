/* care-store-sql.c — small helpers over the SQLite API, for src/store only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <glib/gi18n.h>

#include "care-store-sql.h"
#include "care-vault-error.h"

/* SQLite's messages can quote data ("UNIQUE constraint failed: …" names
 * columns, never values, but a CHECK or a trigger may say more), so the
 * person sees a sentence chosen by what went wrong, and the SQLite text only
 * when it is about the disk or the schema. */
void
care_sql_set_error (sqlite3  *db,
                    GError  **error)
{
  int code = sqlite3_extended_errcode (db);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_BUSY,
                           _("The vault is busy: another program is writing to it. "
                             "Try again in a moment."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                           _("The vault is damaged: its database is inconsistent. "
                             "Restore it from a backup."));
      break;

    case SQLITE_IOERR:
      if (code == SQLITE_IOERR_DATA)
        g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                             _("The vault has been tampered with or is damaged: a page "
                               "failed authentication. Restore it from a backup."));
      else
        /* Translators: %s is SQLite's description of a disk error. */
        g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_IO,
                     _("Could not read or write the vault: %s"), sqlite3_errmsg (db));
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_IO,
                           _("The disk is full: nothing was saved."));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("The change conflicts with a record already in the vault; "
                             "nothing was saved."));
      break;

    default:
      /* Translators: %s is SQLite's description of an internal error. */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_IO,
                   _("The vault's database reported an error: %s"), sqlite3_errmsg (db));
      break;
    }
}

gboolean
care_sql_exec (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  care_sql_set_error (db, error);
  return FALSE;
}

gboolean
care_sql_prepare (sqlite3       *db,
                  const char    *sql,
                  sqlite3_stmt **stmt,
                  GError       **error)
{
  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) == SQLITE_OK)
    return TRUE;

  care_sql_set_error (db, error);
  return FALSE;
}

gboolean
care_sql_step_done (sqlite3       *db,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;

  care_sql_set_error (db, error);
  return FALSE;
}
