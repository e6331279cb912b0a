/* care-partner.h — partner organisations of the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-enums.h"

G_BEGIN_DECLS

typedef struct
{
  gint64          id;        /* the store's, 0 before the first save */
  CarePartnerKind kind;
  char           *name;
  char           *country;   /* ISO 3166-1 alpha-2, nullable */
  char           *contact;   /* a person to ask for, nullable */
  char           *phone;
  char           *email;
  char           *notes;
} CarePartner;

#define CARE_TYPE_PARTNER (care_partner_get_type ())

GType        care_partner_get_type (void) G_GNUC_CONST;
CarePartner *care_partner_new      (CarePartnerKind    kind,
                                    const char        *name);
CarePartner *care_partner_copy     (const CarePartner *partner);
void         care_partner_free     (CarePartner       *partner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarePartner, care_partner_free)

G_END_DECLS
