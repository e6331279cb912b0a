/* care-i18n.h — gettext set-up shared by the application and care-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         care_i18n_init          (void);
const char  *care_i18n_get_localedir (void);

G_END_DECLS
