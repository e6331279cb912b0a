/* care-enums.c — the closed lists of the case records, with their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "care-enums.h"

G_DEFINE_ENUM_TYPE (CareSex, care_sex,
  G_DEFINE_ENUM_VALUE (CARE_SEX_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (CARE_SEX_FEMALE, "F"),
  G_DEFINE_ENUM_VALUE (CARE_SEX_MALE, "M"),
  G_DEFINE_ENUM_VALUE (CARE_SEX_X, "X"))

G_DEFINE_ENUM_TYPE (CareConsentState, care_consent_state,
  G_DEFINE_ENUM_VALUE (CARE_CONSENT_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CARE_CONSENT_GIVEN, "given"),
  G_DEFINE_ENUM_VALUE (CARE_CONSENT_REFUSED, "refused"),
  G_DEFINE_ENUM_VALUE (CARE_CONSENT_WITHDRAWN, "withdrawn"))

G_DEFINE_ENUM_TYPE (CareRiskLevel, care_risk_level,
  G_DEFINE_ENUM_VALUE (CARE_RISK_NOT_ASSESSED, "not-assessed"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_LOW, "low"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_HIGH, "high"))

G_DEFINE_FLAGS_TYPE (CareRiskFactor, care_risk_factor,
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_NETWORK_THREATS, "network-threats"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_FAMILY_INVOLVEMENT, "family-involvement"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_DEBT, "debt"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_STIGMA, "stigma"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_HEALTH, "health"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_PREGNANCY_OR_CHILDREN, "pregnancy-or-children"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_LEGAL_PROCEEDINGS, "legal-proceedings"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_DESTINATION_SECURITY, "destination-security"),
  G_DEFINE_ENUM_VALUE (CARE_RISK_FACTOR_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CareMeasureGroup, care_measure_group,
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_GROUP_ECONOMIC, "economic"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_GROUP_SOCIAL, "social"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_GROUP_PSYCHOSOCIAL, "psychosocial"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_GROUP_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CareMeasureCategory, care_measure_category,
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_INCOME_GENERATING, "income-generating-activity"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_VOCATIONAL_TRAINING, "vocational-training"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_JOB_PLACEMENT, "job-placement"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_EDUCATION, "education"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_TEMPORARY_ACCOMMODATION, "temporary-accommodation"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_MEDICAL_CARE, "medical-care"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_LEGAL_ASSISTANCE, "legal-assistance"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_FAMILY_MEDIATION, "family-mediation"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_DOCUMENTATION, "documentation"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_CHILDCARE, "childcare"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL, "individual-psychosocial-support"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_FAMILY_PSYCHOSOCIAL, "family-psychosocial-support"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_COMMUNITY_ACTIVITIES, "community-activities"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CareMeasureStatus, care_measure_status,
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (CARE_MEASURE_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (CarePlanState, care_plan_state,
  G_DEFINE_ENUM_VALUE (CARE_PLAN_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (CARE_PLAN_AGREED, "agreed"))

G_DEFINE_ENUM_TYPE (CareArrivalItemKind, care_arrival_item_kind,
  G_DEFINE_ENUM_VALUE (CARE_ARRIVAL_AIRPORT_RECEPTION, "airport-reception"),
  G_DEFINE_ENUM_VALUE (CARE_ARRIVAL_SECURE_ACCOMMODATION, "secure-accommodation"),
  G_DEFINE_ENUM_VALUE (CARE_ARRIVAL_HEALTH_CHECK, "health-check"),
  G_DEFINE_ENUM_VALUE (CARE_ARRIVAL_ONWARD_TRANSPORT, "onward-transport"))

G_DEFINE_ENUM_TYPE (CareFollowUpMode, care_follow_up_mode,
  G_DEFINE_ENUM_VALUE (CARE_FOLLOWUP_VISIT, "visit"),
  G_DEFINE_ENUM_VALUE (CARE_FOLLOWUP_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (CARE_FOLLOWUP_VIDEO, "video"))

G_DEFINE_ENUM_TYPE (CareClosureReason, care_closure_reason,
  G_DEFINE_ENUM_VALUE (CARE_CLOSURE_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (CARE_CLOSURE_WITHDREW, "withdrew"),
  G_DEFINE_ENUM_VALUE (CARE_CLOSURE_LOST_CONTACT, "lost-contact"),
  G_DEFINE_ENUM_VALUE (CARE_CLOSURE_NOT_ELIGIBLE, "not-eligible"),
  G_DEFINE_ENUM_VALUE (CARE_CLOSURE_DECEASED, "deceased"),
  G_DEFINE_ENUM_VALUE (CARE_CLOSURE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CarePartnerKind, care_partner_kind,
  G_DEFINE_ENUM_VALUE (CARE_PARTNER_REFERRING_ASSOCIATION, "referring-association"),
  G_DEFINE_ENUM_VALUE (CARE_PARTNER_RETURN_OFFICE, "return-office"),
  G_DEFINE_ENUM_VALUE (CARE_PARTNER_SERVICE_PROVIDER, "service-provider"))

G_DEFINE_ENUM_TYPE (CareCaseStatus, care_case_status,
  G_DEFINE_ENUM_VALUE (CARE_CASE_REFERRED, "referred"),
  G_DEFINE_ENUM_VALUE (CARE_CASE_ASSESSED, "assessed"),
  G_DEFINE_ENUM_VALUE (CARE_CASE_PLAN_AGREED, "plan-agreed"),
  G_DEFINE_ENUM_VALUE (CARE_CASE_RETURNED, "returned"),
  G_DEFINE_ENUM_VALUE (CARE_CASE_IN_FOLLOW_UP, "in-follow-up"),
  G_DEFINE_ENUM_VALUE (CARE_CASE_CLOSED, "closed"))

const char *
care_enum_to_nick (GType type,
                   int   value)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), NULL);

  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value == (guint) value)
          return klass->values[i].value_nick;
      return NULL;
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *v = g_enum_get_value (klass, value);
      return v != NULL ? v->value_nick : NULL;
    }
}

gboolean
care_enum_from_nick (GType       type,
                     const char *nick,
                     int        *out_value)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      GFlagsValue *v = g_flags_get_value_by_nick (klass, nick);
      if (v == NULL)
        return FALSE;
      *out_value = (int) v->value;
      return TRUE;
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *v = g_enum_get_value_by_nick (klass, nick);
      if (v == NULL)
        return FALSE;
      *out_value = v->value;
      return TRUE;
    }
}

char *
care_risk_factors_to_string (CareRiskFactor factors)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint bit = 0; bit < 9; bit++)
    {
      CareRiskFactor f = (CareRiskFactor) (1u << bit);
      if ((factors & f) == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, care_enum_to_nick (CARE_TYPE_RISK_FACTOR, (int) f));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
care_risk_factors_from_string (const char     *text,
                               CareRiskFactor *out_factors)
{
  g_auto(GStrv) parts = NULL;
  guint factors = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_factors != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int value;
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!care_enum_from_nick (CARE_TYPE_RISK_FACTOR, parts[i], &value))
        return FALSE;
      factors |= (guint) value;
    }
  *out_factors = (CareRiskFactor) factors;
  return TRUE;
}

typedef struct
{
  int         value;
  const char *context;
  const char *label;
} Label;

static const char *
find_label (const Label *labels,
            gsize        n_labels,
            int          value)
{
  for (gsize i = 0; i < n_labels; i++)
    if (labels[i].value == value)
      return g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label);
  g_return_val_if_reached (NULL);
}

#define LABEL(table, value) find_label (table, G_N_ELEMENTS (table), (int) (value))

static const Label sex_labels[] = {
  { CARE_SEX_UNKNOWN, "sex", NC_("sex", "Not recorded") },
  { CARE_SEX_FEMALE, "sex", NC_("sex", "Female") },
  { CARE_SEX_MALE, "sex", NC_("sex", "Male") },
  /* Translators: the X marker of passports, for people registered as neither female nor male */
  { CARE_SEX_X, "sex", NC_("sex", "X (unspecified)") },
};

