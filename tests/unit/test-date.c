/* test-date.c — dates, dates of birth, case numbers and money
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include "care-case-number.h"
#include "care-date.h"
#include "care-money.h"

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *text = care_date_format (date);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_date_parse (void)
{
  GDate date;
  g_autoptr(GError) error = NULL;

  g_assert_true (care_date_parse ("2014-03-07", &date, &error));
  g_assert_no_error (error);
  assert_date (&date, "2014-03-07");

  g_assert_true (care_date_parse ("2016-02-29", &date, NULL));
  g_assert_false (care_date_parse ("2015-02-29", &date, &error));
  g_assert_error (error, CARE_DATE_ERROR, CARE_DATE_ERROR_INVALID);
  g_clear_error (&error);

  for (const char *const *bad = (const char *const[]) { "", "2014-3-7", "07/03/2014", "2014-03-07x",
                                                        "2014-13-01", "2014-00-10", "0000-01-01", NULL };
       *bad != NULL; bad++)
    {
      g_assert_false (care_date_parse (*bad, &date, &error));
      g_assert_error (error, CARE_DATE_ERROR, CARE_DATE_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_date_unset (void)
{
  GDate a, b;
  g_autofree char *text = NULL;

  care_date_unset (&a);
  g_assert_false (care_date_is_set (&a));
  text = care_date_format (&a);
  g_assert_cmpstr (text, ==, "");

  care_date_set (&b, 2014, 1, 1);
  /* unknown dates sort last */
  g_assert_cmpint (care_date_compare (&b, &a), <, 0);
  g_assert_cmpint (care_date_compare (&a, &b), >, 0);
  g_assert_cmpint (care_date_compare (&a, &a), ==, 0);
}

static void
test_add_months (void)
{
  GDate arrival, due;

  care_date_set (&arrival, 2014, 1, 31);
  care_date_add_months_clamped (&arrival, 1, &due);
  assert_date (&due, "2014-02-28");
  care_date_add_months_clamped (&arrival, 3, &due);
  assert_date (&due, "2014-04-30");
  care_date_add_months_clamped (&arrival, 6, &due);
  assert_date (&due, "2014-07-31");

  care_date_set (&arrival, 2015, 1, 31);
  care_date_add_months_clamped (&arrival, 13, &due);
  assert_date (&due, "2016-02-29");
}

