/* care-enums.h — the closed lists of the case records, with their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each list has a GType so that the interface can offer it in a combo row,
 * a stable nick that the vault, the CSV files and care-cli's JSON store
 * (never the label, which changes with the language), and a translated
 * label for people. The numeric values are not stored anywhere: they may
 * change. */

typedef enum
{
  CARE_SEX_UNKNOWN,
  CARE_SEX_FEMALE,
  CARE_SEX_MALE,
  CARE_SEX_X,
} CareSex;

typedef enum
{
  CARE_CONSENT_NOT_RECORDED,
  CARE_CONSENT_GIVEN,
  CARE_CONSENT_REFUSED,
  CARE_CONSENT_WITHDRAWN,
} CareConsentState;

typedef enum
{
  CARE_RISK_NOT_ASSESSED,
  CARE_RISK_LOW,
  CARE_RISK_MEDIUM,
  CARE_RISK_HIGH,
} CareRiskLevel;

typedef enum /*< flags >*/
{
  CARE_RISK_FACTOR_NONE                 = 0,
  CARE_RISK_FACTOR_NETWORK_THREATS      = 1 << 0,
  CARE_RISK_FACTOR_FAMILY_INVOLVEMENT   = 1 << 1,
  CARE_RISK_FACTOR_DEBT                 = 1 << 2,
  CARE_RISK_FACTOR_STIGMA               = 1 << 3,
  CARE_RISK_FACTOR_HEALTH               = 1 << 4,
  CARE_RISK_FACTOR_PREGNANCY_OR_CHILDREN = 1 << 5,
  CARE_RISK_FACTOR_LEGAL_PROCEEDINGS    = 1 << 6,
  CARE_RISK_FACTOR_DESTINATION_SECURITY = 1 << 7,
  CARE_RISK_FACTOR_OTHER                = 1 << 8,
} CareRiskFactor;

#define CARE_RISK_FACTOR_ALL ((CareRiskFactor) ((1 << 9) - 1))

typedef enum
{
  CARE_MEASURE_GROUP_ECONOMIC,
  CARE_MEASURE_GROUP_SOCIAL,
  CARE_MEASURE_GROUP_PSYCHOSOCIAL,
  CARE_MEASURE_GROUP_OTHER,
} CareMeasureGroup;

#define CARE_MEASURE_GROUP_COUNT 4

typedef enum
{
  /* economic */
  CARE_MEASURE_INCOME_GENERATING,
  CARE_MEASURE_VOCATIONAL_TRAINING,
  CARE_MEASURE_JOB_PLACEMENT,
  CARE_MEASURE_EDUCATION,
  /* social */
  CARE_MEASURE_TEMPORARY_ACCOMMODATION,
  CARE_MEASURE_MEDICAL_CARE,
  CARE_MEASURE_LEGAL_ASSISTANCE,
  CARE_MEASURE_FAMILY_MEDIATION,
  CARE_MEASURE_DOCUMENTATION,
  CARE_MEASURE_CHILDCARE,
  /* psychosocial */
  CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL,
  CARE_MEASURE_FAMILY_PSYCHOSOCIAL,
  CARE_MEASURE_COMMUNITY_ACTIVITIES,
  /* other */
  CARE_MEASURE_OTHER,
} CareMeasureCategory;

#define CARE_MEASURE_CATEGORY_COUNT 14

typedef enum
{
  CARE_MEASURE_PLANNED,
  CARE_MEASURE_IN_PROGRESS,
  CARE_MEASURE_DONE,
  CARE_MEASURE_CANCELLED,
} CareMeasureStatus;

typedef enum
{
  CARE_PLAN_DRAFT,
  CARE_PLAN_AGREED,
} CarePlanState;

typedef enum
{
  CARE_ARRIVAL_AIRPORT_RECEPTION,
  CARE_ARRIVAL_SECURE_ACCOMMODATION,
  CARE_ARRIVAL_HEALTH_CHECK,
  CARE_ARRIVAL_ONWARD_TRANSPORT,
} CareArrivalItemKind;

typedef enum
{
  CARE_FOLLOWUP_VISIT,
  CARE_FOLLOWUP_PHONE,
  CARE_FOLLOWUP_VIDEO,
} CareFollowUpMode;

typedef enum
{
  CARE_CLOSURE_COMPLETED,
  CARE_CLOSURE_WITHDREW,
  CARE_CLOSURE_LOST_CONTACT,
  CARE_CLOSURE_NOT_ELIGIBLE,
  CARE_CLOSURE_DECEASED,
  CARE_CLOSURE_OTHER,
} CareClosureReason;