const char *
care_sex_get_label (CareSex sex)
{
  return LABEL (sex_labels, sex);
}

static const Label consent_labels[] = {
  { CARE_CONSENT_NOT_RECORDED, "consent", NC_("consent", "Not recorded") },
  { CARE_CONSENT_GIVEN, "consent", NC_("consent", "Given") },
  { CARE_CONSENT_REFUSED, "consent", NC_("consent", "Refused") },
  /* Translators: a consent that was given, then taken back */
  { CARE_CONSENT_WITHDRAWN, "consent", NC_("consent", "Withdrawn") },
};

const char *
care_consent_state_get_label (CareConsentState state)
{
  return LABEL (consent_labels, state);
}

static const Label risk_level_labels[] = {
  { CARE_RISK_NOT_ASSESSED, "risk level", NC_("risk level", "Not assessed") },
  { CARE_RISK_LOW, "risk level", NC_("risk level", "Low") },
  { CARE_RISK_MEDIUM, "risk level", NC_("risk level", "Medium") },
  { CARE_RISK_HIGH, "risk level", NC_("risk level", "High") },
};

const char *
care_risk_level_get_label (CareRiskLevel level)
{
  return LABEL (risk_level_labels, level);
}

static const Label risk_factor_labels[] = {
  { CARE_RISK_FACTOR_NETWORK_THREATS, "risk factor", NC_("risk factor", "Threats from the network in the country of origin") },
  { CARE_RISK_FACTOR_FAMILY_INVOLVEMENT, "risk factor", NC_("risk factor", "Family involved in the trafficking") },
  { CARE_RISK_FACTOR_DEBT, "risk factor", NC_("risk factor", "Debt to traffickers") },
  { CARE_RISK_FACTOR_STIGMA, "risk factor", NC_("risk factor", "Stigma or rejection") },
  { CARE_RISK_FACTOR_HEALTH, "risk factor", NC_("risk factor", "Health") },
  { CARE_RISK_FACTOR_PREGNANCY_OR_CHILDREN, "risk factor", NC_("risk factor", "Pregnancy or accompanying children") },
  /* Translators: the beneficiary testifies in criminal proceedings against the traffickers */
  { CARE_RISK_FACTOR_LEGAL_PROCEEDINGS, "risk factor", NC_("risk factor", "Legal proceedings as a witness") },
  { CARE_RISK_FACTOR_DESTINATION_SECURITY, "risk factor", NC_("risk factor", "Security of the destination area") },
  { CARE_RISK_FACTOR_OTHER, "risk factor", NC_("risk factor", "Other") },
};

