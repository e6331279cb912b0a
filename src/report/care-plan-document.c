/* care-plan-document.c — the individual reintegration plan as a printed
 * document
 *
 * The plan is laid out once into a list of blocks (a title, a heading, a
 * table row, the signatures…), each a small display list of Pango layouts
 * and lines with a height. Pagination places whole blocks, so a measure's
 * row or a signature block is never cut; the measures table repeats its
 * header on each page it runs onto. Drawing a page replays its blocks onto
 * whatever cairo_t it is given: a PDF surface or a print context. The
 * layout uses its own Pango context (72 dpi, no hinting), so a page breaks
 * at the same place on paper, in the preview and in the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "care-country.h"
#include "care-document-catalog.h"
#include "care-money.h"
#include "care-plan-code.h"
#include "care-plan-document.h"

G_DEFINE_QUARK (care-plan-document-error-quark, care_plan_document_error)

/* Geometry, in points. */
#define MARGIN_SIDE    54.0
#define MARGIN_TOP     50.0
#define MARGIN_BOTTOM  64.0
#define FOOTER_OFFSET  40.0   /* from the bottom edge to the footer's rule */
#define CELL_PAD        4.0
#define ROW_PAD         5.0

#define FONT_FAMILY "Noto Sans, Noto Sans Arabic, DejaVu Sans"

/* Colours, 0xRRGGBB. */
#define INK        0x1b1f24
#define MUTED      0x5c6570
#define ACCENT     0x1f4e79
#define RULE       0xc4cbd3
#define TINT       0xeaf0f6
#define DRAFT_INK  0xb42318

/* Every string of the document is looked up in this context, so that its
 * translation is never shared with the interface's: a label that is right
 * on a screen may be wrong on a signed paper. */
#define DOC_CONTEXT "plan document"

typedef enum
{
  ITEM_TEXT,
  ITEM_LINE_OF_TEXT,
  ITEM_RULE,
  ITEM_FILL,
} ItemKind;

typedef struct
{
  ItemKind     kind;
  double       x, y, w, h;      /* RULE: from (x, y) to (x + w, y + h) */
  double       line_width;
  guint32      rgb;
  PangoLayout *layout;          /* TEXT, LINE_OF_TEXT */
  int          line;            /* LINE_OF_TEXT: which line of LAYOUT; y is its baseline */
  gboolean     dashed;
} Item;

typedef struct
{
  CarePlanBlockKind kind;
  double            height;
  double            space_before;
  gboolean          keep_with_next;
  gboolean          in_table;   /* continues the measures table */
  int               measure;
  GArray           *items;      /* Item */
} Block;

struct _CarePlanDocument
{
  CareCase            *care_case;
  CarePlanVersion     *version;   /* owned copy */
  CareDocumentCatalog *catalog;
  char                *language;
  char                *case_number;
  char                *code;
  char                *parts;
  char                *title;
  char                *generated_on;
  char                *organisation;
  cairo_surface_t     *logo;
  double               page_width, page_height;
  double               content_width;
  guint                followup_months[16];
  guint                n_followup_months;
  guint                followup_max_months;
  char                 currency[4];

  PangoContext        *context;
  GPtrArray           *blocks;           /* Block, in reading order */
  Block               *table_header;     /* repeated on continuation pages */
  GArray              *placements;       /* CarePlanBlockPlacement */
  GPtrArray           *placed_blocks;    /* Block * for each placement */
  guint                n_pages;
};

/* --- translations and formats in the document's language --- */

/* The result is a format whenever MSGID is one: gcc then checks the
 * English format against the arguments. */
static const char *tr (CarePlanDocument *d,
                       const char       *msgid) G_GNUC_FORMAT (2);

static const char *
tr (CarePlanDocument *d,
    const char       *msgid)
{
  return care_document_catalog_lookup (d->catalog, DOC_CONTEXT, msgid);
}

static const char *month_names[] = {
  NC_("plan document", "January"), NC_("plan document", "February"),
  NC_("plan document", "March"), NC_("plan document", "April"),
  NC_("plan document", "May"), NC_("plan document", "June"),
  NC_("plan document", "July"), NC_("plan document", "August"),
  NC_("plan document", "September"), NC_("plan document", "October"),
  NC_("plan document", "November"), NC_("plan document", "December"),
};

/* Translators: abbreviated month names, for the dates of the measures table. */
static const char *month_abbreviations[] = {
  NC_("plan document, abbreviated month", "Jan"), NC_("plan document, abbreviated month", "Feb"),
  NC_("plan document, abbreviated month", "Mar"), NC_("plan document, abbreviated month", "Apr"),
  NC_("plan document, abbreviated month", "May"), NC_("plan document, abbreviated month", "Jun"),
  NC_("plan document, abbreviated month", "Jul"), NC_("plan document, abbreviated month", "Aug"),
  NC_("plan document, abbreviated month", "Sep"), NC_("plan document, abbreviated month", "Oct"),
  NC_("plan document, abbreviated month", "Nov"), NC_("plan document, abbreviated month", "Dec"),
};

static char *
format_date_with (CareDocumentCatalog *catalog,
                  const GDate         *date,
                  gboolean             abbreviated)
{
  gboolean french;
  guint day, month;
  const char *name;

  if (!care_date_is_set (date))
    return g_strdup ("");

  french = g_str_equal (care_document_catalog_get_language (catalog), "fr");
  day = g_date_get_day (date);
  month = g_date_get_month (date);
  name = abbreviated
    ? care_document_catalog_lookup (catalog, "plan document, abbreviated month", month_abbreviations[month - 1])
    : care_document_catalog_lookup (catalog, DOC_CONTEXT, month_names[month - 1]);

  /* "1er mai 2015" in French, "1 May 2015" in British English: the day
   * before the month in both, as the programme's readers expect. */
  return g_strdup_printf ("%u%s\u00a0%s %u", day, french && day == 1 ? "er" : "",
                          name, (guint) g_date_get_year (date));
}

char *
care_plan_document_format_date (const GDate *date,
                                const char  *language)
{
  return format_date_with (care_document_catalog_get (language), date, FALSE);
}

char *
care_plan_document_format_money (gint64      cents,
                                 const char *currency,
                                 const char *language)
{
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");
  gboolean euro = currency == NULL || g_ascii_strcasecmp (currency, "EUR") == 0;
  g_autofree char *number = care_money_format_for_language (cents, NULL, french ? "fr" : "en");

  /* "1 234,56 €" and "€1,234.56"; other currencies by their code, which
   * every reader of a plan can tell apart ($ could be one of twenty). */
  if (french)
    return g_strdup_printf ("%s\u00a0%s", number, euro ? "€" : currency);
  if (euro)
    return number[0] == '-' ? g_strdup_printf ("-€%s", number + 1) : g_strdup_printf ("€%s", number);
  return g_strdup_printf ("%s\u00a0%s", currency, number);
}

