/* care-date.h — calendar dates as the case records use them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every date in CARE is a calendar day without a time or a time zone, so
 * the records use GDate by value; a cleared GDate (g_date_clear) means "not
 * known yet". A date of birth may be known by its year only, which GDate
 * cannot say: CareBirthDate holds it. */

#define CARE_DATE_ERROR (care_date_error_quark ())

typedef enum
{
  CARE_DATE_ERROR_INVALID,
} CareDateError;

GQuark    care_date_error_quark      (void);

gboolean  care_date_is_set           (const GDate *date);
void      care_date_unset            (GDate       *date);
void      care_date_set              (GDate       *date,
                                      GDateYear    year,
                                      GDateMonth   month,
                                      GDateDay     day);
gboolean  care_date_parse            (const char  *text,
                                      GDate       *out_date,
                                      GError     **error);
char     *care_date_format           (const GDate *date);
int       care_date_compare          (const GDate *a,
                                      const GDate *b);
gboolean  care_date_equal            (const GDate *a,
                                      const GDate *b);
void      care_date_add_months_clamped (const GDate *from,
                                        guint        months,
                                        GDate       *out_date);

typedef struct
{
  GDateYear  year;   /* 0: unknown */
  GDateMonth month;  /* G_DATE_BAD_MONTH when only the year is known */
  GDateDay   day;    /* G_DATE_BAD_DAY when only the year is known */
} CareBirthDate;

gboolean  care_birth_date_is_set        (const CareBirthDate *birth);
gboolean  care_birth_date_is_year_only  (const CareBirthDate *birth);
void      care_birth_date_unset         (CareBirthDate       *birth);
void      care_birth_date_set_year      (CareBirthDate       *birth,
                                         GDateYear            year);
void      care_birth_date_set_date      (CareBirthDate       *birth,
                                         const GDate         *date);
gboolean  care_birth_date_parse         (const char          *text,
                                         CareBirthDate       *out_birth,
                                         GError             **error);
char     *care_birth_date_format        (const CareBirthDate *birth);
void      care_birth_date_get_latest    (const CareBirthDate *birth,
                                         GDate               *out_date);
void      care_birth_date_get_earliest  (const CareBirthDate *birth,
                                         GDate               *out_date);
void      care_birth_date_get_anniversary (const CareBirthDate *birth,
                                           guint                years,
                                           GDate               *out_date);

G_END_DECLS
