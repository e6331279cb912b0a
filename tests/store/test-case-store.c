/* test-case-store.c — cases, follow-ups, numbers, partners, settings,
 * search and the history, as the vault keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "care-case-rows.h"
#include "care-case-store.h"
#include "care-eligibility.h"
#include "vault-test-util.h"

typedef VaultFixture Fixture;


static void
set_date (GDate *target, int y, int m, int d)
{
  *target = vault_test_date (y, m, d);
}

/* A referred adult: what a minimal import row gives. */
static CareCase *
make_case (const char *family,
           const char *given,
           const char *host,
           int         referral_year)
{
  CareCase *c = care_case_new ();
  GDate born = vault_test_date (1990, 5, 12);

  c->person->family_name = g_strdup (family);
  c->person->given_names = g_strdup (given);
  c->person->sex = CARE_SEX_FEMALE;
  care_birth_date_set_date (&c->person->date_of_birth, &born);
  c->person->nationality = g_strdup ("NG");
  c->host_country = g_strdup (host);
  c->return_country = g_strdup ("NG");
  c->destination = g_strdup ("Benin City");
  c->referring_organisation = g_strdup ("Amicale du Nid");
  set_date (&c->referral_date, referral_year, 3, 10);
  set_date (&c->planned_return_date, referral_year, 6, 1);
  return c;
}

/* Every section filled: plan with two versions, arrival items,
 * consents, closure; follow-ups come from the schedule on save. */
static CareCase *
make_full_case (void)
{
  CareCase *c = make_case ("Okafor", "Blessing Ada", "FR", 2014);
  CarePlanVersion *v;
  CareMeasure *m;
  CareArrivalItem *item;
  GDate on;

  c->person->phone = g_strdup ("+234 803 000 0000");
  c->referral_contact = g_strdup ("Mme Martin");
  c->caseworker = g_strdup ("Julie");
  c->plan_language = g_strdup ("en");
  c->notes = g_strdup ("Prefers phone calls in the evening.\nSpeaks Edo.");
  on = vault_test_date (2014, 3, 10);
  care_consent_give (&c->consent_voluntary_return, &on);
  care_consent_give (&c->consent_data, &on);
  care_consent_give (&c->consent_followup, &on);

  c->risk->level = CARE_RISK_HIGH;
  c->risk->factors = CARE_RISK_FACTOR_DEBT | CARE_RISK_FACTOR_NETWORK_THREATS | CARE_RISK_FACTOR_OTHER;
  c->risk->other_factor = g_strdup ("Brother in the network");
  c->risk->mitigation = g_strdup ("Secure housing first");
  set_date (&c->risk->assessed_on, 2014, 4, 1);
  c->arrival_needs->airport_reception = TRUE;
  c->arrival_needs->secure_accommodation_nights = 3;
  c->arrival_needs->health_check = TRUE;
  c->arrival_needs->secondary_transport = TRUE;
  c->arrival_needs->notes = g_strdup ("Night arrival");
  c->skills->education = g_strdup ("Secondary school");
  c->skills->languages = g_strdup ("English, Edo, some French");
  c->skills->work_experience = g_strdup ("Market trader");
  c->skills->vocational_skills = g_strdup ("Sewing");
  c->skills->aspirations = g_strdup ("Own tailoring shop");
  c->skills->preferred_option = g_strdup ("Income-generating activity");
  c->skills->contact_in_return_country = TRUE;
  c->minor->notes = g_strdup ("Not a minor");

  v = care_plan_edit (c->plan);
  v->objectives = g_strdup ("Tailoring shop in Benin City");
  v->language = g_strdup ("en");
  m = care_measure_new (CARE_MEASURE_INCOME_GENERATING, "Sewing machines and stock");
  m->budget_cents = 150000;
  m->provider = g_strdup ("Local NGO");
  set_date (&m->planned_start, 2014, 7, 1);
  set_date (&m->planned_end, 2014, 12, 31);
  g_ptr_array_add (v->measures, m);
  m = care_measure_new (CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL, "Counselling");
  m->budget_cents = 40000;
  g_ptr_array_add (v->measures, m);
  on = vault_test_date (2014, 5, 1);
  g_assert_true (care_plan_freeze_current (c->plan, &on, NULL));

  v = care_plan_edit (c->plan);
  m = care_measure_new (CARE_MEASURE_MEDICAL_CARE, "Health insurance");
  m->budget_cents = 20050;
  m->status = CARE_MEASURE_IN_PROGRESS;
  m->actual_cost_cents = 10000;
  g_ptr_array_add (v->measures, m);

  set_date (&c->arrival_date, 2014, 6, 2);
  item = care_arrival_item_new (CARE_ARRIVAL_AIRPORT_RECEPTION);
  set_date (&item->planned_on, 2014, 6, 2);
  set_date (&item->done_on, 2014, 6, 2);
  item->who = g_strdup ("IOM Lagos");
  g_ptr_array_add (c->arrival_items, item);
  item = care_arrival_item_new (CARE_ARRIVAL_SECURE_ACCOMMODATION);
  set_date (&item->planned_on, 2014, 6, 2);
  item->notes = g_strdup ("Three nights");
  g_ptr_array_add (c->arrival_items, item);
  return c;
}

/* Every field of every record, through the store's own field tables, so
 * that a field added to a table is compared without touching this test. */
static void
dump_record (GString              *out,
             const CareRecordSpec *spec,
             gconstpointer         record)
{
  g_string_append_printf (out, "[%s]\n", spec->record);
  for (guint i = 0; i < spec->n_fields; i++)
    {
      g_autofree char *value = care_record_get_value (spec, record, i);
      g_string_append_printf (out, "%s=%s\n", spec->fields[i].column, value ? value : "(null)");
    }
}

static char *
dump_case (const CareCase *c)
{
  GString *out = g_string_new (NULL);
  g_autofree char *number = care_case_number_format (&c->number);

  g_string_append_printf (out, "id=%" G_GINT64_FORMAT " number=%s\n", c->id, number);
  dump_record (out, &care_case_spec, c);
  for (guint i = 0; i < c->plan->versions->len; i++)
    {
      CarePlanVersion *v = g_ptr_array_index (c->plan->versions, i);
      dump_record (out, &care_plan_version_spec, v);
      for (guint j = 0; j < v->measures->len; j++)
        {
          CareMeasure *m = g_ptr_array_index (v->measures, j);
          g_string_append_printf (out, "measure id=%" G_GINT64_FORMAT "\n", m->id);
          dump_record (out, &care_measure_spec, m);
        }
    }
  for (guint i = 0; i < c->arrival_items->len; i++)
    {
      CareArrivalItem *a = g_ptr_array_index (c->arrival_items, i);
      g_string_append_printf (out, "arrival id=%" G_GINT64_FORMAT "\n", a->id);
      dump_record (out, &care_arrival_item_spec, a);
    }
  for (guint i = 0; i < c->followups->len; i++)
    {
      CareFollowUp *fu = g_ptr_array_index (c->followups, i);
      g_string_append_printf (out, "followup id=%" G_GINT64_FORMAT "\n", fu->id);
      dump_record (out, &care_followup_spec, fu);
      for (guint j = 0; j < fu->progress->len; j++)
        {
          CareMeasureProgress *p = g_ptr_array_index (fu->progress, j);
          g_string_append_printf (out, "progress %" G_GINT64_FORMAT " %d %s\n", p->measure_id, p->status,
                                  p->note ? p->note : "(null)");
        }
    }
  if (c->closure != NULL)
    dump_record (out, &care_closure_spec, c->closure);
  return g_string_free (out, FALSE);
}

