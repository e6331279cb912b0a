/* care-case.h — one beneficiary's case, from referral to closure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-arrival.h"
#include "care-assessment.h"
#include "care-case-number.h"
#include "care-enums.h"
#include "care-followup.h"
#include "care-person.h"
#include "care-plan.h"

G_BEGIN_DECLS

/* A consent with its dates. @decided_on is when it was given or refused;
 * @withdrawn_on when a given consent was taken back (state WITHDRAWN). */
typedef struct
{
  CareConsentState state;
  GDate            decided_on;
  GDate            withdrawn_on;
} CareConsent;

typedef struct
{
  CareClosureReason reason;
  GDate             closed_on;
  char             *notes;
} CareClosure;

/* Every section is always there (never NULL) so that forms and the store
 * need not test for it; @closure alone is NULL until the case is closed,
 * because a closure is an event, not a blank form.
 *
 * The arrival date is the actual return date: the programme's rules speak
 * of the return date, and the day the person lands is what the records
 * know for sure. */
typedef struct
{
  gint64              id;                     /* the store's, 0 before the first save */
  CareCaseNumber      number;
  CarePerson         *person;

  /* referral */
  char               *host_country;           /* ISO 3166-1 alpha-2 */
  char               *return_country;         /* ISO 3166-1 alpha-2 */
  char               *destination;            /* town or region in the country of return */
  gint64              referring_partner_id;   /* 0 if none */
  char               *referring_organisation; /* its name, as typed or imported */
  char               *referral_contact;
  char               *caseworker;
  GDate               referral_date;
  GDate               planned_return_date;
  GDate               arrival_date;
  char               *plan_language;          /* "fr", "en", … */
  CareConsent         consent_voluntary_return;
  CareConsent         consent_data;
  CareConsent         consent_followup;
  char               *notes;

  /* pre-departure assessment */
  CareRiskAssessment *risk;
  CareArrivalNeeds   *arrival_needs;
  CareSkills         *skills;
  CareMinorSection   *minor;

  CarePlan           *plan;
  GPtrArray          *arrival_items;          /* CareArrivalItem, owned */
  GPtrArray          *followups;              /* CareFollowUp, owned */
  CareClosure        *closure;                /* nullable */
} CareCase;

#define CARE_TYPE_CLOSURE (care_closure_get_type ())
#define CARE_TYPE_CASE    (care_case_get_type ())

void         care_consent_init          (CareConsent       *consent);
void         care_consent_give          (CareConsent       *consent,
                                         const GDate       *on);
void         care_consent_refuse        (CareConsent       *consent,
                                         const GDate       *on);
gboolean     care_consent_withdraw      (CareConsent       *consent,
                                         const GDate       *on);
gboolean     care_consent_is_given_on   (const CareConsent *consent,
                                         const GDate       *date);
gboolean     care_consent_is_given      (const CareConsent *consent);

GType        care_closure_get_type      (void) G_GNUC_CONST;
CareClosure *care_closure_new           (CareClosureReason  reason,
                                         const GDate       *closed_on);
CareClosure *care_closure_copy          (const CareClosure *closure);
void         care_closure_free          (CareClosure       *closure);

GType        care_case_get_type         (void) G_GNUC_CONST;
CareCase    *care_case_new              (void);
CareCase    *care_case_copy             (const CareCase    *care_case);
void         care_case_free             (CareCase          *care_case);
const GDate *care_case_get_return_date  (const CareCase    *care_case);
CareCaseStatus care_case_get_status     (const CareCase    *care_case);
CareFollowUp *care_case_get_next_followup (const CareCase  *care_case);
guint        care_case_count_overdue_followups (const CareCase *care_case,
                                                const GDate    *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareClosure, care_closure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareCase, care_case_free)

G_END_DECLS
