/* care-exchange.h — the primary menu's Import Cases…, Export Cases… and
 * Check Vault…: care-cli's import, export and check, for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-window.h"

G_BEGIN_DECLS

/* Installs exchange.import, exchange.export and exchange.check on the
 * window's class; care_exchange_update_actions sets whether they can run. */
void      care_exchange_install_actions (GtkWidgetClass *widget_class);
void      care_exchange_update_actions  (CareWindow     *window);

/* What the file choosers' responses run, off the main thread: the tests
 * call them with a file of their own. */
void      care_exchange_import          (CareWindow     *window,
                                         GFile          *file);
void      care_exchange_export          (CareWindow     *window,
                                         GFile          *file);
void      care_exchange_check           (CareWindow     *window);
gboolean  care_exchange_is_busy         (CareWindow     *window);

G_END_DECLS
