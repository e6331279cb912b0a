/* care-eu.c — membership of the European Union, by date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-eu"

#include "config.h"

#include "care-country.h"
#include "care-date.h"
#include "care-eu.h"

/* The programme helps people return to a country outside the Union *on
 * the day they return*, so membership is a dated fact, not a list: a
 * return to the United Kingdom in 2019 was a return inside the Union, and
 * to Croatia on 30 June 2013 a return outside it.
 *
 * Dates are the first and last day of membership, both included. The
 * founding members count from the European Economic Community's entry into
 * force (1 January 1958), of which the Union is the continuation. */
typedef struct
{
  const char *code;
  guint16 joined_year; guint8 joined_month; guint8 joined_day;
  guint16 left_year; guint8 left_month; guint8 left_day;   /* 0: still a member */
} Membership;

static const Membership memberships[] = {
  /* Treaty of Rome */
  { "BE", 1958, 1, 1, 0, 0, 0 },
  { "DE", 1958, 1, 1, 0, 0, 0 },
  { "FR", 1958, 1, 1, 0, 0, 0 },
  { "IT", 1958, 1, 1, 0, 0, 0 },
  { "LU", 1958, 1, 1, 0, 0, 0 },
  { "NL", 1958, 1, 1, 0, 0, 0 },
  /* 1973: the United Kingdom left at the end of 31 January 2020. */
  { "DK", 1973, 1, 1, 0, 0, 0 },
  { "IE", 1973, 1, 1, 0, 0, 0 },
  { "GB", 1973, 1, 1, 2020, 1, 31 },
  { "GR", 1981, 1, 1, 0, 0, 0 },
  { "ES", 1986, 1, 1, 0, 0, 0 },
  { "PT", 1986, 1, 1, 0, 0, 0 },
  { "AT", 1995, 1, 1, 0, 0, 0 },
  { "FI", 1995, 1, 1, 0, 0, 0 },
  { "SE", 1995, 1, 1, 0, 0, 0 },
  { "CY", 2004, 5, 1, 0, 0, 0 },
  { "CZ", 2004, 5, 1, 0, 0, 0 },
  { "EE", 2004, 5, 1, 0, 0, 0 },
  { "HU", 2004, 5, 1, 0, 0, 0 },
  { "LT", 2004, 5, 1, 0, 0, 0 },
  { "LV", 2004, 5, 1, 0, 0, 0 },
  { "MT", 2004, 5, 1, 0, 0, 0 },
  { "PL", 2004, 5, 1, 0, 0, 0 },
  { "SI", 2004, 5, 1, 0, 0, 0 },
  { "SK", 2004, 5, 1, 0, 0, 0 },
  { "BG", 2007, 1, 1, 0, 0, 0 },
  { "RO", 2007, 1, 1, 0, 0, 0 },
  { "HR", 2013, 7, 1, 0, 0, 0 },
};

/* ISO 3166-1 gives some parts of member states a code of their own; they
 * are inside the Union all the same (Article 355 TFEU), so a "return" to
 * them is not a return outside it. Overseas countries and territories
 * associated with the Union (New Caledonia, Greenland since 1985, …) are
 * outside it and are not listed. */
static const Membership territories[] = {
  { "AX", 1995, 1, 1, 0, 0, 0 },         /* Åland, with Finland */
  { "GF", 1958, 1, 1, 0, 0, 0 },         /* French Guiana */
  { "GP", 1958, 1, 1, 0, 0, 0 },         /* Guadeloupe */
  { "MQ", 1958, 1, 1, 0, 0, 0 },         /* Martinique */
  { "RE", 1958, 1, 1, 0, 0, 0 },         /* Réunion */
  { "MF", 1958, 1, 1, 0, 0, 0 },         /* Saint Martin, part of Guadeloupe until 2007 */
  { "YT", 2014, 1, 1, 0, 0, 0 },         /* Mayotte, an outermost region from 2014 */
  { "GI", 1973, 1, 1, 2020, 1, 31 },     /* Gibraltar, with the United Kingdom */
};

static const Membership *
find_membership (const char *country_code)
{
  const char *canonical = care_country_canonical_code (country_code);

  if (canonical == NULL)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (memberships); i++)
    if (g_str_equal (memberships[i].code, canonical))
      return &memberships[i];
  for (gsize i = 0; i < G_N_ELEMENTS (territories); i++)
    if (g_str_equal (territories[i].code, canonical))
      return &territories[i];
  return NULL;
}

static gboolean
membership_covers (const Membership *m,
                   const GDate      *date)
{
  GDate joined, left;

  care_date_set (&joined, m->joined_year, m->joined_month, m->joined_day);
  if (g_date_compare (date, &joined) < 0)
    return FALSE;
  if (m->left_year == 0)
    return TRUE;
  care_date_set (&left, m->left_year, m->left_month, m->left_day);
  return g_date_compare (date, &left) <= 0;
}

gboolean
care_eu_is_member_on (const char  *country_code,
                      const GDate *date)
{
  const Membership *m;

  g_return_val_if_fail (care_date_is_set (date), FALSE);

  m = find_membership (country_code);
  return m != NULL && membership_covers (m, date);
}

/* @out_left is left unset for a current member. */
gboolean
care_eu_get_membership (const char *country_code,
                        GDate      *out_joined,
                        GDate      *out_left)
{
  const Membership *m = find_membership (country_code);

  if (out_joined != NULL)
    care_date_unset (out_joined);
  if (out_left != NULL)
    care_date_unset (out_left);
  if (m == NULL)
    return FALSE;

  if (out_joined != NULL)
    care_date_set (out_joined, m->joined_year, m->joined_month, m->joined_day);
  if (out_left != NULL && m->left_year != 0)
    care_date_set (out_left, m->left_year, m->left_month, m->left_day);
  return TRUE;
}

/* Member states only, not their separately coded territories: 28 in 2014,
 * 27 after the United Kingdom left. */
guint
care_eu_count_members_on (const GDate *date)
{
  guint count = 0;

  g_return_val_if_fail (care_date_is_set (date), 0);

  for (gsize i = 0; i < G_N_ELEMENTS (memberships); i++)
    count += membership_covers (&memberships[i], date);
  return count;
}
