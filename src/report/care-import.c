/* care-import.c — cases from a CSV file, all or nothing
 *
 * Two passes over the mapped file instead of keeping every converted case
 * in memory: the first converts and checks every row and collects every
 * problem (a coordinator fixes the spreadsheet in one go, not one error
 * at a time); the second, run only when the first found nothing, converts
 * again and saves inside one transaction. Converting twice costs far less
 * than holding 100,000 cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "care-case-store.h"
#include "care-country.h"
#include "care-csv.h"
#include "care-eligibility.h"
#include "care-eu.h"
#include "care-import.h"
#include "care-issue.h"
#include "care-validate.h"

G_DEFINE_QUARK (care-import-error-quark, care_import_error)

static const struct
{
  const char *name;
  gboolean    required;
} columns[CARE_CASE_N_COLUMNS] = {
  [CARE_CASE_COLUMN_CASE_NUMBER]            = { "case_number", FALSE },
  [CARE_CASE_COLUMN_FAMILY_NAME]            = { "family_name", TRUE },
  [CARE_CASE_COLUMN_GIVEN_NAMES]            = { "given_names", TRUE },
  [CARE_CASE_COLUMN_SEX]                    = { "sex", FALSE },
  [CARE_CASE_COLUMN_DATE_OF_BIRTH]          = { "date_of_birth", FALSE },
  [CARE_CASE_COLUMN_NATIONALITY]            = { "nationality", FALSE },
  [CARE_CASE_COLUMN_HOST_COUNTRY]           = { "host_country", TRUE },
  [CARE_CASE_COLUMN_RETURN_COUNTRY]         = { "return_country", TRUE },
  [CARE_CASE_COLUMN_DESTINATION]            = { "destination", FALSE },
  [CARE_CASE_COLUMN_REFERRAL_DATE]          = { "referral_date", TRUE },
  [CARE_CASE_COLUMN_PLANNED_RETURN_DATE]    = { "planned_return_date", FALSE },
  [CARE_CASE_COLUMN_ARRIVAL_DATE]           = { "arrival_date", FALSE },
  [CARE_CASE_COLUMN_REFERRING_ORGANISATION] = { "referring_organisation", FALSE },
  [CARE_CASE_COLUMN_CASEWORKER]             = { "caseworker", FALSE },
  [CARE_CASE_COLUMN_PLAN_LANGUAGE]          = { "plan_language", FALSE },
  [CARE_CASE_COLUMN_CONSENT_DATA]           = { "consent_data", FALSE },
  [CARE_CASE_COLUMN_CONSENT_FOLLOWUP]       = { "consent_followup", FALSE },
  [CARE_CASE_COLUMN_PHONE]                  = { "phone", FALSE },
  [CARE_CASE_COLUMN_NOTES]                  = { "notes", FALSE },
};

/* Progress: checking is quick, saving is most of the time. */
#define CHECK_SHARE 0.2
#define PROGRESS_EVERY 500

const char *
care_case_column_get_name (CareCaseColumn column)
{
  g_return_val_if_fail ((guint) column < CARE_CASE_N_COLUMNS, NULL);
  return columns[column].name;
}

gboolean
care_case_column_is_required (CareCaseColumn column)
{
  g_return_val_if_fail ((guint) column < CARE_CASE_N_COLUMNS, FALSE);
  return columns[column].required;
}

static int
find_column (const char *name)
{
  for (guint i = 0; i < CARE_CASE_N_COLUMNS; i++)
    if (g_str_equal (columns[i].name, name))
      return (int) i;
  return -1;
}

/* --- export's side: a case as CSV values --- */

static const char *
consent_to_csv (const CareConsent *consent)
{
  switch (consent->state)
    {
    case CARE_CONSENT_GIVEN:
      return "yes";
    case CARE_CONSENT_REFUSED:
    case CARE_CONSENT_WITHDRAWN:
      return "no";
    case CARE_CONSENT_NOT_RECORDED:
    default:
      return "";
    }
}

static const char *
sex_to_csv (CareSex sex)
{
  switch (sex)
    {
    case CARE_SEX_FEMALE:
      return "F";
    case CARE_SEX_MALE:
      return "M";
    case CARE_SEX_X:
      return "X";
    case CARE_SEX_UNKNOWN:
    default:
      return "";
    }
}

