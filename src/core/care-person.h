/* care-person.h — the beneficiary's identity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-date.h"
#include "care-enums.h"

G_BEGIN_DECLS

/* Names are kept as the person writes them, in any script; nothing here
 * folds case or accents (search does that in the store). */
typedef struct
{
  char          *family_name;
  char          *given_names;
  CareSex        sex;
  CareBirthDate  date_of_birth;
  char          *nationality;   /* ISO 3166-1 alpha-2, nullable */
  char          *phone;         /* nullable */
} CarePerson;

#define CARE_TYPE_PERSON (care_person_get_type ())

GType       care_person_get_type        (void) G_GNUC_CONST;
CarePerson *care_person_new             (void);
CarePerson *care_person_copy            (const CarePerson *person);
void        care_person_free            (CarePerson       *person);
char       *care_person_get_display_name (const CarePerson *person);
gboolean    care_person_is_probable_duplicate (const CarePerson *a,
                                               const CarePerson *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarePerson, care_person_free)

G_END_DECLS
