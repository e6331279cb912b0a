/* care-integrity.h — every check of a vault, as care-cli check and the
 * window's Check Vault… run them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-vault.h"

G_BEGIN_DECLS

/* Authenticates every page and checks the header, the database's
 * integrity, the history's chain and the programme's running totals.
 * PROBLEMS gets one translated line per fault (empty when the vault is
 * sound). Returns FALSE, with ERROR set, only when the checks could not
 * run; a page that fails to authenticate is reported there as
 * CARE_VAULT_ERROR_TAMPERED. */
gboolean  care_integrity_check  (CareVault   *vault,
                                 GPtrArray  **problems,
                                 GError     **error);

G_END_DECLS