static char *
doc_date (CarePlanDocument *d,
          const GDate      *date)
{
  return format_date_with (d->catalog, date, FALSE);
}

static char *
doc_money (CarePlanDocument *d,
           gint64            cents,
           const char       *currency)
{
  return care_plan_document_format_money (cents, currency, d->language);
}

/* The domain's labels in the document's language. They repeat the
 * msgids of care-enums.c (same contexts, so one translation serves
 * both): care_*_get_label answers in the interface's language, and
 * switching the thread's messages locale to get at the English source
 * upsets glibc's gettext for the rest of the process. */
static const char *const category_labels[CARE_MEASURE_CATEGORY_COUNT] = {
  [CARE_MEASURE_INCOME_GENERATING] = NC_("measure", "Income-generating activity"),
  [CARE_MEASURE_VOCATIONAL_TRAINING] = NC_("measure", "Vocational training"),
  [CARE_MEASURE_JOB_PLACEMENT] = NC_("measure", "Job placement"),
  [CARE_MEASURE_EDUCATION] = NC_("measure", "Education"),
  [CARE_MEASURE_TEMPORARY_ACCOMMODATION] = NC_("measure", "Temporary accommodation"),
  [CARE_MEASURE_MEDICAL_CARE] = NC_("measure", "Medical care"),
  [CARE_MEASURE_LEGAL_ASSISTANCE] = NC_("measure", "Legal assistance"),
  [CARE_MEASURE_FAMILY_MEDIATION] = NC_("measure", "Family mediation"),
  [CARE_MEASURE_DOCUMENTATION] = NC_("measure", "Documentation"),
  [CARE_MEASURE_CHILDCARE] = NC_("measure", "Childcare"),
  [CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL] = NC_("measure", "Individual psychosocial support"),
  [CARE_MEASURE_FAMILY_PSYCHOSOCIAL] = NC_("measure", "Family psychosocial support"),
  [CARE_MEASURE_COMMUNITY_ACTIVITIES] = NC_("measure", "Community activities"),
  [CARE_MEASURE_OTHER] = NC_("measure", "Other"),
};

static const char *const status_labels[] = {
  [CARE_MEASURE_PLANNED] = NC_("measure status", "Planned"),
  [CARE_MEASURE_IN_PROGRESS] = NC_("measure status", "In progress"),
  [CARE_MEASURE_DONE] = NC_("measure status", "Done"),
  [CARE_MEASURE_CANCELLED] = NC_("measure status", "Cancelled"),
};

static const char *const group_labels[CARE_MEASURE_GROUP_COUNT] = {
  [CARE_MEASURE_GROUP_ECONOMIC] = NC_("measure group", "Economic"),
  [CARE_MEASURE_GROUP_SOCIAL] = NC_("measure group", "Social"),
  [CARE_MEASURE_GROUP_PSYCHOSOCIAL] = NC_("measure group", "Psychosocial"),
  [CARE_MEASURE_GROUP_OTHER] = NC_("measure group", "Other"),
};

static const char *
category_label (CarePlanDocument    *d,
                CareMeasureCategory  category)
{
  g_return_val_if_fail ((guint) category < G_N_ELEMENTS (category_labels), "");
  return care_document_catalog_lookup (d->catalog, "measure", category_labels[category]);
}

static const char *
status_label (CarePlanDocument  *d,
              CareMeasureStatus  status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), "");
  return care_document_catalog_lookup (d->catalog, "measure status", status_labels[status]);
}

static const char *
group_label (CarePlanDocument *d,
             CareMeasureGroup  group)
{
  g_return_val_if_fail ((guint) group < G_N_ELEMENTS (group_labels), "");
  return care_document_catalog_lookup (d->catalog, "measure group", group_labels[group]);
}

/* --- building blocks --- */

typedef enum
{
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_SMALL,
  STYLE_SMALL_BOLD,
  STYLE_LABEL,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_ORGANISATION,
  STYLE_FOOTER,
  STYLE_WATERMARK,
} Style;

static const struct
{
  const char *font;
  guint32     rgb;
} styles[] = {
  [STYLE_BODY] = { FONT_FAMILY " 9.5", INK },
  [STYLE_BODY_BOLD] = { FONT_FAMILY " Bold 9.5", INK },
  [STYLE_SMALL] = { FONT_FAMILY " 8.5", INK },
  [STYLE_SMALL_BOLD] = { FONT_FAMILY " Bold 8.5", INK },
  [STYLE_LABEL] = { FONT_FAMILY " 7.5", MUTED },
  [STYLE_TITLE] = { FONT_FAMILY " Bold 20", ACCENT },
  [STYLE_SUBTITLE] = { FONT_FAMILY " 10.5", MUTED },
  [STYLE_HEADING] = { FONT_FAMILY " Bold 11", ACCENT },
  [STYLE_ORGANISATION] = { FONT_FAMILY " Bold 10", INK },
  [STYLE_FOOTER] = { FONT_FAMILY " 7.5", MUTED },
  [STYLE_WATERMARK] = { FONT_FAMILY " Bold 110", DRAFT_INK },
};

static PangoLayout *
make_layout (CarePlanDocument *d,
             const char       *text,
             Style             style,
             double            width,
             PangoAlignment    alignment)
{
  PangoLayout *layout = pango_layout_new (d->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (styles[style].font);

  pango_layout_set_font_description (layout, font);
  /* A right-to-left name stays where the form puts it; Pango still
   * shapes it and orders its letters from right to left. */
  pango_layout_set_auto_dir (layout, FALSE);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return pango_units_to_double (h);
}

static Block *
block_new (CarePlanDocument  *d,
           CarePlanBlockKind  kind)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->measure = -1;
  b->items = g_array_new (FALSE, TRUE, sizeof (Item));
  return b;
}

static void
block_free (Block *b)
{
  for (guint i = 0; i < b->items->len; i++)
    g_clear_object (&g_array_index (b->items, Item, i).layout);
  g_array_unref (b->items);
  g_free (b);
}

static void
add_block (CarePlanDocument *d,
           Block            *b)
{
  g_ptr_array_add (d->blocks, b);
}

/* Adds TEXT at (X, Y) of block B and returns its height. */
static double
block_text (CarePlanDocument *d,
            Block            *b,
            double            x,
            double            y,
            double            width,
            const char       *text,
            Style             style,
            PangoAlignment    alignment)
{
  Item item = { ITEM_TEXT, x, y, width, 0, 0, styles[style].rgb, NULL, 0, FALSE };

  item.layout = make_layout (d, text, style, width, alignment);
  item.h = layout_height (item.layout);
  g_array_append_val (b->items, item);
  return item.h;
}

