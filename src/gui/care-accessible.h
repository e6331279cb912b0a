/* care-accessible.h — names that screen readers say once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From now on, every button and check button of the process with a
 * mnemonic in its label is named by its label alone, without the
 * underscore (see care-accessible.c). Called once, at start-up. */
void  care_accessible_name_mnemonic_buttons (void);

/* "_Back Up Vault…" → "Back Up Vault…"; "__" stands for "_". */
char *care_accessible_strip_mnemonic        (const char *label);

G_END_DECLS
