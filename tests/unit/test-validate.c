/* test-validate.c — validation reasons, and the labels, in English and
 * French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "care-case.h"
#include "care-country.h"
#include "care-eligibility.h"
#include "care-i18n.h"
#include "care-issue.h"
#include "care-money.h"
#include "care-schedule.h"
#include "care-settings.h"
#include "care-validate.h"

/* English runs under en_GB rather than C.UTF-8: GLib stops translating
 * for good, in the whole process, once it has seen a non-English locale
 * whose catalogue is missing. */
static gboolean
use_language (const char *language)
{
  gboolean french = g_str_equal (language, "fr");

  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", french ? "fr_FR.UTF-8" : "en_GB.UTF-8", TRUE);
  care_i18n_init ();
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), french ? "fr_FR.UTF-8" : "en_GB.UTF-8") != 0)
    {
      g_test_fail_printf ("the %s locale is missing: build-aux/setup generates it", language);
      return FALSE;
    }
  return TRUE;
}

static GDate
date (const char *text)
{
  GDate d;

  if (!care_date_parse (text, &d, NULL))
    g_error ("bad test date %s", text);
  return d;
}

static CareCase *
valid_case (void)
{
  CareCase *c = care_case_new ();
  GDate on = date ("2014-01-10");

  c->person->family_name = g_strdup ("Tesfaye");
  c->person->given_names = g_strdup ("Selam");
  c->person->sex = CARE_SEX_FEMALE;
  g_assert_true (care_birth_date_parse ("1993", &c->person->date_of_birth, NULL));
  c->person->nationality = g_strdup ("ER");
  c->host_country = g_strdup ("IT");
  c->return_country = g_strdup ("ER");
  c->referral_date = on;
  c->planned_return_date = date ("2014-05-01");
  care_consent_give (&c->consent_voluntary_return, &on);
  care_consent_give (&c->consent_data, &on);
  care_consent_give (&c->consent_followup, &on);
  return c;
}

static const CareIssue *
find_issue (GPtrArray  *issues,
            const char *field,
            int         code)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const CareIssue *issue = g_ptr_array_index (issues, i);
      if (g_strcmp0 (issue->field, field) == 0 && care_issue_matches (issue, CARE_VALIDATE_ERROR, code))
        return issue;
    }
  g_error ("no issue %d on %s among:\n%s", code, field, care_issues_to_string (issues));
  return NULL;
}

static void
test_valid_case (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = valid_case ();
  GDate today = date ("2015-01-01");
  g_autoptr(GPtrArray) issues = NULL;
  CarePlanVersion *draft;
  CareMeasure *m;

  draft = care_plan_edit (c->plan);
  m = care_measure_new (CARE_MEASURE_INCOME_GENERATING, "Sewing machine and stock");
  m->budget_cents = 120000;
  care_plan_version_add_measure (draft, m, NULL);
  c->arrival_date = date ("2014-05-02");
  care_case_update_schedule (c, settings);

  issues = care_case_validate (c, settings, &today);
  if (issues->len > 0)
    g_error ("unexpected issues:\n%s", care_issues_to_string (issues));
}

