/* care-person-dialog.h — a person who may open the vault: added with their
 * own passphrase, or the current person's passphrase changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_PERSON_DIALOG (care_person_dialog_get_type())

G_DECLARE_FINAL_TYPE (CarePersonDialog, care_person_dialog, CARE, PERSON_DIALOG, AdwWindow)

typedef enum {
  CARE_PERSON_DIALOG_ADD,
  CARE_PERSON_DIALOG_CHANGE_PASSPHRASE,
} CarePersonDialogMode;

/* COST: Argon2id's cost for the new key slot (tests use INTERACTIVE). */
CarePersonDialog *care_person_dialog_new        (GtkWindow            *parent,
                                                 CareVault            *vault,
                                                 CarePersonDialogMode  mode,
                                                 CareKdfCost           cost);
gboolean          care_person_dialog_get_busy   (CarePersonDialog     *self);

G_END_DECLS
