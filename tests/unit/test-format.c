/* test-format.c — dates, numbers and money as French and English write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "care-format.h"
#include "care-i18n.h"
#include "care-language.h"

static void
assert_formats (char       *formatted,
                const char *expected)
{
  g_assert_cmpstr (formatted, ==, expected);
  g_free (formatted);
}

static void
test_dates (void)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 30, G_DATE_NOVEMBER, 2026);
  assert_formats (care_format_date (&day, CARE_DATE_LONG, "fr"), "30 novembre 2026");
  assert_formats (care_format_date (&day, CARE_DATE_LONG, "en"), "30 November 2026");
  assert_formats (care_format_date (&day, CARE_DATE_NUMERIC, "fr"), "30/11/2026");
  assert_formats (care_format_date (&day, CARE_DATE_NUMERIC, "en"), "30/11/2026");

  g_date_set_dmy (&day, 1, G_DATE_FEBRUARY, 2016);
  assert_formats (care_format_date (&day, CARE_DATE_LONG, "fr"), "1 février 2016");
  assert_formats (care_format_date (&day, CARE_DATE_LONG, "en"), "1 February 2016");

  /* Without a language: the interface's, whichever it is now. */
  care_language_set (CARE_LANGUAGE_FRENCH);
  assert_formats (care_format_date (&day, CARE_DATE_LONG, NULL), "1 février 2016");
  care_language_set (CARE_LANGUAGE_ENGLISH);
  assert_formats (care_format_date (&day, CARE_DATE_LONG, NULL), "1 February 2016");

  g_date_clear (&day, 1);
  assert_formats (care_format_date (&day, CARE_DATE_LONG, "fr"), "");
}

static void
test_numbers (void)
{
  assert_formats (care_format_number (0, "fr"), "0");
  assert_formats (care_format_number (999, "en"), "999");
  assert_formats (care_format_number (1234, "fr"), "1\u202f234");
  assert_formats (care_format_number (1234, "en"), "1,234");
  assert_formats (care_format_number (1234567, "fr"), "1\u202f234\u202f567");
  assert_formats (care_format_number (-1234567, "en"), "-1,234,567");
  assert_formats (care_format_number (G_MININT64, "en"), "-9,223,372,036,854,775,808");
}

static void
test_money (void)
{
  assert_formats (care_format_money (123456, "EUR", "fr"), "1\u202f234,56\u00a0€");
  assert_formats (care_format_money (123456, "EUR", "en"), "€1,234.56");
  assert_formats (care_format_money (5, "EUR", "fr"), "0,05\u00a0€");
  assert_formats (care_format_money (-250000, "EUR", "en"), "-€2,500.00");
  assert_formats (care_format_money (100, "GBP", "en"), "£1.00");
  assert_formats (care_format_money (100000, "XOF", "fr"), "1\u202f000,00\u00a0XOF");
  assert_formats (care_format_money (100000, "XOF", "en"), "XOF\u00a01,000.00");
  assert_formats (care_format_money (1000, NULL, "en"), "10.00");
}

int
main (int   argc,
      char *argv[])
{
  care_i18n_init ();
  care_language_init_process ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/money", test_money);
  return g_test_run ();
}
