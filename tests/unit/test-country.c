/* test-country.c — ISO tables from iso-codes, in English and French, and
 * membership of the European Union by date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-country"

#include "config.h"

#include <locale.h>

#include "care-country.h"
#include "care-date.h"
#include "care-eu.h"
#include "care-i18n.h"

/* English runs under en_GB rather than C.UTF-8: GLib stops translating
 * for good, in the whole process, once it has seen a non-English locale
 * whose catalogue is missing. */
static gboolean
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", g_str_equal (language, "fr") ? "fr_FR.UTF-8" : "en_GB.UTF-8", TRUE);
  care_i18n_init ();
  if (g_str_equal (language, "fr") &&
      g_strcmp0 (setlocale (LC_MESSAGES, NULL), "fr_FR.UTF-8") != 0)
    {
      g_test_fail_printf ("the fr_FR.UTF-8 locale is missing: build-aux/setup generates it");
      return FALSE;
    }
  return TRUE;
}

static void
test_tables_load (void)
{
  g_autoptr(GError) error = NULL;
  const char * const *codes;
  guint n = 0;

  g_assert_true (care_country_tables_load (&error));
  g_assert_no_error (error);

  codes = care_country_get_codes ();
  for (; codes[n] != NULL; n++)
    if (n > 0)
      g_assert_cmpint (g_strcmp0 (codes[n - 1], codes[n]), <, 0);
  /* ISO 3166-1 has 249 codes; iso-codes may gain one, never lose many */
  g_assert_cmpuint (n, >=, 249);

  codes = care_currency_get_codes ();
  g_assert_true (g_strv_contains (codes, "EUR"));
  g_assert_true (g_strv_contains (codes, "NGN"));
}

static void
test_country_codes (void)
{
  g_assert_true (care_country_is_known ("FR"));
  g_assert_true (care_country_is_known ("ng"));
  g_assert_cmpstr (care_country_canonical_code ("gb"), ==, "GB");
  g_assert_false (care_country_is_known ("UK"));   /* the United Kingdom is GB */
  g_assert_false (care_country_is_known ("XX"));
  g_assert_false (care_country_is_known ("FRA"));
  g_assert_false (care_country_is_known ("F"));
  g_assert_false (care_country_is_known (""));
  g_assert_false (care_country_is_known (NULL));
  g_assert_false (care_country_is_known ("É1"));

  g_assert_true (care_currency_is_known ("EUR"));
  g_assert_true (care_currency_is_known ("gbp"));
  g_assert_cmpstr (care_currency_canonical_code ("eur"), ==, "EUR");
  g_assert_false (care_currency_is_known ("EU"));
  g_assert_false (care_currency_is_known ("XYZ"));
}

static void
test_names_english (void)
{
  if (!use_language ("en"))
    return;

  g_assert_cmpstr (care_country_get_name ("DE"), ==, "Germany");
  g_assert_cmpstr (care_country_get_name ("gb"), ==, "United Kingdom");
  /* the common name, not "Bolivia, Plurinational State of" */
  g_assert_cmpstr (care_country_get_name ("BO"), ==, "Bolivia");
  g_assert_null (care_country_get_name ("XX"));
  g_assert_cmpstr (care_currency_get_name ("EUR"), ==, "Euro");
  g_assert_null (care_currency_get_name ("XYZ"));
}

static void
test_names_french (void)
{
  if (!use_language ("fr"))
    return;

  g_assert_cmpstr (care_country_get_name ("DE"), ==, "Allemagne");
  g_assert_cmpstr (care_country_get_name ("ER"), ==, "Érythrée");
  g_assert_cmpstr (care_country_get_name ("gb"), ==, "Royaume-Uni");
  g_assert_cmpstr (care_country_get_english_name ("DE"), ==, "Germany");
  g_assert_cmpstr (care_currency_get_name ("EUR"), ==, "Euro");
  g_assert_cmpstr (care_currency_get_name ("USD"), ==, "Dollar américain");

  use_language ("en");
  g_assert_cmpstr (care_country_get_name ("DE"), ==, "Germany");
}

static void
assert_parses (const char *text,
               const char *code)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (care_country_parse (text, &error), ==, code);
  g_assert_no_error (error);
}

static char *
parse_error (const char *text,
             int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (care_country_parse (text, &error));
  g_assert_error (error, CARE_COUNTRY_ERROR, code);
  return g_strdup (error->message);
}

