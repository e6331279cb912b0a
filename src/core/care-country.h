/* care-country.h — ISO 3166-1 countries and ISO 4217 currencies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tables and their translations come from Debian's iso-codes package,
 * read once on first use. Codes are looked up without regard to case and
 * handed back in their canonical upper-case form. */

#define CARE_COUNTRY_ERROR (care_country_error_quark ())

typedef enum
{
  CARE_COUNTRY_ERROR_DATA,
  CARE_COUNTRY_ERROR_UNKNOWN,
  CARE_COUNTRY_ERROR_AMBIGUOUS,
} CareCountryError;

GQuark              care_country_error_quark        (void);

gboolean            care_country_tables_load        (GError    **error);

const char         *care_country_canonical_code     (const char *code);
gboolean            care_country_is_known           (const char *code);
const char         *care_country_get_name           (const char *code);
const char         *care_country_get_english_name   (const char *code);
const char * const *care_country_get_codes          (void);
const char         *care_country_get_french_name    (const char *code);

/* Countries as a person types them: by code, or by name in the interface
 * language, English or French, without regard to case or accents. */
GPtrArray          *care_country_match              (const char *text,
                                                     guint       limit);
const char         *care_country_parse              (const char *text,
                                                     GError    **error);

const char         *care_currency_canonical_code    (const char *code);
gboolean            care_currency_is_known          (const char *code);
const char         *care_currency_get_name          (const char *code);
const char         *care_currency_get_english_name  (const char *code);
const char * const *care_currency_get_codes         (void);

G_END_DECLS