char **
care_case_to_csv_fields (const CareCase *c)
{
  char **fields;

  g_return_val_if_fail (c != NULL, NULL);

  fields = g_new0 (char *, CARE_CASE_N_COLUMNS + 1);
  fields[CARE_CASE_COLUMN_CASE_NUMBER] = care_case_number_is_set (&c->number) ?
                                         care_case_number_format (&c->number) : g_strdup ("");
  fields[CARE_CASE_COLUMN_FAMILY_NAME] = g_strdup (c->person->family_name ? c->person->family_name : "");
  fields[CARE_CASE_COLUMN_GIVEN_NAMES] = g_strdup (c->person->given_names ? c->person->given_names : "");
  fields[CARE_CASE_COLUMN_SEX] = g_strdup (sex_to_csv (c->person->sex));
  fields[CARE_CASE_COLUMN_DATE_OF_BIRTH] = care_birth_date_format (&c->person->date_of_birth);
  fields[CARE_CASE_COLUMN_NATIONALITY] = g_strdup (c->person->nationality ? c->person->nationality : "");
  fields[CARE_CASE_COLUMN_HOST_COUNTRY] = g_strdup (c->host_country ? c->host_country : "");
  fields[CARE_CASE_COLUMN_RETURN_COUNTRY] = g_strdup (c->return_country ? c->return_country : "");
  fields[CARE_CASE_COLUMN_DESTINATION] = g_strdup (c->destination ? c->destination : "");
  fields[CARE_CASE_COLUMN_REFERRAL_DATE] = care_date_format (&c->referral_date);
  fields[CARE_CASE_COLUMN_PLANNED_RETURN_DATE] = care_date_format (&c->planned_return_date);
  fields[CARE_CASE_COLUMN_ARRIVAL_DATE] = care_date_format (&c->arrival_date);
  fields[CARE_CASE_COLUMN_REFERRING_ORGANISATION] = g_strdup (c->referring_organisation ? c->referring_organisation : "");
  fields[CARE_CASE_COLUMN_CASEWORKER] = g_strdup (c->caseworker ? c->caseworker : "");
  fields[CARE_CASE_COLUMN_PLAN_LANGUAGE] = g_strdup (c->plan_language ? c->plan_language : "");
  fields[CARE_CASE_COLUMN_CONSENT_DATA] = g_strdup (consent_to_csv (&c->consent_data));
  fields[CARE_CASE_COLUMN_CONSENT_FOLLOWUP] = g_strdup (consent_to_csv (&c->consent_followup));
  fields[CARE_CASE_COLUMN_PHONE] = g_strdup (c->person->phone ? c->person->phone : "");
  fields[CARE_CASE_COLUMN_NOTES] = g_strdup (c->notes ? c->notes : "");
  return fields;
}

/* --- the report --- */

static void
problem_free (CareImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

static void
duplicate_free (CareImportDuplicate *duplicate)
{
  g_free (duplicate->case_number);
  g_free (duplicate);
}

static CareImportReport *
report_new (void)
{
  CareImportReport *report = g_new0 (CareImportReport, 1);

  report->delimiter = ',';
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) duplicate_free);
  return report;
}

void
care_import_report_free (CareImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->duplicates);
  g_free (report);
}

static void
add_problem (CareImportReport *report,
             guint             line,
             const char       *column,
             const char       *message)
{
  CareImportProblem *problem = g_new0 (CareImportProblem, 1);

  problem->line = line;
  problem->column = g_strdup (column);
  problem->message = g_strdup (message);
  g_ptr_array_add (report->problems, problem);
}

