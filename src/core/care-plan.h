/* care-plan.h — the individual reintegration plan, its versions and measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-enums.h"

G_BEGIN_DECLS

#define CARE_PLAN_ERROR (care_plan_error_quark ())

typedef enum
{
  CARE_PLAN_ERROR_FROZEN,
  CARE_PLAN_ERROR_NO_DRAFT,
  CARE_PLAN_ERROR_NOT_FOUND,
} CarePlanError;

typedef struct
{
  gint64              id;               /* the store's, 0 before the first save */
  CareMeasureCategory category;
  char               *description;
  char               *provider;         /* nullable */
  gint64              provider_id;      /* a partner organisation, 0 if none */
  GDate               planned_start;
  GDate               planned_end;
  gint64              budget_cents;
  char               *currency;         /* ISO 4217 */
  CareMeasureStatus   status;
  gint64              actual_cost_cents;
} CareMeasure;

/* A version is a draft until it is agreed; an agreed version was printed
 * and signed, so it never changes again (the signed paper must keep
 * matching the record), and a later change goes into a new draft. */
typedef struct
{
  guint          number;                /* 1, 2, … */
  CarePlanState  state;
  GDate          agreed_on;
  char          *objectives;
  char          *language;              /* of the printed plan: "fr", "en", … */
  GPtrArray     *measures;              /* CareMeasure, owned */
} CarePlanVersion;

typedef struct
{
  GPtrArray *versions;                  /* CarePlanVersion in order, owned */
} CarePlan;

typedef struct
{
  char   currency[4];
  gint64 planned_total;                 /* cancelled measures excluded */
  gint64 actual_total;                  /* every measure's actual cost */
  gint64 planned_by_group[CARE_MEASURE_GROUP_COUNT];
  gint64 actual_by_group[CARE_MEASURE_GROUP_COUNT];
  gint64 planned_by_category[CARE_MEASURE_CATEGORY_COUNT];
  gint64 actual_by_category[CARE_MEASURE_CATEGORY_COUNT];
  guint  n_measures;                    /* counted in the totals */
  guint  n_other_currency;              /* left out: another currency */
} CarePlanTotals;

#define CARE_TYPE_MEASURE      (care_measure_get_type ())
#define CARE_TYPE_PLAN_VERSION (care_plan_version_get_type ())
#define CARE_TYPE_PLAN         (care_plan_get_type ())

GQuark           care_plan_error_quark          (void);

GType            care_measure_get_type          (void) G_GNUC_CONST;
CareMeasure     *care_measure_new               (CareMeasureCategory category,
                                                 const char         *description);
CareMeasure     *care_measure_copy              (const CareMeasure *measure);
void             care_measure_free              (CareMeasure       *measure);
CareMeasureGroup care_measure_get_group         (const CareMeasure *measure);

GType            care_plan_version_get_type     (void) G_GNUC_CONST;
CarePlanVersion *care_plan_version_new          (guint                  number);
CarePlanVersion *care_plan_version_copy         (const CarePlanVersion *version);
void             care_plan_version_free         (CarePlanVersion       *version);
gboolean         care_plan_version_is_frozen    (const CarePlanVersion *version);
gboolean         care_plan_version_add_measure  (CarePlanVersion       *version,
                                                 CareMeasure           *measure,
                                                 GError               **error);
gboolean         care_plan_version_remove_measure (CarePlanVersion     *version,
                                                   guint                index,
                                                   GError             **error);
gboolean         care_plan_version_set_objectives (CarePlanVersion     *version,
                                                   const char          *objectives,
                                                   GError             **error);
gboolean         care_plan_version_check_editable (const CarePlanVersion *version,
                                                   GError              **error);
void             care_plan_version_get_totals   (const CarePlanVersion *version,
                                                 const char            *currency,
                                                 CarePlanTotals        *out_totals);

GType            care_plan_get_type             (void) G_GNUC_CONST;
CarePlan        *care_plan_new                  (void);
CarePlan        *care_plan_copy                 (const CarePlan *plan);
void             care_plan_free                 (CarePlan       *plan);
CarePlanVersion *care_plan_get_current          (const CarePlan *plan);
CarePlanVersion *care_plan_get_latest_agreed    (const CarePlan *plan);
CarePlanVersion *care_plan_get_version          (const CarePlan *plan,
                                                 guint           number);
gboolean         care_plan_has_agreed_version   (const CarePlan *plan);
CarePlanVersion *care_plan_edit                 (CarePlan       *plan);
gboolean         care_plan_freeze_current       (CarePlan       *plan,
                                                 const GDate    *agreed_on,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareMeasure, care_measure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarePlanVersion, care_plan_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarePlan, care_plan_free)

G_END_DECLS