static void
save_ok (Fixture  *f,
         CareCase *c)
{
  g_autoptr(GError) error = NULL;

  care_case_store_save (f->vault, c, NULL, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);
}

static char *
number_of (const CareCase *c)
{
  return care_case_number_format (&c->number);
}

static gint64
count_rows (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return vault_test_query_int (f->vault, sql);
}

/* --- round trip --- */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) c = make_full_case ();
  g_autoptr(CareCase) loaded = NULL;
  g_autoptr(CareCase) again = NULL;
  g_autofree char *number = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  CareFollowUp *first;
  CareMeasure *measure;
  GDate on;

  save_ok (f, c);
  number = number_of (c);
  g_assert_cmpstr (number, ==, "CARE-FR-2014-0001");
  /* The schedule was made on save: 1, 3, 6, 9 and 12 months after arrival. */
  g_assert_cmpuint (c->followups->len, ==, 5);

  loaded = care_case_store_load (f->vault, number, &error);
  g_assert_no_error (error);
  expected = dump_case (c);
  got = dump_case (loaded);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);

  /* A follow-up done, with scores and the progress of a measure, and a
   * closure: all of it comes back. */
  first = g_ptr_array_index (loaded->followups, 0);
  set_date (&first->done_on, 2014, 7, 3);
  first->mode = CARE_FOLLOWUP_PHONE;
  first->who = g_strdup ("Julie");
  first->notes = g_strdup ("Shop opened");
  first->economic_score = 4;
  first->social_score = 3;
  first->psychosocial_score = 2;
  first->reexploitation_risk = CARE_RISK_LOW;
  measure = g_ptr_array_index (care_plan_get_current (loaded->plan)->measures, 0);
  g_ptr_array_add (first->progress, care_measure_progress_new (measure->id, CARE_MEASURE_DONE, "Bought"));
  g_ptr_array_add (first->progress, care_measure_progress_new (measure->id, CARE_MEASURE_IN_PROGRESS, NULL));
  on = vault_test_date (2015, 6, 30);
  loaded->closure = care_closure_new (CARE_CLOSURE_COMPLETED, &on);
  loaded->closure->notes = g_strdup ("Plan completed");
  save_ok (f, loaded);

  again = care_case_store_load_by_id (f->vault, loaded->id, &error);
  g_assert_no_error (error);
  expected = dump_case (loaded);
  got = dump_case (again);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (care_case_get_status (again), ==, CARE_CASE_CLOSED);
  g_assert_cmpuint (((CareFollowUp *) g_ptr_array_index (again->followups, 0))->progress->len, ==, 2);

  /* A case number is found however it is typed. */
  g_clear_pointer (&again, care_case_free);
  again = care_case_store_load (f->vault, " care-fr-2014-0001 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, c->id);

  g_clear_pointer (&again, care_case_free);
  again = care_case_store_load (f->vault, "CARE-FR-2014-0002", &error);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);
  g_assert_null (again);
}

/* --- validation --- */

