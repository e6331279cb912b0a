/* care-vault-keys.c — the keys of one unlocked vault, in guarded memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-vault"

#include <string.h>

#include "care-vault-keys.h"

struct _CareVaultKeys
{
  gatomicrefcount       ref_count;
  CareVaultKeyMaterial *material;
};

/* crypto_kdf contexts are 8 bytes; one per purpose so that no key is ever
 * used for two things. */
static void
derive_subkeys (CareVaultKeyMaterial *m)
{
  crypto_kdf_derive_from_key (m->page, sizeof m->page, 1, "CAREpage", m->master);
  crypto_kdf_derive_from_key (m->header, sizeof m->header, 2, "CAREhead", m->master);
  crypto_kdf_derive_from_key (m->state, sizeof m->state, 3, "CAREstat", m->master);
  crypto_kdf_derive_from_key (m->tally, sizeof m->tally, 4, "CAREtaly", m->master);
  crypto_kdf_derive_from_key (m->journal, sizeof m->journal, 5, "CAREjrnl", m->master);
}

static CareVaultKeys *
keys_alloc (void)
{
  CareVaultKeys *keys;

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  keys = g_new0 (CareVaultKeys, 1);
  g_atomic_ref_count_init (&keys->ref_count);
  keys->material = sodium_malloc (sizeof (CareVaultKeyMaterial));
  if (keys->material == NULL)
    g_error ("could not allocate guarded memory for the vault keys");

  return keys;
}

static CareVaultKeys *
keys_seal (CareVaultKeys *keys)
{
  derive_subkeys (keys->material);
  sodium_mprotect_readonly (keys->material);
  return keys;
}

CareVaultKeys *
care_vault_keys_new_random (void)
{
  CareVaultKeys *keys = keys_alloc ();

  crypto_kdf_keygen (keys->material->master);
  return keys_seal (keys);
}

CareVaultKeys *
care_vault_keys_new_from_master (const guint8 *master)
{
  CareVaultKeys *keys;

  g_return_val_if_fail (master != NULL, NULL);

  keys = keys_alloc ();
  memcpy (keys->material->master, master, CARE_VAULT_KEY_BYTES);
  return keys_seal (keys);
}

CareVaultKeys *
care_vault_keys_ref (CareVaultKeys *keys)
{
  g_return_val_if_fail (keys != NULL, NULL);

  g_atomic_ref_count_inc (&keys->ref_count);
  return keys;
}

void
care_vault_keys_unref (CareVaultKeys *keys)
{
  g_return_if_fail (keys != NULL);

  if (!g_atomic_ref_count_dec (&keys->ref_count))
    return;

  /* sodium_free wipes the memory before releasing it. */
  sodium_free (keys->material);
  g_free (keys);
}

const CareVaultKeyMaterial *
care_vault_keys_get (CareVaultKeys *keys)
{
  g_return_val_if_fail (keys != NULL, NULL);

  return keys->material;
}
