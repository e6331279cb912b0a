/* care-fold.h — text folded for comparison: no case, no accents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CARE_FOLD_KEEP_SIGNS,        /* only whitespace separates words */
  CARE_FOLD_SIGNS_AS_SPACE,    /* anything but letters and digits separates words */
} CareFoldSigns;

/* Compatibility decomposition, case folding, no combining marks, words
 * separated by single spaces: "  ÇELİK  Ayşe" and "celik ayse" fold alike
 * (and, with CARE_FOLD_SIGNS_AS_SPACE, "Côte d’Ivoire" and "COTE D IVOIRE").
 * NULL folds to "". */
char *care_fold_text (const char    *text,
                      CareFoldSigns  signs);

G_END_DECLS
