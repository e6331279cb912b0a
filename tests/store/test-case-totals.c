/* test-case-totals.c — the running totals behind the stats, the list of
 * every case in case-number order, and the export's one-statement read,
 * each against a full recomputation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "care-case-rows.h"
#include "care-case-store.h"
#include "care-schema.h"
#include "vault-test-util.h"

typedef VaultFixture Fixture;


static CareCase *
make_case (const char *family,
           const char *host,
           int         referral_year)
{
  CareCase *c = care_case_new ();
  GDate born = vault_test_date (1990, 5, 12);

  c->person->family_name = g_strdup (family);
  c->person->given_names = g_strdup ("Ada");
  c->person->sex = CARE_SEX_FEMALE;
  care_birth_date_set_date (&c->person->date_of_birth, &born);
  c->person->nationality = g_strdup ("NG");
  c->host_country = g_strdup (host);
  c->return_country = g_strdup ("NG");
  c->destination = g_strdup ("Benin City");
  c->referral_date = vault_test_date (referral_year, 3, 10);
  c->planned_return_date = vault_test_date (referral_year, 6, 1);
  return c;
}

static CareMeasure *
add_measure (CarePlanVersion     *version,
             CareMeasureCategory  category,
             gint64               budget_cents,
             gint64               actual_cost_cents,
             const char          *currency)
{
  CareMeasure *m = care_measure_new (category, "Measure");

  m->budget_cents = budget_cents;
  m->actual_cost_cents = actual_cost_cents;
  if (currency != NULL)
    {
      g_free (m->currency);
      m->currency = g_strdup (currency);
    }
  g_ptr_array_add (version->measures, m);
  return m;
}

static void
save_ok (Fixture  *f,
         CareCase *c)
{
  g_autoptr(GError) error = NULL;

  care_case_store_save (f->vault, c, NULL, &f->today, &error);
  g_assert_no_error (error);
}

static CareCase *
reload (Fixture  *f,
        CareCase *c)
{
  g_autoptr(GError) error = NULL;
  CareCase *loaded = care_case_store_load_by_id (f->vault, c->id, &error);

  g_assert_no_error (error);
  return loaded;
}

/* The numbers of the measures as the stats gave them before the running
 * totals: every case loaded, its current version added up. */
typedef struct {
  guint  by_category[CARE_MEASURE_CATEGORY_COUNT];
  gint64 planned;
  gint64 spent;
} Recount;

static void
recount (Fixture    *f,
         const char *currency,
         Recount    *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = care_case_store_list (f->vault, NULL, &error);

  g_assert_no_error (error);
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < cases->len; i++)
    {
      const CareCaseSummary *s = g_ptr_array_index (cases, i);
      g_autoptr(CareCase) c = care_case_store_load_by_id (f->vault, s->id, &error);
      const CarePlanVersion *v;

      g_assert_no_error (error);
      v = care_plan_get_current (c->plan);
      for (guint m = 0; v != NULL && m < v->measures->len; m++)
        {
          const CareMeasure *measure = g_ptr_array_index (v->measures, m);

          out->by_category[measure->category]++;
          if (g_strcmp0 (measure->currency, currency) != 0)
            continue;
          if (measure->status != CARE_MEASURE_CANCELLED)
            out->planned += measure->budget_cents;
          out->spent += measure->actual_cost_cents;
        }
    }
}

/* The stats, in two currencies, equal the recount, and the store's own
 * check finds nothing to say. */
