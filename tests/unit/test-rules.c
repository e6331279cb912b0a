/* test-rules.c — eligibility, minors, a minor's safeguards and the derived
 * status of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-rules"

#include "config.h"

#include <string.h>

#include "care-case.h"
#include "care-eligibility.h"
#include "care-issue.h"
#include "care-schedule.h"
#include "care-settings.h"

static GDate
date (const char *text)
{
  GDate d;

  if (!care_date_parse (text, &d, NULL))
    g_error ("bad test date %s", text);
  return d;
}

static CareCase *
make_case (const char *host,
           const char *return_country,
           const char *planned_return)
{
  CareCase *c = care_case_new ();

  c->person->family_name = g_strdup ("Okafor");
  c->person->given_names = g_strdup ("Blessing");
  g_assert_true (care_birth_date_parse ("1990-04-12", &c->person->date_of_birth, NULL));
  c->host_country = g_strdup (host);
  c->return_country = g_strdup (return_country);
  c->referral_date = date ("2014-01-10");
  if (planned_return != NULL)
    c->planned_return_date = date (planned_return);
  return c;
}

static void
test_eligible (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = make_case ("FR", "NG", "2014-06-01");
  g_autoptr(GPtrArray) issues = care_case_check_eligibility (c, settings);

  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_true (care_case_is_eligible (c, settings));
}

static void
test_host_country (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = make_case ("DE", "NG", "2014-06-01");
  g_autoptr(GPtrArray) issues = care_case_check_eligibility (c, settings);
  const CareIssue *issue;

  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_true (care_issue_matches (issue, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_HOST_COUNTRY));
  g_assert_cmpstr (issue->field, ==, "host_country");

  /* every host country of the leaflet, in any case */
  for (const char *const *code = (const char *const[]) { "AT", "ES", "FR", "GR", "IT", "PL", "PT", "GB", "gb", NULL };
       *code != NULL; code++)
    g_assert_true (care_settings_is_host_country (settings, *code));
  g_assert_false (care_settings_is_host_country (settings, "BE"));
  g_assert_false (care_settings_is_host_country (settings, NULL));
}

static void
test_uk_before_and_after_brexit (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = make_case ("FR", "GB", "2014-06-01");
  g_autoptr(GPtrArray) issues = care_case_check_eligibility (c, settings);

  /* a return to the United Kingdom in 2014 is a return inside the Union */
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_RETURN_COUNTRY_EU));
  g_clear_pointer (&issues, g_ptr_array_unref);

  /* the same case under a programme running after Brexit */
  care_date_set (&settings->window_end, 2021, 12, 31);
  c->planned_return_date = date ("2020-01-31");
  issues = care_case_check_eligibility (c, settings);
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_RETURN_COUNTRY_EU));
  g_clear_pointer (&issues, g_ptr_array_unref);

  c->planned_return_date = date ("2020-02-01");
  issues = care_case_check_eligibility (c, settings);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_croatia_accession (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = make_case ("IT", "HR", "2013-06-30");
  g_autoptr(GPtrArray) issues = NULL;

  /* before 1 July 2013 Croatia was outside the Union (but the window had
   * not opened yet) */
  care_date_set (&settings->window_start, 2013, 1, 1);
  issues = care_case_check_eligibility (c, settings);
  g_assert_cmpuint (issues->len, ==, 0);
  g_clear_pointer (&issues, g_ptr_array_unref);

  c->planned_return_date = date ("2013-07-01");
  issues = care_case_check_eligibility (c, settings);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_RETURN_COUNTRY_EU));
}

