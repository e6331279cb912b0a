/* care-vault-keys.h — the keys of one unlocked vault, in guarded memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sodium.h>

G_BEGIN_DECLS

#define CARE_VAULT_KEY_BYTES 32

/* Lives in sodium_malloc()ed memory (guard pages, mlock, no core dump), is
 * made read-only once derived, and is wiped by sodium_free on the last
 * unref. Everything that seals or checks pages takes its keys from here. */
typedef struct {
  guint8 master[CARE_VAULT_KEY_BYTES];  /* wrapped in the key slots */
  guint8 page[CARE_VAULT_KEY_BYTES];    /* seals database and journal pages */
  guint8 header[CARE_VAULT_KEY_BYTES];  /* authenticates the file header */
  guint8 state[CARE_VAULT_KEY_BYTES];   /* authenticates the page-set record */
  guint8 tally[CARE_VAULT_KEY_BYTES];   /* keys the page-set accumulator */
  guint8 journal[CARE_VAULT_KEY_BYTES]; /* authenticates journal headers */
} CareVaultKeyMaterial;

typedef struct _CareVaultKeys CareVaultKeys;

CareVaultKeys              *care_vault_keys_new_random   (void);
CareVaultKeys              *care_vault_keys_new_from_master (const guint8 *master);
CareVaultKeys              *care_vault_keys_ref          (CareVaultKeys *keys);
void                        care_vault_keys_unref        (CareVaultKeys *keys);
const CareVaultKeyMaterial *care_vault_keys_get          (CareVaultKeys *keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareVaultKeys, care_vault_keys_unref)

G_END_DECLS
