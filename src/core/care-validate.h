/* care-validate.h — checks on what is typed or imported, with reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-case.h"
#include "care-date.h"
#include "care-partner.h"
#include "care-settings.h"

G_BEGIN_DECLS

#define CARE_VALIDATE_ERROR (care_validate_error_quark ())

typedef enum
{
  CARE_VALIDATE_ERROR_REQUIRED,
  CARE_VALIDATE_ERROR_TOO_LONG,
  CARE_VALIDATE_ERROR_INVALID_TEXT,
  CARE_VALIDATE_ERROR_UNKNOWN_COUNTRY,
  CARE_VALIDATE_ERROR_UNKNOWN_CURRENCY,
  CARE_VALIDATE_ERROR_DATE_ORDER,
  CARE_VALIDATE_ERROR_FUTURE_DATE,
  CARE_VALIDATE_ERROR_OUT_OF_RANGE,
  CARE_VALIDATE_ERROR_AMOUNT,
} CareValidateError;

/* Length limits, in characters (not bytes: names in Arabic or Tigrinya
 * script take two or three bytes a letter). Generous for any real value,
 * small enough that a pasted document is refused. */
#define CARE_NAME_MAX_CHARS   100
#define CARE_TEXT_MAX_CHARS   200
#define CARE_NOTES_MAX_CHARS  20000

GQuark     care_validate_error_quark      (void);

/* Each check returns NULL when the value is acceptable, else an error in
 * CARE_VALIDATE_ERROR (or CARE_MONEY_ERROR) whose message names @label. */
GError    *care_validate_required         (const char          *text,
                                           const char          *label);
GError    *care_validate_text             (const char          *text,
                                           gsize                max_chars,
                                           gboolean             multiline,
                                           const char          *label);
GError    *care_validate_country_code     (const char          *code,
                                           const char          *label);
GError    *care_validate_currency_code    (const char          *code,
                                           const char          *label);
GError    *care_validate_date_order       (const GDate         *earlier,
                                           const char          *earlier_label,
                                           const GDate         *later,
                                           const char          *later_label);
GError    *care_validate_not_future       (const GDate         *date,
                                           const GDate         *today,
                                           const char          *label);
GError    *care_validate_birth_date       (const CareBirthDate *birth,
                                           const GDate         *today);
GError    *care_validate_amount           (gint64               cents,
                                           const char          *label);
GError    *care_validate_score            (guint                score,
                                           const char          *label);

GPtrArray *care_measure_validate          (const CareMeasure   *measure);
GPtrArray *care_partner_validate          (const CarePartner   *partner);
GPtrArray *care_case_validate             (const CareCase      *care_case,
                                           const CareSettings  *settings,
                                           const GDate         *today);

G_END_DECLS
