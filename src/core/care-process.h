/* care-process.h — process-wide protections for personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean care_process_forbid_core_dumps (GError **error);

G_END_DECLS
