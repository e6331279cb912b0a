/* care-partner.c — partner organisations of the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-partner"

#include "config.h"

#include "care-partner.h"

G_DEFINE_BOXED_TYPE (CarePartner, care_partner, care_partner_copy, care_partner_free)

CarePartner *
care_partner_new (CarePartnerKind  kind,
                  const char      *name)
{
  CarePartner *partner = g_new0 (CarePartner, 1);

  partner->kind = kind;
  partner->name = g_strdup (name);
  return partner;
}

CarePartner *
care_partner_copy (const CarePartner *partner)
{
  CarePartner *copy;

  g_return_val_if_fail (partner != NULL, NULL);

  copy = care_partner_new (partner->kind, partner->name);
  copy->id = partner->id;
  copy->country = g_strdup (partner->country);
  copy->contact = g_strdup (partner->contact);
  copy->phone = g_strdup (partner->phone);
  copy->email = g_strdup (partner->email);
  copy->notes = g_strdup (partner->notes);
  return copy;
}

void
care_partner_free (CarePartner *partner)
{
  if (partner == NULL)
    return;
  g_free (partner->name);
  g_free (partner->country);
  g_free (partner->contact);
  g_free (partner->phone);
  g_free (partner->email);
  g_free (partner->notes);
  g_free (partner);
}