static void
assert_totals_exact (Fixture *f)
{
  const char *currencies[] = { "EUR", "USD" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GEnumClass) klass = g_type_class_ref (CARE_TYPE_MEASURE_CATEGORY);

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      g_autoptr(CareSettings) settings = care_settings_store_load (f->vault, &error);
      g_autoptr(CareStats) stats = NULL;
      Recount expected;

      g_assert_no_error (error);
      g_free (settings->currency);
      settings->currency = g_strdup (currencies[i]);
      stats = care_case_store_get_stats (f->vault, settings, &f->today, &error);
      g_assert_no_error (error);
      recount (f, currencies[i], &expected);

      g_assert_cmpint (stats->budget_planned_cents, ==, expected.planned);
      g_assert_cmpint (stats->budget_spent_cents, ==, expected.spent);
      g_assert_cmpuint (g_hash_table_size (stats->by_measure_category), ==, klass->n_values);
      for (guint v = 0; v < klass->n_values; v++)
        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_measure_category,
                                                                 klass->values[v].value_nick)),
                          ==, expected.by_category[klass->values[v].value]);
    }

  g_assert_true (care_case_store_verify_totals (f->vault, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  /* No row is left at zero: the table is exactly a recount. */
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT count(*) FROM measure_totals WHERE measures = 0"), ==, 0);
}

static void
test_totals_follow_saves (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) a = make_case ("Okafor", "FR", 2014);
  g_autoptr(CareCase) b = make_case ("Benali", "ES", 2014);
  g_autoptr(CareCase) bare = make_case ("Mensah", "IT", 2014);
  g_autoptr(CareCase) loaded = NULL;
  g_autofree char *number = NULL;
  CarePlanVersion *v;
  CareMeasure *m;
  GDate agreed = vault_test_date (2014, 5, 1);

  assert_totals_exact (f);

  /* Create: one version with a cancelled measure and one in dollars. */
  v = care_plan_edit (a->plan);
  add_measure (v, CARE_MEASURE_INCOME_GENERATING, 150000, 0, NULL);
  add_measure (v, CARE_MEASURE_MEDICAL_CARE, 20050, 10000, NULL);
  m = add_measure (v, CARE_MEASURE_EDUCATION, 70000, 0, NULL);
  m->status = CARE_MEASURE_CANCELLED;
  add_measure (v, CARE_MEASURE_EDUCATION, 50000, 50000, "USD");
  save_ok (f, a);
  save_ok (f, bare);
  v = care_plan_edit (b->plan);
  add_measure (v, CARE_MEASURE_EDUCATION, 30000, 1000, NULL);
  save_ok (f, b);
  assert_totals_exact (f);
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT count(*) FROM measure_totals"), ==, 4);

  /* Update the draft: a budget, a cost, a cancellation, a currency. */
  v = care_plan_get_current (a->plan);
  m = g_ptr_array_index (v->measures, 0);
  m->budget_cents = 160000;
  m = g_ptr_array_index (v->measures, 1);
  m->status = CARE_MEASURE_CANCELLED;
  m->actual_cost_cents = 12000;
  m = g_ptr_array_index (v->measures, 3);
  g_free (m->currency);
  m->currency = g_strdup ("EUR");
  save_ok (f, a);
  assert_totals_exact (f);

  /* Remove a measure, add one: categories come and go. (A save hands
   * back a new copy of the case: versions are looked up again.) */
  v = care_plan_get_current (a->plan);
  care_measure_free (g_ptr_array_steal_index (v->measures, 0));
  add_measure (v, CARE_MEASURE_LEGAL_ASSISTANCE, 9900, 0, NULL);
  save_ok (f, a);
  assert_totals_exact (f);

  /* Agree the plan, then amend it: the new draft becomes the current
   * version; its first save counts its copied measures once. */
  g_assert_true (care_plan_freeze_current (a->plan, &agreed, NULL));
  save_ok (f, a);
  assert_totals_exact (f);
  v = care_plan_edit (a->plan);
  g_assert_cmpuint (v->number, ==, 2);
  add_measure (v, CARE_MEASURE_FAMILY_MEDIATION, 4000, 0, "USD");
  save_ok (f, a);
  assert_totals_exact (f);

  /* A changed agreed version is refused, and changes nothing. */
  loaded = reload (f, a);
  m = g_ptr_array_index (((CarePlanVersion *) g_ptr_array_index (loaded->plan->versions, 0))->measures, 0);
  m->budget_cents = 1;
  g_assert_false (care_case_store_save (f->vault, loaded, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  assert_totals_exact (f);

  /* The draft dropped: version 1 is current again. */
  g_ptr_array_remove_index (a->plan->versions, 1);
  save_ok (f, a);
  assert_totals_exact (f);

  /* Saves that leave the plan alone leave the totals alone. */
  g_free (a->notes);
  a->notes = g_strdup ("Called on Monday");
  save_ok (f, a);
  assert_totals_exact (f);

  /* Delete. */
  number = care_case_number_format (&b->number);
  g_assert_true (care_case_store_delete (f->vault, number, &error));
  g_assert_no_error (error);
  assert_totals_exact (f);
  g_clear_pointer (&number, g_free);
  number = care_case_number_format (&a->number);
  g_assert_true (care_case_store_delete (f->vault, number, &error));
  g_assert_no_error (error);
  assert_totals_exact (f);
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT count(*) FROM measure_totals"), ==, 0);
}

/* A transaction rolled back takes its changes to the totals with it. */
static void
test_totals_rollback (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) a = make_case ("Okafor", "FR", 2014);
  g_autoptr(CareCase) b = make_case ("Benali", "ES", 2014);
  CarePlanVersion *v;

  v = care_plan_edit (a->plan);
  add_measure (v, CARE_MEASURE_INCOME_GENERATING, 150000, 100, NULL);
  save_ok (f, a);

  g_assert_true (care_store_begin (f->vault, &error));
  v = care_plan_edit (b->plan);
  add_measure (v, CARE_MEASURE_INCOME_GENERATING, 1000, 0, NULL);
  save_ok (f, b);
  v = care_plan_get_current (a->plan);
  ((CareMeasure *) g_ptr_array_index (v->measures, 0))->budget_cents = 5;
  save_ok (f, a);
  care_store_rollback (f->vault);

  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT planned_cents FROM measure_totals"), ==, 150000);
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT measures FROM measure_totals"), ==, 1);
  assert_totals_exact (f);
}

/* Totals changed behind CARE's back are found, and a rebuild mends them. */
static void
test_totals_verify (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CareCase) a = make_case ("Okafor", "FR", 2014);
  CarePlanVersion *v;

  v = care_plan_edit (a->plan);
  add_measure (v, CARE_MEASURE_INCOME_GENERATING, 150000, 100, NULL);
  add_measure (v, CARE_MEASURE_MEDICAL_CARE, 2000, 0, "USD");
  save_ok (f, a);
  assert_totals_exact (f);

  vault_test_exec (f->vault, "UPDATE measure_totals SET planned_cents = planned_cents + 1 "
                             "WHERE category = 'income-generating-activity'");
  vault_test_exec (f->vault, "DELETE FROM measure_totals WHERE currency = 'USD'");
  vault_test_exec (f->vault, "INSERT INTO measure_totals VALUES ('other', 'EUR', 1, 0, 0)");
  g_assert_true (care_case_store_verify_totals (f->vault, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "income-generating-activity"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "150001"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (care_case_store_rebuild_totals (f->vault, &error));
  g_assert_no_error (error);
  assert_totals_exact (f);
}

/* A vault made before the running totals gets them on opening (migration
 * 5): filled from the current versions of the plans already stored. */
static void
test_totals_migration (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v4.care", NULL);
  CareVault *old;

  old = care_vault_create_at_schema_version (path, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE, 4,
                                             NULL, &error);
  g_assert_no_error (error);
  /* Two cases as schema 4 stored them; the first has an older version
   * whose measures must not count. */
  for (int i = 1; i <= 2; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO cases (id, case_number, number_country, number_year, number_sequence, "
                         "  family_name, given_names, sex, host_country, return_country, referral_date, "
                         "  consent_voluntary_return, consent_data, consent_followup, risk_level, risk_factors, "
                         "  airport_reception, secure_accommodation_nights, health_check, secondary_transport, "
                         "  escort, contact_in_return_country, status, is_minor, is_eligible, name_key) "
                         "VALUES (%d, 'CARE-FR-2014-000%d', 'FR', 2014, %d, 'Okafor', 'Ada', 'female', 'FR', 'NG', "
                         "  '2014-03-10', 'not-recorded', 'not-recorded', 'not-recorded', 'low', '', "
                         "  0, 0, 0, 0, 0, 0, 'referred', 0, 1, 'okafor ada')", i, i, i);
      vault_test_exec (old, sql);
    }
  vault_test_exec (old, "INSERT INTO plan_versions (id, case_id, number, state, is_current) VALUES "
                        "(1, 1, 1, 'agreed', 0), (2, 1, 2, 'draft', 1), (3, 2, 1, 'draft', 1)");
  vault_test_exec (old, "INSERT INTO measures (version_id, position, category, description, budget_cents, currency, "
                        "  status, actual_cost_cents) VALUES "
                        "(1, 0, 'education', 'Old', 99999, 'EUR', 'planned', 0), "
                        "(2, 0, 'education', 'Course', 1000, 'EUR', 'planned', 10), "
                        "(2, 1, 'education', 'Cancelled', 700, 'EUR', 'cancelled', 5), "
                        "(2, 2, 'medical-care', 'Dollars', 300, 'USD', 'done', 300), "
                        "(3, 0, 'education', 'Books', 50, 'EUR', 'in-progress', 0)");
  g_object_unref (old);

  g_clear_object (&f->vault);
  f->vault = care_vault_open (path, NULL, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (care_vault_get_schema_version (f->vault), ==, care_schema_get_latest_version ());
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT measures FROM measure_totals "
                                                   "WHERE category = 'education' AND currency = 'EUR'"), ==, 3);
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT planned_cents FROM measure_totals "
                                                   "WHERE category = 'education' AND currency = 'EUR'"), ==, 1050);
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT actual_cents FROM measure_totals "
                                                   "WHERE category = 'education' AND currency = 'EUR'"), ==, 15);
  assert_totals_exact (f);
}

