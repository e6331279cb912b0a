/* care-vault-error.h — the ways opening or using a vault can fail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CARE_VAULT_ERROR (care_vault_error_quark ())

/* Each code is a distinct situation for the person in front of the screen,
 * and care-cli maps them to its exit statuses. */
typedef enum {
  CARE_VAULT_ERROR_WRONG_PASSPHRASE, /* no slot opens with what was typed */
  CARE_VAULT_ERROR_NOT_A_VAULT,      /* not a CARE vault at all */
  CARE_VAULT_ERROR_VERSION,          /* made by a newer CARE */
  CARE_VAULT_ERROR_TAMPERED,         /* authentication failed: tampered or corrupt */
  CARE_VAULT_ERROR_BUSY,             /* another program holds the vault */
  CARE_VAULT_ERROR_EXISTS,           /* refusing to overwrite */
  CARE_VAULT_ERROR_NOT_FOUND,        /* no such vault, slot or record */
  CARE_VAULT_ERROR_INVALID,          /* a bad argument: nothing was changed */
  CARE_VAULT_ERROR_IO,               /* the disk said no */
  CARE_VAULT_ERROR_LOCKED,           /* the vault was locked: keys are gone */
} CareVaultError;

GQuark care_vault_error_quark (void);

G_END_DECLS
