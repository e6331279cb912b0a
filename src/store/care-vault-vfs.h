/* care-vault-vfs.h — the SQLite VFS that seals every page of a vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "care-vault-keys.h"

G_BEGIN_DECLS

#define CARE_VAULT_VFS_NAME "care-vault"

/* Registers the VFS once per process (not as the default). With
 * UNLOCK_FROM_ENVIRONMENT, a vault opened without registered keys is
 * unlocked with $CARE_VAULT_PASSPHRASE (and $CARE_VAULT_USER): that is how
 * SQLite's own shell opens a vault through the loadable extension. */
int      care_vault_vfs_register      (gboolean unlock_from_environment);

/* The keys a vault's pages are sealed with, by the full path SQLite will
 * open it under. CareVault registers them between unlock and lock. */
char    *care_vault_vfs_full_path     (const char    *path);
void     care_vault_vfs_add_keys      (const char    *full_path,
                                       CareVaultKeys *keys,
                                       guint32        page_size);
void     care_vault_vfs_remove_keys   (const char    *full_path);

/* How many pages a session had to rescan after a journal was played back
 * (for tests). */
guint    care_vault_vfs_get_rescans   (void);

G_END_DECLS