static void
test_reasons_english (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = valid_case ();
  GDate today = date ("2014-06-01");
  g_autoptr(GPtrArray) issues = NULL;
  CareMeasure *m;
  CareFollowUp *f;
  GDate due = date ("2015-06-01");

  if (!use_language ("en"))
    return;

  g_free (c->person->family_name);
  c->person->family_name = g_strdup ("  ");
  g_free (c->person->given_names);
  c->person->given_names = g_strnfill (101, 'a');
  g_assert_true (care_birth_date_parse ("2014-07-01", &c->person->date_of_birth, NULL));
  g_free (c->person->nationality);
  c->person->nationality = g_strdup ("UK");
  g_free (c->destination);
  c->destination = g_strdup ("Asmara\nnorth");
  c->planned_return_date = date ("2014-01-09");
  c->arrival_date = date ("2014-06-02");
  m = care_measure_new (CARE_MEASURE_OTHER, "Bus ticket");
  m->budget_cents = -100;
  g_free (m->currency);
  m->currency = g_strdup ("EUROS");
  care_plan_version_add_measure (care_plan_edit (c->plan), m, NULL);
  f = care_follow_up_new (&due);
  f->economic_score = 6;
  g_ptr_array_add (c->followups, f);

  issues = care_case_validate (c, settings, &today);

  g_assert_cmpstr (find_issue (issues, "family_name", CARE_VALIDATE_ERROR_REQUIRED)->message, ==,
                   "Family name is required");
  g_assert_cmpstr (find_issue (issues, "given_names", CARE_VALIDATE_ERROR_TOO_LONG)->message, ==,
                   "Given names is too long: at most 100 characters");
  g_assert_cmpstr (find_issue (issues, "date_of_birth", CARE_VALIDATE_ERROR_FUTURE_DATE)->message, ==,
                   "The date of birth (2014-07-01) is in the future");
  g_assert_cmpstr (find_issue (issues, "nationality", CARE_VALIDATE_ERROR_UNKNOWN_COUNTRY)->message, ==,
                   "Nationality: “UK” is not a two-letter ISO 3166-1 country code such as FR or NG");
  g_assert_cmpstr (find_issue (issues, "destination", CARE_VALIDATE_ERROR_INVALID_TEXT)->message, ==,
                   "Destination must fit on one line, without tabs or control characters");
  g_assert_cmpstr (find_issue (issues, "planned_return_date", CARE_VALIDATE_ERROR_DATE_ORDER)->message, ==,
                   "Planned return date (2014-01-09) cannot be earlier than Referral date (2014-01-10)");
  g_assert_cmpstr (find_issue (issues, "arrival_date", CARE_VALIDATE_ERROR_FUTURE_DATE)->message, ==,
                   "Arrival date (2014-06-02) is in the future");
  g_assert_cmpstr (find_issue (issues, "budget", CARE_VALIDATE_ERROR_AMOUNT)->message, ==,
                   "Budget: Amounts are zero or more");
  g_assert_cmpstr (find_issue (issues, "currency", CARE_VALIDATE_ERROR_UNKNOWN_CURRENCY)->message, ==,
                   "Currency: “EUROS” is not a three-letter ISO 4217 currency code such as EUR");
  g_assert_nonnull (find_issue (issues, "followup", CARE_VALIDATE_ERROR_OUT_OF_RANGE));
}

