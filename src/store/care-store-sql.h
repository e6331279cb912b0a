/* care-store-sql.h — small helpers over the SQLite API, for src/store only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void     care_sql_set_error   (sqlite3        *db,
                               GError        **error);
gboolean care_sql_exec        (sqlite3        *db,
                               const char     *sql,
                               GError        **error);
gboolean care_sql_prepare     (sqlite3        *db,
                               const char     *sql,
                               sqlite3_stmt  **stmt,
                               GError        **error);
gboolean care_sql_step_done   (sqlite3        *db,
                               sqlite3_stmt   *stmt,
                               GError        **error);

G_END_DECLS
