/* care-assessment.h — the pre-departure assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-enums.h"

G_BEGIN_DECLS

typedef struct
{
  CareRiskLevel  level;          /* CARE_RISK_NOT_ASSESSED until the assessment is done */
  CareRiskFactor factors;
  char          *other_factor;   /* what "other" is, nullable */
  char          *mitigation;     /* nullable */
  GDate          assessed_on;
} CareRiskAssessment;

/* First assistance needed at arrival, decided before departure. */
typedef struct
{
  gboolean airport_reception;
  guint    secure_accommodation_nights;  /* 0: none */
  gboolean health_check;
  gboolean secondary_transport;          /* to the final destination */
  gboolean escort;                       /* required for minors */
  char    *notes;
} CareArrivalNeeds;

typedef struct
{
  char    *education;
  char    *languages;
  char    *work_experience;
  char    *vocational_skills;
  char    *aspirations;
  char    *preferred_option;             /* the preferred reintegration option */
  gboolean contact_in_return_country;    /* with peers or staff there */
} CareSkills;

/* Filled for minors only; kept when a case turns out to be an adult's so
 * that nothing typed is lost. */
typedef struct
{
  char  *guardian;                       /* guardian or legal representative */
  GDate  best_interests_assessed_on;
  char  *notes;
} CareMinorSection;

#define CARE_TYPE_RISK_ASSESSMENT (care_risk_assessment_get_type ())
#define CARE_TYPE_ARRIVAL_NEEDS   (care_arrival_needs_get_type ())
#define CARE_TYPE_SKILLS          (care_skills_get_type ())
#define CARE_TYPE_MINOR_SECTION   (care_minor_section_get_type ())

GType               care_risk_assessment_get_type (void) G_GNUC_CONST;
CareRiskAssessment *care_risk_assessment_new      (void);
CareRiskAssessment *care_risk_assessment_copy     (const CareRiskAssessment *risk);
void                care_risk_assessment_free     (CareRiskAssessment       *risk);
gboolean            care_risk_assessment_is_done  (const CareRiskAssessment *risk);

GType               care_arrival_needs_get_type   (void) G_GNUC_CONST;
CareArrivalNeeds   *care_arrival_needs_new        (void);
CareArrivalNeeds   *care_arrival_needs_copy       (const CareArrivalNeeds *needs);
void                care_arrival_needs_free       (CareArrivalNeeds       *needs);

GType               care_skills_get_type          (void) G_GNUC_CONST;
CareSkills         *care_skills_new               (void);
CareSkills         *care_skills_copy              (const CareSkills *skills);
void                care_skills_free              (CareSkills       *skills);

GType               care_minor_section_get_type   (void) G_GNUC_CONST;
CareMinorSection   *care_minor_section_new        (void);
CareMinorSection   *care_minor_section_copy       (const CareMinorSection *minor);
void                care_minor_section_free       (CareMinorSection       *minor);
gboolean            care_minor_section_has_guardian (const CareMinorSection *minor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareRiskAssessment, care_risk_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareArrivalNeeds, care_arrival_needs_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareSkills, care_skills_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareMinorSection, care_minor_section_free)

G_END_DECLS