static void
test_validation_refusal (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) good = make_case ("Mensah", "Ama", "FR", 2014);
  g_autoptr(CareCase) bad = make_case (NULL, "Kofi", "FR", 2014);
  gint64 cases, history;

  save_ok (f, good);
  cases = count_rows (f, "cases");
  history = count_rows (f, "history");

  g_assert_false (care_case_store_save (f->vault, bad, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "amily"));   /* names the field */
  g_assert_null (strstr (error->message, "Kofi"));       /* never the value */
  g_assert_cmpint (bad->id, ==, 0);
  g_assert_false (care_case_number_is_set (&bad->number));
  g_assert_cmpint (count_rows (f, "cases"), ==, cases);
  g_assert_cmpint (count_rows (f, "history"), ==, history);
  g_assert_cmpint (count_rows (f, "case_sequences WHERE last > 1"), ==, 0);
  g_clear_error (&error);

  /* An update refused leaves the stored case as it was. */
  g_free (good->person->family_name);
  good->person->family_name = g_strdup ("");
  g_assert_false (care_case_store_save (f->vault, good, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_assert_cmpint (count_rows (f, "cases WHERE family_name = 'Mensah'"), ==, 1);
  g_assert_cmpint (count_rows (f, "history"), ==, history);
}

/* --- agreed plan versions --- */

static void
test_agreed_version_frozen (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) c = make_full_case ();
  g_autoptr(CareCase) edited = NULL;
  g_autoptr(CareCase) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CarePlanVersion *v1;
  CareMeasure *m;

  save_ok (f, c);
  before = dump_case (c);

  /* Changing a measure of the signed version 1 is refused. */
  edited = care_case_copy (c);
  v1 = care_plan_get_version (edited->plan, 1);
  m = g_ptr_array_index (v1->measures, 0);
  m->budget_cents += 100;
  g_assert_false (care_case_store_save (f->vault, edited, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  /* So is its objective, turning it back into a draft, or removing it. */
  m->budget_cents -= 100;
  v1->objectives = (g_free (v1->objectives), g_strdup ("Something else"));
  g_assert_false (care_case_store_save (f->vault, edited, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  v1->objectives = (g_free (v1->objectives), g_strdup ("Tailoring shop in Benin City"));
  v1->state = CARE_PLAN_DRAFT;
  g_assert_false (care_case_store_save (f->vault, edited, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  v1->state = CARE_PLAN_AGREED;
  g_ptr_array_remove_index (edited->plan->versions, 0);
  g_assert_false (care_case_store_save (f->vault, edited, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  stored = care_case_store_load_by_id (f->vault, c->id, &error);
  g_assert_no_error (error);
  after = dump_case (stored);
  g_assert_cmpstr (after, ==, before);

  /* The draft version 2 may change; agreeing it freezes it in turn. */
  m = g_ptr_array_index (care_plan_get_current (stored->plan)->measures, 2);
  m->budget_cents = 99900;
  save_ok (f, stored);
  {
    GDate on = vault_test_date (2014, 5, 20);
    g_assert_true (care_plan_freeze_current (stored->plan, &on, NULL));
  }
  save_ok (f, stored);
  m = g_ptr_array_index (care_plan_get_current (stored->plan)->measures, 2);
  m->budget_cents = 1;
  g_assert_false (care_case_store_save (f->vault, stored, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  /* The way to change it: a new draft. */
  m->budget_cents = 99900;
  m = g_ptr_array_index (care_plan_edit (stored->plan)->measures, 2);
  m->budget_cents = 1;
  save_ok (f, stored);
  g_assert_cmpint (count_rows (f, "plan_versions"), ==, 3);
  g_assert_cmpint (count_rows (f, "plan_versions WHERE is_current AND number = 3"), ==, 1);
}

/* --- case numbers --- */

static void
test_case_numbers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  struct { const char *host; int year; const char *expected; } steps[] = {
    { "FR", 2014, "CARE-FR-2014-0001" },
    { "FR", 2014, "CARE-FR-2014-0002" },
    { "ES", 2014, "CARE-ES-2014-0001" },
    { "FR", 2015, "CARE-FR-2015-0001" },
  };
  g_autoptr(CareCase) given = make_case ("Given", "Number", "FR", 2014);
  g_autoptr(CareCase) clash = make_case ("Clash", "Number", "FR", 2014);
  g_autoptr(CareCase) after = make_case ("After", "Number", "FR", 2014);
  g_autoptr(CareCase) after_delete = make_case ("After", "Delete", "FR", 2014);
  g_autofree char *n = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(CareCase) c = make_case ("Family", "Given", steps[i].host, steps[i].year);
      g_autofree char *number = NULL;

      save_ok (f, c);
      number = number_of (c);
      g_assert_cmpstr (number, ==, steps[i].expected);
    }

  /* A number kept from an import is taken as it is, and later numbers
   * follow it. */
  g_assert_true (care_case_number_parse ("CARE-FR-2014-0010", &given->number, NULL));
  save_ok (f, given);
  g_assert_true (care_case_number_parse ("CARE-FR-2014-0010", &clash->number, NULL));
  g_assert_false (care_case_store_save (f->vault, clash, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  save_ok (f, after);
  n = number_of (after);
  g_assert_cmpstr (n, ==, "CARE-FR-2014-0011");

  /* A deleted case's number is never given again. */
  g_assert_true (care_case_store_delete (f->vault, n, &error));
  g_assert_no_error (error);
  save_ok (f, after_delete);
  g_clear_pointer (&n, g_free);
  n = number_of (after_delete);
  g_assert_cmpstr (n, ==, "CARE-FR-2014-0012");

  /* A number cannot be changed by an update. */
  g_assert_true (care_case_number_parse ("CARE-FR-2014-0099", &after_delete->number, NULL));
  g_assert_false (care_case_store_save (f->vault, after_delete, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
}

/* --- status --- */

static char *
stored_status (Fixture *f,
               gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM cases WHERE id = %" G_GINT64_FORMAT, id);
  sqlite3_stmt *stmt = NULL;
  char *status;

  g_assert_cmpint (sqlite3_prepare_v2 (care_vault_get_db (f->vault), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return status;
}

static void
test_status_derived (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CareCase) c = make_case ("Status", "Case", "IT", 2014);
  g_autoptr(GPtrArray) list = NULL;
  CareCaseQuery query = { 0 };
  char *status;
  GDate on;

  save_ok (f, c);
  status = stored_status (f, c->id);
  g_assert_cmpstr (status, ==, "referred");
  g_free (status);

  c->risk->level = CARE_RISK_MEDIUM;
  set_date (&c->risk->assessed_on, 2014, 4, 1);
  save_ok (f, c);
  status = stored_status (f, c->id);
  g_assert_cmpstr (status, ==, "assessed");
  g_free (status);

  on = vault_test_date (2014, 3, 10);
  care_consent_give (&c->consent_followup, &on);
  set_date (&c->arrival_date, 2014, 6, 2);
  save_ok (f, c);
  status = stored_status (f, c->id);
  g_assert_cmpstr (status, ==, "returned");
  g_free (status);

  query.by_status = TRUE;
  query.status = CARE_CASE_RETURNED;
  list = care_case_store_list (f->vault, &query, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((CareCaseSummary *) g_ptr_array_index (list, 0))->status, ==, CARE_CASE_RETURNED);
}

/* --- search and filters --- */

static const struct {
  const char *family;
  const char *given;
  const char *host;
  const char *destination;
} people[] = {
  { "Dubois", "Chloé", "FR", "Kinshasa" },
  { "Benali", "Saïd", "FR", "Oran" },
  { "Иванова", "Наталья", "PL", "Kyiv" },
  { "Παπαδοπούλου", "Ολυμπία", "GR", "Tirana" },
  { "العلي", "محمد", "IT", "Tripoli" },
  { "Martin", "Samuel", "ES", "Dakar" },
};

static void
add_people (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(CareCase) c = make_case (people[i].family, people[i].given, people[i].host, 2014);
      g_free (c->destination);
      c->destination = g_strdup (people[i].destination);
      g_free (c->return_country);
      c->return_country = g_strdup ("CD");
      save_ok (f, c);
    }
}

static GPtrArray *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  CareCaseQuery query = { 0 };
  GPtrArray *list;

  query.search = text;
  query.today = f->today;
  list = care_case_store_list (f->vault, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
assert_finds (Fixture    *f,
              const char *text,
              const char *given_names)
{
  g_autoptr(GPtrArray) list = search (f, text);

  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (list, 0))->given_names, ==, given_names);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  const char *harmless[] = {
    "\"", "*", "OR", "chloe OR said", "\"chloe", "chloe\"", "NEAR(chloe said)", "family_name:chloe",
    "chlo*e", "^chloe", "-chloe", "(", ")", "AND", "NOT chloe", "' OR 1=1 --", "\\", "{family_name}: x",
  };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) numbers = NULL;

  add_people (f);

  assert_finds (f, "chloe", "Chloé");
  assert_finds (f, "CHLOÉ", "Chloé");
  assert_finds (f, "chl", "Chloé");
  assert_finds (f, "said", "Saïd");
  assert_finds (f, "ben sa", "Saïd");
  assert_finds (f, "ната", "Наталья");
  assert_finds (f, "ИВАН", "Наталья");
  assert_finds (f, "ολυμ", "Ολυμπία");
  assert_finds (f, "παπα", "Ολυμπία");
  assert_finds (f, "محم", "محمد");
  assert_finds (f, "kins", "Chloé");              /* destination */
  assert_finds (f, "CARE-ES", "Samuel");          /* case number prefix */
  assert_finds (f, "care-fr-2014-0002", "Saïd");

  {
    g_autoptr(GPtrArray) sa = search (f, "sa");   /* Saïd and Samuel */
    g_assert_cmpuint (sa->len, ==, 2);
  }
  {
    g_autoptr(GPtrArray) org = search (f, "amicale nid");  /* organisation */
    g_assert_cmpuint (org->len, ==, G_N_ELEMENTS (people));
  }

  numbers = search (f, "CARE-FR-2014");
  g_assert_cmpuint (numbers->len, ==, 2);
  /* Ordered by case number. */
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (numbers, 0))->case_number, ==, "CARE-FR-2014-0001");
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (numbers, 1))->case_number, ==, "CARE-FR-2014-0002");

  /* Nothing typed can break the query or act as FTS5 syntax. */
  for (guint i = 0; i < G_N_ELEMENTS (harmless); i++)
    {
      g_autoptr(GPtrArray) list = search (f, harmless[i]);
      g_assert_cmpuint (list->len, <=, G_N_ELEMENTS (people));
    }
  {
    g_autoptr(GPtrArray) list = search (f, "chloe OR said");
    g_assert_cmpuint (list->len, ==, 0);   /* every word must match: OR is a word */
  }
  {
    g_autoptr(GPtrArray) list = search (f, "\"chloe");
    g_assert_cmpuint (list->len, ==, 1);
  }

  all = search (f, "   ");
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (people));
}

static void
test_search_follows_updates (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) c = make_case ("Dubois", "Chloé", "FR", 2014);
  g_autofree char *number = NULL;

  save_ok (f, c);
  number = number_of (c);
  g_free (c->person->family_name);
  c->person->family_name = g_strdup ("Lefèvre");
  save_ok (f, c);
  {
    g_autoptr(GPtrArray) old = search (f, "dubois");
    g_autoptr(GPtrArray) new = search (f, "lefevre");
    g_assert_cmpuint (old->len, ==, 0);
    g_assert_cmpuint (new->len, ==, 1);
  }
  g_assert_true (care_case_store_delete (f->vault, number, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) gone = search (f, "lefevre");
    g_assert_cmpuint (gone->len, ==, 0);
  }
  g_assert_cmpint (count_rows (f, "cases"), ==, 0);
  g_assert_cmpint (count_rows (f, "followups"), ==, 0);
  g_assert_cmpint (count_rows (f, "plan_versions"), ==, 0);
}

/* A minor (born 2000), an adult returned with overdue follow-ups, an
 * adult elsewhere. */
static void
add_filter_cases (Fixture  *f,
                  gint64   *returned_id)
{
  g_autoptr(CareCase) minor = make_case ("Minor", "Child", "ES", 2014);
  g_autoptr(CareCase) returned = make_case ("Returned", "Adult", "FR", 2014);
  g_autoptr(CareCase) other = make_case ("Other", "Adult", "IT", 2014);
  GDate born = vault_test_date (2000, 1, 1), on = vault_test_date (2014, 3, 10);

  care_birth_date_set_date (&minor->person->date_of_birth, &born);
  save_ok (f, minor);
  care_consent_give (&returned->consent_followup, &on);
  set_date (&returned->arrival_date, 2014, 6, 2);
  save_ok (f, returned);
  *returned_id = returned->id;
  save_ok (f, other);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CareCaseQuery query = { 0 };
  gint64 returned_id;
  GPtrArray *list;
  CareCaseSummary *s;

  add_filter_cases (f, &returned_id);

  query.minors_only = TRUE;
  list = care_case_store_list (f->vault, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpstr (s->family_name, ==, "Minor");
  g_assert_true (s->minor);
  g_assert_true (s->eligible);
  g_ptr_array_unref (list);

  memset (&query, 0, sizeof query);
  query.host_country = "IT";
  list = care_case_store_list (f->vault, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (list, 0))->family_name, ==, "Other");
  g_ptr_array_unref (list);

  /* Overdue relative to the day given: follow-ups at 1 month (2014-07-02)
   * and 3 months (2014-09-02) are late on 2014-10-01. */
  memset (&query, 0, sizeof query);
  query.overdue_only = TRUE;
  query.today = vault_test_date (2014, 10, 1);
  list = care_case_store_list (f->vault, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpint (s->id, ==, returned_id);
  g_assert_cmpuint (s->overdue_followups, ==, 2);
  {
    GDate expected = vault_test_date (2014, 7, 2);
    g_assert_true (care_date_equal (&s->next_followup, &expected));
  }
  g_ptr_array_unref (list);

  query.today = vault_test_date (2014, 7, 1);
  list = care_case_store_list (f->vault, &query, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_ptr_array_unref (list);

  memset (&query, 0, sizeof query);
  query.limit = 2;
  list = care_case_store_list (f->vault, &query, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((CareCaseSummary *) g_ptr_array_index (list, 0))->case_number, ==, "CARE-ES-2014-0001");
  g_ptr_array_unref (list);

  list = care_case_store_list (f->vault, NULL, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_ptr_array_unref (list);
}

/* --- order --- */

static GPtrArray *
list_in_order (Fixture       *f,
               CareCaseOrder  order,
               gboolean       descending,
               guint          limit)
{
  g_autoptr(GError) error = NULL;
  CareCaseQuery query = { 0 };
  GPtrArray *list;

  query.order = order;
  query.descending = descending;
  query.limit = limit;
  list = care_case_store_list (f->vault, &query, &error);
  g_assert_no_error (error);
  return list;
}

/* The family names of LIST, joined by spaces. */
static char *
family_names (GPtrArray *list)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "",
                            ((CareCaseSummary *) g_ptr_array_index (list, i))->family_name);
  return g_string_free (names, FALSE);
}

static void
assert_order (Fixture       *f,
              CareCaseOrder  order,
              gboolean       descending,
              guint          limit,
              const char    *expected)
{
  g_autoptr(GPtrArray) list = list_in_order (f, order, descending, limit);
  g_autofree char *names = family_names (list);

  g_assert_cmpstr (names, ==, expected);
}

static void
keep_first_rows (GPtrArray *rows,
                 gpointer   user_data)
{
  GPtrArray **kept = user_data;

  g_assert_null (*kept);
  *kept = rows;
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CareCase) zola = make_case ("Zola", "Anna", "FR", 2014);
  g_autoptr(CareCase) emile = make_case ("Émile", "Bea", "IT", 2014);
  g_autoptr(CareCase) eze = make_case ("Eze", "Chidi", "ES", 2014);

  /* Names collate as people read them: É beside E, not after Z as its
   * bytes would put it. */
  setlocale (LC_ALL, "en_GB.UTF-8");
  if (g_strcmp0 (setlocale (LC_COLLATE, NULL), "en_GB.UTF-8") != 0)
    {
      g_test_fail_printf ("the en_GB.UTF-8 locale is missing: build-aux/setup generates it");
      return;
    }
  save_ok (f, zola);
  save_ok (f, emile);
  save_ok (f, eze);

  /* Case numbers: CARE-ES-…, CARE-FR-…, CARE-IT-…. */
  assert_order (f, CARE_CASE_ORDER_NUMBER, FALSE, 0, "Eze Zola Émile");
  assert_order (f, CARE_CASE_ORDER_NUMBER, TRUE, 0, "Émile Zola Eze");
  assert_order (f, CARE_CASE_ORDER_NAME, FALSE, 0, "Émile Eze Zola");
  assert_order (f, CARE_CASE_ORDER_NAME, TRUE, 0, "Zola Eze Émile");
  /* By the countries' names: France, Italy, Spain — not FR, IT, ES. */
  assert_order (f, CARE_CASE_ORDER_HOST_COUNTRY, FALSE, 0, "Zola Émile Eze");
  assert_order (f, CARE_CASE_ORDER_HOST_COUNTRY, TRUE, 0, "Eze Émile Zola");
  /* Equal keys keep case-number order, whichever the direction. */
  assert_order (f, CARE_CASE_ORDER_RETURN_COUNTRY, TRUE, 0, "Eze Zola Émile");
  assert_order (f, CARE_CASE_ORDER_STATUS, TRUE, 0, "Eze Zola Émile");
  assert_order (f, CARE_CASE_ORDER_NEXT_FOLLOWUP, FALSE, 0, "Eze Zola Émile");
  /* A limit keeps the first rows of the order asked for. */
  assert_order (f, CARE_CASE_ORDER_NAME, FALSE, 2, "Émile Eze");
  assert_order (f, CARE_CASE_ORDER_NUMBER, TRUE, 1, "Émile");

  /* The first rows of a long answer come first, then the whole answer:
   * only in case-number order, where SQLite can stop after them. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) first = NULL;
    g_autoptr(GPtrArray) whole = NULL;
    g_autofree char *first_names = NULL;
    g_autofree char *whole_names = NULL;
    CareCaseQuery query = { .first_rows = keep_first_rows, .first_rows_data = &first };

    whole = care_case_store_list (f->vault, &query, &error);
    g_assert_no_error (error);
    g_assert_nonnull (first);
    first_names = family_names (first);
    whole_names = family_names (whole);
    g_assert_cmpstr (first_names, ==, whole_names);
    g_clear_pointer (&first, g_ptr_array_unref);
    g_clear_pointer (&whole, g_ptr_array_unref);

    query.order = CARE_CASE_ORDER_NAME;
    whole = care_case_store_list (f->vault, &query, &error);
    g_assert_null (first);
    g_clear_pointer (&whole, g_ptr_array_unref);

    /* A search with few matches answers whole at once. */
    query.order = CARE_CASE_ORDER_NUMBER;
    query.search = "zola";
    whole = care_case_store_list (f->vault, &query, &error);
    g_assert_null (first);
    g_assert_cmpuint (whole->len, ==, 1);
  }

  /* A minor sorts after the adults; the soonest follow-up first, cases
   * with none last. */
  {
    g_autoptr(CareCase) minor = make_case ("Minor", "Dede", "FR", 2014);
    GDate born = vault_test_date (2005, 1, 1);

    care_birth_date_set_date (&minor->person->date_of_birth, &born);
    save_ok (f, minor);
    assert_order (f, CARE_CASE_ORDER_MINOR, FALSE, 0, "Eze Zola Émile Minor");
    assert_order (f, CARE_CASE_ORDER_MINOR, TRUE, 0, "Minor Eze Zola Émile");
  }
}

/* --- follow-ups across cases --- */

static void
test_followups (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) c = NULL;
  gint64 returned_id;
  GDate today = vault_test_date (2014, 10, 1), from = vault_test_date (2014, 8, 1), to = vault_test_date (2014, 12, 31);
  GPtrArray *rows;
  CareFollowUpRow *row;

  add_filter_cases (f, &returned_id);

  rows = care_case_store_list_followups (f->vault, NULL, NULL, FALSE, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->case_number, ==, "CARE-FR-2014-0001");
  g_assert_cmpuint (row->months_after_arrival, ==, 1);
  g_assert_true (row->overdue);
  g_ptr_array_unref (rows);

  rows = care_case_store_list_followups (f->vault, &from, &to, FALSE, &today, &error);
  g_assert_cmpuint (rows->len, ==, 2);   /* 3 and 6 months */
  g_ptr_array_unref (rows);

  rows = care_case_store_list_followups (f->vault, NULL, NULL, TRUE, &today, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_ptr_array_unref (rows);

  /* Done: no longer overdue. Consent withdrawn: the rest are cancelled
   * and leave the agenda. */
  c = care_case_store_load_by_id (f->vault, returned_id, &error);
  g_assert_no_error (error);
  set_date (&((CareFollowUp *) g_ptr_array_index (c->followups, 0))->done_on, 2014, 7, 3);
  save_ok (f, c);
  rows = care_case_store_list_followups (f->vault, NULL, NULL, TRUE, &today, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_ptr_array_unref (rows);

  {
    GDate on = vault_test_date (2014, 9, 15);
    g_assert_true (care_consent_withdraw (&c->consent_followup, &on));
  }
  save_ok (f, c);
  rows = care_case_store_list_followups (f->vault, NULL, NULL, FALSE, &today, &error);
  g_assert_cmpuint (rows->len, ==, 1);   /* the one done */
  row = g_ptr_array_index (rows, 0);
  g_assert_false (row->overdue);
  g_assert_true (g_date_valid (&row->done_on));
  g_ptr_array_unref (rows);
}

/* --- stats --- */

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) full = make_full_case ();
  g_autoptr(CareCase) minor = make_case ("Minor", "Child", "ES", 2014);
  g_autoptr(CareCase) late = make_case ("Late", "Return", "FR", 2015);
  g_autoptr(CareStats) stats = NULL;
  GDate born = vault_test_date (2000, 1, 1), today = vault_test_date (2014, 10, 1);
  CarePlanVersion *v;
  CareMeasure *m;

  /* Current version of the full case: 1500.00 + 400.00 + 200.50 EUR
   * planned, 100.00 spent; plus a cancelled measure and one in dollars,
   * both left out of the planned budget. */
  v = care_plan_get_current (full->plan);
  m = care_measure_new (CARE_MEASURE_EDUCATION, "Cancelled course");
  m->budget_cents = 70000;
  m->status = CARE_MEASURE_CANCELLED;
  g_ptr_array_add (v->measures, m);
  m = care_measure_new (CARE_MEASURE_EDUCATION, "Paid in dollars");
  m->budget_cents = 50000;
  m->actual_cost_cents = 50000;
  g_free (m->currency);
  m->currency = g_strdup ("USD");
  g_ptr_array_add (v->measures, m);
  save_ok (f, full);

  care_birth_date_set_date (&minor->person->date_of_birth, &born);
  save_ok (f, minor);
  /* Returns after the programme's window: kept, not eligible. */
  set_date (&late->planned_return_date, 2016, 3, 1);
  save_ok (f, late);

  stats = care_case_store_get_stats (f->vault, NULL, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->beneficiaries, ==, 3);
  g_assert_cmpuint (stats->minors, ==, 1);
  g_assert_cmpuint (stats->eligible, ==, 2);
  g_assert_cmpuint (stats->eligible_minors, ==, 1);
  g_assert_cmpuint (stats->target_beneficiaries, ==, 130);
  g_assert_cmpuint (stats->target_minors, ==, 10);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_host_country, "FR")), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_host_country, "ES")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_return_country, "NG")), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_status, "returned")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_status, "referred")), ==, 2);
  g_assert_true (g_hash_table_contains (stats->by_status, "closed"));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_measure_category, "education")), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_measure_category, "medical-care")), ==, 1);
  g_assert_cmpint (stats->budget_planned_cents, ==, 150000 + 40000 + 20050);
  g_assert_cmpint (stats->budget_spent_cents, ==, 10000);
  g_assert_cmpstr (stats->currency, ==, "EUR");
  /* Arrival 2014-06-02: 1 and 3 months overdue on 2014-10-01, 3 ahead. */
  g_assert_cmpuint (stats->followups_overdue, ==, 2);
  g_assert_cmpuint (stats->followups_scheduled, ==, 3);
  g_assert_cmpuint (stats->followups_done, ==, 0);
}

