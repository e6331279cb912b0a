/* test-import.c — CSV import and export of cases: malformed files change
 * nothing and say where and why, duplicates, a 50 MB file, the round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "care-case-store.h"
#include "care-csv.h"
#include "care-demo.h"
#include "care-export.h"
#include "care-import.h"
#include "vault-test-util.h"

#define HEADER "case_number,family_name,given_names,sex,date_of_birth,nationality,host_country,return_country," \
               "destination,referral_date,planned_return_date,arrival_date,referring_organisation,caseworker," \
               "plan_language,consent_data,consent_followup,phone,notes\n"

typedef struct
{
  char         *dir;
  char         *path;
  CareVault    *vault;
  CareSettings *settings;
  GDate         today;
} Fixture;

static CareVault *
make_vault (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  CareVault *vault = care_vault_create (path, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE,
                                        NULL, &error);

  g_assert_no_error (error);
  return vault;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = vault_test_make_dir ();
  f->vault = make_vault (f->dir, "test.care");
  f->settings = care_settings_new ();
  care_date_set (&f->today, 2016, 6, 30);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  care_vault_lock (f->vault);
  g_clear_object (&f->vault);
  care_settings_free (f->settings);
  vault_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *contents,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_cases (CareVault *vault)
{
  g_autoptr(GError) error = NULL;
  CareCaseQuery query = { 0 };
  g_autoptr(GPtrArray) cases = care_case_store_list (vault, &query, &error);

  g_assert_no_error (error);
  return cases->len;
}

static guint
count_history (CareVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = care_history_list (vault, NULL, 0, &error);

  g_assert_no_error (error);
  return history->len;
}

static guint
count_partners (CareVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = care_partner_store_list (vault, &error);

  g_assert_no_error (error);
  return partners->len;
}

static gboolean
import (Fixture           *f,
        const char        *path,
        CareImportFlags    flags,
        CareImportReport **report,
        GError           **error)
{
  return care_import_cases (f->vault, path, f->settings, &f->today, flags, NULL, NULL, report, error);
}

/* --- a good file --- */

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  /* What a French spreadsheet saves: a BOM, semicolons, CRLF, columns in
   * its own order and case, lower-case codes, a year of birth alone,
   * French yes and no, a note over two lines with a semicolon. */
  const char *csv =
    "\xEF\xBB\xBF" "Given_Names;FAMILY_NAME; host_country ;return_country;referral_date;planned_return_date;"
    "arrival_date;date_of_birth;sex;referring_organisation;consent_data;consent_followup;plan_language;notes;case_number\r\n"
    "Chloé;Mbarga;fr;cm;2014-03-02;2014-05-10;2014-05-12;1990;F;Les Amies du Foyer;oui;non;fr;\"Parle peu; timide\r\nsuivi par téléphone\";\r\n"
    "Олена;Шевченко;IT;UA;2014-04-01;2014-06-01;;1995-02-28;f;Casa Aurora;yes;yes;en;;CARE-IT-2014-0042\r\n";
  g_autofree char *path = write_csv (f, "good.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CareImportReport) report = NULL;
  g_autoptr(CareCase) first = NULL;
  g_autoptr(CareCase) second = NULL;
  g_autoptr(CarePartner) partner = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  CareCaseQuery query = { 0 };

  g_assert_true (import (f, path, CARE_IMPORT_DEFAULT, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->delimiter, ==, ';');
  g_assert_cmpuint (report->n_rows, ==, 2);
  g_assert_cmpuint (report->n_imported, ==, 2);
  g_assert_cmpuint (report->n_partners_created, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 0);

  second = care_case_store_load (f->vault, "CARE-IT-2014-0042", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->person->family_name, ==, "Шевченко");
  g_assert_cmpstr (second->return_country, ==, "UA");
  g_assert_cmpint (second->consent_followup.state, ==, CARE_CONSENT_GIVEN);

  cases = care_case_store_list (f->vault, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  for (guint i = 0; i < cases->len; i++)
    {
      CareCaseSummary *summary = g_ptr_array_index (cases, i);
      if (g_str_equal (summary->family_name, "Mbarga"))
        first = care_case_store_load_by_id (f->vault, summary->id, &error);
    }
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (first->number.host_country, "FR"));
  g_assert_cmpstr (first->host_country, ==, "FR");
  g_assert_cmpstr (first->return_country, ==, "CM");
  g_assert_true (care_birth_date_is_year_only (&first->person->date_of_birth));
  g_assert_cmpint (first->person->sex, ==, CARE_SEX_FEMALE);
  g_assert_cmpint (first->consent_data.state, ==, CARE_CONSENT_GIVEN);
  g_assert_cmpint (first->consent_followup.state, ==, CARE_CONSENT_REFUSED);
  g_assert_cmpstr (first->plan_language, ==, "fr");
  g_assert_cmpstr (first->notes, ==, "Parle peu; timide\nsuivi par téléphone");
  g_assert_cmpstr (first->referring_organisation, ==, "Les Amies du Foyer");
  g_assert_cmpint (first->referring_partner_id, !=, 0);

  /* The referring organisations joined the directory. */
  partner = care_partner_store_find_by_name (f->vault, "Casa Aurora", &error);
  g_assert_no_error (error);
  g_assert_nonnull (partner);
  g_assert_cmpint (partner->kind, ==, CARE_PARTNER_REFERRING_ASSOCIATION);
  g_assert_cmpstr (partner->country, ==, "IT");
}

/* --- malformed files --- */

typedef struct
{
  const char *name;
  const char *csv;
  gssize      length;
  GQuark    (*domain) (void);
  int         code;
  guint       line;          /* of the problem to find; 0: none expected */
  const char *column;
  const char *fragment;      /* in the error message or the problem */
} Malformed;

static const Malformed malformed[] = {
  { "unknown-column", "family_name,given_names,surname,host_country,return_country,referral_date,maiden_name\n"
    "A,B,C,FR,NG,2014-01-01,D\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_UNKNOWN_COLUMN, 0, NULL, "Unknown columns: surname, maiden_name" },
  { "missing-column", "family_name,given_names,host_country,return_country\nA,B,FR,NG\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_MISSING_COLUMN, 0, NULL, "referral_date" },
  { "repeated-column", "family_name,given_names,host_country,return_country,referral_date,Family_Name\n"
    "A,B,FR,NG,2014-01-01,C\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_REPEATED_COLUMN, 0, NULL, "family_name" },
  { "missing-value", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
    ",,Blessing,F,1991-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 3, "family_name", "Family name" },
  { "missing-referral-date", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "referral_date", "Referral date" },
  { "eu-return-country", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
    ",Popescu,Ana,F,1990-01-01,RO,IT,RO,Iași,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 3, "return_country", "European Union" },
  { "uk-return-before-2020", HEADER
    ",Smith,Jane,F,1990-01-01,GB,FR,GB,Leeds,2014-01-10,,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "return_country", "European Union" },
  { "bad-date", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-02-30,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "referral_date", "2014-02-30" },
  { "bad-birth-date", HEADER
    ",Okonkwo,Joy,F,31/12/1990,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "date_of_birth", "31/12/1990" },
  { "future-birth-date", HEADER
    ",Okonkwo,Joy,F,2017-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "date_of_birth", NULL },
  { "dates-out-of-order", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-05-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "planned_return_date", NULL },
  { "bad-country-code", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,XX,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "host_country", "“XX”" },
  { "country-name-not-code", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,Nigeria,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "return_country", "Nigeria" },
  { "bad-sex", HEADER
    ",Okonkwo,Joy,W,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "sex", "F, M or X" },
  { "bad-language", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,de,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "plan_language", "fr or en" },
  { "bad-consent", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,maybe,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "consent_data", "yes or no" },
  { "bad-case-number", HEADER
    "FR-2014-7,Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 2, "case_number", "FR-2014-7" },
  { "same-case-number-twice", HEADER
    "CARE-FR-2014-0001,Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
    "CARE-FR-2014-0001,Eze,Gift,F,1992-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 3, "case_number", "line 2" },
  { "ragged-row", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
    ",Eze,Gift,F,1992-01-01,NG,FR,NG\n", -1,
    care_import_error_quark, CARE_IMPORT_ERROR_INVALID_ROWS, 3, NULL, "Line 3 has 8 fields where the header has 19 fields" },
  { "header-only", HEADER, -1,
    care_import_error_quark, CARE_IMPORT_ERROR_NO_ROWS, 0, NULL, "no rows" },
  { "bad-quoting", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\"unclosed\n"
    ",Eze,Gift,F,1992-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_csv_error_quark, CARE_CSV_ERROR_UNTERMINATED_QUOTE, 0, NULL, "Line 2" },
  { "stray-quote", HEADER
    ",Okonkwo,Joy \"Jo\",F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1,
    care_csv_error_quark, CARE_CSV_ERROR_STRAY_QUOTE, 0, NULL, "Line 2" },
  { "latin-1", HEADER
    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
    ",Mbarga,Chlo\xE9,F,1990-01-01,CM,FR,CM,Douala,2014-01-10,2014-03-01,,,,fr,yes,yes,,\n", -1,
    care_csv_error_quark, CARE_CSV_ERROR_ENCODING, 0, NULL, "Line 3: the file is not UTF-8: save it as CSV UTF-8" },
  { "zero-bytes", "", 0,
    care_csv_error_quark, CARE_CSV_ERROR_EMPTY, 0, NULL, "empty" },
};

static void
check_malformed (Fixture         *f,
                 const Malformed *m)
{
  g_autofree char *name = g_strconcat (m->name, ".csv", NULL);
  g_autofree char *path = write_csv (f, name, m->csv, m->length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CareImportReport) report = NULL;
  g_autofree char *described = NULL;
  guint cases_before = count_cases (f->vault);
  guint history_before = count_history (f->vault);
  guint partners_before = count_partners (f->vault);

  g_test_message ("malformed file: %s", m->name);
  g_assert_false (import (f, path, CARE_IMPORT_DEFAULT, &report, &error));
  g_assert_error (error, m->domain (), m->code);
  if (report != NULL)
    g_assert_cmpuint (report->n_imported, ==, 0);

  if (m->line != 0)
    {
      gboolean found = FALSE;

      g_assert_nonnull (report);
      for (guint i = 0; i < report->problems->len; i++)
        {
          CareImportProblem *p = g_ptr_array_index (report->problems, i);

          if (p->line == m->line && g_strcmp0 (p->column, m->column) == 0 &&
              (m->fragment == NULL || strstr (p->message, m->fragment) != NULL))
            found = TRUE;
        }
      described = care_import_report_describe (report);
      if (!found)
        g_error ("%s: no problem at line %u, column %s, with “%s” in:\n%s",
                 m->name, m->line, m->column, m->fragment, described);
      /* Only the bad rows are reported. */
      for (guint i = 0; i < report->problems->len; i++)
        g_assert_cmpuint (((CareImportProblem *) g_ptr_array_index (report->problems, i))->line, ==, m->line);
    }
  else if (strstr (error->message, m->fragment) == NULL)
    {
      g_error ("%s: “%s” does not contain “%s”", m->name, error->message, m->fragment);
    }

  /* Nothing changed. */
  g_assert_cmpuint (count_cases (f->vault), ==, cases_before);
  g_assert_cmpuint (count_history (f->vault), ==, history_before);
  g_assert_cmpuint (count_partners (f->vault), ==, partners_before);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *seed = write_csv (f, "seed.csv", HEADER
                                     "CARE-FR-2014-0100,Diop,Awa,F,1988-07-01,SN,FR,SN,Dakar,2014-01-10,2014-03-01,,"
                                     "Route Claire,,fr,yes,yes,,\n", -1);
  g_autoptr(GError) error = NULL;

  /* Something in the vault, so that "unchanged" means something. */
  g_assert_true (import (f, seed, CARE_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    check_malformed (f, &malformed[i]);
}

static void
test_every_problem (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *seed = write_csv (f, "seed.csv", HEADER
                                     "CARE-FR-2014-0100,Diop,Awa,F,1988-07-01,SN,FR,SN,Dakar,2014-01-10,2014-03-01,,,,fr,yes,yes,,\n", -1);
  g_autofree char *bad = write_csv (f, "bad.csv", HEADER
                                    ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
                                    "CARE-FR-2014-0100,Eze,Gift,F,1992-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
                                    ",Hoxha,Elona,F,1993-13-01,AL,IT,AL,Tirana,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
                                    ",Nguyễn,Thị Lan,F,1994-01-01,VN,GB,DE,Hà Nội,2014-01-10,2014-03-01,,,,en,yes,maybe,,\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CareImportReport) report = NULL;
  g_autofree char *described = NULL;
  guint cases_before;

  g_assert_true (import (f, seed, CARE_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  cases_before = count_cases (f->vault);

  g_assert_false (import (f, bad, CARE_IMPORT_DEFAULT, &report, &error));
  g_assert_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_INVALID_ROWS);
  g_assert_nonnull (strstr (error->message, "3 rows of 4 have problems: nothing was imported"));
  described = care_import_report_describe (report);
  g_test_message ("%s", described);
  g_assert_nonnull (strstr (described, "Line 3, column case_number: Case CARE-FR-2014-0100 is already in the vault"));
  g_assert_nonnull (strstr (described, "Line 4, column date_of_birth:"));
  g_assert_nonnull (strstr (described, "Line 5, column return_country:"));
  g_assert_nonnull (strstr (described, "Line 5, column consent_followup:"));
  g_assert_null (strstr (described, "Line 2"));
  g_assert_cmpuint (count_cases (f->vault), ==, cases_before);

  /* Checking only: the verdict, and nothing written. */
  g_clear_error (&error);
  g_clear_pointer (&report, care_import_report_free);
  g_assert_false (import (f, bad, CARE_IMPORT_CHECK_ONLY, &report, &error));
  g_assert_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_INVALID_ROWS);
  g_clear_error (&error);
  g_clear_pointer (&report, care_import_report_free);
  {
    g_autofree char *good = write_csv (f, "good.csv", HEADER
                                       ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n", -1);

    g_assert_true (import (f, good, CARE_IMPORT_CHECK_ONLY, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report->n_rows, ==, 1);
    g_assert_cmpuint (report->n_imported, ==, 0);
    g_assert_cmpuint (count_cases (f->vault), ==, cases_before);
  }
}

/* --- duplicates --- */

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = write_csv (f, "first.csv", HEADER
                                      ",Mbarga,Chloé,F,1990-04-02,CM,FR,CM,Douala,2014-01-10,2014-03-01,,,,fr,yes,yes,,\n", -1);
  /* The same person typed without accents and in capitals, and twice in
   * one file. */
  g_autofree char *second = write_csv (f, "second.csv", HEADER
                                       ",Diop,Awa,F,1988-07-01,SN,FR,SN,Dakar,2014-01-10,2014-03-01,,,,fr,yes,yes,,\n"
                                       ",MBARGA,Chloe,F,1990-04-02,CM,FR,CM,Douala,2014-02-10,2014-04-01,,,,fr,yes,yes,,\n"
                                       ",Diop,Awá,F,1988-07-01,SN,ES,SN,Dakar,2014-02-10,2014-04-01,,,,fr,yes,yes,,\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CareImportReport) report = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *described = NULL;
  CareImportDuplicate *d;
  CareCaseQuery query = { 0 };
  guint history_before;

  g_assert_true (import (f, first, CARE_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  cases = care_case_store_list (f->vault, &query, &error);
  history_before = count_history (f->vault);

  g_assert_false (import (f, second, CARE_IMPORT_DEFAULT, &report, &error));
  g_assert_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_DUPLICATES);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->duplicates->len, ==, 2);
  d = g_ptr_array_index (report->duplicates, 0);
  g_assert_cmpuint (d->line, ==, 3);
  g_assert_cmpstr (d->case_number, ==, ((CareCaseSummary *) g_ptr_array_index (cases, 0))->case_number);
  d = g_ptr_array_index (report->duplicates, 1);
  g_assert_cmpuint (d->line, ==, 4);
  g_assert_null (d->case_number);
  g_assert_cmpuint (d->other_line, ==, 2);
  described = care_import_report_describe (report);
  g_assert_nonnull (strstr (described, "Line 4: probably the same person as on line 2"));
  /* No names in what may be shown or logged. */
  g_assert_null (strstr (described, "Mbarga"));
  g_assert_cmpuint (count_cases (f->vault), ==, 1);
  g_assert_cmpuint (count_history (f->vault), ==, history_before);

  /* The coordinator checked: they are different people after all. */
  g_clear_error (&error);
  g_clear_pointer (&report, care_import_report_free);
  g_assert_true (import (f, second, CARE_IMPORT_ALLOW_DUPLICATES, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 3);
  g_assert_cmpuint (report->duplicates->len, ==, 2);
  g_assert_cmpuint (count_cases (f->vault), ==, 4);
}

/* --- a 50 MB file --- */

static const char *big_names[][2] = {
  { "Okonkwo", "Blessing" }, { "Шевченко", "Олена" }, { "Nguyễn", "Thị Hương" },
  { "Hoxha", "Elona" }, { "ბერიძე", "ნინო" }, { "العلوي", "فاطمة" },
};

static char *
write_big_file (Fixture *f,
                guint    megabytes,
                gboolean bad_last_row,
                guint   *out_rows)
{
  g_autofree char *path = g_build_filename (f->dir, "big.csv", NULL);
  g_autoptr(GString) row = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  gsize target = (gsize) megabytes * 1024 * 1024;
  gsize written = 0;
  guint n = 0;
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  fputs (HEADER, out);
  /* Long notes make a big file of a few tens of thousands of cases, so
   * that the test measures reading 50 MB, not the vault's write speed. */
  while (notes->len < 1800)
    g_string_append (notes, "Suivi régulier, \"\"bonne\"\" progression; formation en couture en cours. ");

  while (written < target)
    {
      const char **name = big_names[n % G_N_ELEMENTS (big_names)];
      gboolean last = bad_last_row && written + 4096 >= target;

      g_string_printf (row, ",%s,%s %u,F,%u-%02u-%02u,NG,%s,NG,Benin City,2014-%02u-%02u,2014-%02u-15,,"
                       "Casa Aurora,Giulia Rossi,en,yes,yes,+234 803 000 %04u,\"%s\"\n",
                       name[0], name[1], n, 1970 + n % 30, 1 + n % 12, 1 + n % 28,
                       last ? "ZZ" : "IT", 1 + n % 6, 1 + n % 28, 7 + n % 5, n % 10000, notes->str);
      fputs (row->str, out);
      written += row->len;
      n++;
      if (last)
        break;
    }
  fclose (out);
  *out_rows = n;
  return g_steal_pointer (&path);
}

static void
test_big_file (Fixture       *f,
               gconstpointer  data)
{
  const char *env = g_getenv ("CARE_BIG_CSV_MB");
  guint megabytes = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 50;
  g_autoptr(GError) error = NULL;
  g_autoptr(CareImportReport) report = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  CareImportProblem *problem;
  guint n_rows;

  if (megabytes == 0)
    {
      g_test_skip ("CARE_BIG_CSV_MB=0");
      return;
    }

  /* One bad row at the very end: every row is read and checked, and
   * nothing is imported. */
  path = write_big_file (f, megabytes, TRUE, &n_rows);
  g_timer_start (timer);
  g_assert_false (import (f, path, CARE_IMPORT_DEFAULT, &report, &error));
  g_test_message ("%u MB, %u rows, one bad: refused in %.2f s", megabytes, n_rows, g_timer_elapsed (timer, NULL));
  g_assert_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpuint (report->n_rows, ==, n_rows);
  g_assert_cmpuint (report->problems->len, ==, 1);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (problem->line, ==, n_rows + 1);
  g_assert_cmpstr (problem->column, ==, "host_country");
  g_assert_cmpuint (count_cases (f->vault), ==, 0);
  g_assert_cmpuint (count_history (f->vault), ==, 0);
  g_unlink (path);
  g_clear_error (&error);
  g_clear_pointer (&report, care_import_report_free);
  g_free (path);

  /* The same size, all good: everything is imported. */
  path = write_big_file (f, megabytes, FALSE, &n_rows);
  g_timer_start (timer);
  g_assert_true (import (f, path, CARE_IMPORT_DEFAULT, &report, &error));
  g_assert_no_error (error);
  g_test_message ("%u MB, %u rows: imported in %.2f s", megabytes, n_rows, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (report->n_imported, ==, n_rows);
  g_assert_cmpuint (count_cases (f->vault), ==, n_rows);
  g_unlink (path);
}

/* --- the round trip --- */

static char *
export_to (Fixture    *f,
           CareVault  *vault,
           const char *name,
           guint       expected)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  guint n = 0;

  g_assert_true (care_export_cases (vault, path, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
  return path;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) empty = make_vault (f->dir, "empty.care");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(CareImportReport) report = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  GStatBuf st;
  CareCaseQuery query = { 0 };

  g_assert_true (care_demo_generate (f->vault, 200, 7, f->settings, &f->today, NULL, NULL, &error));
  g_assert_no_error (error);
  first = export_to (f, f->vault, "first.csv", 200);
  /* The export holds everything the vault protects: its owner only. */
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  g_assert_true (care_import_cases (empty, first, f->settings, &f->today, CARE_IMPORT_ALLOW_DUPLICATES,
                                    NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, 200);
  second = export_to (f, empty, "second.csv", 200);

  first_bytes = vault_test_read_file (first);
  second_bytes = vault_test_read_file (second);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  /* And case by case, through the store rather than the files. */
  cases = care_case_store_list (f->vault, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      CareCaseSummary *summary = g_ptr_array_index (cases, i);
      g_autoptr(CareCase) a = care_case_store_load (f->vault, summary->case_number, &error);
      g_autoptr(CareCase) b = care_case_store_load (empty, summary->case_number, &error);
      g_auto(GStrv) fa = NULL;
      g_auto(GStrv) fb = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (b);
      fa = care_case_to_csv_fields (a);
      fb = care_case_to_csv_fields (b);
      g_assert_true (g_strv_equal ((const char * const *) fa, (const char * const *) fb));
      g_assert_true (care_case_number_equal (&a->number, &b->number));
      g_assert_cmpint (a->person->sex, ==, b->person->sex);
      g_assert_true (a->person->date_of_birth.year == b->person->date_of_birth.year &&
                     a->person->date_of_birth.month == b->person->date_of_birth.month &&
                     a->person->date_of_birth.day == b->person->date_of_birth.day);
      g_assert_true (care_date_equal (&a->referral_date, &b->referral_date));
      g_assert_true (care_date_equal (&a->arrival_date, &b->arrival_date));
      g_assert_cmpint (care_consent_is_given (&a->consent_followup), ==,
                       care_consent_is_given (&b->consent_followup));
    }
  care_vault_lock (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import/valid", Fixture, NULL, fixture_set_up, test_valid, fixture_tear_down);
  g_test_add ("/import/malformed", Fixture, NULL, fixture_set_up, test_malformed, fixture_tear_down);
  g_test_add ("/import/every-problem", Fixture, NULL, fixture_set_up, test_every_problem, fixture_tear_down);
  g_test_add ("/import/duplicates", Fixture, NULL, fixture_set_up, test_duplicates, fixture_tear_down);
  g_test_add ("/import/big-file", Fixture, NULL, fixture_set_up, test_big_file, fixture_tear_down);
  g_test_add ("/import/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  return g_test_run ();
}
