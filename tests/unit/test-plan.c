/* test-plan.c — plan versions and budgets, and the follow-up schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-plan"

#include "config.h"

#include "care-case.h"
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

static void
assert_date (const GDate *d,
             const char  *expected)
{
  g_autofree char *text = care_date_format (d);
  g_assert_cmpstr (text, ==, expected);
}

static CareMeasure *
measure (CareMeasureCategory category,
         gint64              budget,
         gint64              actual,
         CareMeasureStatus   status)
{
  CareMeasure *m = care_measure_new (category, "measure");

  m->budget_cents = budget;
  m->actual_cost_cents = actual;
  m->status = status;
  return m;
}

static void
test_versions (void)
{
  g_autoptr(CarePlan) plan = care_plan_new ();
  g_autoptr(GError) error = NULL;
  CarePlanVersion *v1, *v2, *again;
  GDate on = date ("2014-03-01");

  g_assert_null (care_plan_get_current (plan));
  g_assert_false (care_plan_freeze_current (plan, &on, &error));
  g_assert_error (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_NO_DRAFT);
  g_clear_error (&error);

  v1 = care_plan_edit (plan);
  g_assert_cmpuint (v1->number, ==, 1);
  g_assert_true (care_plan_edit (plan) == v1);   /* the same draft */
  g_assert_true (care_plan_version_set_objectives (v1, "Open a tailoring shop", NULL));
  g_assert_true (care_plan_version_add_measure (v1, measure (CARE_MEASURE_VOCATIONAL_TRAINING, 50000, 0,
                                                            CARE_MEASURE_PLANNED), NULL));
  ((CareMeasure *) g_ptr_array_index (v1->measures, 0))->id = 41;

  g_assert_true (care_plan_freeze_current (plan, &on, NULL));
  g_assert_true (care_plan_version_is_frozen (v1));
  g_assert_true (care_plan_get_latest_agreed (plan) == v1);
  assert_date (&v1->agreed_on, "2014-03-01");

  /* frozen: nothing changes it */
  g_assert_false (care_plan_version_set_objectives (v1, "changed", &error));
  g_assert_error (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (care_plan_version_add_measure (v1, care_measure_new (CARE_MEASURE_OTHER, "x"), &error));
  g_assert_error (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (care_plan_version_remove_measure (v1, 0, &error));
  g_assert_error (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_cmpstr (v1->objectives, ==, "Open a tailoring shop");
  g_assert_cmpuint (v1->measures->len, ==, 1);
  g_assert_false (care_plan_freeze_current (plan, &on, &error));
  g_assert_error (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_NO_DRAFT);
  g_clear_error (&error);

  /* editing starts version 2 as a copy of version 1 */
  v2 = care_plan_edit (plan);
  g_assert_true (v2 != v1);
  g_assert_cmpuint (v2->number, ==, 2);
  g_assert_cmpint (v2->state, ==, CARE_PLAN_DRAFT);
  g_assert_false (care_date_is_set (&v2->agreed_on));
  g_assert_cmpstr (v2->objectives, ==, "Open a tailoring shop");
  g_assert_cmpuint (v2->measures->len, ==, 1);
  g_assert_cmpint (((CareMeasure *) g_ptr_array_index (v2->measures, 0))->id, ==, 0);
  g_assert_true (care_plan_version_remove_measure (v2, 0, NULL));
  g_assert_false (care_plan_version_remove_measure (v2, 5, &error));
  g_assert_error (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* version 1 is still readable as agreed */
  g_assert_cmpuint (((CarePlanVersion *) care_plan_get_version (plan, 1))->measures->len, ==, 1);
  g_assert_true (care_plan_get_latest_agreed (plan) == v1);
  g_assert_true (care_plan_get_current (plan) == v2);

  on = date ("2014-08-01");
  g_assert_true (care_plan_freeze_current (plan, &on, NULL));
  again = care_plan_edit (plan);
  g_assert_cmpuint (again->number, ==, 3);
  g_assert_cmpuint (plan->versions->len, ==, 3);
  g_assert_null (care_plan_get_version (plan, 9));
}

static void
test_totals (void)
{
  g_autoptr(CarePlanVersion) v = care_plan_version_new (1);
  CarePlanTotals totals;
  CareMeasure *foreign;

  care_plan_version_add_measure (v, measure (CARE_MEASURE_INCOME_GENERATING, 150000, 120000, CARE_MEASURE_DONE), NULL);
  care_plan_version_add_measure (v, measure (CARE_MEASURE_EDUCATION, 30050, 10000, CARE_MEASURE_IN_PROGRESS), NULL);
  care_plan_version_add_measure (v, measure (CARE_MEASURE_MEDICAL_CARE, 20000, 0, CARE_MEASURE_PLANNED), NULL);
  care_plan_version_add_measure (v, measure (CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL, 40000, 5000, CARE_MEASURE_CANCELLED), NULL);
  care_plan_version_add_measure (v, measure (CARE_MEASURE_OTHER, 1, 1, CARE_MEASURE_DONE), NULL);
  foreign = measure (CARE_MEASURE_JOB_PLACEMENT, 99900, 0, CARE_MEASURE_PLANNED);
  g_free (foreign->currency);
  foreign->currency = g_strdup ("NGN");
  care_plan_version_add_measure (v, foreign, NULL);

  care_plan_version_get_totals (v, "EUR", &totals);
  g_assert_cmpstr (totals.currency, ==, "EUR");
  g_assert_cmpuint (totals.n_measures, ==, 5);
  g_assert_cmpuint (totals.n_other_currency, ==, 1);
  /* the cancelled measure is out of the plan, but what it cost is spent */
  g_assert_cmpint (totals.planned_total, ==, 150000 + 30050 + 20000 + 1);
  g_assert_cmpint (totals.actual_total, ==, 120000 + 10000 + 5000 + 1);
  g_assert_cmpint (totals.planned_by_group[CARE_MEASURE_GROUP_ECONOMIC], ==, 180050);
  g_assert_cmpint (totals.planned_by_group[CARE_MEASURE_GROUP_SOCIAL], ==, 20000);
  g_assert_cmpint (totals.planned_by_group[CARE_MEASURE_GROUP_PSYCHOSOCIAL], ==, 0);
  g_assert_cmpint (totals.actual_by_group[CARE_MEASURE_GROUP_PSYCHOSOCIAL], ==, 5000);
  g_assert_cmpint (totals.planned_by_group[CARE_MEASURE_GROUP_OTHER], ==, 1);
  g_assert_cmpint (totals.planned_by_category[CARE_MEASURE_EDUCATION], ==, 30050);
  g_assert_cmpint (totals.actual_by_category[CARE_MEASURE_INCOME_GENERATING], ==, 120000);

  care_plan_version_get_totals (v, "NGN", &totals);
  g_assert_cmpuint (totals.n_measures, ==, 1);
  g_assert_cmpint (totals.planned_total, ==, 99900);
}

static void
test_category_groups (void)
{
  struct { CareMeasureCategory category; CareMeasureGroup group; } expected[] = {
    { CARE_MEASURE_INCOME_GENERATING, CARE_MEASURE_GROUP_ECONOMIC },
    { CARE_MEASURE_VOCATIONAL_TRAINING, CARE_MEASURE_GROUP_ECONOMIC },
    { CARE_MEASURE_JOB_PLACEMENT, CARE_MEASURE_GROUP_ECONOMIC },
    { CARE_MEASURE_EDUCATION, CARE_MEASURE_GROUP_ECONOMIC },
    { CARE_MEASURE_TEMPORARY_ACCOMMODATION, CARE_MEASURE_GROUP_SOCIAL },
    { CARE_MEASURE_MEDICAL_CARE, CARE_MEASURE_GROUP_SOCIAL },
    { CARE_MEASURE_LEGAL_ASSISTANCE, CARE_MEASURE_GROUP_SOCIAL },
    { CARE_MEASURE_FAMILY_MEDIATION, CARE_MEASURE_GROUP_SOCIAL },
    { CARE_MEASURE_DOCUMENTATION, CARE_MEASURE_GROUP_SOCIAL },
    { CARE_MEASURE_CHILDCARE, CARE_MEASURE_GROUP_SOCIAL },
    { CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL, CARE_MEASURE_GROUP_PSYCHOSOCIAL },
    { CARE_MEASURE_FAMILY_PSYCHOSOCIAL, CARE_MEASURE_GROUP_PSYCHOSOCIAL },
    { CARE_MEASURE_COMMUNITY_ACTIVITIES, CARE_MEASURE_GROUP_PSYCHOSOCIAL },
    { CARE_MEASURE_OTHER, CARE_MEASURE_GROUP_OTHER },
  };

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, CARE_MEASURE_CATEGORY_COUNT);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (care_measure_category_get_group (expected[i].category), ==, expected[i].group);
}

static void
test_nicks (void)
{
  int value = -1;
  CareRiskFactor factors;
  g_autofree char *text = NULL;

  g_assert_cmpstr (care_enum_to_nick (CARE_TYPE_CASE_STATUS, CARE_CASE_PLAN_AGREED), ==, "plan-agreed");
  g_assert_true (care_enum_from_nick (CARE_TYPE_SEX, "F", &value));
  g_assert_cmpint (value, ==, CARE_SEX_FEMALE);
  g_assert_false (care_enum_from_nick (CARE_TYPE_SEX, "female", &value));
  g_assert_true (care_enum_from_nick (CARE_TYPE_MEASURE_CATEGORY, "job-placement", &value));
  g_assert_cmpint (value, ==, CARE_MEASURE_JOB_PLACEMENT);
  g_assert_cmpstr (care_enum_to_nick (CARE_TYPE_CLOSURE_REASON, CARE_CLOSURE_LOST_CONTACT), ==, "lost-contact");
  g_assert_cmpstr (care_enum_to_nick (CARE_TYPE_RISK_FACTOR, CARE_RISK_FACTOR_DEBT), ==, "debt");

  text = care_risk_factors_to_string (CARE_RISK_FACTOR_DEBT | CARE_RISK_FACTOR_HEALTH | CARE_RISK_FACTOR_OTHER);
  g_assert_cmpstr (text, ==, "debt,health,other");
  g_assert_true (care_risk_factors_from_string (" debt, health,other ", &factors));
  g_assert_cmpint (factors, ==, CARE_RISK_FACTOR_DEBT | CARE_RISK_FACTOR_HEALTH | CARE_RISK_FACTOR_OTHER);
  g_assert_true (care_risk_factors_from_string ("", &factors));
  g_assert_cmpint (factors, ==, 0);
  g_assert_false (care_risk_factors_from_string ("debt,voodoo", &factors));
}

static CareCase *
returned_case (const char *arrival)
{
  CareCase *c = care_case_new ();
  GDate on = date ("2014-01-05");

  c->host_country = g_strdup ("FR");
  c->return_country = g_strdup ("NG");
  c->referral_date = on;
  c->arrival_date = date (arrival);
  care_consent_give (&c->consent_followup, &on);
  return c;
}

static void
assert_schedule (GPtrArray          *followups,
                 const char * const *expected)
{
  g_assert_cmpuint (followups->len, ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; i < followups->len; i++)
    assert_date (&((CareFollowUp *) g_ptr_array_index (followups, i))->due_on, expected[i]);
}

static void
test_schedule_generate (void)
{
  GDate arrival = date ("2014-01-31");
  const guint months[] = { 1, 3, 6, 9, 12 };
  const guint too_far[] = { 6, 13, 0, 24 };
  g_autoptr(GPtrArray) followups = care_schedule_generate (&arrival, months, G_N_ELEMENTS (months), 12);
  g_autoptr(GPtrArray) leap = NULL;
  g_autoptr(GPtrArray) clipped = NULL;

  /* arrival on 31 January: one month later is the end of February */
  assert_schedule (followups, (const char *const[]) { "2014-02-28", "2014-04-30", "2014-07-31",
                                                      "2014-10-31", "2015-01-31", NULL });
  g_assert_cmpuint (((CareFollowUp *) g_ptr_array_index (followups, 1))->months_after_arrival, ==, 3);

  arrival = date ("2015-01-31");
  leap = care_schedule_generate (&arrival, months, G_N_ELEMENTS (months), 12);
  assert_date (&((CareFollowUp *) g_ptr_array_index (leap, 0))->due_on, "2015-02-28");
  arrival = date ("2015-11-30");
  g_clear_pointer (&leap, g_ptr_array_unref);
  leap = care_schedule_generate (&arrival, months, G_N_ELEMENTS (months), 12);
  /* 30 November 2015 + 3 months: 29 February 2016, a leap year */
  assert_date (&((CareFollowUp *) g_ptr_array_index (leap, 1))->due_on, "2016-02-29");

  /* never past 12 months, never at month 0 */
  clipped = care_schedule_generate (&arrival, too_far, G_N_ELEMENTS (too_far), 12);
  assert_schedule (clipped, (const char *const[]) { "2016-05-30", NULL });
}

static void
test_schedule_needs_consent (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = returned_case ("2014-01-31");
  GDate on = date ("2014-01-05");

  care_consent_init (&c->consent_followup);
  g_assert_false (care_case_update_schedule (c, settings));
  g_assert_cmpuint (c->followups->len, ==, 0);

  care_consent_refuse (&c->consent_followup, &on);
  g_assert_false (care_case_update_schedule (c, settings));
  g_assert_cmpuint (c->followups->len, ==, 0);
  g_assert_null (care_case_get_next_followup (c));

  /* consent but no arrival yet: nothing to count from */
  care_consent_give (&c->consent_followup, &on);
  care_date_unset (&c->arrival_date);
  g_assert_false (care_case_update_schedule (c, settings));
  g_assert_cmpuint (c->followups->len, ==, 0);
}

static void
test_schedule_update (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = returned_case ("2014-01-31");
  GDate today = date ("2014-05-02");
  CareFollowUp *f;

  g_assert_true (care_case_update_schedule (c, settings));
  g_assert_cmpuint (c->followups->len, ==, 5);
  g_assert_false (care_case_update_schedule (c, settings));   /* nothing new on a second save */

  /* overdue: due date passed and not done; the due day itself is on time */
  g_assert_cmpuint (care_case_count_overdue_followups (c, &today), ==, 2);
  f = g_ptr_array_index (c->followups, 0);
  f->done_on = date ("2014-03-02");
  g_assert_cmpuint (care_case_count_overdue_followups (c, &today), ==, 1);
  today = date ("2014-04-30");
  g_assert_false (care_follow_up_is_overdue (g_ptr_array_index (c->followups, 1), &today));
  today = date ("2014-05-01");
  g_assert_true (care_follow_up_is_overdue (g_ptr_array_index (c->followups, 1), &today));
  assert_date (&care_case_get_next_followup (c)->due_on, "2014-04-30");

  /* the arrival date is corrected: what is not done moves, what is done stays */
  c->arrival_date = date ("2014-02-10");
  g_assert_true (care_case_update_schedule (c, settings));
  g_assert_cmpuint (c->followups->len, ==, 5);
  assert_date (&((CareFollowUp *) g_ptr_array_index (c->followups, 0))->due_on, "2014-02-28");
  assert_date (&((CareFollowUp *) g_ptr_array_index (c->followups, 1))->due_on, "2014-05-10");
  assert_date (&((CareFollowUp *) g_ptr_array_index (c->followups, 4))->due_on, "2015-02-10");
}

static void
test_schedule_withdrawn_consent (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = returned_case ("2014-01-31");
  GDate withdrawn = date ("2014-08-15");
  GDate today = date ("2015-06-01");
  guint done = 0, cancelled = 0;

  care_case_update_schedule (c, settings);
  ((CareFollowUp *) g_ptr_array_index (c->followups, 0))->done_on = date ("2014-03-01");
  ((CareFollowUp *) g_ptr_array_index (c->followups, 1))->done_on = date ("2014-05-02");
  ((CareFollowUp *) g_ptr_array_index (c->followups, 2))->done_on = date ("2014-08-01");

  /* withdrawn mid-schedule: the two left are cancelled as of that day */
  g_assert_true (care_consent_withdraw (&c->consent_followup, &withdrawn));
  g_assert_true (care_case_update_schedule (c, settings));
  for (guint i = 0; i < c->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (c->followups, i);
      if (care_follow_up_is_done (f))
        {
          done++;
          g_assert_false (care_follow_up_is_cancelled (f));
        }
      if (care_follow_up_is_cancelled (f))
        {
          cancelled++;
          assert_date (&f->cancelled_on, "2014-08-15");
        }
    }
  g_assert_cmpuint (done, ==, 3);
  g_assert_cmpuint (cancelled, ==, 2);
  g_assert_cmpuint (c->followups->len, ==, 5);
  g_assert_null (care_case_get_next_followup (c));
  /* cancelled follow-ups are never overdue */
  g_assert_cmpuint (care_case_count_overdue_followups (c, &today), ==, 0);
  /* and a later save schedules nothing again */
  g_assert_false (care_case_update_schedule (c, settings));
}

static void
test_schedule_custom_months (void)
{
  g_autoptr(CareSettings) settings = care_settings_new ();
  g_autoptr(CareCase) c = returned_case ("2014-03-31");
  const guint months[] = { 2, 4, 12 };
  g_autoptr(GPtrArray) issues = NULL;

  care_settings_set_followup_months (settings, months, G_N_ELEMENTS (months));
  care_case_update_schedule (c, settings);
  assert_schedule (c->followups, (const char *const[]) { "2014-05-31", "2014-07-31", "2015-03-31", NULL });

  issues = care_settings_validate (settings);
  g_assert_cmpuint (issues->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/versions", test_versions);
  g_test_add_func ("/plan/totals", test_totals);
  g_test_add_func ("/plan/category-groups", test_category_groups);
  g_test_add_func ("/plan/nicks", test_nicks);
  g_test_add_func ("/schedule/generate", test_schedule_generate);
  g_test_add_func ("/schedule/needs-consent", test_schedule_needs_consent);
  g_test_add_func ("/schedule/update", test_schedule_update);
  g_test_add_func ("/schedule/withdrawn-consent", test_schedule_withdrawn_consent);
  g_test_add_func ("/schedule/custom-months", test_schedule_custom_months);
  return g_test_run ();
}
