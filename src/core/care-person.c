/* care-person.c — the beneficiary's identity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "care-person.h"

G_DEFINE_BOXED_TYPE (CarePerson, care_person, care_person_copy, care_person_free)

CarePerson *
care_person_new (void)
{
  CarePerson *person = g_new0 (CarePerson, 1);

  person->sex = CARE_SEX_UNKNOWN;
  care_birth_date_unset (&person->date_of_birth);
  return person;
}

CarePerson *
care_person_copy (const CarePerson *person)
{
  CarePerson *copy;

  g_return_val_if_fail (person != NULL, NULL);

  copy = g_new0 (CarePerson, 1);
  copy->family_name = g_strdup (person->family_name);
  copy->given_names = g_strdup (person->given_names);
  copy->sex = person->sex;
  copy->date_of_birth = person->date_of_birth;
  copy->nationality = g_strdup (person->nationality);
  copy->phone = g_strdup (person->phone);
  return copy;
}

void
care_person_free (CarePerson *person)
{
  if (person == NULL)
    return;
  g_free (person->family_name);
  g_free (person->given_names);
  g_free (person->nationality);
  g_free (person->phone);
  g_free (person);
}

char *
care_person_get_display_name (const CarePerson *person)
{
  const char *family, *given;

  g_return_val_if_fail (person != NULL, NULL);

  family = person->family_name != NULL ? person->family_name : "";
  given = person->given_names != NULL ? person->given_names : "";
  if (*family == '\0')
    return g_strdup (given);
  if (*given == '\0')
    return g_strdup (family);
  /* Translators: how a person is named in lists: %1$s is the family name, %2$s the given names */
  return g_strdup_printf (_("%1$s, %2$s"), family, given);
}

static gboolean
names_match (const char *a,
             const char *b)
{
  g_autofree char *na = NULL, *nb = NULL, *fa = NULL, *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  na = g_utf8_normalize (a, -1, G_NORMALIZE_ALL);
  nb = g_utf8_normalize (b, -1, G_NORMALIZE_ALL);
  if (na == NULL || nb == NULL)
    return FALSE;
  fa = g_utf8_casefold (g_strstrip (na), -1);
  fb = g_utf8_casefold (g_strstrip (nb), -1);
  return g_str_equal (fa, fb);
}

/* Same names (ignoring case and Unicode normalisation form) and the same
 * date of birth. A year-only date matches only the same year-only date:
 * "1990" against "1990-05-02" may be the same person or not, and asking
 * about every such pair would bury the real duplicates. */
gboolean
care_person_is_probable_duplicate (const CarePerson *a,
                                   const CarePerson *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!care_birth_date_is_set (&a->date_of_birth) ||
      !care_birth_date_is_set (&b->date_of_birth))
    return FALSE;
  if (a->date_of_birth.year != b->date_of_birth.year ||
      a->date_of_birth.month != b->date_of_birth.month ||
      a->date_of_birth.day != b->date_of_birth.day)
    return FALSE;
  return names_match (a->family_name, b->family_name) &&
         names_match (a->given_names, b->given_names);
}
