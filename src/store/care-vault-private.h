/* care-vault-private.h — what the rest of src/store may use of a vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "care-vault.h"

G_BEGIN_DECLS

sqlite3   *care_vault_get_db                  (CareVault   *self);

/* For tests of migrations: a new vault whose schema stops at VERSION. */
CareVault *care_vault_create_at_schema_version (const char  *path,
                                                const char  *user,
                                                const char  *passphrase,
                                                CareKdfCost  cost,
                                                int          version,
                                                char       **recovery_key,
                                                GError     **error);

G_END_DECLS