static void
block_rule (Block   *b,
            double   x,
            double   y,
            double   w,
            double   h,
            double   line_width,
            guint32  rgb,
            gboolean dashed)
{
  Item item = { ITEM_RULE, x, y, w, h, line_width, rgb, NULL, 0, dashed };

  g_array_append_val (b->items, item);
}

static void
block_fill (Block   *b,
            double   x,
            double   y,
            double   w,
            double   h,
            guint32  rgb)
{
  Item item = { ITEM_FILL, x, y, w, h, 0, rgb, NULL, 0, FALSE };

  g_array_append_val (b->items, item);
}

static void
add_heading (CarePlanDocument *d,
             const char       *text)
{
  Block *b = block_new (d, CARE_PLAN_BLOCK_HEADING);
  double h = block_text (d, b, 0, 0, d->content_width, text, STYLE_HEADING, PANGO_ALIGN_LEFT);

  block_rule (b, 0, h + 3, d->content_width, 0, 0.6, ACCENT, FALSE);
  b->height = h + 9;
  b->space_before = 16;
  b->keep_with_next = TRUE;
  add_block (d, b);
}

/* A paragraph runs across pages line by line, as prose may; its first
 * two lines stay together. */
static void
add_paragraph (CarePlanDocument *d,
               const char       *text,
               Style             style,
               double            space_before)
{
  PangoLayout *layout = make_layout (d, text, style, d->content_width, PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  int line = 0;

  do
    {
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      Block *b = block_new (d, CARE_PLAN_BLOCK_TEXT);
      Item item = { ITEM_LINE_OF_TEXT, 0, 0, d->content_width, 0, 0, styles[style].rgb,
                    g_object_ref (layout), line, FALSE };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      item.y = pango_units_to_double (baseline - logical.y);
      g_array_append_val (b->items, item);
      b->height = pango_units_to_double (logical.height);
      b->space_before = line == 0 ? space_before : 0;
      b->keep_with_next = line == 0 && n_lines > 1;
      add_block (d, b);
      line++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  g_object_unref (layout);
}

/* Label above value, in two columns: how forms present a person. */
static void
add_fields (CarePlanDocument  *d,
            const char *const *pairs,
            guint              n_pairs)
{
  double column = (d->content_width - 18) / 2;

  for (guint i = 0; i < n_pairs; i += 2)
    {
      Block *b = block_new (d, CARE_PLAN_BLOCK_FIELDS);
      double row_height = 0;

      for (guint j = i; j < MIN (i + 2, n_pairs); j++)
        {
          const char *label = pairs[2 * j];
          const char *value = pairs[2 * j + 1];
          double x = (j - i) * (column + 18);
          double h = block_text (d, b, x, 0, column, label, STYLE_LABEL, PANGO_ALIGN_LEFT);

          h += 1 + block_text (d, b, x, h + 1, column,
                               value != NULL && *value != '\0' ? value : "—",
                               STYLE_BODY, PANGO_ALIGN_LEFT);
          row_height = MAX (row_height, h);
        }
      b->height = row_height;
      b->space_before = i == 0 ? 2 : 7;
      add_block (d, b);
    }
}

/* --- the measures table --- */

enum { COL_MEASURE, COL_PROVIDER, COL_DATES, COL_STATUS, COL_BUDGET, N_COLUMNS };

static void
column_geometry (CarePlanDocument *d,
                 double            x[N_COLUMNS],
                 double            w[N_COLUMNS])
{
  /* Shares of the width; the budget column fits "999 999,99 €". */
  static const double shares[N_COLUMNS] = { 0.37, 0.22, 0.16, 0.10, 0.15 };
  double at = 0;

  for (int i = 0; i < N_COLUMNS; i++)
    {
      x[i] = at;
      w[i] = d->content_width * shares[i];
      at += w[i];
    }
}

static Block *
make_table_header (CarePlanDocument *d,
                   gboolean          continued)
{
  Block *b = block_new (d, CARE_PLAN_BLOCK_TABLE_HEADER);
  double x[N_COLUMNS], w[N_COLUMNS], h = 0;
  const char *titles[N_COLUMNS] = {
    tr (d, NC_("plan document", "Measure")),
    tr (d, NC_("plan document", "Provider")),
    tr (d, NC_("plan document", "Dates")),
    tr (d, NC_("plan document", "Status")),
    tr (d, NC_("plan document", "Budget")),
  };
  double top = 0;

  column_geometry (d, x, w);
  if (continued)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", tr (d, NC_("plan document", "Measures")),
                                               tr (d, NC_("plan document", "(continued)")));

      top = block_text (d, b, 0, 0, d->content_width, text, STYLE_LABEL, PANGO_ALIGN_LEFT) + 3;
    }
  for (int i = 0; i < N_COLUMNS; i++)
    h = MAX (h, block_text (d, b, x[i] + CELL_PAD, top + 4, w[i] - 2 * CELL_PAD, titles[i],
                            STYLE_SMALL_BOLD, i == COL_BUDGET ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT));
  /* The fill goes under the titles: it is drawn first. */
  g_array_insert_val (b->items, 0, ((Item) { ITEM_FILL, 0, top, d->content_width, h + 8, 0, TINT, NULL, 0, FALSE }));
  block_rule (b, 0, top + h + 8, d->content_width, 0, 0.8, ACCENT, FALSE);
  b->height = top + h + 8;
  b->in_table = TRUE;
  return b;
}

static char *
measure_dates (CarePlanDocument  *d,
               const CareMeasure *m)
{
  g_autofree char *start = format_date_with (d->catalog, &m->planned_start, TRUE);
  g_autofree char *end = format_date_with (d->catalog, &m->planned_end, TRUE);

  if (*start == '\0' && *end == '\0')
    return g_strdup ("—");
  if (*end == '\0' || g_str_equal (start, end))
    return g_steal_pointer (&start);
  if (*start == '\0')
    return g_strdup_printf ("→ %s", end);
  return g_strdup_printf ("%s\n→ %s", start, end);
}