char *
care_import_report_describe (const CareImportReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->problems->len; i++)
    {
      const CareImportProblem *p = g_ptr_array_index (report->problems, i);

      if (p->column != NULL)
        g_string_append_printf (out,
                                /* Translators: %1$u is a line of the CSV file, %2$s a column name such as date_of_birth (not translated), %3$s the reason */
                                _("Line %1$u, column %2$s: %3$s"),
                                p->line, p->column, p->message);
      else
        g_string_append_printf (out,
                                /* Translators: %1$u is a line of the CSV file, %2$s the reason */
                                _("Line %1$u: %2$s"), p->line, p->message);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < report->duplicates->len; i++)
    {
      const CareImportDuplicate *d = g_ptr_array_index (report->duplicates, i);

      if (d->case_number != NULL)
        g_string_append_printf (out,
                                /* Translators: %1$u is a line of the CSV file, %2$s a case number */
                                _("Line %1$u: probably the same person as case %2$s (same names and date of birth)"),
                                d->line, d->case_number);
      else
        g_string_append_printf (out,
                                /* Translators: %1$u and %2$u are lines of the CSV file */
                                _("Line %1$u: probably the same person as on line %2$u (same names and date of birth)"),
                                d->line, d->other_line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- the import --- */

typedef struct
{
  CareVault          *vault;
  const CareSettings *settings;
  GDate               today;
  CareImportFlags     flags;
  CareProgressFunc    progress;
  gpointer            progress_data;

  CareCsvReader      *reader;
  CareImportReport   *report;
  int                 field_of[CARE_CASE_N_COLUMNS];  /* index in a row, or -1 */
  GArray             *unnamed;          /* guint: fields under an empty header */
  GHashTable         *vault_numbers;    /* case numbers already in the vault */
  GHashTable         *file_numbers;     /* case number → GUINT_TO_POINTER (line) */
  GHashTable         *file_people;      /* folded names and date of birth → line */
  GHashTable         *partners;         /* folded name → gint64 * */
  guint               n_to_save;
  guint               n_saved;
} Import;

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->reader, care_csv_reader_free);
  g_clear_pointer (&imp->unnamed, g_array_unref);
  g_clear_pointer (&imp->vault_numbers, g_hash_table_unref);
  g_clear_pointer (&imp->file_numbers, g_hash_table_unref);
  g_clear_pointer (&imp->file_people, g_hash_table_unref);
  g_clear_pointer (&imp->partners, g_hash_table_unref);
}

static void
report_progress (Import *imp,
                 double  fraction)
{
  if (imp->progress != NULL)
    imp->progress (CLAMP (fraction, 0.0, 1.0), imp->progress_data);
}

/* Names compared as people read them: "Chloé" and "CHLOE" are the same
 * name typed twice. Marks are dropped after canonical decomposition, which
 * leaves the letters of non-Latin scripts alone. */
static char *
fold_name (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (name == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");
  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (g_strstrip (bare->str), -1);
}

static gboolean
read_header (Import  *imp,
             GError **error)
{
  const char * const *fields;
  guint n_fields, line;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);

  if (!care_csv_reader_next (imp->reader, &fields, &n_fields, &line, error))
    {
      /* The reader refuses blank files, so only malformed input gets here. */
      return FALSE;
    }

  for (guint i = 0; i < CARE_CASE_N_COLUMNS; i++)
    imp->field_of[i] = -1;
  imp->unnamed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_utf8_strdown (fields[i], -1));
      int column;

      if (*name == '\0')
        {
          g_array_append_val (imp->unnamed, i);
          continue;
        }
      column = find_column (name);
      if (column < 0)
        {
          g_ptr_array_add (unknown, g_strdup (fields[i]));
          continue;
        }
      if (imp->field_of[column] >= 0)
        {
          g_set_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_REPEATED_COLUMN,
                       /* Translators: %s is a column name such as family_name (not translated) */
                       _("The column %s appears twice in the header"), columns[column].name);
          return FALSE;
        }
      imp->field_of[column] = (int) i;
    }

  if (unknown->len > 0)
    {
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *names = NULL;

      g_ptr_array_add (unknown, NULL);
      names = g_strjoinv (", ", (char **) unknown->pdata);
      for (guint i = 0; i < CARE_CASE_N_COLUMNS; i++)
        g_string_append_printf (expected, "%s%s", i > 0 ? ", " : "", columns[i].name);
      g_set_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_UNKNOWN_COLUMN,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %1$s lists column names as found in the file, %2$s the columns CARE knows (not translated) */
                                "Unknown column: %1$s. The columns are: %2$s",
                                "Unknown columns: %1$s. The columns are: %2$s",
                                unknown->len - 1),
                   names, expected->str);
      return FALSE;
    }

  for (guint i = 0; i < CARE_CASE_N_COLUMNS; i++)
    if (columns[i].required && imp->field_of[i] < 0)
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", columns[i].name);
  if (missing->len > 0)
    {
      g_set_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_MISSING_COLUMN,
                   /* Translators: %s lists column names (not translated) */
                   _("Required columns are missing from the header: %s"), missing->str);
      return FALSE;
    }
  return TRUE;
}

