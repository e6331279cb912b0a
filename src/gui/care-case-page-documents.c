/* care-case-page-documents.c — the Documents page of a case: the files
 * attached to it (care-case-documents.c), handed the case this page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include "care-case-documents.h"
#include "care-case-page-private.h"

/* The Documents page shows the case once it is saved (a new case has no
 * number yet), and nothing while the vault is locked. */
void
care_case_page_hand_case_to_documents (CareCasePage *self)
{
  g_autofree char *number = NULL;

  if (self->draft != NULL && !self->is_new)
    number = care_case_number_format (&self->draft->number);
  care_case_documents_set_case (self->documents, self->vault, number);
}

/* Each change of a document is an entry in the case's history. */
static void
documents_changed_cb (CareCasePage *self)
{
  care_case_page_fill_history (self);
}

void
care_case_page_class_init_documents (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CareCasePage, documents);
  gtk_widget_class_bind_template_callback (widget_class, documents_changed_cb);
}
