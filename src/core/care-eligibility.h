/* care-eligibility.h — the programme's rules on who it helps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-case.h"
#include "care-settings.h"

G_BEGIN_DECLS

#define CARE_ELIGIBILITY_ERROR (care_eligibility_error_quark ())
#define CARE_SAFEGUARD_ERROR   (care_safeguard_error_quark ())

/* Why a case is not (yet) eligible. An ineligible case is kept, flagged
 * with these, and left out of the targets. */
typedef enum
{
  CARE_ELIGIBILITY_ERROR_HOST_COUNTRY,       /* not one of the programme's host countries */
  CARE_ELIGIBILITY_ERROR_NO_RETURN_COUNTRY,
  CARE_ELIGIBILITY_ERROR_RETURN_COUNTRY_EU,  /* inside the Union on the return date */
  CARE_ELIGIBILITY_ERROR_NO_RETURN_DATE,
  CARE_ELIGIBILITY_ERROR_OUTSIDE_WINDOW,
} CareEligibilityError;

/* What a minor's case lacks before its plan can be agreed. */
typedef enum
{
  CARE_SAFEGUARD_ERROR_NO_GUARDIAN,
  CARE_SAFEGUARD_ERROR_NO_BEST_INTERESTS_ASSESSMENT,
  CARE_SAFEGUARD_ERROR_NO_ESCORT,
} CareSafeguardError;

#define CARE_AGE_OF_MAJORITY 18

GQuark      care_eligibility_error_quark     (void);
GQuark      care_safeguard_error_quark       (void);

GPtrArray  *care_case_check_eligibility      (const CareCase      *care_case,
                                              const CareSettings  *settings);
gboolean    care_case_is_eligible            (const CareCase      *care_case,
                                              const CareSettings  *settings);

gboolean    care_birth_date_is_minor_on      (const CareBirthDate *birth,
                                              const GDate         *date);
gboolean    care_case_is_minor               (const CareCase      *care_case);

GPtrArray  *care_case_check_plan_agreement   (const CareCase      *care_case);
gboolean    care_case_agree_plan             (CareCase            *care_case,
                                              const GDate         *agreed_on,
                                              GError             **error);

G_END_DECLS
