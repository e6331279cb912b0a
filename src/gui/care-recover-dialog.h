/* care-recover-dialog.h — a forgotten passphrase replaced with the help of
 * the vault's recovery key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_RECOVER_DIALOG (care_recover_dialog_get_type())

G_DECLARE_FINAL_TYPE (CareRecoverDialog, care_recover_dialog, CARE, RECOVER_DIALOG, AdwWindow)

/* USER: whose passphrase to set; NULL when only one person opens the vault. */
CareRecoverDialog *care_recover_dialog_new      (GtkWindow         *parent,
                                                 const char        *path,
                                                 const char        *user);
gboolean           care_recover_dialog_get_busy (CareRecoverDialog *self);

G_END_DECLS
