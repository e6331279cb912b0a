/* care-vault-extension.c — the vault VFS as a loadable SQLite extension
 *
 * For administration and benchmarks with SQLite's own tools:
 *
 *   CARE_VAULT_PASSPHRASE=… sqlite3
 *   sqlite> .load /path/to/care-vault
 *   sqlite> .open file:/path/to/default.care?vfs=care-vault
 *
 * The passphrase comes from the environment because the shell has no other
 * way to hand it over; CARE_VAULT_USER picks a key slot when several exist.
 * The extension links against the same system libsqlite3 as the shell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-vault-extension"

#include "config.h"

#include <sqlite3.h>

#include "care-process.h"
#include "care-vault-vfs.h"

int sqlite3_carevault_init (sqlite3                    *db,
                            char                      **error_message,
                            const sqlite3_api_routines *api);

int
sqlite3_carevault_init (sqlite3                    *db,
                        char                      **error_message,
                        const sqlite3_api_routines *api)
{
  int rc;

  /* The shell now holds decrypted pages: no core file may take them. */
  care_process_forbid_core_dumps (NULL);

  rc = care_vault_vfs_register (TRUE);
  if (rc != SQLITE_OK)
    {
      *error_message = sqlite3_mprintf ("care-vault: could not register the VFS");
      return rc;
    }

  /* The VFS outlives the connection that loaded it. */
  return SQLITE_OK_LOAD_PERMANENTLY;
}