static void
add_measure_row (CarePlanDocument  *d,
                 const CareMeasure *m,
                 int                index,
                 gboolean           counted)
{
  Block *b = block_new (d, CARE_PLAN_BLOCK_MEASURE);
  double x[N_COLUMNS], w[N_COLUMNS], h = 0, hm;
  g_autofree char *dates = measure_dates (d, m);
  g_autofree char *budget = doc_money (d, m->budget_cents, m->currency);

  column_geometry (d, x, w);

  /* Category over description: the category says what kind of help it
   * is, the description what exactly. */
  hm = block_text (d, b, x[COL_MEASURE] + CELL_PAD, ROW_PAD, w[COL_MEASURE] - 2 * CELL_PAD,
                   category_label (d, m->category), STYLE_SMALL_BOLD, PANGO_ALIGN_LEFT);
  if (m->description != NULL && *m->description != '\0')
    hm += 1 + block_text (d, b, x[COL_MEASURE] + CELL_PAD, ROW_PAD + hm + 1, w[COL_MEASURE] - 2 * CELL_PAD,
                          m->description, STYLE_SMALL, PANGO_ALIGN_LEFT);
  h = MAX (h, hm);

  h = MAX (h, block_text (d, b, x[COL_PROVIDER] + CELL_PAD, ROW_PAD, w[COL_PROVIDER] - 2 * CELL_PAD,
                          m->provider != NULL && *m->provider != '\0' ? m->provider : "—",
                          STYLE_SMALL, PANGO_ALIGN_LEFT));
  h = MAX (h, block_text (d, b, x[COL_DATES] + CELL_PAD, ROW_PAD, w[COL_DATES] - 2 * CELL_PAD,
                          dates, STYLE_SMALL, PANGO_ALIGN_LEFT));
  h = MAX (h, block_text (d, b, x[COL_STATUS] + CELL_PAD, ROW_PAD, w[COL_STATUS] - 2 * CELL_PAD,
                          status_label (d, m->status), STYLE_SMALL, PANGO_ALIGN_LEFT));

  {
    Item money = { ITEM_TEXT, x[COL_BUDGET] + CELL_PAD, ROW_PAD, w[COL_BUDGET] - 2 * CELL_PAD, 0, 0,
                   counted ? INK : MUTED, NULL, 0, FALSE };
    g_autofree char *money_markup = NULL;

    /* A cancelled measure, or one in another currency, stays readable
     * but visibly out of the totals. */
    money_markup = m->status == CARE_MEASURE_CANCELLED
      ? g_markup_printf_escaped ("<s>%s</s>", budget)
      : counted ? g_markup_printf_escaped ("%s", budget)
                : g_markup_printf_escaped ("%s*", budget);
    money.layout = make_layout (d, NULL, STYLE_SMALL, money.w, PANGO_ALIGN_RIGHT);
    pango_layout_set_markup (money.layout, money_markup, -1);
    money.h = layout_height (money.layout);
    g_array_append_val (b->items, money);
    h = MAX (h, money.h);
  }

  block_rule (b, 0, h + 2 * ROW_PAD, d->content_width, 0, 0.4, RULE, FALSE);
  b->height = h + 2 * ROW_PAD;
  b->in_table = TRUE;
  b->measure = index;
  add_block (d, b);
}

static void
add_group_row (CarePlanDocument *d,
               CareMeasureGroup  group)
{
  Block *b = block_new (d, CARE_PLAN_BLOCK_GROUP);
  double h = block_text (d, b, CELL_PAD, 7, d->content_width - 2 * CELL_PAD,
                         group_label (d, group), STYLE_BODY_BOLD, PANGO_ALIGN_LEFT);

  block_rule (b, 0, h + 9, d->content_width, 0, 0.6, ACCENT, FALSE);
  b->height = h + 9;
  b->in_table = TRUE;
  b->keep_with_next = TRUE;
  add_block (d, b);
}

static void
add_sum_row (CarePlanDocument  *d,
             CarePlanBlockKind  kind,
             const char        *label,
             const char        *amount)
{
  Block *b = block_new (d, kind);
  double x[N_COLUMNS], w[N_COLUMNS], h;
  gboolean total = kind == CARE_PLAN_BLOCK_TOTAL;
  Style style = total ? STYLE_BODY_BOLD : STYLE_SMALL_BOLD;
  double top = total ? 7 : 4;

  column_geometry (d, x, w);
  if (total)
    block_fill (b, 0, 2, d->content_width, 0, TINT);   /* height set below */
  h = block_text (d, b, CELL_PAD, top, x[COL_BUDGET] - 2 * CELL_PAD, label, style, PANGO_ALIGN_RIGHT);
  h = MAX (h, block_text (d, b, x[COL_BUDGET] + CELL_PAD, top, w[COL_BUDGET] - 2 * CELL_PAD,
                          amount, style, PANGO_ALIGN_RIGHT));
  if (total)
    {
      g_array_index (b->items, Item, 0).h = h + 2 * top - 4;
      block_rule (b, 0, 1, d->content_width, 0, 1.2, ACCENT, FALSE);
      block_rule (b, 0, 3, d->content_width, 0, 0.5, ACCENT, FALSE);
    }
  b->height = h + top + (total ? 7 : 4);
  b->in_table = TRUE;
  add_block (d, b);
}

static void
add_blank_row (CarePlanDocument *d)
{
  Block *b = block_new (d, CARE_PLAN_BLOCK_BLANK_ROW);
  double x[N_COLUMNS], w[N_COLUMNS];

  column_geometry (d, x, w);
  for (int i = 1; i < N_COLUMNS; i++)
    block_rule (b, x[i], 0, 0, 30, 0.3, RULE, FALSE);
  block_rule (b, 0, 30, d->content_width, 0, 0.4, RULE, FALSE);
  b->height = 30;
  b->in_table = TRUE;
  add_block (d, b);
}

static void
add_measures (CarePlanDocument *d)
{
  const CarePlanVersion *v = d->version;
  CarePlanTotals totals;
  gboolean any_other_currency = FALSE;

  care_plan_version_get_totals (v, d->currency, &totals);

  d->table_header = make_table_header (d, TRUE);
  {
    Block *header = make_table_header (d, FALSE);

    header->keep_with_next = TRUE;
    header->space_before = 4;
    add_block (d, header);
  }

  if (v->measures->len == 0)
    {
      /* A plan drafted at a meeting: ruled rows to write the measures in. */
      for (int i = 0; i < 8; i++)
        add_blank_row (d);
      add_sum_row (d, CARE_PLAN_BLOCK_TOTAL, tr (d, NC_("plan document", "Total budget")), "");
      return;
    }

  for (int group = 0; group < CARE_MEASURE_GROUP_COUNT; group++)
    {
      gboolean any = FALSE;
      g_autofree char *subtotal = NULL;
      g_autofree char *label = NULL;

      for (guint i = 0; i < v->measures->len; i++)
        {
          const CareMeasure *m = g_ptr_array_index (v->measures, i);
          gboolean same_currency;

          if ((int) care_measure_get_group (m) != group)
            continue;
          if (!any)
            add_group_row (d, group);
          any = TRUE;
          same_currency = m->currency == NULL || g_ascii_strcasecmp (m->currency, d->currency) == 0;
          if (!same_currency)
            any_other_currency = TRUE;
          add_measure_row (d, m, i, same_currency && m->status != CARE_MEASURE_CANCELLED);
        }
      if (!any)
        continue;
      /* A subtotal never starts a page on its own. */
      ((Block *) g_ptr_array_index (d->blocks, d->blocks->len - 1))->keep_with_next = TRUE;

      subtotal = doc_money (d, totals.planned_by_group[group], d->currency);
      /* Translators: %s is a group of measures: Economic, Social… */
      label = g_strdup_printf (tr (d, NC_("plan document", "Subtotal, %s")),
                               group_label (d, group));
      add_sum_row (d, CARE_PLAN_BLOCK_SUBTOTAL, label, subtotal);
    }

  {
    g_autofree char *total = doc_money (d, totals.planned_total, d->currency);

    add_sum_row (d, CARE_PLAN_BLOCK_TOTAL, tr (d, NC_("plan document", "Total budget")), total);
  }

  if (any_other_currency || totals.planned_total != 0)
    {
      GString *note = g_string_new (tr (d, NC_("plan document",
                                               "Cancelled measures are struck through and left out of the totals.")));

      if (any_other_currency)
        {
          g_string_append_c (note, ' ');
          /* Translators: %s is a currency code such as EUR. */
          g_string_append_printf (note, tr (d, NC_("plan document",
                                                   "* In another currency than %s, left out of the totals.")),
                                  d->currency);
        }
      add_paragraph (d, note->str, STYLE_LABEL, 6);
      g_string_free (note, TRUE);
    }
}

