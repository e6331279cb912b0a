/* care-plan-document.h — the individual reintegration plan as a printed
 * document: laid out once with Pango, drawn page by page onto any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "care-case.h"
#include "care-settings.h"

G_BEGIN_DECLS

#define CARE_PLAN_DOCUMENT_ERROR (care_plan_document_error_quark ())

typedef enum
{
  CARE_PLAN_DOCUMENT_ERROR_NO_VERSION,
  CARE_PLAN_DOCUMENT_ERROR_LANGUAGE,
} CarePlanDocumentError;

typedef enum
{
  CARE_PAPER_A4,
  CARE_PAPER_LETTER,
} CarePaperSize;

/* What the document is made with, besides the case. Every field may be
 * left at zero/NULL. */
typedef struct
{
  CarePaperSize       paper;
  const char         *language;      /* "fr" or "en"; NULL: the version's */
  const char         *organisation;  /* printed at the top */
  const char         *logo_path;     /* a PNG, printed only when set */
  GDateTime          *generated_at;  /* NULL: now */
  const CareSettings *settings;      /* follow-up schedule; NULL: defaults */
} CarePlanDocumentOptions;

/* The layout model, for the tests and for anyone who wants to know where
 * a part of the plan fell. */
typedef enum
{
  CARE_PLAN_BLOCK_TITLE,
  CARE_PLAN_BLOCK_HEADING,
  CARE_PLAN_BLOCK_FIELDS,
  CARE_PLAN_BLOCK_TEXT,
  CARE_PLAN_BLOCK_TABLE_HEADER,
  CARE_PLAN_BLOCK_GROUP,
  CARE_PLAN_BLOCK_MEASURE,
  CARE_PLAN_BLOCK_BLANK_ROW,
  CARE_PLAN_BLOCK_SUBTOTAL,
  CARE_PLAN_BLOCK_TOTAL,
  CARE_PLAN_BLOCK_SIGNATURES,
} CarePlanBlockKind;

typedef struct
{
  CarePlanBlockKind kind;
  guint             page;      /* from 0 */
  double            y;         /* top, in points from the top of the page */
  double            height;
  int               measure;   /* index in the version's measures, or -1 */
} CarePlanBlockPlacement;

typedef struct _CarePlanDocument CarePlanDocument;

GQuark            care_plan_document_error_quark   (void);

/* VERSION 0 is the current version. */
CarePlanDocument *care_plan_document_new           (const CareCase                 *care_case,
                                                    guint                           version,
                                                    const CarePlanDocumentOptions  *options,
                                                    GError                        **error);
void              care_plan_document_free          (CarePlanDocument *document);

guint             care_plan_document_get_n_pages   (CarePlanDocument *document);
/* In points (1/72 inch). */
void              care_plan_document_get_page_size (CarePlanDocument *document,
                                                    double           *width,
                                                    double           *height);
/* CR's user space must be points with the origin at the page's top left
 * corner (a PDF surface's, or a GtkPrintContext's with GTK_UNIT_POINTS). */
void              care_plan_document_draw_page     (CarePlanDocument *document,
                                                    cairo_t          *cr,
                                                    guint             page);

const char       *care_plan_document_get_language  (CarePlanDocument *document);
const char       *care_plan_document_get_case_number (CarePlanDocument *document);
guint             care_plan_document_get_version   (CarePlanDocument *document);
gboolean          care_plan_document_is_draft      (CarePlanDocument *document);
const GDate      *care_plan_document_get_agreed_on (CarePlanDocument *document);
/* The code in its plain form (care_plan_code_compute). */
const char       *care_plan_document_get_code      (CarePlanDocument *document);
/* care_plan_code_compute_parts of the version shown. */
const char       *care_plan_document_get_parts     (CarePlanDocument *document);
/* A title without personal data, for print queues and PDF metadata. */
const char       *care_plan_document_get_title     (CarePlanDocument *document);

const CarePlanBlockPlacement *care_plan_document_get_placements (CarePlanDocument *document,
                                                                 guint            *n_placements);

/* Formats in a document language, also used by the tests. */
char             *care_plan_document_format_date  (const GDate *date,
                                                   const char  *language);
char             *care_plan_document_format_money (gint64       cents,
                                                   const char  *currency,
                                                   const char  *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarePlanDocument, care_plan_document_free)

G_END_DECLS