/* The value of COLUMN in the row, trimmed; NULL when blank or when the
 * file has no such column. */
static char *
take_value (Import             *imp,
            const char * const *fields,
            CareCaseColumn      column)
{
  int i = imp->field_of[column];
  char *value;

  if (i < 0)
    return NULL;
  value = g_strstrip (g_strdup (fields[i]));
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
row_is_blank (const char * const *fields,
              guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    for (const char *p = fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

typedef struct
{
  guint32 bad_columns;   /* 1 << CareCaseColumn: already reported */
  guint   n_problems;
} RowCheck;

static void
row_problem (Import         *imp,
             RowCheck       *check,
             guint           line,
             CareCaseColumn  column,
             const char     *message)
{
  check->bad_columns |= 1u << column;
  check->n_problems++;
  if (imp->report != NULL)
    add_problem (imp->report, line, columns[column].name, message);
}

static void
parse_date (Import         *imp,
            RowCheck       *check,
            guint           line,
            const char * const *fields,
            CareCaseColumn  column,
            GDate          *out_date)
{
  g_autofree char *text = take_value (imp, fields, column);
  g_autoptr(GError) error = NULL;

  care_date_unset (out_date);
  if (text != NULL && !care_date_parse (text, out_date, &error))
    row_problem (imp, check, line, column, error->message);
}

static void
parse_consent (Import             *imp,
               RowCheck           *check,
               guint               line,
               const char * const *fields,
               CareCaseColumn      column,
               const GDate        *on,
               CareConsent        *consent)
{
  g_autofree char *text = take_value (imp, fields, column);
  g_autofree char *lower = NULL;

  care_consent_init (consent);
  if (text == NULL)
    return;
  lower = g_utf8_strdown (text, -1);
  /* French spreadsheets are typed in French: oui and non mean the same. */
  if (g_str_equal (lower, "yes") || g_str_equal (lower, "oui"))
    care_consent_give (consent, on);
  else if (g_str_equal (lower, "no") || g_str_equal (lower, "non"))
    care_consent_refuse (consent, on);
  else
    {
      g_autofree char *message =
        g_strdup_printf (/* Translators: %s is what the file holds; keep yes and no untranslated, they are the file's values */
                         _("“%s” is not a consent: write yes or no"), text);
      row_problem (imp, check, line, column, message);
    }
}

static char *
canonical_country (char *code)
{
  const char *canonical;

  if (code == NULL)
    return NULL;
  canonical = care_country_canonical_code (code);
  if (canonical == NULL)
    return code;   /* validation names it */
  g_free (code);
  return g_strdup (canonical);
}

/* One row as a case. Problems of format (a date that is not a date) are
 * reported here; the rules are checked by check_case. */
static CareCase *
row_to_case (Import             *imp,
             RowCheck           *check,
             guint               line,
             const char * const *fields)
{
  g_autoptr(CareCase) c = care_case_new ();
  g_autofree char *number = take_value (imp, fields, CARE_CASE_COLUMN_CASE_NUMBER);
  g_autofree char *sex = take_value (imp, fields, CARE_CASE_COLUMN_SEX);
  g_autofree char *birth = take_value (imp, fields, CARE_CASE_COLUMN_DATE_OF_BIRTH);
  g_autofree char *language = take_value (imp, fields, CARE_CASE_COLUMN_PLAN_LANGUAGE);
  const GDate *consent_date;
  GError *error = NULL;

  if (number != NULL && !care_case_number_parse (number, &c->number, &error))
    {
      row_problem (imp, check, line, CARE_CASE_COLUMN_CASE_NUMBER, error->message);
      g_clear_error (&error);
    }

  c->person->family_name = take_value (imp, fields, CARE_CASE_COLUMN_FAMILY_NAME);
  c->person->given_names = take_value (imp, fields, CARE_CASE_COLUMN_GIVEN_NAMES);
  if (sex != NULL)
    {
      if (g_ascii_strcasecmp (sex, "F") == 0)
        c->person->sex = CARE_SEX_FEMALE;
      else if (g_ascii_strcasecmp (sex, "M") == 0)
        c->person->sex = CARE_SEX_MALE;
      else if (g_ascii_strcasecmp (sex, "X") == 0)
        c->person->sex = CARE_SEX_X;
      else
        {
          g_autofree char *message =
            g_strdup_printf (/* Translators: %s is what the file holds; keep F, M and X untranslated, they are the file's values */
                             _("“%s” is not a sex: write F, M or X"), sex);
          row_problem (imp, check, line, CARE_CASE_COLUMN_SEX, message);
        }
    }
  if (birth != NULL && !care_birth_date_parse (birth, &c->person->date_of_birth, &error))
    {
      row_problem (imp, check, line, CARE_CASE_COLUMN_DATE_OF_BIRTH, error->message);
      g_clear_error (&error);
    }
  c->person->nationality = canonical_country (take_value (imp, fields, CARE_CASE_COLUMN_NATIONALITY));
  c->person->phone = take_value (imp, fields, CARE_CASE_COLUMN_PHONE);

  c->host_country = canonical_country (take_value (imp, fields, CARE_CASE_COLUMN_HOST_COUNTRY));
  c->return_country = canonical_country (take_value (imp, fields, CARE_CASE_COLUMN_RETURN_COUNTRY));
  c->destination = take_value (imp, fields, CARE_CASE_COLUMN_DESTINATION);
  c->referring_organisation = take_value (imp, fields, CARE_CASE_COLUMN_REFERRING_ORGANISATION);
  c->caseworker = take_value (imp, fields, CARE_CASE_COLUMN_CASEWORKER);
  c->notes = take_value (imp, fields, CARE_CASE_COLUMN_NOTES);

  parse_date (imp, check, line, fields, CARE_CASE_COLUMN_REFERRAL_DATE, &c->referral_date);
  parse_date (imp, check, line, fields, CARE_CASE_COLUMN_PLANNED_RETURN_DATE, &c->planned_return_date);
  parse_date (imp, check, line, fields, CARE_CASE_COLUMN_ARRIVAL_DATE, &c->arrival_date);

  if (language != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (language, -1);

      if (g_str_equal (lower, "fr") || g_str_equal (lower, "en"))
        c->plan_language = g_steal_pointer (&lower);
      else
        {
          g_autofree char *message =
            g_strdup_printf (/* Translators: %s is what the file holds; keep fr and en untranslated, they are the file's values */
                             _("“%s” is not a language of plans: write fr or en"), language);
          row_problem (imp, check, line, CARE_CASE_COLUMN_PLAN_LANGUAGE, message);
        }
    }

  /* The file says whether, not when: the referral is when consents are
   * asked for. */
  consent_date = care_date_is_set (&c->referral_date) ? &c->referral_date : &imp->today;
  parse_consent (imp, check, line, fields, CARE_CASE_COLUMN_CONSENT_DATA, consent_date, &c->consent_data);
  parse_consent (imp, check, line, fields, CARE_CASE_COLUMN_CONSENT_FOLLOWUP, consent_date, &c->consent_followup);

  for (guint i = 0; i < imp->unnamed->len; i++)
    {
      guint field = g_array_index (imp->unnamed, guint, i);
      g_autofree char *value = g_strstrip (g_strdup (fields[field]));

      if (*value != '\0')
        {
          check->n_problems++;
          if (imp->report != NULL)
            add_problem (imp->report, line, NULL,
                         _("A value stands in a column that has no name in the header"));
          break;
        }
    }

  return g_steal_pointer (&c);
}

/* The rules of care_case_validate, and the one eligibility rule that an
 * import refuses instead of flagging: a return into the European Union is
 * outside what the programme may ever do, so a file saying so is wrong. */
static void
check_case (Import         *imp,
            RowCheck       *check,
            guint           line,
            const CareCase *c)
{
  g_autoptr(GPtrArray) issues = care_case_validate (c, imp->settings, &imp->today);
  g_autoptr(GPtrArray) eligibility = care_case_check_eligibility (c, imp->settings);

  g_ptr_array_extend_and_steal (issues, g_steal_pointer (&eligibility));

  for (guint i = 0; i < issues->len; i++)
    {
      const CareIssue *issue = g_ptr_array_index (issues, i);
      int column = issue->field != NULL ? find_column (issue->field) : -1;

      if (issue->domain == CARE_ELIGIBILITY_ERROR &&
          issue->code != CARE_ELIGIBILITY_ERROR_RETURN_COUNTRY_EU)
        continue;
      if (column >= 0 && (check->bad_columns & (1u << column)) != 0)
        continue;   /* its format was already reported */

      check->n_problems++;
      if (column >= 0)
        check->bad_columns |= 1u << column;
      add_problem (imp->report, line, issue->field, issue->message);
    }

  /* Without a return date, eligibility does not look at the country; a
   * file must still not send anyone into the Union. */
  if (care_case_get_return_date (c) == NULL && c->return_country != NULL &&
      care_date_is_set (&c->referral_date) &&
      care_eu_is_member_on (c->return_country, &c->referral_date) &&
      (check->bad_columns & (1u << CARE_CASE_COLUMN_RETURN_COUNTRY)) == 0)
    {
      g_autofree char *message =
        g_strdup_printf (/* Translators: %s is a country name; the programme only helps returns to countries outside the EU */
                         _("%s is in the European Union: the programme helps returns to countries outside it"),
                         care_country_get_name (c->return_country));
      row_problem (imp, check, line, CARE_CASE_COLUMN_RETURN_COUNTRY, message);
    }
}

static gboolean
check_identity (Import         *imp,
                RowCheck       *check,
                guint           line,
                const CareCase *c,
                GError        **error)
{
  g_autofree char *existing = NULL;

  if (care_case_number_is_set (&c->number))
    {
      g_autofree char *number = care_case_number_format (&c->number);
      gpointer other_line;

      if (g_hash_table_contains (imp->vault_numbers, number))
        {
          g_autofree char *message =
            g_strdup_printf (/* Translators: %s is a case number */
                             _("Case %s is already in the vault"), number);
          row_problem (imp, check, line, CARE_CASE_COLUMN_CASE_NUMBER, message);
        }
      else if (g_hash_table_lookup_extended (imp->file_numbers, number, NULL, &other_line))
        {
          g_autofree char *message =
            g_strdup_printf (/* Translators: %1$s is a case number, %2$u a line of the file */
                             _("Case number %1$s is also on line %2$u"),
                             number, GPOINTER_TO_UINT (other_line));
          row_problem (imp, check, line, CARE_CASE_COLUMN_CASE_NUMBER, message);
        }
      else
        {
          g_hash_table_insert (imp->file_numbers, g_steal_pointer (&number), GUINT_TO_POINTER (line));
        }
    }

  if (!care_birth_date_is_set (&c->person->date_of_birth) ||
      c->person->family_name == NULL || c->person->given_names == NULL)
    return TRUE;

  {
    g_autofree char *family = fold_name (c->person->family_name);
    g_autofree char *given = fold_name (c->person->given_names);
    g_autofree char *born = care_birth_date_format (&c->person->date_of_birth);
    char *key = g_strconcat (family, "\n", given, "\n", born, NULL);
    gpointer other_line;

    if (g_hash_table_lookup_extended (imp->file_people, key, NULL, &other_line))
      {
        CareImportDuplicate *duplicate = g_new0 (CareImportDuplicate, 1);

        duplicate->line = line;
        duplicate->other_line = GPOINTER_TO_UINT (other_line);
        g_ptr_array_add (imp->report->duplicates, duplicate);
        g_free (key);
        return TRUE;
      }
    g_hash_table_insert (imp->file_people, key, GUINT_TO_POINTER (line));
  }

  existing = care_case_store_find_duplicate (imp->vault, c->person, error);
  if (existing == NULL)
    return error == NULL || *error == NULL;
  {
    CareImportDuplicate *duplicate = g_new0 (CareImportDuplicate, 1);

    duplicate->line = line;
    duplicate->case_number = g_steal_pointer (&existing);
    g_ptr_array_add (imp->report->duplicates, duplicate);
  }
  return TRUE;
}

static gboolean
load_vault_numbers (Import  *imp,
                    GError **error)
{
  CareCaseQuery query = { 0 };
  g_autoptr(GPtrArray) cases = NULL;

  imp->vault_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cases = care_case_store_list (imp->vault, &query, error);
  if (cases == NULL)
    return FALSE;
  for (guint i = 0; i < cases->len; i++)
    {
      CareCaseSummary *summary = g_ptr_array_index (cases, i);

      g_hash_table_add (imp->vault_numbers, g_steal_pointer (&summary->case_number));
    }
  return TRUE;
}

static gboolean
check_file (Import  *imp,
            GError **error)
{
  const char * const *fields;
  guint n_fields, line;
  gsize size = MAX (care_csv_reader_get_size (imp->reader), 1);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CareCase) c = NULL;
      RowCheck check = { 0 };

      if (!care_csv_reader_next (imp->reader, &fields, &n_fields, &line, &local_error))
        {
          if (local_error == NULL)
            break;
          if (!g_error_matches (local_error, CARE_CSV_ERROR, CARE_CSV_ERROR_FIELD_COUNT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* A ragged row is that row's problem; the others are still
           * worth checking. */
          if (!row_is_blank (fields, n_fields))
            {
              imp->report->n_rows++;
              add_problem (imp->report, line, NULL, local_error->message);
            }
          continue;
        }
      if (row_is_blank (fields, n_fields))
        continue;

      imp->report->n_rows++;
      c = row_to_case (imp, &check, line, fields);
      check_case (imp, &check, line, c);
      if (!check_identity (imp, &check, line, c, error))
        return FALSE;

      if (imp->report->n_rows % PROGRESS_EVERY == 0)
        report_progress (imp, CHECK_SHARE * (double) care_csv_reader_get_offset (imp->reader) / (double) size);
    }
  report_progress (imp, CHECK_SHARE);
  return TRUE;
}

static gboolean
resolve_partner (Import   *imp,
                 CareCase *c,
                 GError  **error)
{
  g_autofree char *key = NULL;
  gint64 *known;
  g_autoptr(CarePartner) partner = NULL;
  g_autoptr(GError) local_error = NULL;

  if (c->referring_organisation == NULL)
    return TRUE;

  key = fold_name (c->referring_organisation);
  known = g_hash_table_lookup (imp->partners, key);
  if (known != NULL)
    {
      c->referring_partner_id = *known;
      return TRUE;
    }

  partner = care_partner_store_find_by_name (imp->vault, c->referring_organisation, &local_error);
  if (partner == NULL)
    {
      if (local_error != NULL &&
          !g_error_matches (local_error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Someone refers people to the programme: they belong in the
       * directory, where a coordinator completes their details later. */
      partner = care_partner_new (CARE_PARTNER_REFERRING_ASSOCIATION, c->referring_organisation);
      partner->country = g_strdup (c->host_country);
      if (!care_partner_store_save (imp->vault, partner, error))
        return FALSE;
      imp->report->n_partners_created++;
    }

  known = g_new (gint64, 1);
  *known = partner->id;
  g_hash_table_insert (imp->partners, g_steal_pointer (&key), known);
  c->referring_partner_id = partner->id;
  return TRUE;
}

/* Rows with a case number first, so that a number the store generates for
 * a row without one can never take a number a later row asks for. */
static gboolean
save_rows (Import   *imp,
           gboolean  numbered,
           GError  **error)
{
  const char * const *fields;
  guint n_fields, line;

  care_csv_reader_rewind (imp->reader);
  if (!care_csv_reader_next (imp->reader, &fields, &n_fields, &line, error))
    return FALSE;   /* the header, read before */

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CareCase) c = NULL;
      RowCheck check = { 0 };

      if (!care_csv_reader_next (imp->reader, &fields, &n_fields, &line, &local_error))
        {
          if (local_error == NULL)
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (row_is_blank (fields, n_fields))
        continue;

      {
        g_autofree char *number = take_value (imp, fields, CARE_CASE_COLUMN_CASE_NUMBER);

        if ((number != NULL) != numbered)
          continue;
      }
      c = row_to_case (imp, &check, line, fields);
      g_assert (check.n_problems == 0);

      if (!resolve_partner (imp, c, error) ||
          !care_case_store_save (imp->vault, c, imp->settings, &imp->today, error))
        {
          /* Translators: %u is a line of the CSV file; what follows is the reason */
          g_prefix_error (error, _("Line %u: "), line);
          return FALSE;
        }

      imp->n_saved++;
      if (imp->n_saved % PROGRESS_EVERY == 0)
        report_progress (imp, CHECK_SHARE + (1.0 - CHECK_SHARE) * imp->n_saved / MAX (imp->n_to_save, 1));
    }
  return TRUE;
}

static guint
count_problem_rows (const CareImportReport *report)
{
  guint n = 0, last = 0;

  /* Problems come in file order, so a row's problems are together. */
  for (guint i = 0; i < report->problems->len; i++)
    {
      const CareImportProblem *p = g_ptr_array_index (report->problems, i);

      if (i == 0 || p->line != last)
        n++;
      last = p->line;
    }
  return n;
}

gboolean
care_import_cases (CareVault           *vault,
                   const char          *path,
                   const CareSettings  *settings,
                   const GDate         *today,
                   CareImportFlags      flags,
                   CareProgressFunc     progress,
                   gpointer             progress_data,
                   CareImportReport   **out_report,
                   GError             **error)
{
  Import imp = { 0 };
  g_autoptr(CareImportReport) report = NULL;
  gboolean in_transaction = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  imp.vault = vault;
  imp.settings = settings;
  imp.flags = flags;
  imp.progress = progress;
  imp.progress_data = progress_data;
  if (today != NULL && care_date_is_set (today))
    imp.today = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      care_date_set (&imp.today, (GDateYear) g_date_time_get_year (now),
                     (GDateMonth) g_date_time_get_month (now),
                     (GDateDay) g_date_time_get_day_of_month (now));
    }

  imp.reader = care_csv_reader_new_for_path (path, error);
  if (imp.reader == NULL)
    goto out;

  report = report_new ();
  imp.report = report;
  report->delimiter = care_csv_reader_get_delimiter (imp.reader);
  imp.file_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.file_people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  report_progress (&imp, 0.0);
  if (!read_header (&imp, error))
    goto out;

  /* One transaction from the first look at the vault to the last write:
   * the checks see the vault the rows are written to (nobody else can add
   * a case number in between), and 100,000 duplicate look-ups share one
   * read lock instead of taking one each. */
  if (!care_store_begin (vault, error))
    goto out;
  in_transaction = TRUE;
  if (!load_vault_numbers (&imp, error) ||
      !check_file (&imp, error))
    goto out;

  if (report->n_rows == 0)
    {
      g_set_error_literal (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_NO_ROWS,
                           _("The file has a header but no rows of cases"));
      goto out;
    }
  if (report->problems->len > 0)
    {
      guint n = count_problem_rows (report);

      g_set_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_INVALID_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %1$u is a number of rows, %2$u the number of rows read */
                                "%1$u row of %2$u has problems: nothing was imported",
                                "%1$u rows of %2$u have problems: nothing was imported",
                                n),
                   n, report->n_rows);
      goto out;
    }
  if (report->duplicates->len > 0 && !(flags & CARE_IMPORT_ALLOW_DUPLICATES))
    {
      g_set_error (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_DUPLICATES,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %u is a number of rows */
                                "%u row looks like a person already recorded: nothing was imported. Check it, then import again allowing duplicates",
                                "%u rows look like people already recorded: nothing was imported. Check them, then import again allowing duplicates",
                                report->duplicates->len),
                   report->duplicates->len);
      goto out;
    }
  if (flags & CARE_IMPORT_CHECK_ONLY)
    {
      ok = TRUE;
      goto out;
    }

  imp.n_to_save = report->n_rows;
  if (!save_rows (&imp, TRUE, error) ||
      !save_rows (&imp, FALSE, error))
    {
      report->n_partners_created = 0;
      goto out;
    }
  in_transaction = FALSE;
  if (!care_store_commit (vault, error))
    {
      care_store_rollback (vault);
      report->n_partners_created = 0;
      goto out;
    }
  report->n_imported = imp.n_saved;
  report_progress (&imp, 1.0);
  g_debug ("Imported %u cases", imp.n_saved);
  ok = TRUE;

out:
  /* Also after checks alone: nothing was written, this only ends the read. */
  if (in_transaction)
    care_store_rollback (vault);
  import_clear (&imp);
  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return ok;
}
