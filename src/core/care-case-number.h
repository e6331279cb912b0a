/* care-case-number.h — case numbers such as CARE-FR-2014-0007
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CARE_CASE_NUMBER_ERROR (care_case_number_error_quark ())

typedef enum
{
  CARE_CASE_NUMBER_ERROR_INVALID,
} CareCaseNumberError;

/* Host country, year of referral and a sequence within both: the number
 * says where and when a case began without naming the person, so it can
 * be written on a file folder or said on the phone. */
typedef struct
{
  char  host_country[3];  /* ISO 3166-1 alpha-2; "" when unset */
  guint year;
  guint sequence;         /* from 1 */
} CareCaseNumber;

#define CARE_CASE_NUMBER_PREFIX "CARE"
#define CARE_CASE_NUMBER_MAX_SEQUENCE 999999

GQuark    care_case_number_error_quark (void);

gboolean  care_case_number_init        (CareCaseNumber       *number,
                                        const char           *host_country,
                                        guint                 year,
                                        guint                 sequence);
gboolean  care_case_number_is_set      (const CareCaseNumber *number);
gboolean  care_case_number_parse       (const char           *text,
                                        CareCaseNumber       *out_number,
                                        GError              **error);
char     *care_case_number_format      (const CareCaseNumber *number);
gboolean  care_case_number_equal       (const CareCaseNumber *a,
                                        const CareCaseNumber *b);
int       care_case_number_compare     (const CareCaseNumber *a,
                                        const CareCaseNumber *b);

G_END_DECLS