/* Typed in either language whatever the interface's, without regard to
 * case or accents; a code still works. */
static void
check_names_typed (void)
{
  g_autoptr(GPtrArray) codes = NULL;

  assert_parses ("ER", "ER");
  assert_parses ("er", "ER");
  assert_parses ("Eritrea", "ER");
  assert_parses ("  eritrea ", "ER");
  assert_parses ("Érythrée", "ER");
  assert_parses ("erythree", "ER");
  assert_parses ("ÉRYTHRÉE", "ER");
  assert_parses ("Allemagne", "DE");
  assert_parses ("Germany", "DE");
  assert_parses ("Royaume-Uni", "GB");
  assert_parses ("royaume uni", "GB");
  assert_parses ("Côte d’Ivoire", "CI");
  assert_parses ("cote d'ivoire", "CI");
  /* the whole name wins over longer ones that begin with it */
  assert_parses ("Niger", "NE");
  /* the beginning of one country's name only */
  assert_parses ("nigeri", "NG");
  assert_parses ("bissau", "GW");

  codes = care_country_match ("erythr", 0);
  g_assert_cmpuint (codes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (codes, 0), ==, "ER");
  g_clear_pointer (&codes, g_ptr_array_unref);

  /* the code first, then whole names, then beginnings */
  codes = care_country_match ("ne", 0);
  g_assert_cmpuint (codes->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (codes, 0), ==, "NE");
  g_assert_true (g_ptr_array_find_with_equal_func (codes, "NL", g_str_equal, NULL));   /* Netherlands */
  g_assert_true (g_ptr_array_find_with_equal_func (codes, "NP", g_str_equal, NULL));   /* Nepal, Népal */
  g_clear_pointer (&codes, g_ptr_array_unref);

  codes = care_country_match ("e", 3);
  g_assert_cmpuint (codes->len, ==, 3);
  g_clear_pointer (&codes, g_ptr_array_unref);

  codes = care_country_match ("  ", 0);
  g_assert_cmpuint (codes->len, ==, 0);
}

static void
test_parse_english (void)
{
  g_autofree char *unknown = NULL;
  g_autofree char *two = NULL;
  g_autofree char *many = NULL;

  if (!use_language ("en"))
    return;

  check_names_typed ();
  /* names in the interface's language before those in the other */
  {
    g_autoptr(GPtrArray) codes = care_country_match ("gui", 0);

    g_assert_cmpuint (codes->len, >=, 4);
    g_assert_cmpstr (g_ptr_array_index (codes, 0), ==, "GN");   /* Guinea */
    g_assert_cmpstr (g_ptr_array_index (codes, 1), ==, "GW");   /* Guinea-Bissau */
    g_assert_cmpstr (g_ptr_array_index (codes, 2), ==, "GQ");   /* Guinée équatoriale */
  }
  unknown = parse_error ("Atlantis", CARE_COUNTRY_ERROR_UNKNOWN);
  g_assert_cmpstr (unknown, ==, "No country is called “Atlantis”");
  g_clear_pointer (&unknown, g_free);
  unknown = parse_error ("XX", CARE_COUNTRY_ERROR_UNKNOWN);
  g_assert_cmpstr (unknown, ==, "No country is called “XX”");
  two = parse_error ("nige", CARE_COUNTRY_ERROR_AMBIGUOUS);
  g_assert_cmpstr (two, ==, "“nige” could be Niger or Nigeria: choose one");
  many = parse_error ("gui", CARE_COUNTRY_ERROR_AMBIGUOUS);
  g_assert_true (g_str_has_suffix (many, " or another country: choose one"));
  g_assert_null (care_country_parse ("", NULL));
}

static void
test_parse_french (void)
{
  g_autofree char *unknown = NULL;
  g_autofree char *two = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  if (!use_language ("fr"))
    return;

  check_names_typed ();
  g_assert_cmpstr (care_country_get_french_name ("ER"), ==, "Érythrée");
  unknown = parse_error ("Atlantide", CARE_COUNTRY_ERROR_UNKNOWN);
  g_assert_cmpstr (unknown, ==, "Aucun pays ne s’appelle « Atlantide »");
  two = parse_error ("nige", CARE_COUNTRY_ERROR_AMBIGUOUS);
  g_assert_cmpstr (two, ==, "« nige » pourrait être Niger ou Nigeria : choisissez-en un");

  /* alphabetical in the interface's language: Érythrée among the E */
  codes = care_country_match ("e", 0);
  g_assert_cmpstr (g_ptr_array_index (codes, 0), ==, "EG");   /* Égypte */

  use_language ("en");
  g_assert_cmpstr (care_country_get_french_name ("DE"), ==, "Allemagne");
}

