/* care-money.c — amounts of money, in cents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "care-format.h"
#include "care-money.h"

G_DEFINE_QUARK (care-money-error-quark, care_money_error)

/* Spaces that people and spreadsheets put between thousands: the ASCII
 * space, the no-break space and the narrow no-break space that French
 * typography (and glibc's fr_FR locale) use. */
static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == '\'';
}

static gboolean
set_invalid (const char  *text,
             GError     **error)
{
  g_set_error (error, CARE_MONEY_ERROR, CARE_MONEY_ERROR_INVALID,
               /* Translators: %s is what was typed for an amount of money */
               _("“%s” is not an amount: write it like 1234.56 or 1 234,56"), text);
  return FALSE;
}

/* Accepts what a caseworker or a spreadsheet writes: "1234.56",
 * "1 234,56", "1,234.56", "1.234,56", "12", "0,5". With both a comma and
 * a dot, the last one separates the cents. With only one of them, it
 * separates thousands when it comes back every three digits ("1,234,567")
 * and cents otherwise — so "1,234" is one euro and 234 thousandths, which
 * is refused for having three decimals rather than guessed at. "1.500"
 * is refused too, even though its third decimal is a zero: in much of
 * Europe it means one thousand five hundred. */
gboolean
care_money_parse (const char  *text,
                  gint64      *out_cents,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);   /* integer part */
  g_autoptr(GString) decimals = g_string_new (NULL);
  const char *p;
  const char *last_dot, *last_comma, *decimal_sep = NULL;
  char group_char = 0;
  int group_len = -1;         /* digits in the current group, -1 before any separator */
  gboolean seen_group = FALSE;
  gint64 cents = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_cents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return set_invalid ("", error);

  /* Trim every kind of space at both ends. */
  p = text;
  while (*p != '\0' && (is_group_space (g_utf8_get_char (p)) || g_ascii_isspace (*p)))
    p = g_utf8_next_char (p);
  trimmed = g_strdup (p);
  {
    char *end = trimmed + strlen (trimmed);
    while (end > trimmed)
      {
        char *prev = g_utf8_prev_char (end);
        gunichar c = g_utf8_get_char (prev);
        if (!is_group_space (c) && !g_unichar_isspace (c))
          break;
        end = prev;
      }
    *end = '\0';
  }

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, CARE_MONEY_ERROR, CARE_MONEY_ERROR_EMPTY,
                           _("No amount was given"));
      return FALSE;
    }

  if (*trimmed == '-' || g_str_has_prefix (trimmed, "\xe2\x88\x92"))
    {
      g_set_error (error, CARE_MONEY_ERROR, CARE_MONEY_ERROR_NEGATIVE,
                   /* Translators: %s is what was typed for an amount of money */
                   _("“%s” is negative: amounts are zero or more"), text);
      return FALSE;
    }

  last_dot = strrchr (trimmed, '.');
  last_comma = strrchr (trimmed, ',');
  if (last_dot != NULL && last_comma != NULL)
    decimal_sep = MAX (last_dot, last_comma);
  else if (last_dot != NULL || last_comma != NULL)
    {
      const char *only = last_dot != NULL ? last_dot : last_comma;
      if (strchr (trimmed, *only) == only)
        decimal_sep = only;
    }

  for (p = trimmed; *p != '\0' && p != decimal_sep; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          if (group_len >= 0)
            group_len++;
          continue;
        }

      if (c == '.' || c == ',' || is_group_space (c))
        {
          char kind = is_group_space (c) ? ' ' : (char) c;

          /* One kind of thousands separator, between groups of three. */
          if (digits->len == 0 || (seen_group && kind != group_char) ||
              (seen_group && group_len != 3) || (!seen_group && digits->len > 3))
            return set_invalid (text, error);
          seen_group = TRUE;
          group_char = kind;
          group_len = 0;
          continue;
        }

      return set_invalid (text, error);
    }

  if (seen_group && group_len != 3)
    return set_invalid (text, error);

  if (decimal_sep != NULL)
    {
      for (p = decimal_sep + 1; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return set_invalid (text, error);
          g_string_append_c (decimals, *p);
        }
      if (digits->len == 0 && decimals->len == 0)
        return set_invalid (text, error);
    }

  if (decimals->len > 2)
    {
      g_set_error (error, CARE_MONEY_ERROR, CARE_MONEY_ERROR_TOO_MANY_DECIMALS,
                   /* Translators: %s is what was typed for an amount of money */
                   _("“%s” has more than two decimals: amounts are counted in cents"), text);
      return FALSE;
    }

  for (gsize i = 0; i < digits->len; i++)
    {
      cents = cents * 10 + (digits->str[i] - '0');
      if (cents > CARE_MONEY_MAX_CENTS / 100)
        {
          g_set_error (error, CARE_MONEY_ERROR, CARE_MONEY_ERROR_TOO_LARGE,
                       /* Translators: %s is what was typed for an amount of money */
                       _("“%s” is too large for an amount"), text);
          return FALSE;
        }
    }
  cents *= 100;
  if (decimals->len >= 1)
    cents += (decimals->str[0] - '0') * 10;
  if (decimals->len >= 2)
    cents += decimals->str[1] - '0';

  *out_cents = cents;
  return TRUE;
}

gboolean
care_money_check (gint64   cents,
                  GError **error)
{
  if (cents < 0)
    {
      g_set_error_literal (error, CARE_MONEY_ERROR, CARE_MONEY_ERROR_NEGATIVE,
                           _("Amounts are zero or more"));
      return FALSE;
    }
  if (cents > CARE_MONEY_MAX_CENTS)
    {
      g_set_error_literal (error, CARE_MONEY_ERROR, CARE_MONEY_ERROR_TOO_LARGE,
                           _("The amount is too large"));
      return FALSE;
    }
  return TRUE;
}

/* The exchange form, for CSV and JSON: what care_money_parse() reads back. */
char *
care_money_format (gint64 cents)
{
  const char *sign = cents < 0 ? "-" : "";
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", sign,
                          magnitude / 100, (guint) (magnitude % 100));
}

/* For a printed plan, which is in the beneficiary's language whatever the
 * interface's: French groups thousands with a narrow no-break space and
 * writes a decimal comma; the other languages of the programme use the
 * English form. */
char *
care_money_format_for_language (gint64      cents,
                                const char *currency_code,
                                const char *language)
{
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  g_autofree char *units = care_format_number ((gint64) (magnitude / 100), french ? "fr" : "en");
  GString *out = g_string_new (cents < 0 ? "-" : NULL);

  g_string_append_printf (out, "%s%c%02u", units, french ? ',' : '.', (guint) (magnitude % 100));
  if (currency_code != NULL && *currency_code != '\0')
    g_string_append_printf (out, "\xc2\xa0%s", currency_code);

  return g_string_free (out, FALSE);
}
