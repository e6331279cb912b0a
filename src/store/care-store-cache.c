/* care-store-cache.c — prepared statements kept per vault connection, and
 * the transactions the repositories share
 *
 * Saving a case runs some twenty statements; preparing them anew each time
 * would cost more than running them (an import of 100,000 cases must take
 * seconds, not minutes). So each vault connection keeps its statements,
 * prepared on first use, in a table attached to the CareVault.
 *
 * A statement that is never finalized keeps its connection alive: SQLite's
 * sqlite3_close_v2() would leave a "zombie" holding its page cache, that is
 * decrypted pages, after care_vault_lock(). SQLite announces every close to
 * a SQLITE_TRACE_CLOSE callback before it looks for open statements, so the
 * cache finalizes everything there and the connection closes for real.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-store.h"
#include "care-date.h"
#include "care-search.h"
#include "care-store-cache.h"
#include "care-store-sql.h"
#include "care-vault-private.h"

#define CACHE_KEY "care-store-statement-cache"

typedef struct {
  sqlite3    *db;      /* NULL once that connection closed */
  GHashTable *stmts;   /* SQL text → sqlite3_stmt */
  guint       savepoints;        /* open care_store_savepoint()s */
  gboolean    own_transaction;   /* the outermost one began the transaction */
} StatementCache;

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

static int
connection_traced (unsigned  type,
                   void     *user_data,
                   void     *p,
                   void     *x)
{
  StatementCache *cache = user_data;

  if (type == SQLITE_TRACE_CLOSE)
    {
      g_hash_table_remove_all (cache->stmts);
      cache->db = NULL;
    }
  return 0;
}

static void
statement_cache_free (gpointer data)
{
  StatementCache *cache = data;

  if (cache->db != NULL)
    sqlite3_trace_v2 (cache->db, 0, NULL, NULL);
  g_hash_table_unref (cache->stmts);
  g_free (cache);
}

static StatementCache *
get_cache (CareVault  *vault,
           sqlite3   **out_db,
           GError    **error)
{
  StatementCache *cache;
  sqlite3 *db = care_store_get_db (vault, error);

  if (db == NULL)
    return NULL;

  cache = g_object_get_data (G_OBJECT (vault), CACHE_KEY);
  if (cache == NULL || cache->db != db)
    {
      cache = g_new0 (StatementCache, 1);
      cache->db = db;
      cache->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
      sqlite3_trace_v2 (db, SQLITE_TRACE_CLOSE, connection_traced, cache);
      g_object_set_data_full (G_OBJECT (vault), CACHE_KEY, cache, statement_cache_free);
    }
  *out_db = db;
  return cache;
}

sqlite3 *
care_store_get_db (CareVault  *vault,
                   GError    **error)
{
  sqlite3 *db;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  db = care_vault_get_db (vault);
  if (db == NULL)
    g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_LOCKED,
                         _("The vault is locked. Unlock it again to go on."));
  return db;
}

CareStoreStmt *
care_store_stmt (CareVault   *vault,
                 const char  *sql,
                 GError     **error)
{
  sqlite3 *db = NULL;
  StatementCache *cache = get_cache (vault, &db, error);
  sqlite3_stmt *stmt;

  if (cache == NULL)
    return NULL;

  stmt = g_hash_table_lookup (cache->stmts, sql);
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          care_sql_set_error (db, error);
          return NULL;
        }
      g_hash_table_insert (cache->stmts, g_strdup (sql), stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return stmt;
}

void
care_store_stmt_release (CareStoreStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gboolean
exec_cached (CareVault   *vault,
             const char  *sql,
             GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, sql, error);

  if (stmt == NULL)
    return FALSE;
  return care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
}

gboolean
care_store_begin (CareVault  *vault,
                  GError    **error)
{
  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);

  /* IMMEDIATE: take the write lock now, so that an import finds a busy
   * vault at its start rather than after minutes of work. */
  if (!exec_cached (vault, "BEGIN IMMEDIATE", error))
    return FALSE;
  care_search_defer (vault);
  return TRUE;
}

gboolean
care_store_commit (CareVault  *vault,
                   GError    **error)
{
  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);

  if (!care_search_flush (vault, FALSE, error) || !exec_cached (vault, "COMMIT", error))
    return FALSE;
  care_search_flush (vault, TRUE, NULL);
  return TRUE;
}

