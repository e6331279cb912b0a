/* care-case-page.h — one case: summary, plan, follow-up and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-case.h"
#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_CASE_PAGE (care_case_page_get_type())

G_DECLARE_FINAL_TYPE (CareCasePage, care_case_page, CARE, CASE_PAGE, GtkWidget)

void            care_case_page_set_vault  (CareCasePage *self,
                                           CareVault    *vault);
gboolean        care_case_page_open       (CareCasePage *self,
                                           const char   *case_number,
                                           GError      **error);
void            care_case_page_new_case   (CareCasePage *self);
/* Shows the Follow-up page with that follow-up's row focused. */
void            care_case_page_show_followup (CareCasePage *self,
                                              gint64        followup_id);
/* Saves what was typed and not yet saved, if it is valid. */
void            care_case_page_flush      (CareCasePage *self);
/* The case as edited, NULL when none is open. */
const CareCase *care_case_page_get_case   (CareCasePage *self);
gboolean        care_case_page_has_unsaved_changes (CareCasePage *self);

const char     *care_case_page_get_visible_page (CareCasePage *self);
void            care_case_page_set_visible_page (CareCasePage *self,
                                                 const char   *name);

void          care_case_page_attach_plan_scan (CareCasePage *self,
                                               GFile        *file);
gboolean      care_case_page_export_plan (CareCasePage  *self,
                                          const char    *path,
                                          GError       **error);

G_END_DECLS
