/* care-country-row.h — an entry row for a country, typed by name or code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARE_TYPE_COUNTRY_ROW (care_country_row_get_type())

G_DECLARE_FINAL_TYPE (CareCountryRow, care_country_row, CARE, COUNTRY_ROW, AdwEntryRow)

/* The countries offered for what is typed, as shown under the row: for
 * tests, and for whoever wants to know what Enter or a click would choose. */
GtkWidget *care_country_row_get_suggestions (CareCountryRow *self);
void       care_country_row_choose          (CareCountryRow *self,
                                             const char     *code);

G_END_DECLS
