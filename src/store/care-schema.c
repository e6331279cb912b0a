/* care-schema.c — the vault's tables and their forward-only migrations
 *
 * Each migration runs in its own transaction and ends by setting
 * user_version, so a migration cut off by a crash is simply run again. A
 * migration, once released, is never edited: later changes are new steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-schema"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "care-schema.h"
#include "care-store-sql.h"
#include "care-vault-error.h"

typedef gboolean (*MigrationStep) (sqlite3 *db, GError **error);

typedef struct {
  const char    *sql;
  MigrationStep  step;
} Migration;

/* Ed25519 key of the office, made once with the vault: documents exported
 * from it are signed with this key (minisign's format). */
static gboolean
create_office_key (sqlite3  *db,
                   GError  **error)
{
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 *secret_key = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  guint8 key_id[8];
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  crypto_sign_keypair (public_key, secret_key);
  randombytes_buf (key_id, sizeof key_id);

  ok = care_sql_prepare (db, "INSERT INTO office_key (id, public_key, secret_key, key_id, created_at) "
                             "VALUES (1, ?, ?, ?, ?)", &stmt, error);
  if (ok)
    {
      sqlite3_bind_blob (stmt, 1, public_key, sizeof public_key, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 2, secret_key, crypto_sign_SECRETKEYBYTES, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 3, key_id, sizeof key_id, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, created, -1, SQLITE_STATIC);
      ok = care_sql_step_done (db, stmt, error);
    }

  sqlite3_finalize (stmt);
  sodium_free (secret_key);
  return ok;
}

static const Migration migrations[] = {
  /* 1: what a vault says about itself. */
  { "CREATE TABLE vault_info ("
    "  key   TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL"
    ") STRICT;"
    "INSERT INTO vault_info (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));",
    NULL },

  /* 2: the office's document-signing key. */
  { "CREATE TABLE office_key ("
    "  id         INTEGER PRIMARY KEY CHECK (id = 1),"
    "  public_key BLOB NOT NULL,"
    "  secret_key BLOB NOT NULL,"
    "  key_id     BLOB NOT NULL,"
    "  created_at TEXT NOT NULL"
    ") STRICT;",
    create_office_key },
};

int
care_schema_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

int
care_schema_get_version (sqlite3  *db,
                         GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (!care_sql_prepare (db, "PRAGMA user_version", &stmt, error))
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    care_sql_set_error (db, error);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
run_migration (sqlite3  *db,
               int       version,
               GError  **error)
{
  const Migration *m = &migrations[version - 1];
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!care_sql_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (care_sql_exec (db, m->sql, error) &&
      (m->step == NULL || m->step (db, error)) &&
      care_sql_exec (db, set_version, error) &&
      care_sql_exec (db, "COMMIT", error))
    return TRUE;

  care_sql_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

gboolean
care_schema_migrate (sqlite3  *db,
                     int       target_version,
                     GError  **error)
{
  int version;

  g_return_val_if_fail (target_version >= 0 && target_version <= care_schema_get_latest_version (), FALSE);

  version = care_schema_get_version (db, error);
  if (version < 0)
    return FALSE;

  if (version > care_schema_get_latest_version ())
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_VERSION,
                           _("This vault was made by a newer version of CARE. "
                             "Update CARE to open it."));
      return FALSE;
    }

  for (int v = version + 1; v <= target_version; v++)
    if (!run_migration (db, v, error))
      return FALSE;

  return TRUE;
}
