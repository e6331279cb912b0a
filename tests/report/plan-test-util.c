/* plan-test-util.c — sample plans for the document tests, the page images
 * of the README and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "plan-test-util.h"

static void
set_date (GDate *date,
          int    y,
          int    m,
          int    d)
{
  care_date_set (date, y, m, d);
}

static void
add_measure (CarePlanVersion     *v,
             CareMeasureCategory  category,
             const char          *description,
             const char          *provider,
             int                  start_month,
             int                  end_month,
             gint64               euros,
             CareMeasureStatus    status)
{
  CareMeasure *m = care_measure_new (category, description);

  m->provider = g_strdup (provider);
  set_date (&m->planned_start, 2015 + (start_month - 1) / 12, (start_month - 1) % 12 + 1, 2);
  set_date (&m->planned_end, 2015 + (end_month - 1) / 12, (end_month - 1) % 12 + 1, 28);
  m->budget_cents = euros * 100;
  g_free (m->currency);
  m->currency = g_strdup ("EUR");
  m->status = status;
  g_assert_true (care_plan_version_add_measure (v, m, NULL));
}

static void
add_typical_measures (CarePlanVersion *v,
                      const char      *town)
{
  g_autofree char *microcredit = g_strdup_printf ("Microcredit association, %s", town);
  g_autofree char *training = g_strdup_printf ("Vocational training centre, %s", town);
  g_autofree char *clinic = g_strdup_printf ("Women’s health clinic, %s", town);
  g_autofree char *counselling = g_strdup_printf ("Counselling centre, %s", town);

  add_measure (v, CARE_MEASURE_INCOME_GENERATING,
               "Sewing workshop: two machines, fabric and the first three months’ rent",
               microcredit, 3, 6, 2400, CARE_MEASURE_PLANNED);
  add_measure (v, CARE_MEASURE_VOCATIONAL_TRAINING, "Six-month tailoring course with a recognised certificate",
               training, 2, 7, 850, CARE_MEASURE_PLANNED);
  add_measure (v, CARE_MEASURE_TEMPORARY_ACCOMMODATION, "Furnished room for the first three months after arrival",
               "Return office", 1, 3, 900, CARE_MEASURE_PLANNED);
  add_measure (v, CARE_MEASURE_MEDICAL_CARE, "Health check and follow-up of diabetes",
               clinic, 1, 12, 1234, CARE_MEASURE_PLANNED);
  add_measure (v, CARE_MEASURE_DOCUMENTATION, "New identity card and birth certificate",
               "Return office", 1, 2, 150, CARE_MEASURE_PLANNED);
  add_measure (v, CARE_MEASURE_FAMILY_MEDIATION, "Mediation sessions with her mother and sisters",
               counselling, 2, 4, 200, CARE_MEASURE_CANCELLED);
  add_measure (v, CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL, "Fortnightly sessions with a psychologist for six months",
               counselling, 1, 6, 780, CARE_MEASURE_PLANNED);
  add_measure (v, CARE_MEASURE_COMMUNITY_ACTIVITIES, "Women’s peer support group",
               counselling, 2, 12, 120, CARE_MEASURE_PLANNED);
  add_measure (v, CARE_MEASURE_OTHER, "Bus pass for appointments, six months",
               NULL, 1, 6, 180, CARE_MEASURE_PLANNED);
}

CareCase *
plan_test_make_case (PlanSample  sample,
                     gboolean    typical,
                     guint       n_measures,
                     gboolean    draft,
                     const char *language)
{
  CareCase *c = care_case_new ();
  CarePlanVersion *v;
  GDate on, agreed;
  const char *town;

  switch (sample)
    {
    case PLAN_SAMPLE_ARABIC:
      c->person->family_name = g_strdup ("حداد");
      c->person->given_names = g_strdup ("أمل");
      c->person->nationality = g_strdup ("MA");
      c->return_country = g_strdup ("MA");
      c->destination = g_strdup ("Casablanca");
      c->host_country = g_strdup ("FR");
      c->referring_organisation = g_strdup ("Amicale du Nid, Marseille");
      c->referral_contact = g_strdup ("Élodie Fournier");
      c->caseworker = g_strdup ("Marie-Hélène Lefèvre");
      care_case_number_init (&c->number, "FR", 2014, 7);
      break;
    case PLAN_SAMPLE_CYRILLIC:
      c->person->family_name = g_strdup ("Коваленко");
      c->person->given_names = g_strdup ("Олена");
      c->person->nationality = g_strdup ("UA");
      c->return_country = g_strdup ("UA");
      c->destination = g_strdup ("Львів");
      c->host_country = g_strdup ("PL");
      c->referring_organisation = g_strdup ("La Strada Polska");
      c->referral_contact = g_strdup ("Małgorzata Wiśniewska");
      c->caseworker = g_strdup ("Jean-François Léger");
      care_case_number_init (&c->number, "PL", 2014, 3);
      break;
    case PLAN_SAMPLE_GREEK:
    default:
      c->person->family_name = g_strdup ("Nguyễn");
      c->person->given_names = g_strdup ("Thị Thu Hà");
      c->person->nationality = g_strdup ("VN");
      c->return_country = g_strdup ("VN");
      c->destination = g_strdup ("Hải Phòng");
      c->host_country = g_strdup ("GR");
      c->referring_organisation = g_strdup ("Άρσις – Κοινωνική Οργάνωση");
      c->referral_contact = g_strdup ("Ελένη Παπαδοπούλου");
      c->caseworker = g_strdup ("Søren Åkesson");
      care_case_number_init (&c->number, "GR", 2014, 12);
      break;
    }
  town = c->destination;

  c->person->sex = CARE_SEX_FEMALE;
  set_date (&on, 1991, 4, 23);
  care_birth_date_set_date (&c->person->date_of_birth, &on);
  set_date (&c->referral_date, 2014, 9, 15);
  set_date (&c->planned_return_date, 2015, 1, 12);
  c->plan_language = g_strdup (language);
  set_date (&on, 2014, 9, 15);
  care_consent_give (&c->consent_voluntary_return, &on);
  care_consent_give (&c->consent_data, &on);
  care_consent_give (&c->consent_followup, &on);

  v = care_plan_edit (c->plan);
  g_free (v->language);
  v->language = g_strdup (language);
  if (typical || n_measures > 0)
    g_assert_true (care_plan_version_set_objectives (v,
      "Earn a regular income from her own sewing workshop within a year of her return.\n"
      "Live in safe housing, away from the people who recruited her, and take up contact again "
      "with her family at her own pace.\n"
      "Keep her health under control and have her papers in order.", NULL));
  if (typical)
    add_typical_measures (v, town);
  for (guint i = 0; i < n_measures; i++)
    {
      g_autofree char *description = g_strdup_printf ("Measure number %u of a long plan", i + 1);
      CareMeasureCategory category = (CareMeasureCategory) (i % CARE_MEASURE_CATEGORY_COUNT);

      add_measure (v, category, description, "Return office", 1 + i % 12, 1 + i % 12, 100 + i, CARE_MEASURE_PLANNED);
    }

  if (!draft)
    {
      set_date (&agreed, 2014, 11, 30);
      g_assert_true (care_plan_freeze_current (c->plan, &agreed, NULL));
    }
  return c;
}
