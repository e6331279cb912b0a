/* care-cases-view.h — the list of cases, with search and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-case-list-model.h"
#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_CASES_VIEW (care_cases_view_get_type())

G_DECLARE_FINAL_TYPE (CareCasesView, care_cases_view, CARE, CASES_VIEW, GtkWidget)

void               care_cases_view_set_vault    (CareCasesView *self,
                                                 CareVault     *vault);
CareCaseListModel *care_cases_view_get_model    (CareCasesView *self);
void               care_cases_view_focus_search (CareCasesView *self);
void               care_cases_view_reload       (CareCasesView *self);

G_END_DECLS
