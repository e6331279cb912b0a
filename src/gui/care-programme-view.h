/* care-programme-view.h — the programme's numbers against its targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_PROGRAMME_VIEW (care_programme_view_get_type())

G_DECLARE_FINAL_TYPE (CareProgrammeView, care_programme_view, CARE, PROGRAMME_VIEW, GtkWidget)

void care_programme_view_set_vault (CareProgrammeView *self,
                                    CareVault         *vault);
/* Reads the numbers again (after cases were saved). */
void care_programme_view_refresh   (CareProgrammeView *self);
/* TRUE while the numbers are being counted (in a worker thread). */
gboolean care_programme_view_get_loading (CareProgrammeView *self);

G_END_DECLS