static void
test_window (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = make_case ("ES", "MA", "2013-08-31");
  g_autoptr(GPtrArray) issues = care_case_check_eligibility (c, settings);

  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_OUTSIDE_WINDOW));
  g_clear_pointer (&issues, g_ptr_array_unref);

  c->planned_return_date = date ("2013-09-01");
  g_assert_true (care_case_is_eligible (c, settings));
  c->planned_return_date = date ("2015-12-31");
  g_assert_true (care_case_is_eligible (c, settings));
  c->planned_return_date = date ("2016-01-01");
  g_assert_false (care_case_is_eligible (c, settings));

  /* the planned date wins over the actual one */
  c->planned_return_date = date ("2015-12-20");
  c->arrival_date = date ("2016-01-03");
  g_assert_true (care_case_is_eligible (c, settings));

  /* without a planned date, the actual one */
  care_date_unset (&c->planned_return_date);
  issues = care_case_check_eligibility (c, settings);
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_OUTSIDE_WINDOW));
  g_assert_cmpstr (((CareIssue *) g_ptr_array_index (issues, 0))->field, ==, "arrival_date");
  g_clear_pointer (&issues, g_ptr_array_unref);

  /* without either, not eligible yet */
  care_date_unset (&c->arrival_date);
  issues = care_case_check_eligibility (c, settings);
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_NO_RETURN_DATE));
}

static void
test_every_reason (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = make_case ("DE", "RO", "2016-03-01");
  g_autoptr(GPtrArray) issues = care_case_check_eligibility (c, settings);

  g_assert_cmpuint (issues->len, ==, 3);
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_HOST_COUNTRY));
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_RETURN_COUNTRY_EU));
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_OUTSIDE_WINDOW));
  g_clear_pointer (&issues, g_ptr_array_unref);

  g_clear_pointer (&c->return_country, g_free);
  issues = care_case_check_eligibility (c, settings);
  g_assert_true (care_issues_contain (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_NO_RETURN_COUNTRY));
}

static gboolean
minor_on (const char *birth_text,
          const char *on_text)
{
  CareBirthDate birth;
  GDate on = date (on_text);

  g_assert_true (care_birth_date_parse (birth_text, &birth, NULL));
  return care_birth_date_is_minor_on (&birth, &on);
}

static void
test_minor (void)
{
  /* the 18th birthday is the first day of adulthood */
  g_assert_true (minor_on ("1996-06-01", "2014-05-31"));
  g_assert_false (minor_on ("1996-06-01", "2014-06-01"));
  g_assert_false (minor_on ("1996-06-01", "2014-06-02"));

  /* born on 29 February: adult on 1 March of a common year */
  g_assert_true (minor_on ("1996-02-29", "2014-02-28"));
  g_assert_false (minor_on ("1996-02-29", "2014-03-01"));
  g_assert_true (minor_on ("2000-02-29", "2018-02-28"));
  g_assert_false (minor_on ("2000-02-29", "2018-03-01"));
  /* a leap year plus 18 is never a leap year (18 is not a multiple of 4),
   * so 29 February never is an 18th birthday; born on 28 February or on
   * 1 March of a leap year behaves as any other day */
  g_assert_true (minor_on ("1996-02-28", "2014-02-27"));
  g_assert_false (minor_on ("1996-02-28", "2014-02-28"));
  g_assert_true (minor_on ("1996-03-01", "2014-02-28"));
  g_assert_false (minor_on ("1996-03-01", "2014-03-01"));

  /* year only: taken as born on 31 December, the youngest possible */
  g_assert_true (minor_on ("1996", "2014-12-30"));
  g_assert_false (minor_on ("1996", "2014-12-31"));
  g_assert_false (minor_on ("1995", "2014-01-01"));
}

static void
test_case_minor (void)
{
  g_autoptr(CareCase) c = make_case ("FR", "AL", NULL);

  g_assert_true (care_birth_date_parse ("1996-06-01", &c->person->date_of_birth, NULL));
  g_assert_false (care_case_is_minor (c));    /* no return date yet */

  c->arrival_date = date ("2014-05-31");
  g_assert_true (care_case_is_minor (c));      /* actual date, when nothing is planned */

  c->planned_return_date = date ("2014-06-01");
  g_assert_false (care_case_is_minor (c));     /* the planned date wins */

  care_birth_date_unset (&c->person->date_of_birth);
  g_assert_false (care_case_is_minor (c));
}