/* --- the other sections --- */

static void
add_title (CarePlanDocument *d)
{
  Block *b = block_new (d, CARE_PLAN_BLOCK_TITLE);
  double y = 0, logo_h = 0, text_width = d->content_width;
  g_autofree char *subtitle = NULL;
  g_autofree char *agreed = NULL;

  if (d->logo != NULL)
    {
      /* The logo is drawn at page level (it is an image, not a text). */
      logo_h = 44;
      text_width -= 140;
    }
  if (d->organisation != NULL && *d->organisation != '\0')
    y += block_text (d, b, 0, y, text_width, d->organisation, STYLE_ORGANISATION, PANGO_ALIGN_LEFT) + 8;
  y = MAX (y, logo_h + 6);
  y += block_text (d, b, 0, y, d->content_width, tr (d, NC_("plan document", "Individual reintegration plan")),
                   STYLE_TITLE, PANGO_ALIGN_LEFT) + 3;

  if (d->version->state == CARE_PLAN_AGREED)
    {
      agreed = doc_date (d, &d->version->agreed_on);
      /* Translators: %1$s is a case number, %2$u a version number, %3$s a date */
      subtitle = g_strdup_printf (tr (d, NC_("plan document", "Case %1$s  ·  Version %2$u  ·  Agreed on %3$s")),
                                  d->case_number, d->version->number, agreed);
    }
  else
    /* Translators: %1$s is a case number, %2$u a version number */
    subtitle = g_strdup_printf (tr (d, NC_("plan document", "Case %1$s  ·  Version %2$u  ·  Draft, not yet agreed")),
                                d->case_number, d->version->number);
  y += block_text (d, b, 0, y, d->content_width, subtitle, STYLE_SUBTITLE, PANGO_ALIGN_LEFT) + 8;
  block_rule (b, 0, y, d->content_width, 0, 2.0, ACCENT, FALSE);
  b->height = y + 2;
  add_block (d, b);
}

static void
add_beneficiary (CarePlanDocument *d)
{
  const CareCase *c = d->care_case;
  const CarePerson *p = c->person;
  g_autofree char *birth = NULL;
  const char *pairs[12];

  if (care_birth_date_is_year_only (&p->date_of_birth))
    birth = g_strdup_printf ("%u", (guint) p->date_of_birth.year);
  else if (care_birth_date_is_set (&p->date_of_birth))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, p->date_of_birth.day, p->date_of_birth.month, p->date_of_birth.year);
      birth = doc_date (d, &date);
    }

  add_heading (d, tr (d, NC_("plan document", "Beneficiary")));
  pairs[0] = tr (d, NC_("plan document", "Family name"));
  pairs[1] = p->family_name;
  pairs[2] = tr (d, NC_("plan document", "Given names"));
  pairs[3] = p->given_names;
  pairs[4] = tr (d, NC_("plan document", "Date of birth"));
  pairs[5] = birth;
  pairs[6] = tr (d, NC_("plan document", "Nationality"));
  pairs[7] = care_document_catalog_country (d->catalog, p->nationality);
  pairs[8] = tr (d, NC_("plan document", "Country of return"));
  pairs[9] = care_document_catalog_country (d->catalog, c->return_country);
  pairs[10] = tr (d, NC_("plan document", "Destination"));
  pairs[11] = c->destination;
  add_fields (d, pairs, 6);
}

static void
add_parties (CarePlanDocument *d)
{
  const CareCase *c = d->care_case;
  const GDate *return_date = care_case_get_return_date (c);
  g_autofree char *when = doc_date (d, return_date);
  const char *pairs[8];

  add_heading (d, tr (d, NC_("plan document", "Drafted with")));
  pairs[0] = tr (d, NC_("plan document", "Referring association"));
  pairs[1] = c->referring_organisation;
  pairs[2] = tr (d, NC_("plan document", "Contact at the association"));
  pairs[3] = c->referral_contact;
  pairs[4] = tr (d, NC_("plan document", "Caseworker"));
  pairs[5] = c->caseworker;
  pairs[6] = care_date_is_set (&c->arrival_date)
    ? tr (d, NC_("plan document", "Date of return"))
    : tr (d, NC_("plan document", "Planned date of return"));
  pairs[7] = when;
  add_fields (d, pairs, 4);
}

static void
add_objectives (CarePlanDocument *d)
{
  const char *objectives = d->version->objectives;

  add_heading (d, tr (d, NC_("plan document", "Objectives")));
  if (objectives == NULL || *objectives == '\0')
    {
      /* Room to write them in by hand. */
      for (int i = 0; i < 3; i++)
        {
          Block *b = block_new (d, CARE_PLAN_BLOCK_TEXT);

          block_rule (b, 0, 22, d->content_width, 0, 0.4, RULE, FALSE);
          b->height = 24;
          add_block (d, b);
        }
      return;
    }

  {
    g_auto(GStrv) paragraphs = g_strsplit (objectives, "\n", -1);
    gboolean first = TRUE;

    for (guint i = 0; paragraphs[i] != NULL; i++)
      {
        g_strstrip (paragraphs[i]);
        if (*paragraphs[i] == '\0')
          continue;
        add_paragraph (d, paragraphs[i], STYLE_BODY, first ? 2 : 5);
        first = FALSE;
      }
  }
}