const char *
care_risk_factor_get_label (CareRiskFactor factor)
{
  return LABEL (risk_factor_labels, factor);
}

static const Label measure_group_labels[] = {
  { CARE_MEASURE_GROUP_ECONOMIC, "measure group", NC_("measure group", "Economic") },
  { CARE_MEASURE_GROUP_SOCIAL, "measure group", NC_("measure group", "Social") },
  { CARE_MEASURE_GROUP_PSYCHOSOCIAL, "measure group", NC_("measure group", "Psychosocial") },
  { CARE_MEASURE_GROUP_OTHER, "measure group", NC_("measure group", "Other") },
};

const char *
care_measure_group_get_label (CareMeasureGroup group)
{
  return LABEL (measure_group_labels, group);
}

static const Label measure_category_labels[] = {
  { CARE_MEASURE_INCOME_GENERATING, "measure", NC_("measure", "Income-generating activity") },
  { CARE_MEASURE_VOCATIONAL_TRAINING, "measure", NC_("measure", "Vocational training") },
  { CARE_MEASURE_JOB_PLACEMENT, "measure", NC_("measure", "Job placement") },
  { CARE_MEASURE_EDUCATION, "measure", NC_("measure", "Education") },
  { CARE_MEASURE_TEMPORARY_ACCOMMODATION, "measure", NC_("measure", "Temporary accommodation") },
  { CARE_MEASURE_MEDICAL_CARE, "measure", NC_("measure", "Medical care") },
  { CARE_MEASURE_LEGAL_ASSISTANCE, "measure", NC_("measure", "Legal assistance") },
  { CARE_MEASURE_FAMILY_MEDIATION, "measure", NC_("measure", "Family mediation") },
  /* Translators: obtaining identity papers, birth certificates and the like */
  { CARE_MEASURE_DOCUMENTATION, "measure", NC_("measure", "Documentation") },
  { CARE_MEASURE_CHILDCARE, "measure", NC_("measure", "Childcare") },
  { CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL, "measure", NC_("measure", "Individual psychosocial support") },
  { CARE_MEASURE_FAMILY_PSYCHOSOCIAL, "measure", NC_("measure", "Family psychosocial support") },
  { CARE_MEASURE_COMMUNITY_ACTIVITIES, "measure", NC_("measure", "Community activities") },
  { CARE_MEASURE_OTHER, "measure", NC_("measure", "Other") },
};

const char *
care_measure_category_get_label (CareMeasureCategory category)
{
  return LABEL (measure_category_labels, category);
}

CareMeasureGroup
care_measure_category_get_group (CareMeasureCategory category)
{
  switch (category)
    {
    case CARE_MEASURE_INCOME_GENERATING:
    case CARE_MEASURE_VOCATIONAL_TRAINING:
    case CARE_MEASURE_JOB_PLACEMENT:
    case CARE_MEASURE_EDUCATION:
      return CARE_MEASURE_GROUP_ECONOMIC;
    case CARE_MEASURE_TEMPORARY_ACCOMMODATION:
    case CARE_MEASURE_MEDICAL_CARE:
    case CARE_MEASURE_LEGAL_ASSISTANCE:
    case CARE_MEASURE_FAMILY_MEDIATION:
    case CARE_MEASURE_DOCUMENTATION:
    case CARE_MEASURE_CHILDCARE:
      return CARE_MEASURE_GROUP_SOCIAL;
    case CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL:
    case CARE_MEASURE_FAMILY_PSYCHOSOCIAL:
    case CARE_MEASURE_COMMUNITY_ACTIVITIES:
      return CARE_MEASURE_GROUP_PSYCHOSOCIAL;
    case CARE_MEASURE_OTHER:
    default:
      return CARE_MEASURE_GROUP_OTHER;
    }
}