static void
test_minor_safeguards (void)
{
  g_autoptr(CareCase) c = make_case ("FR", "AL", "2014-06-01");
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (care_birth_date_parse ("1998-03-15", &c->person->date_of_birth, NULL));
  g_assert_true (care_case_is_minor (c));
  care_plan_edit (c->plan);

  issues = care_case_check_plan_agreement (c);
  g_assert_cmpuint (issues->len, ==, 3);
  g_assert_true (care_issues_contain (issues, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_GUARDIAN));
  g_assert_true (care_issues_contain (issues, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_BEST_INTERESTS_ASSESSMENT));
  g_assert_true (care_issues_contain (issues, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_ESCORT));
  g_clear_pointer (&issues, g_ptr_array_unref);

  {
    GDate on = date ("2014-05-01");
    g_assert_false (care_case_agree_plan (c, &on, &error));
    g_assert_error (error, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_GUARDIAN);
    /* every reason is in the message, one a line */
    g_assert_nonnull (strchr (error->message, '\n'));
    g_clear_error (&error);
    g_assert_false (care_plan_has_agreed_version (c->plan));
  }

  c->minor->guardian = g_strdup ("   ");   /* blank is no guardian */
  issues = care_case_check_plan_agreement (c);
  g_assert_true (care_issues_contain (issues, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_GUARDIAN));
  g_clear_pointer (&issues, g_ptr_array_unref);

  g_free (c->minor->guardian);
  c->minor->guardian = g_strdup ("Maître Duval, administratrice ad hoc");
  c->minor->best_interests_assessed_on = date ("2014-04-20");
  issues = care_case_check_plan_agreement (c);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_true (care_issues_contain (issues, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_ESCORT));
  g_clear_pointer (&issues, g_ptr_array_unref);

  c->arrival_needs->escort = TRUE;
  {
    GDate on = date ("2014-05-01");
    g_assert_true (care_case_agree_plan (c, &on, &error));
    g_assert_no_error (error);
    g_assert_true (care_plan_has_agreed_version (c->plan));
  }
}

static void
test_adult_needs_no_safeguards (void)
{
  g_autoptr(CareCase) c = make_case ("FR", "AL", "2014-06-01");
  g_autoptr(GPtrArray) issues = care_case_check_plan_agreement (c);
  GDate on = date ("2014-05-01");

  g_assert_cmpuint (issues->len, ==, 0);
  care_plan_edit (c->plan);
  g_assert_true (care_case_agree_plan (c, &on, NULL));
}

static void
test_status (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = make_case ("FR", "NG", "2014-06-01");
  GDate on;
  CareFollowUp *first;

  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_REFERRED);

  /* factors alone are notes; the level makes the assessment */
  c->risk->factors = CARE_RISK_FACTOR_DEBT;
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_REFERRED);
  c->risk->level = CARE_RISK_MEDIUM;
  c->risk->assessed_on = date ("2014-02-01");
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_ASSESSED);

  /* a draft is not an agreement */
  care_plan_edit (c->plan);
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_ASSESSED);
  on = date ("2014-03-01");
  g_assert_true (care_case_agree_plan (c, &on, NULL));
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_PLAN_AGREED);

  /* a new draft after agreement keeps the case at "plan agreed" */
  care_plan_edit (c->plan);
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_PLAN_AGREED);

  c->arrival_date = date ("2014-06-02");
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_RETURNED);

  /* scheduled follow-ups are not follow-up yet */
  on = date ("2014-01-15");
  care_consent_give (&c->consent_followup, &on);
  g_assert_true (care_case_update_schedule (c, settings));
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_RETURNED);

  first = care_case_get_next_followup (c);
  first->done_on = date ("2014-07-03");
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_IN_FOLLOW_UP);

  on = date ("2015-06-02");
  c->closure = care_closure_new (CARE_CLOSURE_COMPLETED, &on);
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_CLOSED);
}

static void
test_status_skips_stages (void)
{
  g_autoptr(CareCase) c = make_case ("FR", "NG", "2014-06-01");
  GDate on = date ("2014-02-01");

  /* prepared outside CARE: arrival recorded straight away */
  c->arrival_date = date ("2014-06-01");
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_RETURNED);

  /* closed at referral: not eligible */
  g_clear_pointer (&c->closure, care_closure_free);
  care_date_unset (&c->arrival_date);
  c->closure = care_closure_new (CARE_CLOSURE_NOT_ELIGIBLE, &on);
  g_assert_cmpint (care_case_get_status (c), ==, CARE_CASE_CLOSED);
}