static void
add_followup (CarePlanDocument *d)
{
  const CareConsent *consent = &d->care_case->consent_followup;
  g_autoptr(GString) months = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *consent_text = NULL;

  for (guint i = 0; i < d->n_followup_months; i++)
    {
      if (i > 0)
        g_string_append (months, i + 1 == d->n_followup_months
                                 ? tr (d, NC_("plan document", " and "))
                                 : ", ");
      g_string_append_printf (months, "%u", d->followup_months[i]);
    }

  add_heading (d, tr (d, NC_("plan document", "Follow-up")));
  /* Translators: %1$u is a number of months (12); %2$s a list such as "1, 3, 6, 9 and 12" */
  text = g_strdup_printf (tr (d, NC_("plan document",
                                     "With the beneficiary’s consent, the programme stays in touch for %1$u months "
                                     "after the return, to see how the plan is going and to adjust it: contacts are "
                                     "planned %2$s months after arrival. Consent can be withdrawn at any time, "
                                     "without any effect on the help already agreed.")),
                          d->followup_max_months, months->str);
  add_paragraph (d, text, STYLE_BODY, 2);

  if (consent->state == CARE_CONSENT_GIVEN)
    {
      g_autofree char *on = doc_date (d, &consent->decided_on);

      consent_text = *on != '\0'
        /* Translators: %s is a date */
        ? g_strdup_printf (tr (d, NC_("plan document", "Consent to follow-up: given on %s.")), on)
        : g_strdup (tr (d, NC_("plan document", "Consent to follow-up: given.")));
    }
  else if (consent->state == CARE_CONSENT_REFUSED)
    consent_text = g_strdup (tr (d, NC_("plan document", "Consent to follow-up: refused.")));
  else if (consent->state == CARE_CONSENT_WITHDRAWN)
    consent_text = g_strdup (tr (d, NC_("plan document", "Consent to follow-up: withdrawn.")));
  else
    consent_text = g_strdup (tr (d, NC_("plan document",
                                        "Consent to follow-up: to be asked when this plan is signed.")));
  add_paragraph (d, consent_text, STYLE_BODY_BOLD, 5);
}

static void
add_signatures (CarePlanDocument *d)
{
  const CareCase *c = d->care_case;
  Block *b = block_new (d, CARE_PLAN_BLOCK_SIGNATURES);
  g_autofree char *beneficiary = NULL;
  const char *roles[3] = {
    tr (d, NC_("plan document", "The beneficiary")),
    tr (d, NC_("plan document", "The caseworker")),
    tr (d, NC_("plan document", "The referring association")),
  };
  const char *names[3];
  double gap = 14, width = (d->content_width - 2 * gap) / 3;
  double y, bottom = 0;

  beneficiary = g_strdup_printf ("%s %s", c->person->given_names != NULL ? c->person->given_names : "",
                                 c->person->family_name != NULL ? c->person->family_name : "");
  g_strstrip (beneficiary);
  names[0] = beneficiary;
  names[1] = c->caseworker;
  names[2] = c->referring_organisation;

  add_heading (d, tr (d, NC_("plan document", "Signatures")));
  y = block_text (d, b, 0, 2, d->content_width,
                  tr (d, NC_("plan document",
                             "The parties have read this plan, agree to it and each keep a signed copy.")),
                  STYLE_BODY, PANGO_ALIGN_LEFT) + 12;

  for (int i = 0; i < 3; i++)
    {
      double x = i * (width + gap);
      double yy = y;

      block_rule (b, x, yy, width, 0, 1.2, ACCENT, FALSE);
      yy += 5;
      yy += block_text (d, b, x, yy, width, roles[i], STYLE_SMALL_BOLD, PANGO_ALIGN_LEFT) + 2;
      yy += block_text (d, b, x, yy, width, names[i] != NULL && *names[i] != '\0' ? names[i] : " ",
                        STYLE_BODY, PANGO_ALIGN_LEFT) + 12;
      /* Place and date are written by hand on the day. */
      block_text (d, b, x, yy, width, tr (d, NC_("plan document", "Place")), STYLE_LABEL, PANGO_ALIGN_LEFT);
      yy += 14;
      block_rule (b, x, yy, width, 0, 0.5, MUTED, TRUE);
      yy += 6;
      block_text (d, b, x, yy, width, tr (d, NC_("plan document", "Date")), STYLE_LABEL, PANGO_ALIGN_LEFT);
      yy += 14;
      block_rule (b, x, yy, width, 0, 0.5, MUTED, TRUE);
      yy += 6;
      block_text (d, b, x, yy, width, tr (d, NC_("plan document", "Signature")), STYLE_LABEL, PANGO_ALIGN_LEFT);
      yy += 46;
      block_rule (b, x, yy, width, 0, 0.8, INK, FALSE);
      bottom = MAX (bottom, yy);
    }
  b->height = bottom + 2;
  b->space_before = 2;
  add_block (d, b);
}

/* --- pagination --- */

static double
first_top (CarePlanDocument *d)
{
  return MARGIN_TOP;
}

static double
continuation_top (CarePlanDocument *d)
{
  /* Later pages carry a running head. */
  return MARGIN_TOP + 18;
}

static void
place (CarePlanDocument *d,
       Block            *b,
       guint             page,
       double            y)
{
  CarePlanBlockPlacement p = { b->kind, page, y, b->height, b->measure };

  g_array_append_val (d->placements, p);
  g_ptr_array_add (d->placed_blocks, b);
}

static void
paginate (CarePlanDocument *d)
{
  double bottom = d->page_height - MARGIN_BOTTOM;
  double top = first_top (d);
  double y = top;
  guint page = 0;

  for (guint i = 0; i < d->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (d->blocks, i);
      double need = (y > top ? b->space_before : 0) + b->height;
      double chain = need;

      /* A heading, a group title or a table header goes with what follows
       * it, unless the chain could never fit one page. */
      for (guint j = i; j + 1 < d->blocks->len; j++)
        {
          Block *bj = g_ptr_array_index (d->blocks, j);
          Block *next = g_ptr_array_index (d->blocks, j + 1);

          if (!bj->keep_with_next)
            break;
          chain += next->space_before + next->height;
        }
      if (chain > bottom - continuation_top (d))
        chain = need;

      if (y > top && y + chain > bottom)
        {
          page++;
          top = continuation_top (d);
          y = top;
          need = b->height;
          if (b->in_table && b->kind != CARE_PLAN_BLOCK_TABLE_HEADER)
            {
              place (d, d->table_header, page, y);
              y += d->table_header->height;
            }
        }
      place (d, b, page, y + need - b->height);
      y += need;
    }
  d->n_pages = page + 1;
}

