/* care-format.c — dates, numbers and money the way each language writes them
 *
 * A caseworker reads "1 234,56 €" and "30 novembre 2026" in French,
 * "€1,234.56" and "30 November 2026" in English. Month names come from
 * the system's locale data (glibc), not from a table of our own; the
 * grouping and currency placement are the two languages' conventions
 * (French: narrow no-break space between groups, no-break space before the
 * symbol; English: comma groups, symbol before the amount).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-format"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>

#include "care-format.h"
#include "care-language.h"
#include "care-money.h"

#define NARROW_NBSP "\xe2\x80\xaf"
#define NBSP        "\xc2\xa0"

static gboolean
is_french (const char *language)
{
  if (language == NULL)
    language = care_language_get_code ();
  return g_str_has_prefix (language, "fr");
}

static locale_t
time_locale (gboolean french)
{
  static locale_t locales[2];
  static GMutex lock;
  locale_t l;

  g_mutex_lock (&lock);
  if (locales[french] == (locale_t) 0)
    locales[french] = newlocale (LC_TIME_MASK, french ? "fr_FR.UTF-8" : "en_GB.UTF-8", (locale_t) 0);
  l = locales[french];
  g_mutex_unlock (&lock);
  return l;
}

char *
care_format_date (const GDate   *date,
                  CareDateStyle  style,
                  const char    *language)
{
  gboolean french = is_french (language);
  struct tm tm = { 0 };
  char buffer[128];
  locale_t l;

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("");

  if (style == CARE_DATE_NUMERIC)
    return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                            g_date_get_year (date));

  g_date_to_struct_tm (date, &tm);
  l = time_locale (french);
  if (l == (locale_t) 0 ||
      strftime_l (buffer, sizeof buffer, "%-d %B %Y", &tm, l) == 0)
    return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date));
  return g_strdup (buffer);
}

static void
append_grouped (GString    *out,
                guint64     value,
                const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

static guint64
magnitude_of (gint64 value)
{
  return value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
}

char *
care_format_number (gint64      value,
                    const char *language)
{
  GString *out = g_string_new (value < 0 ? "-" : NULL);

  append_grouped (out, magnitude_of (value), is_french (language) ? NARROW_NBSP : ",");
  return g_string_free (out, FALSE);
}

static const char *
currency_symbol (const char *code)
{
  if (g_strcmp0 (code, "EUR") == 0)
    return "€";
  if (g_strcmp0 (code, "GBP") == 0)
    return "£";
  if (g_strcmp0 (code, "USD") == 0)
    return "$";
  return NULL;
}

char *
care_format_money (gint64      cents,
                   const char *currency,
                   const char *language)
{
  gboolean french = is_french (language);
  const char *symbol = currency_symbol (currency);
  g_autofree char *digits = care_money_format_for_language (cents, NULL, french ? "fr" : "en");
  /* The digits as care-money writes them; the sign goes before the symbol. */
  const char *amount = digits[0] == '-' ? digits + 1 : digits;
  GString *out = g_string_new (cents < 0 ? "-" : NULL);

  if (currency == NULL || *currency == '\0')
    g_string_append (out, amount);
  else if (french)
    g_string_append_printf (out, "%s" NBSP "%s", amount, symbol != NULL ? symbol : currency);
  else if (symbol != NULL)
    g_string_append_printf (out, "%s%s", symbol, amount);
  else
    g_string_append_printf (out, "%s" NBSP "%s", currency, amount);

  return g_string_free (out, FALSE);
}