static void
test_consent (void)
{
  CareConsent consent;
  GDate given = date ("2014-01-10");
  GDate withdrawn = date ("2014-09-01");
  GDate before = date ("2014-01-09");
  GDate between = date ("2014-05-05");

  care_consent_init (&consent);
  g_assert_false (care_consent_is_given (&consent));
  g_assert_false (care_consent_is_given_on (&consent, &between));
  g_assert_false (care_consent_withdraw (&consent, &withdrawn));   /* nothing to withdraw */

  care_consent_give (&consent, &given);
  g_assert_true (care_consent_is_given (&consent));
  g_assert_false (care_consent_is_given_on (&consent, &before));
  g_assert_true (care_consent_is_given_on (&consent, &given));
  g_assert_true (care_consent_is_given_on (&consent, &between));

  g_assert_true (care_consent_withdraw (&consent, &withdrawn));
  g_assert_cmpint (consent.state, ==, CARE_CONSENT_WITHDRAWN);
  g_assert_false (care_consent_is_given (&consent));
  g_assert_true (care_consent_is_given_on (&consent, &between));    /* it held then */
  g_assert_false (care_consent_is_given_on (&consent, &withdrawn)); /* not from that day */

  care_consent_refuse (&consent, &given);
  g_assert_false (care_consent_is_given_on (&consent, &between));
}

static void
test_case_copy (void)
{
  g_autoptr(CareCase) c = make_case ("FR", "NG", "2014-06-01");
  g_autoptr(CareCase) copy = NULL;
  CarePlanVersion *draft;
  GDate on = date ("2015-01-01");

  draft = care_plan_edit (c->plan);
  care_plan_version_add_measure (draft, care_measure_new (CARE_MEASURE_EDUCATION, "Literacy course"), NULL);
  g_ptr_array_add (c->followups, care_follow_up_new (&on));
  g_ptr_array_add (c->arrival_items, care_arrival_item_new (CARE_ARRIVAL_HEALTH_CHECK));
  c->closure = care_closure_new (CARE_CLOSURE_OTHER, &on);

  copy = care_case_copy (c);
  g_assert_true (copy->person != c->person);
  g_assert_cmpstr (copy->person->family_name, ==, "Okafor");
  g_assert_cmpuint (copy->plan->versions->len, ==, 1);
  g_assert_cmpuint (care_plan_get_current (copy->plan)->measures->len, ==, 1);
  g_assert_cmpuint (copy->followups->len, ==, 1);
  g_assert_cmpuint (copy->arrival_items->len, ==, 1);
  g_assert_nonnull (copy->closure);
  g_assert_true (copy->closure != c->closure);
  g_assert_cmpint (care_case_get_status (copy), ==, CARE_CASE_CLOSED);

  /* the boxed types copy through GValue too */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    g_value_init (&value, CARE_TYPE_CASE);
    g_value_set_boxed (&value, c);
    g_assert_cmpstr (((CareCase *) g_value_get_boxed (&value))->host_country, ==, "FR");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eligibility/eligible", test_eligible);
  g_test_add_func ("/eligibility/host-country", test_host_country);
  g_test_add_func ("/eligibility/uk-before-and-after-2020-01-31", test_uk_before_and_after_brexit);
  g_test_add_func ("/eligibility/croatia-2013-07-01", test_croatia_accession);
  g_test_add_func ("/eligibility/window", test_window);
  g_test_add_func ("/eligibility/every-reason", test_every_reason);
  g_test_add_func ("/minor/birthdays", test_minor);
  g_test_add_func ("/minor/case", test_case_minor);
  g_test_add_func ("/minor/safeguards", test_minor_safeguards);
  g_test_add_func ("/minor/adult-needs-no-safeguards", test_adult_needs_no_safeguards);
  g_test_add_func ("/status/each-stage", test_status);
  g_test_add_func ("/status/skipped-stages", test_status_skips_stages);
  g_test_add_func ("/consent/dates", test_consent);
  g_test_add_func ("/case/copy", test_case_copy);
  return g_test_run ();
}