static gboolean
member_on (const char *code,
           const char *date_text)
{
  GDate date;

  g_assert_true (care_date_parse (date_text, &date, NULL));
  return care_eu_is_member_on (code, &date);
}

static void
test_eu_membership (void)
{
  GDate joined, left, date;

  /* the United Kingdom: a member until 31 January 2020 included */
  g_assert_true (member_on ("GB", "2014-06-01"));
  g_assert_true (member_on ("GB", "2020-01-31"));
  g_assert_false (member_on ("GB", "2020-02-01"));
  g_assert_false (member_on ("GB", "1972-12-31"));
  g_assert_true (member_on ("GB", "1973-01-01"));

  /* Croatia: from 1 July 2013 */
  g_assert_false (member_on ("HR", "2013-06-30"));
  g_assert_true (member_on ("HR", "2013-07-01"));

  g_assert_true (member_on ("fr", "2014-01-01"));
  g_assert_true (member_on ("RO", "2007-01-01"));
  g_assert_false (member_on ("RO", "2006-12-31"));
  g_assert_false (member_on ("PL", "2004-04-30"));
  g_assert_true (member_on ("PL", "2004-05-01"));

  /* countries people return to, outside the Union */
  for (const char *const *code = (const char *const[]) { "NG", "AL", "UA", "CN", "VN", "BR", "MA",
                                                         "RS", "TR", "NO", "CH", "MD", NULL };
       *code != NULL; code++)
    g_assert_false (member_on (*code, "2014-06-01"));

  /* parts of member states with a code of their own */
  g_assert_true (member_on ("RE", "2014-06-01"));
  g_assert_false (member_on ("YT", "2013-12-31"));
  g_assert_true (member_on ("YT", "2014-01-01"));
  g_assert_false (member_on ("GL", "2014-06-01"));

  g_assert_false (member_on ("XX", "2014-06-01"));

  g_assert_true (care_eu_get_membership ("GB", &joined, &left));
  g_assert_cmpuint (g_date_get_year (&joined), ==, 1973);
  g_assert_cmpuint (g_date_get_year (&left), ==, 2020);
  g_assert_true (care_eu_get_membership ("HR", &joined, &left));
  g_assert_false (care_date_is_set (&left));
  g_assert_false (care_eu_get_membership ("NG", &joined, &left));

  care_date_set (&date, 2014, 1, 1);
  g_assert_cmpuint (care_eu_count_members_on (&date), ==, 28);
  care_date_set (&date, 2013, 6, 30);
  g_assert_cmpuint (care_eu_count_members_on (&date), ==, 27);
  care_date_set (&date, 2020, 2, 1);
  g_assert_cmpuint (care_eu_count_members_on (&date), ==, 27);
  care_date_set (&date, 1958, 1, 1);
  g_assert_cmpuint (care_eu_count_members_on (&date), ==, 6);
}

/* Every member state in the table is a real ISO code. */
static void
test_eu_codes_known (void)
{
  GDate date;
  guint members = 0;
  const char * const *codes = care_country_get_codes ();

  care_date_set (&date, 2015, 6, 1);
  for (guint i = 0; codes[i] != NULL; i++)
    members += care_eu_is_member_on (codes[i], &date);
  /* 28 states and the 8 separately coded territories of 2015 */
  g_assert_cmpuint (members, ==, 28 + 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/country/tables-load", test_tables_load);
  g_test_add_func ("/country/codes", test_country_codes);
  g_test_add_func ("/country/names-english", test_names_english);
  g_test_add_func ("/country/names-french", test_names_french);
  g_test_add_func ("/country/parse-english", test_parse_english);
  g_test_add_func ("/country/parse-french", test_parse_french);
  g_test_add_func ("/eu/membership", test_eu_membership);
  g_test_add_func ("/eu/codes-known", test_eu_codes_known);
  return g_test_run ();
}
