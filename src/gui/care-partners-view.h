/* care-partners-view.h — the directory of partner organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-partner.h"
#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_PARTNERS_VIEW (care_partners_view_get_type())

G_DECLARE_FINAL_TYPE (CarePartnersView, care_partners_view, CARE, PARTNERS_VIEW, GtkWidget)

void      care_partners_view_set_vault (CarePartnersView *self,
                                        CareVault        *vault);
void      care_partners_view_reload    (CarePartnersView *self);
/* Deletes the partner with that id; FALSE (and a toast with the store's
 * reason) when it is refused. A toast offers Undo. */
gboolean  care_partners_view_delete    (CarePartnersView *self,
                                        gint64            id);
/* Brings back the partner deleted last, from the toast's Undo. */
void      care_partners_view_undo_delete (CarePartnersView *self);

G_END_DECLS
