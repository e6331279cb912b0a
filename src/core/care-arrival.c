/* care-arrival.c — assistance given on arrival in the country of return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-arrival"

#include "config.h"

#include "care-arrival.h"
#include "care-date.h"

G_DEFINE_BOXED_TYPE (CareArrivalItem, care_arrival_item,
                     care_arrival_item_copy, care_arrival_item_free)

CareArrivalItem *
care_arrival_item_new (CareArrivalItemKind kind)
{
  CareArrivalItem *item = g_new0 (CareArrivalItem, 1);

  item->kind = kind;
  care_date_unset (&item->planned_on);
  care_date_unset (&item->done_on);
  return item;
}

CareArrivalItem *
care_arrival_item_copy (const CareArrivalItem *item)
{
  CareArrivalItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_new0 (CareArrivalItem, 1);
  *copy = *item;
  copy->who = g_strdup (item->who);
  copy->notes = g_strdup (item->notes);
  return copy;
}

void
care_arrival_item_free (CareArrivalItem *item)
{
  if (item == NULL)
    return;
  g_free (item->who);
  g_free (item->notes);
  g_free (item);
}

gboolean
care_arrival_item_is_done (const CareArrivalItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return care_date_is_set (&item->done_on);
}
