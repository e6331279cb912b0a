/* care-date.c — calendar dates as the case records use them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "care-date.h"

G_DEFINE_QUARK (care-date-error-quark, care_date_error)

gboolean
care_date_is_set (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

void
care_date_unset (GDate *date)
{
  g_return_if_fail (date != NULL);
  g_date_clear (date, 1);
}

void
care_date_set (GDate      *date,
               GDateYear   year,
               GDateMonth  month,
               GDateDay    day)
{
  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid_dmy (day, month, year));

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static gboolean
read_digits (const char *text,
             gsize       n,
             guint      *out)
{
  guint value = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Only ISO 8601's calendar form is accepted: g_date_set_parse() guesses
 * day/month order from the locale, and a guess is how 03/04 becomes the
 * wrong return date in a shared spreadsheet. */
gboolean
care_date_parse (const char  *text,
                 GDate       *out_date,
                 GError     **error)
{
  guint y, m, d;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !read_digits (text, 4, &y) || !read_digits (text + 5, 2, &m) ||
      !read_digits (text + 8, 2, &d))
    {
      g_set_error (error, CARE_DATE_ERROR, CARE_DATE_ERROR_INVALID,
                   /* Translators: %s is the text that was typed; keep YYYY-MM-DD as is or use your language's letters for year, month, day */
                   _("“%s” is not a date of the form YYYY-MM-DD"), text);
      return FALSE;
    }

  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, CARE_DATE_ERROR, CARE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date such as 2015-02-30 */
                   _("%s does not exist in the calendar"), text);
      return FALSE;
    }

  care_date_set (out_date, (GDateYear) y, (GDateMonth) m, (GDateDay) d);
  return TRUE;
}

char *
care_date_format (const GDate *date)
{
  if (!care_date_is_set (date))
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* Unknown dates sort after every known one, as "not yet" comes last. */
int
care_date_compare (const GDate *a,
                   const GDate *b)
{
  gboolean a_set = care_date_is_set (a);
  gboolean b_set = care_date_is_set (b);

  if (!a_set || !b_set)
    return (a_set ? -1 : 0) + (b_set ? 1 : 0);

  return g_date_compare (a, b);
}

gboolean
care_date_equal (const GDate *a,
                 const GDate *b)
{
  return care_date_compare (a, b) == 0;
}

/* g_date_add_months() already clamps to the end of a shorter month
 * (31 January + 1 month = 28 or 29 February); adding from the same origin
 * every time keeps 31 January + 3 months at 30 April rather than drifting
 * to 28 April through February. */
void
care_date_add_months_clamped (const GDate *from,
                              guint        months,
                              GDate       *out_date)
{
  g_return_if_fail (care_date_is_set (from));
  g_return_if_fail (out_date != NULL);

  *out_date = *from;
  g_date_add_months (out_date, months);
}

gboolean
care_birth_date_is_set (const CareBirthDate *birth)
{
  return birth != NULL && birth->year != 0;
}

gboolean
care_birth_date_is_year_only (const CareBirthDate *birth)
{
  return care_birth_date_is_set (birth) && birth->month == G_DATE_BAD_MONTH;
}

void
care_birth_date_unset (CareBirthDate *birth)
{
  g_return_if_fail (birth != NULL);
  birth->year = 0;
  birth->month = G_DATE_BAD_MONTH;
  birth->day = G_DATE_BAD_DAY;
}

void
care_birth_date_set_year (CareBirthDate *birth,
                          GDateYear      year)
{
  g_return_if_fail (birth != NULL);
  g_return_if_fail (g_date_valid_year (year));

  birth->year = year;
  birth->month = G_DATE_BAD_MONTH;
  birth->day = G_DATE_BAD_DAY;
}

void
care_birth_date_set_date (CareBirthDate *birth,
                          const GDate   *date)
{
  g_return_if_fail (birth != NULL);
  g_return_if_fail (care_date_is_set (date));

  birth->year = g_date_get_year (date);
  birth->month = g_date_get_month (date);
  birth->day = g_date_get_day (date);
}

gboolean
care_birth_date_parse (const char     *text,
                       CareBirthDate  *out_birth,
                       GError        **error)
{
  guint y;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_birth != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (text) == 4)
    {
      if (!read_digits (text, 4, &y) || y < 1)
        {
          g_set_error (error, CARE_DATE_ERROR, CARE_DATE_ERROR_INVALID,
                       /* Translators: %s is the text that was typed; YYYY is a year alone */
                       _("“%s” is neither a date of the form YYYY-MM-DD nor a year YYYY"), text);
          return FALSE;
        }
      care_birth_date_set_year (out_birth, (GDateYear) y);
      return TRUE;
    }
  else
    {
      GDate date;

      if (!care_date_parse (text, &date, error))
        return FALSE;
      care_birth_date_set_date (out_birth, &date);
      return TRUE;
    }
}

char *
care_birth_date_format (const CareBirthDate *birth)
{
  if (!care_birth_date_is_set (birth))
    return g_strdup ("");
  if (care_birth_date_is_year_only (birth))
    return g_strdup_printf ("%04u", (guint) birth->year);
  return g_strdup_printf ("%04u-%02u-%02u", (guint) birth->year,
                          (guint) birth->month, (guint) birth->day);
}

/* The latest day the person can have been born on: for a year-only date,
 * 31 December, which makes them as young as the record allows. */
void
care_birth_date_get_latest (const CareBirthDate *birth,
                            GDate               *out_date)
{
  g_return_if_fail (care_birth_date_is_set (birth));

  if (care_birth_date_is_year_only (birth))
    care_date_set (out_date, birth->year, G_DATE_DECEMBER, 31);
  else
    care_date_set (out_date, birth->year, birth->month, birth->day);
}

void
care_birth_date_get_earliest (const CareBirthDate *birth,
                              GDate               *out_date)
{
  g_return_if_fail (care_birth_date_is_set (birth));

  if (care_birth_date_is_year_only (birth))
    care_date_set (out_date, birth->year, G_DATE_JANUARY, 1);
  else
    care_date_set (out_date, birth->year, birth->month, birth->day);
}

/* The day the person turns @years at the latest. Someone born on 29
 * February turns a year older on 1 March in common years, as French and
 * English law count it: the day after 28 February is when the anniversary
 * has passed. */
void
care_birth_date_get_anniversary (const CareBirthDate *birth,
                                 guint                years,
                                 GDate               *out_date)
{
  GDate latest;
  GDateYear year;

  g_return_if_fail (care_birth_date_is_set (birth));
  g_return_if_fail (out_date != NULL);

  care_birth_date_get_latest (birth, &latest);
  year = (GDateYear) (g_date_get_year (&latest) + years);

  if (g_date_get_month (&latest) == G_DATE_FEBRUARY &&
      g_date_get_day (&latest) == 29 && !g_date_is_leap_year (year))
    care_date_set (out_date, year, G_DATE_MARCH, 1);
  else
    care_date_set (out_date, year, g_date_get_month (&latest), g_date_get_day (&latest));
}
