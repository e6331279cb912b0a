/* care-case-number.c — case numbers such as CARE-FR-2014-0007
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "care-case-number.h"
#include "care-country.h"

G_DEFINE_QUARK (care-case-number-error-quark, care_case_number_error)

gboolean
care_case_number_init (CareCaseNumber *number,
                       const char     *host_country,
                       guint           year,
                       guint           sequence)
{
  const char *canonical;

  g_return_val_if_fail (number != NULL, FALSE);

  memset (number, 0, sizeof *number);
  canonical = care_country_canonical_code (host_country);
  if (canonical == NULL || year < 1000 || year > 9999 ||
      sequence < 1 || sequence > CARE_CASE_NUMBER_MAX_SEQUENCE)
    return FALSE;

  memcpy (number->host_country, canonical, 3);
  number->year = year;
  number->sequence = sequence;
  return TRUE;
}

gboolean
care_case_number_is_set (const CareCaseNumber *number)
{
  return number != NULL && number->host_country[0] != '\0' && number->sequence > 0;
}

static gboolean
parse_number (const char *text,
              gsize       min_digits,
              gsize       max_digits,
              guint      *out)
{
  gsize len = strlen (text);
  guint value = 0;

  if (len < min_digits || len > max_digits)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Read without regard to case or surrounding spaces, since numbers are
 * typed from paper; the sequence has at least four digits and grows beyond
 * them rather than wrapping. */
gboolean
care_case_number_parse (const char      *text,
                        CareCaseNumber  *out_number,
                        GError         **error)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  guint year, sequence;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_number != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = g_strstrip (g_ascii_strup (text, -1));
  parts = g_strsplit (copy, "-", -1);

  if (g_strv_length (parts) != 4 ||
      !g_str_equal (parts[0], CARE_CASE_NUMBER_PREFIX) ||
      strlen (parts[1]) != 2 ||
      !parse_number (parts[2], 4, 4, &year) ||
      !parse_number (parts[3], 4, 6, &sequence) ||
      !care_case_number_init (out_number, parts[1], year, sequence))
    {
      g_set_error (error, CARE_CASE_NUMBER_ERROR, CARE_CASE_NUMBER_ERROR_INVALID,
                   /* Translators: %s is the text that was typed; keep CARE-FR-2014-0007 as it is */
                   _("“%s” is not a case number such as CARE-FR-2014-0007"), text);
      return FALSE;
    }
  return TRUE;
}

char *
care_case_number_format (const CareCaseNumber *number)
{
  g_return_val_if_fail (care_case_number_is_set (number), NULL);

  return g_strdup_printf ("%s-%s-%04u-%04u", CARE_CASE_NUMBER_PREFIX,
                          number->host_country, number->year, number->sequence);
}

gboolean
care_case_number_equal (const CareCaseNumber *a,
                        const CareCaseNumber *b)
{
  return care_case_number_compare (a, b) == 0;
}

int
care_case_number_compare (const CareCaseNumber *a,
                          const CareCaseNumber *b)
{
  int cmp;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  cmp = strcmp (a->host_country, b->host_country);
  if (cmp != 0)
    return cmp;
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->sequence != b->sequence)
    return a->sequence < b->sequence ? -1 : 1;
  return 0;
}
