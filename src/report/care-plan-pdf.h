/* care-plan-pdf.h — a plan document as a PDF file, and what a PDF says
 * about the plan it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "care-plan-document.h"

G_BEGIN_DECLS

#define CARE_PLAN_PDF_ERROR (care_plan_pdf_error_quark ())

typedef enum
{
  CARE_PLAN_PDF_ERROR_IO,
  CARE_PLAN_PDF_ERROR_RENDER,
  CARE_PLAN_PDF_ERROR_NOT_A_PLAN,
} CarePlanPdfError;

/* What CARE writes into a plan PDF's properties (its Keywords), so that
 * `care-cli verify` can find the plan a file claims to be. */
typedef struct
{
  char  *case_number;
  guint  version;
  GDate  agreed_on;      /* cleared for a draft */
  char  *code;           /* plain, as care_plan_code_compute */
  char  *parts;          /* care_plan_code_compute_parts, nullable */
  char  *language;
} CarePlanStamp;

GQuark    care_plan_pdf_error_quark  (void);

/* Writes DOCUMENT to PATH, all fonts embedded. The PDF is the one thing
 * CARE writes in clear, so it is written to a private temporary file in
 * PATH's own directory and renamed over PATH once complete: nothing in
 * clear ever lands in /tmp, and a failure leaves PATH as it was. */
gboolean  care_plan_pdf_write        (CarePlanDocument  *document,
                                      const char        *path,
                                      GError           **error);

/* Reads the stamp of a PDF that CARE wrote. */
gboolean  care_plan_pdf_read_stamp   (const char        *path,
                                      CarePlanStamp     *out_stamp,
                                      GError           **error);
void      care_plan_stamp_clear      (CarePlanStamp     *stamp);

/* Writes CONTENTS to PATH the same way (for the detached signature). */
gboolean  care_file_write_atomically (const char        *path,
                                      const void        *contents,
                                      gsize              length,
                                      GError           **error);

G_END_DECLS
