/* care-vault-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-vault"

#include "care-vault-error.h"

G_DEFINE_QUARK (care-vault-error-quark, care_vault_error)
