/* care-office-key.c — the office's Ed25519 key that signs exported plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "care-office-key.h"
#include "care-store-cache.h"
#include "care-vault-error.h"

CareOfficeKey *
care_office_key_load (CareVault  *vault,
                      gboolean    with_secret,
                      GError    **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  g_autoptr(CareOfficeKey) key = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = care_store_stmt (vault, "SELECT public_key, secret_key, key_id, created_at FROM office_key WHERE id = 1",
                          error);
  if (stmt == NULL || !care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                           _("This vault has no signing key."));
      return NULL;
    }
  if (sqlite3_column_bytes (stmt, 0) != CARE_OFFICE_KEY_PUBLIC_BYTES ||
      sqlite3_column_bytes (stmt, 1) != CARE_OFFICE_KEY_SECRET_BYTES ||
      sqlite3_column_bytes (stmt, 2) != CARE_OFFICE_KEY_ID_BYTES)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                           _("The vault’s signing key is damaged."));
      return NULL;
    }

  key = g_new0 (CareOfficeKey, 1);
  memcpy (key->public_key, sqlite3_column_blob (stmt, 0), CARE_OFFICE_KEY_PUBLIC_BYTES);
  memcpy (key->key_id, sqlite3_column_blob (stmt, 2), CARE_OFFICE_KEY_ID_BYTES);
  key->created_at = care_store_column_dup (stmt, 3);
  if (with_secret)
    {
      guint8 derived[CARE_OFFICE_KEY_PUBLIC_BYTES];

      key->secret_key = sodium_malloc (CARE_OFFICE_KEY_SECRET_BYTES);
      if (key->secret_key == NULL)
        g_error ("Out of secure memory for the signing key");
      memcpy (key->secret_key, sqlite3_column_blob (stmt, 1), CARE_OFFICE_KEY_SECRET_BYTES);

      /* A secret key that does not match its public key would sign files
       * that nobody can verify: better refuse now. */
      crypto_sign_ed25519_sk_to_pk (derived, key->secret_key);
      if (sodium_memcmp (derived, key->public_key, sizeof derived) != 0)
        {
          g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                               _("The vault’s signing key is damaged."));
          return NULL;
        }
    }

  return g_steal_pointer (&key);
}

void
care_office_key_free (CareOfficeKey *key)
{
  if (key == NULL)
    return;

  if (key->secret_key != NULL)
    sodium_free (key->secret_key);   /* wipes it */
  g_free (key->created_at);
  g_free (key);
}
