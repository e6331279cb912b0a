/* care-case.c — one beneficiary's case, from referral to closure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case"

#include "config.h"

#include "care-case.h"
#include "care-date.h"

G_DEFINE_BOXED_TYPE (CareClosure, care_closure, care_closure_copy, care_closure_free)
G_DEFINE_BOXED_TYPE (CareCase, care_case, care_case_copy, care_case_free)

void
care_consent_init (CareConsent *consent)
{
  g_return_if_fail (consent != NULL);

  consent->state = CARE_CONSENT_NOT_RECORDED;
  care_date_unset (&consent->decided_on);
  care_date_unset (&consent->withdrawn_on);
}

void
care_consent_give (CareConsent *consent,
                   const GDate *on)
{
  g_return_if_fail (consent != NULL);
  g_return_if_fail (care_date_is_set (on));

  consent->state = CARE_CONSENT_GIVEN;
  consent->decided_on = *on;
  care_date_unset (&consent->withdrawn_on);
}

void
care_consent_refuse (CareConsent *consent,
                     const GDate *on)
{
  g_return_if_fail (consent != NULL);
  g_return_if_fail (care_date_is_set (on));

  consent->state = CARE_CONSENT_REFUSED;
  consent->decided_on = *on;
  care_date_unset (&consent->withdrawn_on);
}

/* Only a given consent can be withdrawn; the date it was given is kept,
 * since what was done between the two dates was done with consent. */
gboolean
care_consent_withdraw (CareConsent *consent,
                       const GDate *on)
{
  g_return_val_if_fail (consent != NULL, FALSE);
  g_return_val_if_fail (care_date_is_set (on), FALSE);

  if (consent->state != CARE_CONSENT_GIVEN)
    return FALSE;
  consent->state = CARE_CONSENT_WITHDRAWN;
  consent->withdrawn_on = *on;
  return TRUE;
}

/* Whether the consent held on @date: given on or before it, and not yet
 * withdrawn (a withdrawal takes effect on its own day). */
gboolean
care_consent_is_given_on (const CareConsent *consent,
                          const GDate       *date)
{
  g_return_val_if_fail (consent != NULL, FALSE);
  g_return_val_if_fail (care_date_is_set (date), FALSE);

  if (consent->state != CARE_CONSENT_GIVEN && consent->state != CARE_CONSENT_WITHDRAWN)
    return FALSE;
  if (care_date_is_set (&consent->decided_on) && g_date_compare (&consent->decided_on, date) > 0)
    return FALSE;
  if (consent->state == CARE_CONSENT_WITHDRAWN &&
      (!care_date_is_set (&consent->withdrawn_on) ||
       g_date_compare (&consent->withdrawn_on, date) <= 0))
    return FALSE;
  return TRUE;
}

/* Whether the consent holds now, whatever today is. */
gboolean
care_consent_is_given (const CareConsent *consent)
{
  g_return_val_if_fail (consent != NULL, FALSE);

  return consent->state == CARE_CONSENT_GIVEN;
}

CareClosure *
care_closure_new (CareClosureReason  reason,
                  const GDate       *closed_on)
{
  CareClosure *closure = g_new0 (CareClosure, 1);

  closure->reason = reason;
  care_date_unset (&closure->closed_on);
  if (closed_on != NULL && care_date_is_set (closed_on))
    closure->closed_on = *closed_on;
  return closure;
}

CareClosure *
care_closure_copy (const CareClosure *closure)
{
  CareClosure *copy;

  g_return_val_if_fail (closure != NULL, NULL);

  copy = care_closure_new (closure->reason, &closure->closed_on);
  copy->notes = g_strdup (closure->notes);
  return copy;
}

void
care_closure_free (CareClosure *closure)
{
  if (closure == NULL)
    return;
  g_free (closure->notes);
  g_free (closure);
}

CareCase *
care_case_new (void)
{
  CareCase *c = g_new0 (CareCase, 1);

  c->person = care_person_new ();
  care_date_unset (&c->referral_date);
  care_date_unset (&c->planned_return_date);
  care_date_unset (&c->arrival_date);
  care_consent_init (&c->consent_voluntary_return);
  care_consent_init (&c->consent_data);
  care_consent_init (&c->consent_followup);
  c->risk = care_risk_assessment_new ();
  c->arrival_needs = care_arrival_needs_new ();
  c->skills = care_skills_new ();
  c->minor = care_minor_section_new ();
  c->plan = care_plan_new ();
  c->arrival_items = g_ptr_array_new_with_free_func ((GDestroyNotify) care_arrival_item_free);
  c->followups = g_ptr_array_new_with_free_func ((GDestroyNotify) care_follow_up_free);
  return c;
}