typedef enum
{
  CARE_PARTNER_REFERRING_ASSOCIATION,
  CARE_PARTNER_RETURN_OFFICE,
  CARE_PARTNER_SERVICE_PROVIDER,
} CarePartnerKind;

/* In the order a case goes through them: comparisons are meaningful. */
typedef enum
{
  CARE_CASE_REFERRED,
  CARE_CASE_ASSESSED,
  CARE_CASE_PLAN_AGREED,
  CARE_CASE_RETURNED,
  CARE_CASE_IN_FOLLOW_UP,
  CARE_CASE_CLOSED,
} CareCaseStatus;

#define CARE_TYPE_SEX                (care_sex_get_type ())
#define CARE_TYPE_CONSENT_STATE      (care_consent_state_get_type ())
#define CARE_TYPE_RISK_LEVEL         (care_risk_level_get_type ())
#define CARE_TYPE_RISK_FACTOR        (care_risk_factor_get_type ())
#define CARE_TYPE_MEASURE_GROUP      (care_measure_group_get_type ())
#define CARE_TYPE_MEASURE_CATEGORY   (care_measure_category_get_type ())
#define CARE_TYPE_MEASURE_STATUS     (care_measure_status_get_type ())
#define CARE_TYPE_PLAN_STATE         (care_plan_state_get_type ())
#define CARE_TYPE_ARRIVAL_ITEM_KIND  (care_arrival_item_kind_get_type ())
#define CARE_TYPE_FOLLOW_UP_MODE     (care_follow_up_mode_get_type ())
#define CARE_TYPE_CLOSURE_REASON     (care_closure_reason_get_type ())
#define CARE_TYPE_PARTNER_KIND       (care_partner_kind_get_type ())
#define CARE_TYPE_CASE_STATUS        (care_case_status_get_type ())

GType care_sex_get_type               (void) G_GNUC_CONST;
GType care_consent_state_get_type     (void) G_GNUC_CONST;
GType care_risk_level_get_type        (void) G_GNUC_CONST;
GType care_risk_factor_get_type       (void) G_GNUC_CONST;
GType care_measure_group_get_type     (void) G_GNUC_CONST;
GType care_measure_category_get_type  (void) G_GNUC_CONST;
GType care_measure_status_get_type    (void) G_GNUC_CONST;
GType care_plan_state_get_type        (void) G_GNUC_CONST;
GType care_arrival_item_kind_get_type (void) G_GNUC_CONST;
GType care_follow_up_mode_get_type    (void) G_GNUC_CONST;
GType care_closure_reason_get_type    (void) G_GNUC_CONST;
GType care_partner_kind_get_type      (void) G_GNUC_CONST;
GType care_case_status_get_type       (void) G_GNUC_CONST;

/* Nicks, for storage and exchange. Works on every enum type above; for
 * the flags type, on a single flag. */
const char *care_enum_to_nick   (GType       type,
                                 int         value);
gboolean    care_enum_from_nick (GType       type,
                                 const char *nick,
                                 int        *out_value);

/* Comma-separated nicks, e.g. "debt,health", for CSV and JSON. */
char           *care_risk_factors_to_string   (CareRiskFactor   factors);
gboolean        care_risk_factors_from_string (const char      *text,
                                               CareRiskFactor  *out_factors);

/* Translated labels, for people. */
const char *care_sex_get_label              (CareSex             sex);
const char *care_consent_state_get_label    (CareConsentState    state);
const char *care_risk_level_get_label       (CareRiskLevel       level);
const char *care_risk_factor_get_label      (CareRiskFactor      factor);
const char *care_measure_group_get_label    (CareMeasureGroup    group);
const char *care_measure_category_get_label (CareMeasureCategory category);
const char *care_measure_status_get_label   (CareMeasureStatus   status);
const char *care_plan_state_get_label       (CarePlanState       state);
const char *care_arrival_item_kind_get_label (CareArrivalItemKind kind);
const char *care_follow_up_mode_get_label   (CareFollowUpMode    mode);
const char *care_closure_reason_get_label   (CareClosureReason   reason);
const char *care_partner_kind_get_label     (CarePartnerKind     kind);
const char *care_case_status_get_label      (CareCaseStatus      status);

CareMeasureGroup care_measure_category_get_group (CareMeasureCategory category);

G_END_DECLS
