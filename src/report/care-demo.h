/* care-demo.h — a realistic synthetic programme, for trying CARE and for
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-progress.h"
#include "care-settings.h"
#include "care-vault.h"

G_BEGIN_DECLS

/* Adds COUNT invented cases to VAULT, and the partner organisations they
 * refer to (referring associations in the host countries, return offices
 * and service providers in the countries of return; reused when they are
 * already in the directory). The same SEED on the same vault contents
 * gives the same cases.
 *
 * The people come from the countries people return to, their names written
 * in their own scripts; their referrals and returns spread over the
 * programme's window, about 8% of them minors and a few ineligible; the
 * cases are at every stage, from referred to closed, with assessments,
 * plans of one or two versions, arrival assistance, follow-ups done and
 * overdue as of TODAY (NULL: the local date).
 *
 * Saved through the store in transactions of a thousand cases; on error
 * the cases of the current transaction are rolled back, earlier ones stay. */
gboolean   care_demo_generate   (CareVault          *vault,
                                 guint               count,
                                 guint32             seed,
                                 const CareSettings *settings,
                                 const GDate        *today,
                                 CareProgressFunc    progress,
                                 gpointer            progress_data,
                                 GError            **error);

G_END_DECLS
