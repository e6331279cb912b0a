/* care-fold.c — text folded for comparison: no case, no accents
 *
 * One folding for the names people type: a person's names (duplicates)
 * and a country's (typed by name in either language).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-fold"

#include "config.h"

#include <string.h>

#include "care-fold.h"

char *
care_fold_text (const char    *text,
                CareFoldSigns  signs)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_ismark (ch))
        continue;
      if (g_unichar_isspace (ch) || (signs == CARE_FOLD_SIGNS_AS_SPACE && !g_unichar_isalnum (ch)))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}
