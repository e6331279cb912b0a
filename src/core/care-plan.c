/* care-plan.c — the individual reintegration plan, its versions and measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "care-date.h"
#include "care-money.h"
#include "care-plan.h"

G_DEFINE_QUARK (care-plan-error-quark, care_plan_error)

G_DEFINE_BOXED_TYPE (CareMeasure, care_measure, care_measure_copy, care_measure_free)
G_DEFINE_BOXED_TYPE (CarePlanVersion, care_plan_version,
                     care_plan_version_copy, care_plan_version_free)
G_DEFINE_BOXED_TYPE (CarePlan, care_plan, care_plan_copy, care_plan_free)

CareMeasure *
care_measure_new (CareMeasureCategory  category,
                  const char          *description)
{
  CareMeasure *measure = g_new0 (CareMeasure, 1);

  measure->category = category;
  measure->description = g_strdup (description);
  care_date_unset (&measure->planned_start);
  care_date_unset (&measure->planned_end);
  measure->currency = g_strdup (CARE_MONEY_DEFAULT_CURRENCY);
  measure->status = CARE_MEASURE_PLANNED;
  return measure;
}

CareMeasure *
care_measure_copy (const CareMeasure *measure)
{
  CareMeasure *copy;

  g_return_val_if_fail (measure != NULL, NULL);

  copy = g_new0 (CareMeasure, 1);
  *copy = *measure;
  copy->description = g_strdup (measure->description);
  copy->provider = g_strdup (measure->provider);
  copy->currency = g_strdup (measure->currency);
  return copy;
}

void
care_measure_free (CareMeasure *measure)
{
  if (measure == NULL)
    return;
  g_free (measure->description);
  g_free (measure->provider);
  g_free (measure->currency);
  g_free (measure);
}

CareMeasureGroup
care_measure_get_group (const CareMeasure *measure)
{
  g_return_val_if_fail (measure != NULL, CARE_MEASURE_GROUP_OTHER);

  return care_measure_category_get_group (measure->category);
}

CarePlanVersion *
care_plan_version_new (guint number)
{
  CarePlanVersion *version = g_new0 (CarePlanVersion, 1);

  version->number = number;
  version->state = CARE_PLAN_DRAFT;
  care_date_unset (&version->agreed_on);
  version->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) care_measure_free);
  return version;
}

CarePlanVersion *
care_plan_version_copy (const CarePlanVersion *version)
{
  CarePlanVersion *copy;

  g_return_val_if_fail (version != NULL, NULL);

  copy = care_plan_version_new (version->number);
  copy->state = version->state;
  copy->agreed_on = version->agreed_on;
  copy->objectives = g_strdup (version->objectives);
  copy->language = g_strdup (version->language);
  for (guint i = 0; i < version->measures->len; i++)
    g_ptr_array_add (copy->measures, care_measure_copy (g_ptr_array_index (version->measures, i)));
  return copy;
}

void
care_plan_version_free (CarePlanVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->objectives);
  g_free (version->language);
  g_ptr_array_unref (version->measures);
  g_free (version);
}

gboolean
care_plan_version_is_frozen (const CarePlanVersion *version)
{
  g_return_val_if_fail (version != NULL, TRUE);

  return version->state == CARE_PLAN_AGREED;
}

/* The store calls this before writing any change to a version, so that a
 * frozen version stays as it was signed whichever path the change took. */
gboolean
care_plan_version_check_editable (const CarePlanVersion  *version,
                                  GError                **error)
{
  g_return_val_if_fail (version != NULL, FALSE);

  if (care_plan_version_is_frozen (version))
    {
      g_set_error (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_FROZEN,
                   /* Translators: %u is a plan version number */
                   _("Version %u of the plan was agreed and signed: it cannot change; edit the plan to start a new version"),
                   version->number);
      return FALSE;
    }
  return TRUE;
}

