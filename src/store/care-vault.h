/* care-vault.h — an encrypted vault: unlock, lock, key slots, check, backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-vault-error.h"
#include "care-vault-header.h"

G_BEGIN_DECLS

#define CARE_TYPE_VAULT (care_vault_get_type())

G_DECLARE_FINAL_TYPE (CareVault, care_vault, CARE, VAULT, GObject)

#define CARE_VAULT_MIN_PASSPHRASE_LENGTH 8

typedef struct {
  char         *name;
  CareSlotKind  kind;
  guint64       opslimit;
  guint64       memlimit;
} CareVaultSlotInfo;

void        care_vault_slot_info_free        (CareVaultSlotInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareVaultSlotInfo, care_vault_slot_info_free)
/* The lightest cost that is at least the slot's (the cost a passphrase
 * set again on it keeps); MODERATE for no slot. */
CareKdfCost care_vault_slot_info_get_cost    (const CareVaultSlotInfo *info);

char       *care_vault_get_default_path      (void);

GStrv       care_vault_peek_users            (const char   *path,
                                              GError      **error);

CareVault  *care_vault_create                (const char   *path,
                                              const char   *user,
                                              const char   *passphrase,
                                              CareKdfCost   cost,
                                              char        **recovery_key,
                                              GError      **error);
CareVault  *care_vault_open                  (const char   *path,
                                              const char   *user,
                                              const char   *passphrase,
                                              GError      **error);
CareVault  *care_vault_open_with_recovery_key (const char  *path,
                                               const char  *recovery_key,
                                               GError     **error);
void        care_vault_lock                  (CareVault    *self);
gboolean    care_vault_is_locked             (CareVault    *self);

const char *care_vault_get_path              (CareVault    *self);
const char *care_vault_get_user              (CareVault    *self);
int         care_vault_get_schema_version    (CareVault    *self);

gboolean    care_vault_set_passphrase        (CareVault    *self,
                                              const char   *name,
                                              const char   *passphrase,
                                              CareKdfCost   cost,
                                              GError      **error);
gboolean    care_vault_add_slot              (CareVault    *self,
                                              const char   *name,
                                              const char   *passphrase,
                                              CareKdfCost   cost,
                                              GError      **error);
gboolean    care_vault_remove_slot           (CareVault    *self,
                                              const char   *name,
                                              GError      **error);
GPtrArray  *care_vault_list_slots            (CareVault    *self);

gboolean    care_vault_check                 (CareVault    *self,
                                              GPtrArray   **problems,
                                              GError      **error);
gboolean    care_vault_backup                (CareVault    *self,
                                              const char   *destination,
                                              GError      **error);
gboolean    care_vault_restore               (const char   *vault_path,
                                              const char   *backup_path,
                                              const char   *user,
                                              const char   *passphrase,
                                              char        **previous_path,
                                              GError      **error);

gboolean    care_vault_validate_passphrase   (const char   *passphrase,
                                              GError      **error);
gboolean    care_vault_validate_slot_name    (const char   *name,
                                              GError      **error);

G_END_DECLS
