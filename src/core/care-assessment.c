/* care-assessment.c — the pre-departure assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-assessment"

#include "config.h"

#include "care-assessment.h"
#include "care-date.h"

G_DEFINE_BOXED_TYPE (CareRiskAssessment, care_risk_assessment,
                     care_risk_assessment_copy, care_risk_assessment_free)
G_DEFINE_BOXED_TYPE (CareArrivalNeeds, care_arrival_needs,
                     care_arrival_needs_copy, care_arrival_needs_free)
G_DEFINE_BOXED_TYPE (CareSkills, care_skills, care_skills_copy, care_skills_free)
G_DEFINE_BOXED_TYPE (CareMinorSection, care_minor_section,
                     care_minor_section_copy, care_minor_section_free)

CareRiskAssessment *
care_risk_assessment_new (void)
{
  CareRiskAssessment *risk = g_new0 (CareRiskAssessment, 1);

  risk->level = CARE_RISK_NOT_ASSESSED;
  care_date_unset (&risk->assessed_on);
  return risk;
}

CareRiskAssessment *
care_risk_assessment_copy (const CareRiskAssessment *risk)
{
  CareRiskAssessment *copy;

  g_return_val_if_fail (risk != NULL, NULL);

  copy = g_new0 (CareRiskAssessment, 1);
  copy->level = risk->level;
  copy->factors = risk->factors;
  copy->other_factor = g_strdup (risk->other_factor);
  copy->mitigation = g_strdup (risk->mitigation);
  copy->assessed_on = risk->assessed_on;
  return copy;
}

void
care_risk_assessment_free (CareRiskAssessment *risk)
{
  if (risk == NULL)
    return;
  g_free (risk->other_factor);
  g_free (risk->mitigation);
  g_free (risk);
}

/* The assessment is done once a level has been given: factors alone may
 * be notes taken along the way. */
gboolean
care_risk_assessment_is_done (const CareRiskAssessment *risk)
{
  return risk != NULL && risk->level != CARE_RISK_NOT_ASSESSED;
}

CareArrivalNeeds *
care_arrival_needs_new (void)
{
  return g_new0 (CareArrivalNeeds, 1);
}

CareArrivalNeeds *
care_arrival_needs_copy (const CareArrivalNeeds *needs)
{
  CareArrivalNeeds *copy;

  g_return_val_if_fail (needs != NULL, NULL);

  copy = g_new0 (CareArrivalNeeds, 1);
  *copy = *needs;
  copy->notes = g_strdup (needs->notes);
  return copy;
}

void
care_arrival_needs_free (CareArrivalNeeds *needs)
{
  if (needs == NULL)
    return;
  g_free (needs->notes);
  g_free (needs);
}

CareSkills *
care_skills_new (void)
{
  return g_new0 (CareSkills, 1);
}

CareSkills *
care_skills_copy (const CareSkills *skills)
{
  CareSkills *copy;

  g_return_val_if_fail (skills != NULL, NULL);

  copy = g_new0 (CareSkills, 1);
  copy->education = g_strdup (skills->education);
  copy->languages = g_strdup (skills->languages);
  copy->work_experience = g_strdup (skills->work_experience);
  copy->vocational_skills = g_strdup (skills->vocational_skills);
  copy->aspirations = g_strdup (skills->aspirations);
  copy->preferred_option = g_strdup (skills->preferred_option);
  copy->contact_in_return_country = skills->contact_in_return_country;
  return copy;
}

void
care_skills_free (CareSkills *skills)
{
  if (skills == NULL)
    return;
  g_free (skills->education);
  g_free (skills->languages);
  g_free (skills->work_experience);
  g_free (skills->vocational_skills);
  g_free (skills->aspirations);
  g_free (skills->preferred_option);
  g_free (skills);
}

CareMinorSection *
care_minor_section_new (void)
{
  CareMinorSection *minor = g_new0 (CareMinorSection, 1);

  care_date_unset (&minor->best_interests_assessed_on);
  return minor;
}

CareMinorSection *
care_minor_section_copy (const CareMinorSection *minor)
{
  CareMinorSection *copy;

  g_return_val_if_fail (minor != NULL, NULL);

  copy = g_new0 (CareMinorSection, 1);
  copy->guardian = g_strdup (minor->guardian);
  copy->best_interests_assessed_on = minor->best_interests_assessed_on;
  copy->notes = g_strdup (minor->notes);
  return copy;
}

void
care_minor_section_free (CareMinorSection *minor)
{
  if (minor == NULL)
    return;
  g_free (minor->guardian);
  g_free (minor->notes);
  g_free (minor);
}

gboolean
care_minor_section_has_guardian (const CareMinorSection *minor)
{
  g_autofree char *name = NULL;

  if (minor == NULL || minor->guardian == NULL)
    return FALSE;
  name = g_strstrip (g_strdup (minor->guardian));
  return *name != '\0';
}
