/* care-money.h — amounts of money, in cents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Amounts are whole cents in a gint64: budgets are added up and compared
 * with the donor's figures, and binary floating point would lose cents. */

#define CARE_MONEY_ERROR (care_money_error_quark ())

typedef enum
{
  CARE_MONEY_ERROR_EMPTY,
  CARE_MONEY_ERROR_INVALID,
  CARE_MONEY_ERROR_NEGATIVE,
  CARE_MONEY_ERROR_TOO_MANY_DECIMALS,
  CARE_MONEY_ERROR_TOO_LARGE,
} CareMoneyError;

/* 999 999 999.99: far above any programme's budget, far below overflow. */
#define CARE_MONEY_MAX_CENTS G_GINT64_CONSTANT (99999999999)

#define CARE_MONEY_DEFAULT_CURRENCY "EUR"

GQuark    care_money_error_quark   (void);

gboolean  care_money_parse         (const char  *text,
                                    gint64      *out_cents,
                                    GError     **error);
gboolean  care_money_check         (gint64       cents,
                                    GError     **error);
char     *care_money_format        (gint64       cents);
char     *care_money_format_for_language (gint64      cents,
                                          const char *currency_code,
                                          const char *language);

G_END_DECLS