/* --- partners --- */

static void
test_partners (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarePartner) nid = care_partner_new (CARE_PARTNER_REFERRING_ASSOCIATION, "Amicale du Nid");
  g_autoptr(CarePartner) twin = care_partner_new (CARE_PARTNER_REFERRING_ASSOCIATION, "Amicale du Nid");
  g_autoptr(CarePartner) provider = care_partner_new (CARE_PARTNER_SERVICE_PROVIDER, "Amicale du Nid");
  g_autoptr(CarePartner) found = NULL;
  g_autoptr(CarePartner) bad = care_partner_new (CARE_PARTNER_RETURN_OFFICE, "");
  g_autoptr(CareCase) c = make_case ("Partner", "Case", "FR", 2014);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *number = NULL;

  nid->country = g_strdup ("FR");
  nid->email = g_strdup ("contact@example.org");
  g_assert_true (care_partner_store_save (f->vault, nid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nid->id, >, 0);

  g_assert_false (care_partner_store_save (f->vault, twin, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_assert_cmpint (twin->id, ==, 0);
  g_clear_error (&error);
  g_assert_false (care_partner_store_save (f->vault, bad, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  /* The same name is allowed under another kind. */
  g_assert_true (care_partner_store_save (f->vault, provider, &error));
  g_assert_no_error (error);

  found = care_partner_store_find_by_name (f->vault, "AMICALE DU NID", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, nid->id);
  g_assert_cmpstr (found->email, ==, "contact@example.org");
  g_assert_null (care_partner_store_find_by_name (f->vault, "Nobody", &error));
  g_assert_no_error (error);

  g_free (nid->phone);
  nid->phone = g_strdup ("+33 1 00 00 00 00");
  g_assert_true (care_partner_store_save (f->vault, nid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "history WHERE record = 'partner' AND action = 'update' AND field = 'phone'"),
                   ==, 1);

  list = care_partner_store_list (f->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  /* In use: refused, with the reason. */
  c->referring_partner_id = nid->id;
  save_ok (f, c);
  g_assert_false (care_partner_store_delete (f->vault, nid->id, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "partners"), ==, 2);

  number = number_of (c);
  g_assert_true (care_case_store_delete (f->vault, number, &error));
  g_assert_true (care_partner_store_delete (f->vault, nid->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "partners"), ==, 1);
  g_assert_false (care_partner_store_delete (f->vault, nid->id, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);
}

/* --- settings --- */

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareSettings) defaults = care_settings_new ();
  g_autoptr(CareSettings) loaded = care_settings_store_load (f->vault, &error);
  g_autoptr(CareSettings) again = NULL;
  g_autoptr(CareCase) c = make_case ("Window", "Case", "FR", 2014);
  g_autoptr(CareStats) stats = NULL;
  const char *hosts[] = { "FR", "BE", NULL };
  const guint months[] = { 2, 4, 6 };

  g_assert_no_error (error);
  g_assert_cmpuint (loaded->host_countries->len, ==, defaults->host_countries->len);
  g_assert_cmpuint (loaded->target_beneficiaries, ==, 130);
  g_assert_cmpuint (loaded->followup_months->len, ==, 5);
  g_assert_true (care_date_equal (&loaded->window_start, &defaults->window_start));

  save_ok (f, c);
  g_assert_cmpint (count_rows (f, "cases WHERE is_eligible"), ==, 1);

  care_settings_set_host_countries (loaded, hosts);
  loaded->target_beneficiaries = 200;
  care_settings_set_followup_months (loaded, months, G_N_ELEMENTS (months));
  loaded->followup_max_months = 6;
  set_date (&loaded->window_end, 2014, 1, 31);
  g_assert_true (care_settings_store_save (f->vault, loaded, &error));
  g_assert_no_error (error);

  again = care_settings_store_load (f->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->host_countries->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (again->host_countries, 1), ==, "BE");
  g_assert_cmpuint (again->target_beneficiaries, ==, 200);
  g_assert_cmpuint (again->followup_months->len, ==, 3);
  g_assert_cmpuint (g_array_index (again->followup_months, guint, 2), ==, 6);
  g_assert_cmpuint (again->followup_max_months, ==, 6);
  g_assert_true (care_date_equal (&again->window_end, &loaded->window_end));
  g_assert_cmpint (count_rows (f, "history WHERE record = 'settings'"), ==, 5);

  /* The window now ends before the case's return: it is no longer counted. */
  g_assert_cmpint (count_rows (f, "cases WHERE is_eligible"), ==, 0);
  stats = care_case_store_get_stats (f->vault, NULL, NULL, &error);
  g_assert_cmpuint (stats->eligible, ==, 0);
  g_assert_cmpuint (stats->target_beneficiaries, ==, 200);

  /* Refused settings change nothing. */
  g_ptr_array_set_size (again->host_countries, 0);
  g_assert_false (care_settings_store_save (f->vault, again, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
}

/* --- duplicates --- */

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) c = make_case ("Benali", "Saïd Karim", "FR", 2014);
  g_autoptr(CarePerson) probe = care_person_new ();
  g_autofree char *number = NULL;
  g_autofree char *dup = NULL;
  GDate born = vault_test_date (1990, 5, 12), other = vault_test_date (1990, 5, 13);

  save_ok (f, c);
  number = number_of (c);

  probe->family_name = g_strdup ("  BENALI ");
  probe->given_names = g_strdup ("said  karim");
  care_birth_date_set_date (&probe->date_of_birth, &born);
  dup = care_case_store_find_duplicate (f->vault, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dup, ==, number);
  g_clear_pointer (&dup, g_free);

  /* Combining accents typed separately fold alike. */
  g_free (probe->given_names);
  probe->given_names = g_strdup ("Sai\xcc\x88" "d Karim");
  dup = care_case_store_find_duplicate (f->vault, probe, &error);
  g_assert_cmpstr (dup, ==, number);
  g_clear_pointer (&dup, g_free);

  care_birth_date_set_date (&probe->date_of_birth, &other);
  dup = care_case_store_find_duplicate (f->vault, probe, &error);
  g_assert_no_error (error);
  g_assert_null (dup);

  care_birth_date_set_date (&probe->date_of_birth, &born);
  g_free (probe->given_names);
  probe->given_names = g_strdup ("Karim");
  dup = care_case_store_find_duplicate (f->vault, probe, &error);
  g_assert_null (dup);

  /* Without a date of birth nobody is called a duplicate. */
  care_birth_date_unset (&probe->date_of_birth);
  g_free (probe->given_names);
  probe->given_names = g_strdup ("Saïd Karim");
  dup = care_case_store_find_duplicate (f->vault, probe, &error);
  g_assert_null (dup);
}

/* --- history --- */

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) c = make_full_case ();
  g_autoptr(CareCase) other = make_case ("Other", "Person", "ES", 2014);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *number = NULL;
  CareHistoryEntry *e;
  gint64 before;

  save_ok (f, c);
  number = number_of (c);
  save_ok (f, other);

  /* One entry for a creation, however big the case. */
  entries = care_history_list (f->vault, number, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->who, ==, TEST_USER);
  g_assert_cmpstr (e->action, ==, "create");
  g_assert_cmpstr (e->record, ==, "case");
  g_assert_cmpint (e->record_id, ==, c->id);
  g_assert_null (e->field);
  g_assert_null (e->old_value);
  g_assert_nonnull (strstr (e->new_value, "Okafor"));
  g_assert_true (g_str_has_suffix (e->at, "Z"));
  g_assert_cmpuint (strlen (e->at), ==, strlen ("2016-06-01T12:00:00Z"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* An update: one entry per field changed, with old and new values. */
  before = count_rows (f, "history");
  save_ok (f, c);   /* nothing changed: nothing logged */
  g_assert_cmpint (count_rows (f, "history"), ==, before);

  g_free (c->person->family_name);
  c->person->family_name = g_strdup ("Okafor-Eze");
  set_date (&c->planned_return_date, 2014, 6, 3);
  c->arrival_needs->escort = TRUE;
  save_ok (f, c);
  entries = care_history_list (f->vault, number, 0, &error);
  g_assert_cmpuint (entries->len, ==, 4);
  {
    gboolean seen_name = FALSE, seen_date = FALSE, seen_escort = FALSE;
    for (guint i = 0; i < 3; i++)
      {
        e = g_ptr_array_index (entries, i);
        g_assert_cmpstr (e->action, ==, "update");
        g_assert_cmpstr (e->who, ==, TEST_USER);
        if (g_strcmp0 (e->field, "family_name") == 0)
          {
            seen_name = TRUE;
            g_assert_cmpstr (e->old_value, ==, "Okafor");
            g_assert_cmpstr (e->new_value, ==, "Okafor-Eze");
          }
        else if (g_strcmp0 (e->field, "planned_return_date") == 0)
          {
            seen_date = TRUE;
            g_assert_cmpstr (e->old_value, ==, "2014-06-01");
            g_assert_cmpstr (e->new_value, ==, "2014-06-03");
          }
        else if (g_strcmp0 (e->field, "escort") == 0)
          seen_escort = TRUE;
      }
    g_assert_true (seen_name && seen_date && seen_escort);
  }
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Children: a follow-up done, an arrival item removed. */
  set_date (&((CareFollowUp *) g_ptr_array_index (c->followups, 0))->done_on, 2014, 7, 2);
  g_ptr_array_remove_index (c->arrival_items, 1);
  save_ok (f, c);
  g_assert_cmpint (count_rows (f, "history WHERE record = 'followup' AND field = 'done_on'"), ==, 1);
  g_assert_cmpint (count_rows (f, "history WHERE record = 'arrival_item' AND action = 'delete'"), ==, 1);

  g_assert_true (care_case_store_delete (f->vault, number, &error));
  g_assert_no_error (error);
  entries = care_history_list (f->vault, number, 1, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->action, ==, "delete");
  g_assert_cmpstr (e->record, ==, "case");
  g_assert_cmpstr (e->who, ==, TEST_USER);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = care_history_list (f->vault, NULL, 0, &error);
  g_assert_cmpint (entries->len, ==, count_rows (f, "history"));
  /* Newest first. */
  g_assert_cmpint (((CareHistoryEntry *) g_ptr_array_index (entries, 0))->id, >,
                   ((CareHistoryEntry *) g_ptr_array_index (entries, 1))->id);

  g_assert_true (care_history_verify (f->vault, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Five entries, then one kind of tampering, then what verify says. */
static GPtrArray *
tamper (Fixture    *f,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = NULL;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(CareCase) c = make_case ("Chain", "Link", "FR", 2014);
      save_ok (f, c);
    }
  g_assert_true (care_history_verify (f->vault, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_ptr_array_unref (problems);

  vault_test_exec (f->vault, sql);
  g_assert_true (care_history_verify (f->vault, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  return problems;
}

static gboolean
problems_mention (GPtrArray  *problems,
                  const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_history_edited (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = tamper (f, "UPDATE history SET new_value = 'forged' WHERE seq = 2");

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_mention (problems, "entry 2 "));
  g_assert_true (problems_mention (problems, "edited"));
}

static void
test_history_deleted (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = tamper (f, "DELETE FROM history WHERE seq = 3");

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_mention (problems, "entry 3 is missing"));
}

static void
test_history_deleted_last (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = tamper (f, "DELETE FROM history WHERE seq = 5");

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_mention (problems, "from entry 5 on, are missing"));
}

static void
test_history_inserted (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) problems =
    tamper (f, "INSERT INTO history (seq, at, who, case_number, record, record_id, action, field, "
               "old_value, new_value, prev_hash, hash) "
               "SELECT 6, at, 'mallory', case_number, record, record_id, 'update', 'notes', NULL, 'x', "
               "hash, randomblob(32) FROM history WHERE seq = 5");

  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (problems_mention (problems, "entry 6 does not match"));
  g_assert_true (problems_mention (problems, "ends with entry 6"));
}

static void
test_history_renumbered (Fixture       *f,
                         gconstpointer  data)
{
  /* Moving an entry elsewhere in the chain breaks it too. */
  g_autoptr(GPtrArray) problems = tamper (f, "UPDATE history SET seq = 10 WHERE seq = 2");

  g_assert_cmpuint (problems->len, >=, 2);
  g_assert_true (problems_mention (problems, "entry 10 does not match"));
}

/* --- transactions --- */

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (care_store_begin (f->vault, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CareCase) c = make_full_case ();
      save_ok (f, c);
    }
  care_store_rollback (f->vault);
  g_assert_cmpint (count_rows (f, "cases"), ==, 0);
  g_assert_cmpint (count_rows (f, "plan_versions"), ==, 0);
  g_assert_cmpint (count_rows (f, "followups"), ==, 0);
  g_assert_cmpint (count_rows (f, "history"), ==, 0);
  g_assert_cmpint (count_rows (f, "case_search"), ==, 0);
  g_assert_cmpint (count_rows (f, "case_sequences"), ==, 0);

  /* A refusal inside a transaction undoes only itself. */
  g_assert_true (care_store_begin (f->vault, &error));
  {
    g_autoptr(CareCase) a = make_case ("First", "One", "FR", 2014);
    g_autoptr(CareCase) bad = make_case ("Bad", "Number", "FR", 2014);
    g_autoptr(CareCase) b = make_case ("Second", "One", "FR", 2014);

    save_ok (f, a);
    g_assert_true (care_case_number_parse ("CARE-FR-2014-0001", &bad->number, NULL));
    g_assert_false (care_case_store_save (f->vault, bad, NULL, &f->today, &error));
    g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
    g_clear_error (&error);
    save_ok (f, b);
  }
  g_assert_true (care_store_commit (f->vault, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "cases"), ==, 2);
  g_assert_true (care_history_verify (f->vault, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Inside a transaction the search index is written at commit; a search
 * made before that still sees every case saved so far. */
static void
test_search_in_transaction (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (care_store_begin (f->vault, &error));
  {
    g_autoptr(CareCase) a = make_case ("Dubois", "Chloé", "FR", 2014);
    save_ok (f, a);
  }
  {
    g_autoptr(GPtrArray) list = search (f, "chloe");
    g_assert_cmpuint (list->len, ==, 1);
  }
  {
    g_autoptr(CareCase) b = make_case ("Benali", "Saïd", "FR", 2014);
    save_ok (f, b);
  }
  g_assert_cmpint (count_rows (f, "case_search"), ==, 1);   /* Saïd waits for the commit */
  g_assert_true (care_store_commit (f->vault, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "case_search"), ==, 2);
  {
    g_autoptr(GPtrArray) list = search (f, "said");
    g_assert_cmpuint (list->len, ==, 1);
  }

  /* Rolled back: neither the cases nor their index entries stay. */
  g_assert_true (care_store_begin (f->vault, &error));
  {
    g_autoptr(CareCase) c = make_case ("Martin", "Samuel", "ES", 2014);
    save_ok (f, c);
  }
  care_store_rollback (f->vault);
  {
    g_autoptr(CareCase) d = make_case ("Okafor", "Blessing", "ES", 2014);
    save_ok (f, d);   /* outside a transaction: indexed at once */
  }
  g_assert_cmpint (count_rows (f, "case_search"), ==, 3);
  {
    g_autoptr(GPtrArray) list = search (f, "samuel");
    g_assert_cmpuint (list->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) list = search (f, "bless");
    g_assert_cmpuint (list->len, ==, 1);
  }
}

/* Statements are cached per connection: locking closes the connection for
 * real, and a vault opened again works with fresh statements. */
static void
test_lock_and_reopen (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) c = make_case ("Before", "Lock", "FR", 2014);
  g_autoptr(CareCase) loaded = NULL;
  g_autoptr(CareCase) d = make_case ("After", "Lock", "FR", 2014);
  g_autofree char *number = NULL;

  save_ok (f, c);
  number = number_of (c);
  care_vault_lock (f->vault);
  g_assert_false (care_case_store_save (f->vault, d, NULL, &f->today, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_object (&f->vault);

  f->vault = care_vault_open (f->path, NULL, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  loaded = care_case_store_load (f->vault, number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->person->family_name, ==, "Before");
  save_ok (f, d);
}

/* --- timings (run with -m perf) --- */

static void
test_bench (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  const char *env = g_getenv ("CARE_STORE_BENCH_CASES");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 20000;
  const char *families[] = { "Okafor", "Benali", "Иванова", "Παπαδοπούλου", "Nguyễn", "Dubois", "Mensah" };
  const char *givens[] = { "Chloé", "Saïd", "Наталья", "Ολυμπία", "Thị Lan", "Blessing", "Ama" };
  const char *hosts[] = { "FR", "ES", "IT", "GR" };
  g_autoptr(GPtrArray) list = NULL;
  CareCaseQuery query = { 0 };
  double elapsed;

  g_assert_true (care_store_begin (f->vault, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CareCase) c = make_case (families[i % G_N_ELEMENTS (families)],
                                         givens[(i / 7) % G_N_ELEMENTS (givens)],
                                         hosts[i % G_N_ELEMENTS (hosts)], 2014);
      if (i % 3 == 0)
        {
          GDate on = vault_test_date (2014, 3, 10);
          care_consent_give (&c->consent_followup, &on);
          set_date (&c->arrival_date, 2014, 6, 2);
        }
      g_assert_true (care_case_store_save (f->vault, c, NULL, &f->today, &error));
    }
  g_assert_true (care_store_commit (f->vault, &error));
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_minimized_result (elapsed, "saved %u cases in %.2f s: %.0f µs a case", n, elapsed, elapsed * 1e6 / n);

  if (g_getenv ("CARE_STORE_BENCH_OPTIMIZE") != NULL)
    {
      g_timer_start (timer);
      vault_test_exec (f->vault, "INSERT INTO case_search (case_search) VALUES ('optimize')");
      g_printerr ("# optimize: %.1f ms\n", g_timer_elapsed (timer, NULL) * 1e3);
    }
  if (g_getenv ("CARE_STORE_BENCH_SQL") != NULL)
    {
      /* For looking into a slow query: its plan and its bare time. */
      const char *sql = g_getenv ("CARE_STORE_BENCH_SQL");
      g_autofree char *explain = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
      sqlite3_stmt *stmt = NULL;
      int rows = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (care_vault_get_db (f->vault), explain, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_printerr ("# plan: %s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_timer_start (timer);
      g_assert_cmpint (sqlite3_prepare_v2 (care_vault_get_db (f->vault), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        rows++;
      sqlite3_finalize (stmt);
      g_printerr ("# bare query: %d rows in %.1f ms\n", rows, g_timer_elapsed (timer, NULL) * 1e3);
    }

  /* The best of a few runs: the machine may be busy with something else. */
  query.search = "chl";
  elapsed = G_MAXDOUBLE;
  for (int run = 0; run < 5; run++)
    {
      g_clear_pointer (&list, g_ptr_array_unref);
      g_timer_start (timer);
      list = care_case_store_list (f->vault, &query, &error);
      elapsed = MIN (elapsed, g_timer_elapsed (timer, NULL));
    }
  g_test_minimized_result (elapsed, "prefix search found %u cases in %.1f ms", list->len, elapsed * 1e3);
  g_clear_pointer (&list, g_ptr_array_unref);

  query.search = "nguy thi";
  elapsed = G_MAXDOUBLE;
  for (int run = 0; run < 5; run++)
    {
      g_clear_pointer (&list, g_ptr_array_unref);
      g_timer_start (timer);
      list = care_case_store_list (f->vault, &query, &error);
      elapsed = MIN (elapsed, g_timer_elapsed (timer, NULL));
    }
  g_test_minimized_result (elapsed, "two-prefix search found %u cases in %.1f ms", list->len, elapsed * 1e3);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_timer_start (timer);
  query.search = "ivanova nat";
  query.limit = 50;
  list = care_case_store_list (f->vault, &query, &error);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_minimized_result (elapsed, "two-word search, first 50 of the matches, in %.1f ms", elapsed * 1e3);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_timer_start (timer);
  list = care_case_store_list (f->vault, NULL, &error);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_minimized_result (elapsed, "listed all %u cases in %.1f ms", list->len, elapsed * 1e3);

  g_timer_start (timer);
  {
    g_autoptr(CareStats) stats = care_case_store_get_stats (f->vault, NULL, &f->today, &error);
    elapsed = g_timer_elapsed (timer, NULL);
    g_assert_cmpuint (stats->beneficiaries, ==, n);
  }
  g_test_minimized_result (elapsed, "stats in %.1f ms", elapsed * 1e3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/case-store/" path, Fixture, NULL, vault_fixture_set_up, func, vault_fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("validation-refusal", test_validation_refusal);
  ADD ("agreed-version-frozen", test_agreed_version_frozen);
  ADD ("case-numbers", test_case_numbers);
  ADD ("status-derived", test_status_derived);
  ADD ("search", test_search);
  ADD ("search-follows-updates", test_search_follows_updates);
  ADD ("filters", test_filters);
  ADD ("order", test_order);
  ADD ("followups", test_followups);
  ADD ("stats", test_stats);
  ADD ("partners", test_partners);
  ADD ("settings", test_settings);
  ADD ("duplicates", test_duplicates);
  ADD ("history", test_history);
  ADD ("history-edited", test_history_edited);
  ADD ("history-deleted", test_history_deleted);
  ADD ("history-deleted-last", test_history_deleted_last);
  ADD ("history-inserted", test_history_inserted);
  ADD ("history-renumbered", test_history_renumbered);
  ADD ("transactions", test_transactions);
  ADD ("search-in-transaction", test_search_in_transaction);
  ADD ("lock-and-reopen", test_lock_and_reopen);
  if (g_test_perf ())
    ADD ("bench", test_bench);

  return g_test_run ();
}
