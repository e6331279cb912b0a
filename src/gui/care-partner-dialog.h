/* care-partner-dialog.h — adding or editing a partner organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-partner.h"

G_BEGIN_DECLS

#define CARE_TYPE_PARTNER_DIALOG (care_partner_dialog_get_type())

G_DECLARE_FINAL_TYPE (CarePartnerDialog, care_partner_dialog, CARE, PARTNER_DIALOG, AdwWindow)

/* Edits a copy of PARTNER (NULL: a new one); "saved" hands it over. */
CarePartnerDialog *care_partner_dialog_new (GtkWindow         *parent,
                                            const CarePartner *partner);

G_END_DECLS
