/* care-progress.h — how long operations on many cases say how far they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FRACTION goes from 0.0 to 1.0 and never back; called often enough for a
 * progress bar (a few hundred times per operation at most), from the
 * thread that runs the operation. */
typedef void (*CareProgressFunc) (double   fraction,
                                  gpointer user_data);

G_END_DECLS
