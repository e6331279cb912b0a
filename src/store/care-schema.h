/* care-schema.h — the vault's tables and their forward-only migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

int      care_schema_get_latest_version  (void);
int      care_schema_get_version         (sqlite3  *db,
                                          GError  **error);
gboolean care_schema_migrate             (sqlite3  *db,
                                          int       target_version,
                                          GError  **error);

G_END_DECLS