static const Label measure_status_labels[] = {
  { CARE_MEASURE_PLANNED, "measure status", NC_("measure status", "Planned") },
  { CARE_MEASURE_IN_PROGRESS, "measure status", NC_("measure status", "In progress") },
  { CARE_MEASURE_DONE, "measure status", NC_("measure status", "Done") },
  { CARE_MEASURE_CANCELLED, "measure status", NC_("measure status", "Cancelled") },
};

const char *
care_measure_status_get_label (CareMeasureStatus status)
{
  return LABEL (measure_status_labels, status);
}

static const Label plan_state_labels[] = {
  { CARE_PLAN_DRAFT, "plan version", NC_("plan version", "Draft") },
  /* Translators: a plan version agreed and signed by the beneficiary, the caseworker and the referring association */
  { CARE_PLAN_AGREED, "plan version", NC_("plan version", "Agreed") },
};

const char *
care_plan_state_get_label (CarePlanState state)
{
  return LABEL (plan_state_labels, state);
}

static const Label arrival_labels[] = {
  { CARE_ARRIVAL_AIRPORT_RECEPTION, "arrival assistance", NC_("arrival assistance", "Airport reception") },
  { CARE_ARRIVAL_SECURE_ACCOMMODATION, "arrival assistance", NC_("arrival assistance", "Secure accommodation") },
  { CARE_ARRIVAL_HEALTH_CHECK, "arrival assistance", NC_("arrival assistance", "Health check") },
  { CARE_ARRIVAL_ONWARD_TRANSPORT, "arrival assistance", NC_("arrival assistance", "Onward transport") },
};

const char *
care_arrival_item_kind_get_label (CareArrivalItemKind kind)
{
  return LABEL (arrival_labels, kind);
}

static const Label follow_up_mode_labels[] = {
  { CARE_FOLLOWUP_VISIT, "follow-up mode", NC_("follow-up mode", "Visit") },
  { CARE_FOLLOWUP_PHONE, "follow-up mode", NC_("follow-up mode", "Phone call") },
  { CARE_FOLLOWUP_VIDEO, "follow-up mode", NC_("follow-up mode", "Video call") },
};

const char *
care_follow_up_mode_get_label (CareFollowUpMode mode)
{
  return LABEL (follow_up_mode_labels, mode);
}

static const Label closure_labels[] = {
  { CARE_CLOSURE_COMPLETED, "closure reason", NC_("closure reason", "Completed") },
  /* Translators: the beneficiary chose to leave the programme */
  { CARE_CLOSURE_WITHDREW, "closure reason", NC_("closure reason", "Withdrew") },
  { CARE_CLOSURE_LOST_CONTACT, "closure reason", NC_("closure reason", "Lost contact") },
  { CARE_CLOSURE_NOT_ELIGIBLE, "closure reason", NC_("closure reason", "Not eligible") },
  { CARE_CLOSURE_DECEASED, "closure reason", NC_("closure reason", "Deceased") },
  { CARE_CLOSURE_OTHER, "closure reason", NC_("closure reason", "Other") },
};

const char *
care_closure_reason_get_label (CareClosureReason reason)
{
  return LABEL (closure_labels, reason);
}

static const Label partner_kind_labels[] = {
  { CARE_PARTNER_REFERRING_ASSOCIATION, "partner kind", NC_("partner kind", "Referring association") },
  /* Translators: an IOM-style office in the country the person returns to */
  { CARE_PARTNER_RETURN_OFFICE, "partner kind", NC_("partner kind", "Office in the country of return") },
  { CARE_PARTNER_SERVICE_PROVIDER, "partner kind", NC_("partner kind", "Service provider") },
};

const char *
care_partner_kind_get_label (CarePartnerKind kind)
{
  return LABEL (partner_kind_labels, kind);
}

static const Label case_status_labels[] = {
  { CARE_CASE_REFERRED, "case status", NC_("case status", "Referred") },
  /* Translators: the pre-departure assessment is done */
  { CARE_CASE_ASSESSED, "case status", NC_("case status", "Assessed") },
  { CARE_CASE_PLAN_AGREED, "case status", NC_("case status", "Plan agreed") },
  { CARE_CASE_RETURNED, "case status", NC_("case status", "Returned") },
  { CARE_CASE_IN_FOLLOW_UP, "case status", NC_("case status", "In follow-up") },
  { CARE_CASE_CLOSED, "case status", NC_("case status", "Closed") },
};

const char *
care_case_status_get_label (CareCaseStatus status)
{
  return LABEL (case_status_labels, status);
}
