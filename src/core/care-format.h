/* care-format.h — dates, numbers and money the way each language writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CARE_DATE_LONG,      /* 30 novembre 2026 / 30 November 2026 */
  CARE_DATE_NUMERIC,   /* 30/11/2026 in both */
} CareDateStyle;

/* LANGUAGE is "fr" or "en"; NULL means the interface's language. */
char *care_format_date   (const GDate *date,
                          CareDateStyle style,
                          const char  *language);
char *care_format_number (gint64       value,
                          const char  *language);
char *care_format_money  (gint64       cents,
                          const char  *currency,
                          const char  *language);

G_END_DECLS
