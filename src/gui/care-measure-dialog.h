/* care-measure-dialog.h — one measure of a draft plan, added or edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-plan.h"

G_BEGIN_DECLS

#define CARE_TYPE_MEASURE_DIALOG (care_measure_dialog_get_type())

G_DECLARE_FINAL_TYPE (CareMeasureDialog, care_measure_dialog, CARE, MEASURE_DIALOG, AdwWindow)

/* MEASURE: the measure to edit, or NULL for a new one in CURRENCY.
 * "saved" hands over the measure as typed once it is valid. */
CareMeasureDialog *care_measure_dialog_new (GtkWindow         *parent,
                                            const CareMeasure *measure,
                                            const char        *currency);

G_END_DECLS
