/* care-arrival.h — assistance given on arrival in the country of return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-enums.h"

G_BEGIN_DECLS

typedef struct
{
  gint64              id;           /* the store's, 0 before the first save */
  CareArrivalItemKind kind;
  GDate               planned_on;
  GDate               done_on;      /* unset until done */
  char               *who;          /* who provided it, nullable */
  char               *notes;
} CareArrivalItem;

#define CARE_TYPE_ARRIVAL_ITEM (care_arrival_item_get_type ())

GType            care_arrival_item_get_type (void) G_GNUC_CONST;
CareArrivalItem *care_arrival_item_new      (CareArrivalItemKind    kind);
CareArrivalItem *care_arrival_item_copy     (const CareArrivalItem *item);
void             care_arrival_item_free     (CareArrivalItem       *item);
gboolean         care_arrival_item_is_done  (const CareArrivalItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareArrivalItem, care_arrival_item_free)

G_END_DECLS
