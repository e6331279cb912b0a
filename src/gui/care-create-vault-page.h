/* care-create-vault-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARE_TYPE_CREATE_VAULT_PAGE (care_create_vault_page_get_type())

G_DECLARE_FINAL_TYPE (CareCreateVaultPage, care_create_vault_page, CARE, CREATE_VAULT_PAGE, GtkWidget)

void        care_create_vault_page_set_path          (CareCreateVaultPage *self,
                                                      const char          *path);
const char *care_create_vault_page_get_recovery_key  (CareCreateVaultPage *self);

G_END_DECLS
