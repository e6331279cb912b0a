/* care-import.h — cases from a CSV file, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-case.h"
#include "care-progress.h"
#include "care-settings.h"
#include "care-vault.h"

G_BEGIN_DECLS

/* The columns of a CSV file of cases, in the order export writes them.
 * Import takes them by name, in any order. */
typedef enum
{
  CARE_CASE_COLUMN_CASE_NUMBER,
  CARE_CASE_COLUMN_FAMILY_NAME,
  CARE_CASE_COLUMN_GIVEN_NAMES,
  CARE_CASE_COLUMN_SEX,
  CARE_CASE_COLUMN_DATE_OF_BIRTH,
  CARE_CASE_COLUMN_NATIONALITY,
  CARE_CASE_COLUMN_HOST_COUNTRY,
  CARE_CASE_COLUMN_RETURN_COUNTRY,
  CARE_CASE_COLUMN_DESTINATION,
  CARE_CASE_COLUMN_REFERRAL_DATE,
  CARE_CASE_COLUMN_PLANNED_RETURN_DATE,
  CARE_CASE_COLUMN_ARRIVAL_DATE,
  CARE_CASE_COLUMN_REFERRING_ORGANISATION,
  CARE_CASE_COLUMN_CASEWORKER,
  CARE_CASE_COLUMN_PLAN_LANGUAGE,
  CARE_CASE_COLUMN_CONSENT_DATA,
  CARE_CASE_COLUMN_CONSENT_FOLLOWUP,
  CARE_CASE_COLUMN_PHONE,
  CARE_CASE_COLUMN_NOTES,
} CareCaseColumn;

#define CARE_CASE_N_COLUMNS 19

const char *care_case_column_get_name    (CareCaseColumn column);
gboolean    care_case_column_is_required (CareCaseColumn column);

/* The values export writes for CARE_CASE: CARE_CASE_N_COLUMNS strings, in
 * column order, "" for what is not recorded. Free with g_strfreev. */
char      **care_case_to_csv_fields      (const CareCase *care_case);

#define CARE_IMPORT_ERROR (care_import_error_quark ())

/* Besides these, import fails with CARE_CSV_ERROR (the file cannot be
 * read as CSV) and CARE_VAULT_ERROR (the vault refused a write: nothing
 * was imported either). */
typedef enum
{
  CARE_IMPORT_ERROR_UNKNOWN_COLUMN,
  CARE_IMPORT_ERROR_MISSING_COLUMN,
  CARE_IMPORT_ERROR_REPEATED_COLUMN,
  CARE_IMPORT_ERROR_NO_ROWS,
  CARE_IMPORT_ERROR_INVALID_ROWS,    /* see the report's problems */
  CARE_IMPORT_ERROR_DUPLICATES,      /* see the report's duplicates */
} CareImportError;

/* What is wrong with a row: its physical line in the file (as a text
 * editor counts them; a spreadsheet's row number when no field spans
 * lines), the column, and the reason, translated. */
typedef struct
{
  guint  line;
  char  *column;     /* nullable: the row as a whole */
  char  *message;
} CareImportProblem;

/* A row that looks like someone already known: a case in the vault
 * (CASE_NUMBER) or an earlier row of the same file (OTHER_LINE). Names are
 * left out on purpose, so that the report can be shown or logged. */
typedef struct
{
  guint  line;
  char  *case_number;   /* nullable */
  guint  other_line;    /* 0 when CASE_NUMBER is set */
} CareImportDuplicate;

typedef struct
{
  char       delimiter;           /* ',' or ';' */
  guint      n_rows;              /* rows of data read */
  guint      n_imported;          /* 0 unless the import succeeded */
  guint      n_partners_created;  /* referring organisations added to the directory */
  GPtrArray *problems;            /* CareImportProblem, in file order */
  GPtrArray *duplicates;          /* CareImportDuplicate, in file order */
} CareImportReport;

typedef enum /*< flags >*/
{
  CARE_IMPORT_DEFAULT          = 0,
  CARE_IMPORT_ALLOW_DUPLICATES = 1 << 0,  /* probable duplicates do not stop the import */
  CARE_IMPORT_CHECK_ONLY       = 1 << 1,  /* check everything, write nothing */
} CareImportFlags;

GQuark            care_import_error_quark     (void);

void              care_import_report_free     (CareImportReport       *report);
/* One line per problem and per duplicate, translated, for care-cli and
 * the import dialogue. */
char             *care_import_report_describe (const CareImportReport *report);

/* Reads PATH, converts and checks every row (care_case_validate with
 * SETTINGS and TODAY — NULL for the local date —, plus: a country of
 * return inside the European Union on the return date, a case number
 * already used, probable duplicates), and only when no row has a problem
 * saves them all in one transaction: one bad row and nothing is imported.
 * Ineligible cases are imported (and flagged by the store), as for cases
 * typed in. Returns TRUE when the cases were imported (or, with
 * CARE_IMPORT_CHECK_ONLY, would be); OUT_REPORT is set whenever the file
 * could be read, whatever the result. */
gboolean          care_import_cases           (CareVault           *vault,
                                               const char          *path,
                                               const CareSettings  *settings,
                                               const GDate         *today,
                                               CareImportFlags      flags,
                                               CareProgressFunc     progress,
                                               gpointer             progress_data,
                                               CareImportReport   **out_report,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareImportReport, care_import_report_free)

G_END_DECLS
