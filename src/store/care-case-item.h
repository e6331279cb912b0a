/* care-case-item.h — one row of a list of cases, as an object to bind to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-case-store.h"

G_BEGIN_DECLS

#define CARE_TYPE_CASE_ITEM (care_case_item_get_type ())

G_DECLARE_FINAL_TYPE (CareCaseItem, care_case_item, CARE, CASE_ITEM, GObject)

/* Takes SUMMARY. */
CareCaseItem   *care_case_item_new                (CareCaseSummary *summary);
/* SUMMARY stays OWNER's (an array of summaries): the item holds OWNER. */
CareCaseItem   *care_case_item_new_shared         (GPtrArray       *owner,
                                                   CareCaseSummary *summary);
/* For the list that owns the item: it now shows SUMMARY of OWNER. CHANGED:
 * SUMMARY differs from the old one, so "changed" is emitted. */
void            care_case_item_set_summary        (CareCaseItem    *self,
                                                   GPtrArray       *owner,
                                                   CareCaseSummary *summary,
                                                   gboolean         changed);

gint64          care_case_item_get_id             (CareCaseItem *self);
const char     *care_case_item_get_case_number    (CareCaseItem *self);
const char     *care_case_item_get_name           (CareCaseItem *self);
const char     *care_case_item_get_family_name    (CareCaseItem *self);
const char     *care_case_item_get_given_names    (CareCaseItem *self);
CareCaseStatus  care_case_item_get_status         (CareCaseItem *self);
const char     *care_case_item_get_status_label   (CareCaseItem *self);
const char     *care_case_item_get_host_country   (CareCaseItem *self);
const char     *care_case_item_get_host_country_name (CareCaseItem *self);
const char     *care_case_item_get_return_country (CareCaseItem *self);
const char     *care_case_item_get_return_country_name (CareCaseItem *self);
gboolean        care_case_item_get_minor          (CareCaseItem *self);
gboolean        care_case_item_get_eligible       (CareCaseItem *self);
const char     *care_case_item_get_next_followup  (CareCaseItem *self);
guint           care_case_item_get_overdue_followups (CareCaseItem *self);

G_END_DECLS
