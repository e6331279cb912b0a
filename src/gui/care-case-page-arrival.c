/* care-case-page-arrival.c — the Arrival page: each item of assistance, planned and done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-page-private.h"
#include "care-issue.h"
#include "care-validate.h"

/* The case's item of arrival assistance of KIND; made when CREATE. */
CareArrivalItem *
care_case_page_find_arrival_item (CareCase            *c,
                                  CareArrivalItemKind  kind,
                                  gboolean             create)
{
  CareArrivalItem *item;

  for (guint i = 0; i < c->arrival_items->len; i++)
    {
      item = g_ptr_array_index (c->arrival_items, i);
      if (item->kind == kind)
        return item;
    }
  if (!create)
    return NULL;
  item = care_arrival_item_new (kind);
  g_ptr_array_add (c->arrival_items, item);
  return item;
}

/* An item emptied of everything is no item: nothing was planned. */
void
care_case_page_prune_arrival_item (CareCase        *c,
                                   CareArrivalItem *item)
{
  if (!care_date_is_set (&item->planned_on) && !care_date_is_set (&item->done_on) &&
      item->who == NULL && (item->notes == NULL || *item->notes == '\0'))
    g_ptr_array_remove (c->arrival_items, item);
}

/* The store names every item's problem "arrival_assistance": the row's
 * own reason is worked out here, so that it shows beside that row only. */
char *
care_case_page_check_arrival_field (CareCasePage   *self,
                                    const FieldRow *fr,
                                    const GDate    *today)
{
  CareArrivalItem *item = care_case_page_find_arrival_item (self->draft, fr->spec->arrival, FALSE);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return NULL;
  if (fr->spec->kind == FIELD_ARRIVAL_DONE)
    error = care_validate_not_future (&item->done_on, today, C_("field", "Date of assistance"));
  else if (fr->spec->kind == FIELD_ARRIVAL_WHO)
    error = care_validate_text (item->who, CARE_TEXT_MAX_CHARS, FALSE, C_("field", "Who"));
  return error != NULL ? g_strdup (error->message) : NULL;
}

/* What the assessment asked for, said above each kind of arrival assistance. */
void
care_case_page_update_arrival_needs (CareCasePage *self)
{
  AdwPreferencesGroup *groups[] = {
    self->arrival_airport_group, self->arrival_accommodation_group,
    self->arrival_health_group, self->arrival_transport_group,
  };
  const CareArrivalNeeds *needs = self->draft->arrival_needs;
  gboolean needed[] = {
    needs->airport_reception, needs->secure_accommodation_nights > 0,
    needs->health_check, needs->secondary_transport,
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    adw_preferences_group_set_description (groups[i],
                                           needed[i] ? _("Needed, according to the assessment")
                                                     : _("Not asked for in the assessment"));
  if (needs->secure_accommodation_nights > 0)
    {
      g_autofree char *text =
        /* Translators: %u is a number of nights */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Needed, according to the assessment: %u night",
                                      "Needed, according to the assessment: %u nights",
                                      needs->secure_accommodation_nights),
                         needs->secure_accommodation_nights);

      adw_preferences_group_set_description (self->arrival_accommodation_group, text);
    }
}