static void
test_followup_limits (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = valid_case ();
  GDate today = date ("2016-01-01");
  GDate due = date ("2015-05-03");
  GDate withdrawn = date ("2014-07-01");
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *text = NULL;
  CareFollowUp *f;

  if (!use_language ("en"))
    return;

  c->arrival_date = date ("2014-05-02");
  f = care_follow_up_new (&due);   /* 12 months and a day after arrival */
  f->economic_score = 6;
  g_ptr_array_add (c->followups, f);
  issues = care_case_validate (c, settings, &today);
  text = care_issues_to_string (issues);
  g_assert_nonnull (strstr (text, "A follow-up is due on 2015-05-03, after the end of follow-up on 2015-05-02, 12 months after arrival"));
  g_assert_nonnull (strstr (text, "Economic score: 6 is not a score from 1 to 5"));
  g_clear_pointer (&issues, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  /* a follow-up done after consent was withdrawn */
  f->due_on = date ("2014-08-02");
  f->done_on = date ("2014-08-03");
  f->economic_score = 3;
  care_consent_withdraw (&c->consent_followup, &withdrawn);
  issues = care_case_validate (c, settings, &today);
  text = care_issues_to_string (issues);
  g_assert_cmpstr (text, ==, "The follow-up of 2014-08-03 took place without the beneficiary’s consent to follow-up");
}

static void
test_reasons_french (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = valid_case ();
  GDate today = date ("2014-06-01");
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) eligibility = NULL;
  g_autoptr(GPtrArray) safeguards = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cents;

  if (!use_language ("fr"))
    return;

  g_clear_pointer (&c->person->family_name, g_free);
  g_assert_true (care_birth_date_parse ("2015", &c->person->date_of_birth, NULL));
  g_free (c->person->nationality);
  c->person->nationality = g_strdup ("XX");
  c->planned_return_date = date ("2014-01-09");

  issues = care_case_validate (c, settings, &today);
  g_assert_cmpstr (find_issue (issues, "family_name", CARE_VALIDATE_ERROR_REQUIRED)->message, ==,
                   "Nom de famille : obligatoire");
  g_assert_cmpstr (find_issue (issues, "date_of_birth", CARE_VALIDATE_ERROR_FUTURE_DATE)->message, ==,
                   "La date de naissance (2015) est dans le futur");
  g_assert_cmpstr (find_issue (issues, "nationality", CARE_VALIDATE_ERROR_UNKNOWN_COUNTRY)->message, ==,
                   "Nationalité : « XX » n’est pas un code pays ISO 3166-1 à deux lettres comme FR ou NG");
  g_assert_cmpstr (find_issue (issues, "planned_return_date", CARE_VALIDATE_ERROR_DATE_ORDER)->message, ==,
                   "Date de retour prévue (2014-01-09) ne peut pas précéder Date d’orientation (2014-01-10)");

  /* eligibility reasons name countries in French, from iso-codes */
  g_free (c->host_country);
  c->host_country = g_strdup ("DE");
  g_free (c->return_country);
  c->return_country = g_strdup ("GB");
  c->planned_return_date = date ("2014-05-01");
  eligibility = care_case_check_eligibility (c, settings);
  g_assert_cmpuint (eligibility->len, ==, 2);
  g_assert_cmpstr (((CareIssue *) g_ptr_array_index (eligibility, 0))->message, ==,
                   "Allemagne ne fait pas partie des pays d’accueil du programme");
  g_assert_cmpstr (((CareIssue *) g_ptr_array_index (eligibility, 1))->message, ==,
                   "Royaume-Uni fait partie de l’Union européenne à la date du retour (2014-05-01)");

  g_assert_true (care_birth_date_parse ("2000-02-29", &c->person->date_of_birth, NULL));
  safeguards = care_case_check_plan_agreement (c);
  g_assert_cmpuint (safeguards->len, ==, 3);
  g_assert_cmpstr (((CareIssue *) g_ptr_array_index (safeguards, 0))->message, ==,
                   "Le plan d’un mineur ne peut être validé sans tuteur ou représentant légal");

  g_assert_false (care_money_parse ("1,234", &cents, &error));
  g_assert_cmpstr (error->message, ==, "« 1,234 » a plus de deux décimales : les montants se comptent en centimes");
  g_clear_error (&error);

  /* labels */
  g_assert_cmpstr (care_case_status_get_label (CARE_CASE_PLAN_AGREED), ==, "Plan validé");
  g_assert_cmpstr (care_measure_group_get_label (CARE_MEASURE_GROUP_ECONOMIC), ==, "Économique");
  g_assert_cmpstr (care_measure_category_get_label (CARE_MEASURE_OTHER), ==, "Autre");
  g_assert_cmpstr (care_risk_factor_get_label (CARE_RISK_FACTOR_DEBT), ==, "Dette envers les trafiquants");
  g_assert_cmpstr (care_closure_reason_get_label (CARE_CLOSURE_LOST_CONTACT), ==, "Contact perdu");
  g_assert_cmpstr (care_follow_up_mode_get_label (CARE_FOLLOWUP_PHONE), ==, "Appel téléphonique");
  g_assert_cmpstr (care_partner_kind_get_label (CARE_PARTNER_REFERRING_ASSOCIATION), ==, "Association orientatrice");
  g_assert_cmpstr (care_country_get_name ("DE"), ==, "Allemagne");

  use_language ("en");
  g_assert_cmpstr (care_case_status_get_label (CARE_CASE_PLAN_AGREED), ==, "Plan agreed");
  g_assert_cmpstr (care_measure_group_get_label (CARE_MEASURE_GROUP_ECONOMIC), ==, "Economic");
}

