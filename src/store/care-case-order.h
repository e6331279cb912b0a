/* care-case-order.h — putting a list of case summaries in the order asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "care-case-store.h"

G_BEGIN_DECLS

/* Sorts SUMMARIES (CareCaseSummary, in case-number order) by ORDER; ties
 * keep their case-number order, whichever the direction. Names and country
 * names are compared as the calling thread's locale collates them, so a
 * worker thread must have the interface's locale. FALSE when CANCELLABLE
 * was cancelled while the keys were made (SUMMARIES is then unchanged). */
gboolean care_case_summaries_sort (GPtrArray     *summaries,
                                   CareCaseOrder  order,
                                   gboolean       descending,
                                   GCancellable  *cancellable);

G_END_DECLS
