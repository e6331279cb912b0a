/* care-office-key.h — the office's Ed25519 key that signs exported plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_OFFICE_KEY_PUBLIC_BYTES 32
#define CARE_OFFICE_KEY_SECRET_BYTES 64
#define CARE_OFFICE_KEY_ID_BYTES      8

/* Made once with the vault (schema migration 2). The secret half lives in
 * sodium_malloc'ed memory, never swapped out, wiped when freed; it is NULL
 * when only the public half was asked for. */
typedef struct
{
  guint8  public_key[CARE_OFFICE_KEY_PUBLIC_BYTES];
  guint8  key_id[CARE_OFFICE_KEY_ID_BYTES];
  guint8 *secret_key;
  char   *created_at;
} CareOfficeKey;

CareOfficeKey *care_office_key_load (CareVault  *vault,
                                     gboolean    with_secret,
                                     GError    **error);
void           care_office_key_free (CareOfficeKey *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareOfficeKey, care_office_key_free)

G_END_DECLS