static void
test_single_checks (void)
{
  GDate today = date ("2014-06-01");
  CareBirthDate birth;
  GError *error;

  if (!use_language ("en"))
    return;

  g_assert_null (care_validate_text ("Saïd Ḥassan", 11, FALSE, "Name"));
  /* lengths count characters, not bytes */
  g_assert_null (care_validate_text ("ሰላምሰላምሰላም", 9, FALSE, "Name"));
  error = care_validate_text ("ሰላምሰላምሰላምሰ", 9, FALSE, "Name");
  g_assert_error (error, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_TOO_LONG);
  g_clear_error (&error);
  error = care_validate_text ("x", 1, FALSE, "Name");
  g_assert_null (error);
  error = care_validate_text ("xy", 1, FALSE, "Name");
  g_assert_cmpstr (error->message, ==, "Name is too long: at most 1 character");
  g_clear_error (&error);
  g_assert_null (care_validate_text ("two\nlines", 100, TRUE, "Notes"));
  error = care_validate_text ("bell\a", 100, TRUE, "Notes");
  g_assert_error (error, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  error = care_validate_text ("\xff\xfe", 100, TRUE, "Notes");
  g_assert_error (error, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  g_assert_null (care_validate_country_code ("fr", "Country"));
  g_assert_null (care_validate_country_code (NULL, "Country"));
  error = care_validate_country_code ("EU", "Country");
  g_assert_error (error, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_UNKNOWN_COUNTRY);
  g_clear_error (&error);
  error = care_validate_currency_code (NULL, "Currency");
  g_assert_error (error, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_REQUIRED);
  g_clear_error (&error);

  /* the day itself is not in the future */
  g_assert_true (care_birth_date_parse ("2014-06-01", &birth, NULL));
  g_assert_null (care_validate_birth_date (&birth, &today));
  g_assert_true (care_birth_date_parse ("2014", &birth, NULL));
  g_assert_null (care_validate_birth_date (&birth, &today));
  g_assert_true (care_birth_date_parse ("1899-12-31", &birth, NULL));
  error = care_validate_birth_date (&birth, &today);
  g_assert_error (error, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_null (care_validate_amount (0, "Budget"));
  g_assert_null (care_validate_amount (CARE_MONEY_MAX_CENTS, "Budget"));
  error = care_validate_amount (CARE_MONEY_MAX_CENTS + 1, "Budget");
  g_assert_error (error, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_AMOUNT);
  g_clear_error (&error);

  g_assert_null (care_validate_score (0, "Score"));
  g_assert_null (care_validate_score (5, "Score"));
  error = care_validate_score (6, "Score");
  g_assert_error (error, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
}

static void
test_partner_and_settings (void)
{
  g_autoptr(CarePartner) partner = care_partner_new (CARE_PARTNER_RETURN_OFFICE, "");
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(CareSettings) settings = care_settings_new ();
  const guint bad_months[] = { 3, 1, 13 };
  const char * const hosts[] = { "FR", "ZZ", NULL };

  if (!use_language ("en"))
    return;

  partner->country = g_strdup ("ZZ");
  issues = care_partner_validate (partner);
  g_assert_cmpuint (issues->len, ==, 2);
  g_clear_pointer (&issues, g_ptr_array_unref);

  issues = care_settings_validate (settings);
  g_assert_cmpuint (issues->len, ==, 0);
  g_clear_pointer (&issues, g_ptr_array_unref);

  care_settings_set_followup_months (settings, bad_months, G_N_ELEMENTS (bad_months));
  care_settings_set_host_countries (settings, hosts);
  settings->target_minors = 200;
  care_date_set (&settings->window_end, 2013, 1, 1);
  issues = care_settings_validate (settings);
  g_assert_cmpuint (issues->len, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/valid-case", test_valid_case);
  g_test_add_func ("/validate/reasons-english", test_reasons_english);
  g_test_add_func ("/validate/follow-up-limits", test_followup_limits);
  g_test_add_func ("/validate/reasons-french", test_reasons_french);
  g_test_add_func ("/validate/single-checks", test_single_checks);
  g_test_add_func ("/validate/partner-and-settings", test_partner_and_settings);
  return g_test_run ();
}