static GPtrArray *
copy_array (GPtrArray      *array,
            GBoxedCopyFunc  copy,
            GDestroyNotify  free_func)
{
  GPtrArray *out = g_ptr_array_new_full (array->len, free_func);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (out, copy (g_ptr_array_index (array, i)));
  return out;
}

CareCase *
care_case_copy (const CareCase *c)
{
  CareCase *copy;

  g_return_val_if_fail (c != NULL, NULL);

  copy = g_new0 (CareCase, 1);
  *copy = *c;
  copy->person = care_person_copy (c->person);
  copy->host_country = g_strdup (c->host_country);
  copy->return_country = g_strdup (c->return_country);
  copy->destination = g_strdup (c->destination);
  copy->referring_organisation = g_strdup (c->referring_organisation);
  copy->referral_contact = g_strdup (c->referral_contact);
  copy->caseworker = g_strdup (c->caseworker);
  copy->plan_language = g_strdup (c->plan_language);
  copy->notes = g_strdup (c->notes);
  copy->risk = care_risk_assessment_copy (c->risk);
  copy->arrival_needs = care_arrival_needs_copy (c->arrival_needs);
  copy->skills = care_skills_copy (c->skills);
  copy->minor = care_minor_section_copy (c->minor);
  copy->plan = care_plan_copy (c->plan);
  copy->arrival_items = copy_array (c->arrival_items, (GBoxedCopyFunc) care_arrival_item_copy,
                                    (GDestroyNotify) care_arrival_item_free);
  copy->followups = copy_array (c->followups, (GBoxedCopyFunc) care_follow_up_copy,
                                (GDestroyNotify) care_follow_up_free);
  copy->closure = c->closure != NULL ? care_closure_copy (c->closure) : NULL;
  return copy;
}

void
care_case_free (CareCase *c)
{
  if (c == NULL)
    return;
  care_person_free (c->person);
  g_free (c->host_country);
  g_free (c->return_country);
  g_free (c->destination);
  g_free (c->referring_organisation);
  g_free (c->referral_contact);
  g_free (c->caseworker);
  g_free (c->plan_language);
  g_free (c->notes);
  care_risk_assessment_free (c->risk);
  care_arrival_needs_free (c->arrival_needs);
  care_skills_free (c->skills);
  care_minor_section_free (c->minor);
  care_plan_free (c->plan);
  g_ptr_array_unref (c->arrival_items);
  g_ptr_array_unref (c->followups);
  care_closure_free (c->closure);
  g_free (c);
}

/* The date the programme's rules are applied on: the planned return date,
 * else the actual one. Planned first because eligibility and minority are
 * decided before departure, and a flight delayed by a day must not turn a
 * case that was eligible when it was prepared into one that is not. NULL
 * when neither is known. */
const GDate *
care_case_get_return_date (const CareCase *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  if (care_date_is_set (&c->planned_return_date))
    return &c->planned_return_date;
  if (care_date_is_set (&c->arrival_date))
    return &c->arrival_date;
  return NULL;
}

/* The status is what the data say, so that it can never disagree with
 * them: each stage is reached when the data that end it are recorded, and
 * the furthest stage wins (a case can be returned without an agreed plan,
 * if it was prepared outside CARE). "In follow-up" starts with the first
 * follow-up contact actually made, not with the schedule. */
CareCaseStatus
care_case_get_status (const CareCase *c)
{
  g_return_val_if_fail (c != NULL, CARE_CASE_REFERRED);

  if (c->closure != NULL)
    return CARE_CASE_CLOSED;

  for (guint i = 0; i < c->followups->len; i++)
    if (care_follow_up_is_done (g_ptr_array_index (c->followups, i)))
      return CARE_CASE_IN_FOLLOW_UP;

  if (care_date_is_set (&c->arrival_date))
    return CARE_CASE_RETURNED;

  if (care_plan_has_agreed_version (c->plan))
    return CARE_CASE_PLAN_AGREED;

  if (care_risk_assessment_is_done (c->risk))
    return CARE_CASE_ASSESSED;

  return CARE_CASE_REFERRED;
}

/* The earliest follow-up still to be done, or NULL. */
CareFollowUp *
care_case_get_next_followup (const CareCase *c)
{
  CareFollowUp *next = NULL;

  g_return_val_if_fail (c != NULL, NULL);

  for (guint i = 0; i < c->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (c->followups, i);
      if (!care_follow_up_is_pending (f) || !care_date_is_set (&f->due_on))
        continue;
      if (next == NULL || g_date_compare (&f->due_on, &next->due_on) < 0)
        next = f;
    }
  return next;
}

guint
care_case_count_overdue_followups (const CareCase *c,
                                   const GDate    *today)
{
  guint count = 0;

  g_return_val_if_fail (c != NULL, 0);

  for (guint i = 0; i < c->followups->len; i++)
    count += care_follow_up_is_overdue (g_ptr_array_index (c->followups, i), today);
  return count;
}