/* --- drawing --- */

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static void
draw_block (cairo_t *cr,
            Block   *b,
            double   x0,
            double   y0)
{
  for (guint i = 0; i < b->items->len; i++)
    {
      Item *item = &g_array_index (b->items, Item, i);

      set_rgb (cr, item->rgb);
      switch (item->kind)
        {
        case ITEM_TEXT:
          cairo_move_to (cr, x0 + item->x, y0 + item->y);
          pango_cairo_show_layout (cr, item->layout);
          break;
        case ITEM_LINE_OF_TEXT:
          cairo_move_to (cr, x0 + item->x, y0 + item->y);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (item->layout, item->line));
          break;
        case ITEM_RULE:
          cairo_save (cr);
          cairo_set_line_width (cr, item->line_width);
          if (item->dashed)
            cairo_set_dash (cr, (double[]) { 1.0, 2.0 }, 2, 0);
          cairo_move_to (cr, x0 + item->x, y0 + item->y);
          cairo_line_to (cr, x0 + item->x + item->w, y0 + item->y + item->h);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;
        case ITEM_FILL:
          cairo_rectangle (cr, x0 + item->x, y0 + item->y, item->w, item->h);
          cairo_fill (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
draw_watermark (CarePlanDocument *d,
                cairo_t          *cr)
{
  g_autoptr(PangoLayout) layout = make_layout (d, tr (d, NC_("plan document", "DRAFT")), STYLE_WATERMARK,
                                               -1, PANGO_ALIGN_CENTER);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, d->page_width / 2, d->page_height / 2);
  cairo_rotate (cr, -atan2 (d->page_height, d->page_width));
  cairo_move_to (cr, -pango_units_to_double (w) / 2, -pango_units_to_double (h) / 2);
  cairo_set_source_rgba (cr, ((DRAFT_INK >> 16) & 0xff) / 255.0, ((DRAFT_INK >> 8) & 0xff) / 255.0,
                         (DRAFT_INK & 0xff) / 255.0, 0.10);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_running_head (CarePlanDocument *d,
                   cairo_t          *cr)
{
  g_autofree char *text = g_strdup_printf ("%s  ·  %s", tr (d, NC_("plan document", "Individual reintegration plan")),
                                           d->case_number);
  g_autoptr(PangoLayout) layout = make_layout (d, text, STYLE_FOOTER, d->content_width, PANGO_ALIGN_LEFT);

  set_rgb (cr, MUTED);
  cairo_move_to (cr, MARGIN_SIDE, MARGIN_TOP);
  pango_cairo_show_layout (cr, layout);
}

/* A stamp in the top margin of every page of a draft, besides the
 * watermark: the watermark fades on a poor photocopy, the stamp does not. */
static void
draw_draft_stamp (CarePlanDocument *d,
                  cairo_t          *cr)
{
  g_autoptr(PangoLayout) layout = make_layout (d, tr (d, NC_("plan document", "DRAFT")), STYLE_SMALL_BOLD,
                                               -1, PANGO_ALIGN_LEFT);
  PangoRectangle ink;
  double x, y = 20, pad = 4;

  pango_layout_get_extents (layout, NULL, &ink);
  x = MARGIN_SIDE + d->content_width - pango_units_to_double (ink.width) - pad;
  set_rgb (cr, DRAFT_INK);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, x - pad, y - 2, pango_units_to_double (ink.width) + 2 * pad,
                   pango_units_to_double (ink.height) + 4);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_footer (CarePlanDocument *d,
             cairo_t          *cr,
             guint             page)
{
  double y = d->page_height - FOOTER_OFFSET;
  g_autofree char *left = NULL, *centre = NULL, *right = NULL, *code = NULL;
  g_autoptr(PangoLayout) l1 = NULL, l2 = NULL, l3 = NULL;

  code = care_plan_code_format (d->code);
  /* Translators: footer of every page; %1$s is a case number, %2$u a version number */
  left = g_strdup_printf (tr (d, NC_("plan document", "%1$s, version %2$u")), d->case_number, d->version->number);
  /* Translators: footer of every page; %1$u is this page's number, %2$u the number of pages */
  centre = g_strdup_printf (tr (d, NC_("plan document", "Page %1$u of %2$u")), page + 1, d->n_pages);
  /* Translators: footer of every page; %1$s is a date, %2$s a code such as ABCD-EFGH */
  right = g_strdup_printf (tr (d, NC_("plan document", "Generated on %1$s  ·  Verification code %2$s")),
                           d->generated_on, code);

  set_rgb (cr, RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, y);
  cairo_line_to (cr, MARGIN_SIDE + d->content_width, y);
  cairo_stroke (cr);

  set_rgb (cr, MUTED);
  l1 = make_layout (d, left, STYLE_FOOTER, d->content_width * 0.3, PANGO_ALIGN_LEFT);
  l2 = make_layout (d, centre, STYLE_FOOTER, d->content_width * 0.2, PANGO_ALIGN_CENTER);
  l3 = make_layout (d, right, STYLE_FOOTER, d->content_width * 0.5, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, MARGIN_SIDE, y + 5);
  pango_cairo_show_layout (cr, l1);
  cairo_move_to (cr, MARGIN_SIDE + d->content_width * 0.3, y + 5);
  pango_cairo_show_layout (cr, l2);
  cairo_move_to (cr, MARGIN_SIDE + d->content_width * 0.5, y + 5);
  pango_cairo_show_layout (cr, l3);
}

static void
draw_logo (CarePlanDocument *d,
           cairo_t          *cr)
{
  double w = cairo_image_surface_get_width (d->logo);
  double h = cairo_image_surface_get_height (d->logo);
  double scale = MIN (44 / h, 130 / w);

  cairo_save (cr);
  cairo_translate (cr, MARGIN_SIDE + d->content_width - w * scale, MARGIN_TOP);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, d->logo, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
care_plan_document_draw_page (CarePlanDocument *document,
                              cairo_t          *cr,
                              guint             page)
{
  g_return_if_fail (document != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < document->n_pages);

  cairo_save (cr);
  if (document->version->state == CARE_PLAN_DRAFT)
    {
      draw_watermark (document, cr);
      draw_draft_stamp (document, cr);
    }
  if (page == 0 && document->logo != NULL)
    draw_logo (document, cr);
  if (page > 0)
    draw_running_head (document, cr);

  for (guint i = 0; i < document->placements->len; i++)
    {
      const CarePlanBlockPlacement *p = &g_array_index (document->placements, CarePlanBlockPlacement, i);

      if (p->page == page)
        draw_block (cr, g_ptr_array_index (document->placed_blocks, i), MARGIN_SIDE, p->y);
    }

  draw_footer (document, cr, page);
  cairo_restore (cr);
}

/* --- construction --- */

static void
read_settings (CarePlanDocument         *d,
               const CareSettings       *settings)
{
  g_autoptr(CareSettings) defaults = NULL;

  if (settings == NULL)
    settings = defaults = care_settings_new ();

  d->n_followup_months = MIN (settings->followup_months->len, G_N_ELEMENTS (d->followup_months));
  for (guint i = 0; i < d->n_followup_months; i++)
    d->followup_months[i] = g_array_index (settings->followup_months, guint, i);
  d->followup_max_months = settings->followup_max_months;
  g_strlcpy (d->currency, settings->currency != NULL ? settings->currency : CARE_MONEY_DEFAULT_CURRENCY,
             sizeof d->currency);
}

static PangoContext *
make_context (const char *language)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinting would make text widths depend on the device: the print
   * preview and the PDF would then break pages differently. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* The language picks the right glyph variants and hyphenation. */
  pango_context_set_language (context, pango_language_from_string (language));
  return context;
}

CarePlanDocument *
care_plan_document_new (const CareCase                 *care_case,
                        guint                           version,
                        const CarePlanDocumentOptions  *options,
                        GError                        **error)
{
  g_autoptr(CarePlanDocument) d = NULL;
  g_autoptr(CarePlanVersion) empty = NULL;
  const CarePlanVersion *v;
  const CarePlanDocumentOptions defaults = { 0 };
  g_autoptr(GDateTime) now = NULL;
  GDateTime *generated_at;
  GDate today;
  const char *language;

  g_return_val_if_fail (care_case != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  v = version == 0 ? care_plan_get_current (care_case->plan) : care_plan_get_version (care_case->plan, version);
  if (v == NULL && version == 0)
    {
      /* No plan yet: an empty draft, to be filled in by hand at the
       * meeting where the plan is drafted. */
      empty = care_plan_version_new (1);
      empty->language = g_strdup (care_case->plan_language);
      v = empty;
    }
  if (v == NULL)
    {
      /* Translators: %u is a plan version number */
      g_set_error (error, CARE_PLAN_DOCUMENT_ERROR, CARE_PLAN_DOCUMENT_ERROR_NO_VERSION,
                   _("This case’s plan has no version %u."), version);
      return NULL;
    }

  language = options->language;
  if (language == NULL || *language == '\0')
    language = v->language;
  if (language == NULL || *language == '\0')
    language = care_case->plan_language;
  if (language == NULL || *language == '\0')
    language = "en";
  if (!g_str_has_prefix (language, "fr") && !g_str_has_prefix (language, "en"))
    {
      /* Translators: %s is a language code such as "de" */
      g_set_error (error, CARE_PLAN_DOCUMENT_ERROR, CARE_PLAN_DOCUMENT_ERROR_LANGUAGE,
                   _("Plans can be printed in French (fr) or English (en), not in “%s”."), language);
      return NULL;
    }

  d = g_new0 (CarePlanDocument, 1);
  d->care_case = care_case_copy (care_case);
  d->version = care_plan_version_copy (v);
  d->language = g_strndup (language, 2);
  d->catalog = care_document_catalog_get (d->language);
  d->case_number = care_case_number_format (&care_case->number);
  d->code = care_plan_code_compute (care_case, v);
  d->parts = care_plan_code_compute_parts (care_case, v);
  d->organisation = g_strdup (options->organisation);
  d->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  d->placements = g_array_new (FALSE, FALSE, sizeof (CarePlanBlockPlacement));
  d->placed_blocks = g_ptr_array_new ();
  read_settings (d, options->settings);

  if (options->paper == CARE_PAPER_LETTER)
    {
      d->page_width = 612;
      d->page_height = 792;
    }
  else
    {
      d->page_width = 595.276;
      d->page_height = 841.890;
    }
  d->content_width = d->page_width - 2 * MARGIN_SIDE;

  if (options->logo_path != NULL && *options->logo_path != '\0')
    {
      cairo_surface_t *logo = cairo_image_surface_create_from_png (options->logo_path);

      if (cairo_surface_status (logo) == CAIRO_STATUS_SUCCESS &&
          cairo_image_surface_get_width (logo) > 0 && cairo_image_surface_get_height (logo) > 0)
        d->logo = logo;
      else
        {
          g_warning ("The organisation's logo could not be read as a PNG image; printing without it");
          cairo_surface_destroy (logo);
        }
    }

  generated_at = options->generated_at;
  if (generated_at == NULL)
    generated_at = now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (generated_at),
                  g_date_time_get_month (generated_at), g_date_time_get_year (generated_at));
  d->generated_on = doc_date (d, &today);
  /* Translators: the title of a printed plan in print queues and PDF
   * properties, where no personal data may show; %s is a case number */
  d->title = g_strdup_printf (tr (d, NC_("plan document", "Reintegration plan %s")), d->case_number);

  d->context = make_context (d->language);
  add_title (d);
  add_beneficiary (d);
  add_parties (d);
  add_objectives (d);
  add_heading (d, tr (d, NC_("plan document", "Measures")));
  add_measures (d);
  add_followup (d);
  add_signatures (d);
  paginate (d);

  return g_steal_pointer (&d);
}

void
care_plan_document_free (CarePlanDocument *document)
{
  if (document == NULL)
    return;

  g_clear_pointer (&document->care_case, care_case_free);
  g_clear_pointer (&document->version, care_plan_version_free);
  g_clear_pointer (&document->blocks, g_ptr_array_unref);
  g_clear_pointer (&document->table_header, block_free);
  g_clear_pointer (&document->placements, g_array_unref);
  g_clear_pointer (&document->placed_blocks, g_ptr_array_unref);
  g_clear_pointer (&document->logo, cairo_surface_destroy);
  g_clear_object (&document->context);
  g_free (document->language);
  g_free (document->case_number);
  g_free (document->code);
  g_free (document->parts);
  g_free (document->title);
  g_free (document->generated_on);
  g_free (document->organisation);
  g_free (document);
}

guint
care_plan_document_get_n_pages (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);
  return document->n_pages;
}

void
care_plan_document_get_page_size (CarePlanDocument *document,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (document != NULL);
  if (width != NULL)
    *width = document->page_width;
  if (height != NULL)
    *height = document->page_height;
}

const char *
care_plan_document_get_language (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return document->language;
}

const char *
care_plan_document_get_case_number (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return document->case_number;
}

guint
care_plan_document_get_version (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);
  return document->version->number;
}

gboolean
care_plan_document_is_draft (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, FALSE);
  return document->version->state == CARE_PLAN_DRAFT;
}

const GDate *
care_plan_document_get_agreed_on (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return &document->version->agreed_on;
}

const char *
care_plan_document_get_code (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return document->code;
}

const char *
care_plan_document_get_parts (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return document->parts;
}

const char *
care_plan_document_get_title (CarePlanDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return document->title;
}

const CarePlanBlockPlacement *
care_plan_document_get_placements (CarePlanDocument *document,
                                   guint            *n_placements)
{
  g_return_val_if_fail (document != NULL, NULL);
  if (n_placements != NULL)
    *n_placements = document->placements->len;
  return (const CarePlanBlockPlacement *) (gpointer) document->placements->data;
}
