/* care-plan-print.c — printing a plan through GTK's print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-print"

#include "config.h"


#include "care-plan-print.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  CarePlanDocument *document = user_data;

  /* The document was paginated once, for its own page size: the print
   * preview shows exactly the pages of the PDF. */
  gtk_print_operation_set_n_pages (operation, care_plan_document_get_n_pages (document));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  CarePlanDocument *document = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;

  /* With a full-page print and points as the unit, the context's origin
   * is the page's corner; a printer with a smaller sheet gets the page
   * scaled down rather than cut. */
  care_plan_document_get_page_size (document, &width, &height);
  cairo_save (cr);
  if (gtk_print_context_get_width (context) < width || gtk_print_context_get_height (context) < height)
    {
      double scale = MIN (gtk_print_context_get_width (context) / width,
                          gtk_print_context_get_height (context) / height);

      cairo_scale (cr, scale, scale);
    }
  care_plan_document_draw_page (document, cr, page_nr);
  cairo_restore (cr);
}

gboolean
care_plan_print (CarePlanDocument  *document,
                 GtkWindow         *parent,
                 GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height;
  GtkPrintOperationResult result;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);

  care_plan_document_get_page_size (document, &width, &height);
  paper = gtk_paper_size_new (width > 600 ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The job's name shows in print queues: the case number, never a name. */
  gtk_print_operation_set_job_name (operation, care_plan_document_get_title (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);

  /* Synchronous: DOCUMENT stays valid for as long as the operation runs. */
  gtk_print_operation_set_allow_async (operation, FALSE);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