/* Takes @measure, even on error. */
gboolean
care_plan_version_add_measure (CarePlanVersion  *version,
                               CareMeasure      *measure,
                               GError          **error)
{
  g_autoptr(CareMeasure) owned = measure;

  g_return_val_if_fail (version != NULL, FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  if (!care_plan_version_check_editable (version, error))
    return FALSE;
  g_ptr_array_add (version->measures, g_steal_pointer (&owned));
  return TRUE;
}

gboolean
care_plan_version_remove_measure (CarePlanVersion  *version,
                                  guint             index,
                                  GError          **error)
{
  g_return_val_if_fail (version != NULL, FALSE);

  if (!care_plan_version_check_editable (version, error))
    return FALSE;
  if (index >= version->measures->len)
    {
      g_set_error_literal (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_NOT_FOUND,
                           _("This measure is not in the plan"));
      return FALSE;
    }
  g_ptr_array_remove_index (version->measures, index);
  return TRUE;
}

gboolean
care_plan_version_set_objectives (CarePlanVersion  *version,
                                  const char       *objectives,
                                  GError          **error)
{
  g_return_val_if_fail (version != NULL, FALSE);

  if (!care_plan_version_check_editable (version, error))
    return FALSE;
  g_free (version->objectives);
  version->objectives = g_strdup (objectives);
  return TRUE;
}

/* Totals are in one currency: adding up euros and dinars means nothing, so
 * measures in another currency are counted apart for the caller to show. A
 * cancelled measure is out of the planned budget, but what was spent on it
 * before it was cancelled is still spent. */
void
care_plan_version_get_totals (const CarePlanVersion *version,
                              const char            *currency,
                              CarePlanTotals        *out_totals)
{
  g_return_if_fail (version != NULL);
  g_return_if_fail (out_totals != NULL);

  if (currency == NULL)
    currency = CARE_MONEY_DEFAULT_CURRENCY;

  memset (out_totals, 0, sizeof *out_totals);
  g_strlcpy (out_totals->currency, currency, sizeof out_totals->currency);

  for (guint i = 0; i < version->measures->len; i++)
    {
      const CareMeasure *m = g_ptr_array_index (version->measures, i);
      CareMeasureGroup group = care_measure_get_group (m);
      const char *measure_currency = m->currency != NULL ? m->currency : CARE_MONEY_DEFAULT_CURRENCY;

      if (g_ascii_strcasecmp (measure_currency, currency) != 0)
        {
          out_totals->n_other_currency++;
          continue;
        }

      out_totals->n_measures++;
      if (m->status != CARE_MEASURE_CANCELLED)
        {
          out_totals->planned_total += m->budget_cents;
          out_totals->planned_by_group[group] += m->budget_cents;
          out_totals->planned_by_category[m->category] += m->budget_cents;
        }
      out_totals->actual_total += m->actual_cost_cents;
      out_totals->actual_by_group[group] += m->actual_cost_cents;
      out_totals->actual_by_category[m->category] += m->actual_cost_cents;
    }
}

CarePlan *
care_plan_new (void)
{
  CarePlan *plan = g_new0 (CarePlan, 1);

  plan->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) care_plan_version_free);
  return plan;
}

CarePlan *
care_plan_copy (const CarePlan *plan)
{
  CarePlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = care_plan_new ();
  for (guint i = 0; i < plan->versions->len; i++)
    g_ptr_array_add (copy->versions, care_plan_version_copy (g_ptr_array_index (plan->versions, i)));
  return copy;
}

void
care_plan_free (CarePlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->versions);
  g_free (plan);
}

CarePlanVersion *
care_plan_get_current (const CarePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->versions->len == 0)
    return NULL;
  return g_ptr_array_index (plan->versions, plan->versions->len - 1);
}

CarePlanVersion *
care_plan_get_latest_agreed (const CarePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = plan->versions->len; i > 0; i--)
    {
      CarePlanVersion *version = g_ptr_array_index (plan->versions, i - 1);
      if (care_plan_version_is_frozen (version))
        return version;
    }
  return NULL;
}

CarePlanVersion *
care_plan_get_version (const CarePlan *plan,
                       guint           number)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->versions->len; i++)
    {
      CarePlanVersion *version = g_ptr_array_index (plan->versions, i);
      if (version->number == number)
        return version;
    }
  return NULL;
}

gboolean
care_plan_has_agreed_version (const CarePlan *plan)
{
  return plan != NULL && care_plan_get_latest_agreed (plan) != NULL;
}

/* The version to edit: the current draft, or a new draft that starts as a
 * copy of the agreed version (its measures keep their progress; the copy
 * forgets their store ids, being new rows). Never NULL. */
CarePlanVersion *
care_plan_edit (CarePlan *plan)
{
  CarePlanVersion *current;
  CarePlanVersion *draft;

  g_return_val_if_fail (plan != NULL, NULL);

  current = care_plan_get_current (plan);
  if (current != NULL && !care_plan_version_is_frozen (current))
    return current;

  if (current == NULL)
    draft = care_plan_version_new (1);
  else
    {
      draft = care_plan_version_copy (current);
      draft->number = current->number + 1;
      draft->state = CARE_PLAN_DRAFT;
      care_date_unset (&draft->agreed_on);
      for (guint i = 0; i < draft->measures->len; i++)
        ((CareMeasure *) g_ptr_array_index (draft->measures, i))->id = 0;
    }
  g_ptr_array_add (plan->versions, draft);
  return draft;
}

/* Only the version's own state is checked here; whether the case allows an
 * agreement (a minor's safeguards) is care_case_agree_plan()'s business. */
gboolean
care_plan_freeze_current (CarePlan     *plan,
                          const GDate  *agreed_on,
                          GError      **error)
{
  CarePlanVersion *current;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (care_date_is_set (agreed_on), FALSE);

  current = care_plan_get_current (plan);
  if (current == NULL || care_plan_version_is_frozen (current))
    {
      g_set_error_literal (error, CARE_PLAN_ERROR, CARE_PLAN_ERROR_NO_DRAFT,
                           _("There is no draft of the plan to agree"));
      return FALSE;
    }

  current->state = CARE_PLAN_AGREED;
  current->agreed_on = *agreed_on;
  return TRUE;
}
