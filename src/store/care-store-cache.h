/* care-store-cache.h — prepared statements kept per vault connection, and
 * the transactions the repositories share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "care-vault.h"

G_BEGIN_DECLS

/* A cached statement, ready to bind: it is reset and its bindings cleared
 * when handed out. Hand it back with care_store_stmt_release (or let
 * g_autoptr(CareStoreStmt) do it) so that no read lock outlives the call. */
typedef sqlite3_stmt CareStoreStmt;

sqlite3       *care_store_get_db            (CareVault    *vault,
                                             GError      **error);
CareStoreStmt *care_store_stmt              (CareVault    *vault,
                                             const char   *sql,
                                             GError      **error);
void           care_store_stmt_release      (CareStoreStmt *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareStoreStmt, care_store_stmt_release)

/* Each write of the repositories runs inside one of these; it nests in
 * care_store_begin/commit. */
gboolean       care_store_savepoint         (CareVault    *vault,
                                             GError      **error);
gboolean       care_store_release_savepoint (CareVault    *vault,
                                             GError      **error);
void           care_store_rollback_savepoint (CareVault   *vault);

/* Helpers for binding and reading the values the schema uses. */
void           care_store_bind_text         (sqlite3_stmt *stmt,
                                             int           index,
                                             const char   *text);
void           care_store_bind_date         (sqlite3_stmt *stmt,
                                             int           index,
                                             const GDate  *date);
char          *care_store_column_dup        (sqlite3_stmt *stmt,
                                             int           column);
void           care_store_column_date       (sqlite3_stmt *stmt,
                                             int           column,
                                             GDate        *out_date);
gboolean       care_store_step_row          (sqlite3      *db,
                                             sqlite3_stmt *stmt,
                                             gboolean     *out_row,
                                             GError      **error);

void           care_store_get_today         (const GDate  *today,
                                             GDate        *out_today);
char          *care_store_now_utc           (void);

G_END_DECLS
