/* care-plan-print.h — printing a plan through GTK's print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "care-plan-document.h"

G_BEGIN_DECLS

/* Shows the print dialog (with its preview) for DOCUMENT, which the same
 * renderer draws as for the PDF export. The operation keeps its own
 * reference to what it needs; PARENT may be NULL. Returns FALSE with
 * ERROR when printing could not start. */
gboolean care_plan_print (CarePlanDocument  *document,
                          GtkWindow         *parent,
                          GError           **error);

G_END_DECLS