void
care_store_rollback (CareVault *vault)
{
  sqlite3 *db;

  g_return_if_fail (CARE_IS_VAULT (vault));

  g_object_set_data (G_OBJECT (vault), "care-search-pending", NULL);
  db = care_vault_get_db (vault);
  if (db != NULL && !sqlite3_get_autocommit (db))
    exec_cached (vault, "ROLLBACK", NULL);
}

/* Outside care_store_begin/commit, a bare SAVEPOINT would open a deferred
 * transaction: it reads first and asks for the write lock later, and when
 * another program writes meanwhile SQLite answers "busy" at once instead of
 * waiting. So the outermost savepoint then opens the transaction with
 * BEGIN IMMEDIATE, which waits for the lock (the vault's busy timeout). */
gboolean
care_store_savepoint (CareVault  *vault,
                      GError    **error)
{
  sqlite3 *db = NULL;
  StatementCache *cache = get_cache (vault, &db, error);
  gboolean began = FALSE;

  if (cache == NULL)
    return FALSE;
  if (cache->savepoints == 0 && sqlite3_get_autocommit (db))
    {
      if (!exec_cached (vault, "BEGIN IMMEDIATE", error))
        return FALSE;
      began = TRUE;
    }
  if (!exec_cached (vault, "SAVEPOINT care_store_write", error))
    {
      if (began)
        exec_cached (vault, "ROLLBACK", NULL);
      return FALSE;
    }
  if (cache->savepoints++ == 0)
    cache->own_transaction = began;
  return TRUE;
}

static void
end_savepoint (CareVault *vault,
               gboolean   commit,
               GError   **error)
{
  sqlite3 *db = NULL;
  StatementCache *cache = get_cache (vault, &db, NULL);

  if (cache == NULL || cache->savepoints == 0)
    return;
  if (--cache->savepoints > 0 || !cache->own_transaction)
    return;
  cache->own_transaction = FALSE;
  if (!commit || !exec_cached (vault, "COMMIT", error))
    exec_cached (vault, "ROLLBACK", NULL);
}

gboolean
care_store_release_savepoint (CareVault  *vault,
                              GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!exec_cached (vault, "RELEASE care_store_write", error))
    {
      care_store_rollback_savepoint (vault);
      return FALSE;
    }
  end_savepoint (vault, TRUE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Undoes everything since the savepoint and leaves it, so that an
 * enclosing transaction of care_store_begin goes on as if the refused call
 * had never been made. */
void
care_store_rollback_savepoint (CareVault *vault)
{
  exec_cached (vault, "ROLLBACK TO care_store_write", NULL);
  exec_cached (vault, "RELEASE care_store_write", NULL);
  end_savepoint (vault, FALSE, NULL);
}

void
care_store_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
care_store_bind_date (sqlite3_stmt *stmt,
                      int           index,
                      const GDate  *date)
{
  if (date == NULL || !care_date_is_set (date))
    sqlite3_bind_null (stmt, index);
  else
    {
      char text[16];
      g_snprintf (text, sizeof text, "%04u-%02u-%02u", (guint) g_date_get_year (date),
                  (guint) g_date_get_month (date), (guint) g_date_get_day (date));
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
    }
}

char *
care_store_column_dup (sqlite3_stmt *stmt,
                       int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
care_store_column_date (sqlite3_stmt *stmt,
                        int           column,
                        GDate        *out_date)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  care_date_unset (out_date);
  if (text != NULL && !care_date_parse (text, out_date, NULL))
    care_date_unset (out_date);
}

gboolean
care_store_step_row (sqlite3       *db,
                     sqlite3_stmt  *stmt,
                     gboolean      *out_row,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  care_sql_set_error (db, error);
  return FALSE;
}

void
care_store_get_today (const GDate *today,
                      GDate       *out_today)
{
  if (today != NULL && care_date_is_set (today))
    *out_today = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      care_date_set (out_today, (GDateYear) g_date_time_get_year (now),
                     (GDateMonth) g_date_time_get_month (now),
                     (GDateDay) g_date_time_get_day_of_month (now));
    }
}

char *
care_store_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