/* The list of every case, read from its index, in the same order as a
 * limited list, numbers compared as numbers. */
static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  const struct { const char *host; int year; guint sequence; } numbers[] = {
    { "FR", 2014, 10 }, { "ES", 2015, 2 }, { "FR", 2014, 9 }, { "AT", 2014, 10000 },
    { "FR", 2013, 1 }, { "ES", 2015, 1 }, { "AT", 2014, 999 }, { "GB", 2014, 1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  CareCaseQuery query = { .limit = 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(CareCase) c = make_case ("Okafor", numbers[i].host, numbers[i].year);

      g_assert_true (care_case_number_init (&c->number, numbers[i].host, (guint) numbers[i].year,
                                            numbers[i].sequence));
      save_ok (f, c);
    }

  all = care_case_store_list (f->vault, NULL, &error);
  g_assert_no_error (error);
  limited = care_case_store_list (f->vault, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (numbers));
  g_assert_cmpuint (limited->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (all, i))->case_number, ==,
                     ((CareCaseSummary *) g_ptr_array_index (limited, i))->case_number);
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (all, 0))->case_number, ==, "CARE-AT-2014-0999");
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (all, 1))->case_number, ==, "CARE-AT-2014-10000");
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (all, 4))->case_number, ==, "CARE-FR-2013-0001");
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (all, 5))->case_number, ==, "CARE-FR-2014-0009");
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (all, 6))->case_number, ==, "CARE-FR-2014-0010");

  /* A filter without a limit is sorted the same way. */
  query.limit = 0;
  query.host_country = "FR";
  g_clear_pointer (&all, g_ptr_array_unref);
  all = care_case_store_list (f->vault, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (all, 0))->case_number, ==, "CARE-FR-2013-0001");
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (all, 2))->case_number, ==, "CARE-FR-2014-0010");
}