static void
test_birth_date (void)
{
  CareBirthDate birth;
  GDate date;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *full_text = NULL;

  g_assert_true (care_birth_date_parse ("1996", &birth, &error));
  g_assert_no_error (error);
  g_assert_true (care_birth_date_is_year_only (&birth));
  year_text = care_birth_date_format (&birth);
  g_assert_cmpstr (year_text, ==, "1996");
  care_birth_date_get_latest (&birth, &date);
  assert_date (&date, "1996-12-31");
  care_birth_date_get_earliest (&birth, &date);
  assert_date (&date, "1996-01-01");

  g_assert_true (care_birth_date_parse ("1996-02-29", &birth, NULL));
  g_assert_false (care_birth_date_is_year_only (&birth));
  full_text = care_birth_date_format (&birth);
  g_assert_cmpstr (full_text, ==, "1996-02-29");

  /* a 29 February birthday falls on 1 March in common years */
  care_birth_date_get_anniversary (&birth, 18, &date);
  assert_date (&date, "2014-03-01");
  care_birth_date_get_anniversary (&birth, 20, &date);
  assert_date (&date, "2016-02-29");

  g_assert_false (care_birth_date_parse ("96", &birth, &error));
  g_assert_error (error, CARE_DATE_ERROR, CARE_DATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (care_birth_date_parse ("199x", &birth, &error));
  g_assert_error (error, CARE_DATE_ERROR, CARE_DATE_ERROR_INVALID);
}

static void
test_case_number (void)
{
  CareCaseNumber number, other;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *long_text = NULL;

  g_assert_true (care_case_number_parse ("CARE-FR-2014-0007", &number, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (number.host_country, ==, "FR");
  g_assert_cmpuint (number.year, ==, 2014);
  g_assert_cmpuint (number.sequence, ==, 7);
  text = care_case_number_format (&number);
  g_assert_cmpstr (text, ==, "CARE-FR-2014-0007");

  /* typed from paper: case and spaces do not matter */
  g_assert_true (care_case_number_parse ("  care-gb-2015-0123 ", &other, NULL));
  g_assert_cmpstr (other.host_country, ==, "GB");
  g_assert_cmpint (care_case_number_compare (&number, &other), <, 0);   /* FR before GB */
  g_assert_false (care_case_number_equal (&number, &other));

  /* the sequence grows beyond four digits rather than wrapping */
  g_assert_true (care_case_number_init (&number, "it", 2015, 12345));
  long_text = care_case_number_format (&number);
  g_assert_cmpstr (long_text, ==, "CARE-IT-2015-12345");
  g_assert_true (care_case_number_parse (long_text, &other, NULL));
  g_assert_true (care_case_number_equal (&number, &other));

  for (const char *const *bad = (const char *const[]) { "", "CARE-FR-2014", "CARE-FR-2014-7",
                                                        "CARE-XX-2014-0007", "CASE-FR-2014-0007",
                                                        "CARE-FR-14-0007", "CARE-FR-2014-0000",
                                                        "CARE-FRA-2014-0007", "CARE-FR-2014-00a7",
                                                        "CARE-FR-2014-0007-1", NULL };
       *bad != NULL; bad++)
    {
      g_assert_false (care_case_number_parse (*bad, &number, &error));
      g_assert_error (error, CARE_CASE_NUMBER_ERROR, CARE_CASE_NUMBER_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
assert_amount (const char *text,
               gint64      expected)
{
  gint64 cents = -1;
  g_autoptr(GError) error = NULL;

  if (!care_money_parse (text, &cents, &error))
    g_error ("“%s”: %s", text, error->message);
  g_assert_cmpint (cents, ==, expected);
}

static void
assert_amount_refused (const char *text,
                       int         code)
{
  gint64 cents = 42;
  g_autoptr(GError) error = NULL;

  g_assert_false (care_money_parse (text, &cents, &error));
  g_assert_error (error, CARE_MONEY_ERROR, code);
  g_assert_cmpint (cents, ==, 42);
}

static void
test_money_parse (void)
{
  assert_amount ("1234.56", 123456);
  assert_amount ("1 234,56", 123456);
  assert_amount ("1\xc2\xa0" "234,56", 123456);   /* no-break space */
  assert_amount ("1\xe2\x80\xaf" "234,56", 123456);   /* narrow no-break space */
  assert_amount ("1,234.56", 123456);
  assert_amount ("1.234,56", 123456);
  assert_amount ("1,234,567", 123456700);
  assert_amount ("1 234 567.8", 123456780);
  assert_amount ("12", 1200);
  assert_amount ("0,5", 50);
  assert_amount ("0.05", 5);
  assert_amount (".5", 50);
  assert_amount ("12.", 1200);
  assert_amount ("  7,10  ", 710);
  assert_amount ("0", 0);
  /* no floating point anywhere: 0.29 stays 29 cents */
  assert_amount ("0.29", 29);
  assert_amount ("999999999.99", CARE_MONEY_MAX_CENTS);

  assert_amount_refused ("", CARE_MONEY_ERROR_EMPTY);
  assert_amount_refused ("   ", CARE_MONEY_ERROR_EMPTY);
  assert_amount_refused ("-5", CARE_MONEY_ERROR_NEGATIVE);
  assert_amount_refused ("\xe2\x88\x92" "5", CARE_MONEY_ERROR_NEGATIVE);
  assert_amount_refused ("1.234", CARE_MONEY_ERROR_TOO_MANY_DECIMALS);
  assert_amount_refused ("1,234", CARE_MONEY_ERROR_TOO_MANY_DECIMALS);
  assert_amount_refused ("12.500", CARE_MONEY_ERROR_TOO_MANY_DECIMALS);
  assert_amount_refused ("0.001", CARE_MONEY_ERROR_TOO_MANY_DECIMALS);
  assert_amount_refused ("1000000000", CARE_MONEY_ERROR_TOO_LARGE);
  assert_amount_refused ("99999999999999999999999", CARE_MONEY_ERROR_TOO_LARGE);
  assert_amount_refused ("12 EUR", CARE_MONEY_ERROR_INVALID);
  assert_amount_refused ("1e3", CARE_MONEY_ERROR_INVALID);
  assert_amount_refused ("1,2,3", CARE_MONEY_ERROR_INVALID);
  assert_amount_refused ("12,34,567.00", CARE_MONEY_ERROR_INVALID);
  assert_amount_refused ("1 23,00", CARE_MONEY_ERROR_INVALID);
  assert_amount_refused ("1.2.3,00", CARE_MONEY_ERROR_INVALID);
  assert_amount_refused (".", CARE_MONEY_ERROR_INVALID);
  assert_amount_refused ("+5", CARE_MONEY_ERROR_INVALID);
  assert_amount_refused ("1 234.567,00", CARE_MONEY_ERROR_INVALID);
}

static void
test_money_format (void)
{
  struct { gint64 cents; const char *plain, *fr, *en; } cases[] = {
    { 0, "0.00", "0,00\xc2\xa0" "EUR", "0.00\xc2\xa0" "EUR" },
    { 5, "0.05", "0,05\xc2\xa0" "EUR", "0.05\xc2\xa0" "EUR" },
    { 123456, "1234.56", "1\xe2\x80\xaf" "234,56\xc2\xa0" "EUR", "1,234.56\xc2\xa0" "EUR" },
    { 123456700, "1234567.00", "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567,00\xc2\xa0" "EUR", "1,234,567.00\xc2\xa0" "EUR" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = care_money_format (cases[i].cents);
      g_autofree char *fr = care_money_format_for_language (cases[i].cents, "EUR", "fr_FR");
      g_autofree char *en = care_money_format_for_language (cases[i].cents, "EUR", "en");
      gint64 back = -1;

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (fr, ==, cases[i].fr);
      g_assert_cmpstr (en, ==, cases[i].en);
      /* both forms read back */
      g_assert_true (care_money_parse (plain, &back, NULL));
      g_assert_cmpint (back, ==, cases[i].cents);
      g_assert_true (care_money_parse (en, &back, NULL) == FALSE);
    }

  g_assert_true (care_money_check (0, NULL));
  g_assert_false (care_money_check (-1, NULL));
  g_assert_false (care_money_check (CARE_MONEY_MAX_CENTS + 1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/unset", test_date_unset);
  g_test_add_func ("/date/add-months-clamped", test_add_months);
  g_test_add_func ("/date/birth-date", test_birth_date);
  g_test_add_func ("/case-number/format-parse", test_case_number);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/format", test_money_format);
  return g_test_run ();
}