/* --- the export's rows --- */

typedef struct {
  Fixture   *f;
  GPtrArray *list;
  guint      seen;
} ExportCheck;

static gboolean
check_export_row (const CareCase  *row,
                  guint            index,
                  guint            n_cases,
                  gpointer         user_data,
                  GError         **error)
{
  ExportCheck *check = user_data;
  const CareCaseSummary *s = g_ptr_array_index (check->list, index);
  g_autoptr(CareCase) full = care_case_store_load_by_id (check->f->vault, s->id, error);
  g_autofree char *number = care_case_number_format (&row->number);

  g_assert_nonnull (full);
  g_assert_cmpuint (n_cases, ==, check->list->len);
  g_assert_cmpuint (index, ==, check->seen);
  g_assert_cmpint (row->id, ==, s->id);
  g_assert_cmpstr (number, ==, s->case_number);
  g_assert_true (care_case_number_equal (&row->number, &full->number));
  /* Every field of the case row, so every column the export writes. */
  g_assert_true (care_record_equal (&care_case_spec, row, full));
  check->seen++;
  return TRUE;
}

static gboolean
stop_at_second (const CareCase  *row,
                guint            index,
                guint            n_cases,
                gpointer         user_data,
                GError         **error)
{
  if (index == 1)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "full");
      return FALSE;
    }
  return TRUE;
}

static void
test_export_rows (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ExportCheck check = { f, NULL, 0 };
  guint n = 0;
  GDate on = vault_test_date (2014, 3, 10);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CareCase) c = make_case (i % 2 ? "Иванова" : "Chloé", i % 2 ? "FR" : "ES", 2014 - (int) i % 2);

      c->person->phone = i % 3 ? g_strdup ("+234 803 000 0000") : NULL;
      c->notes = g_strdup_printf ("Line one, \"quoted\"\nline %u", i);
      c->caseworker = g_strdup ("Julie");
      c->plan_language = g_strdup (i % 2 ? "fr" : "en");
      if (i % 2)
        {
          care_consent_give (&c->consent_data, &on);
          care_consent_give (&c->consent_followup, &on);
          c->arrival_date = vault_test_date (2014, 6, 2);
        }
      if (i == 4)
        {
          CarePlanVersion *v = care_plan_edit (c->plan);
          add_measure (v, CARE_MEASURE_EDUCATION, 100, 0, NULL);
        }
      save_ok (f, c);
    }

  check.list = care_case_store_list (f->vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (care_case_store_foreach_export_row (f->vault, check_export_row, &check, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (check.seen, ==, 5);
  g_ptr_array_unref (check.list);

  g_assert_false (care_case_store_foreach_export_row (f->vault, stop_at_second, NULL, &n, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/case-totals/" path, Fixture, NULL, vault_fixture_set_up, func, vault_fixture_tear_down)

  ADD ("follow-saves", test_totals_follow_saves);
  ADD ("rollback", test_totals_rollback);
  ADD ("verify", test_totals_verify);
  ADD ("migration", test_totals_migration);
  ADD ("list-order", test_list_order);
  ADD ("export-rows", test_export_rows);

  return g_test_run ();
}
