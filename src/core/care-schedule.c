/* care-schedule.c — the follow-up schedule after return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-schedule"

#include "config.h"

#include "care-date.h"
#include "care-followup.h"
#include "care-schedule.h"

/* The last day follow-up may be due: the programme follows people for at
 * most @max_months after arrival. */
void
care_schedule_get_end (const GDate *arrival_date,
                       guint        max_months,
                       GDate       *out_end)
{
  care_date_add_months_clamped (arrival_date, max_months, out_end);
}

/* One follow-up per month of @months, due that many months after arrival,
 * clamped to the end of shorter months (arrival on 31 January: due on the
 * last day of February). Months past @max_months are dropped, never moved
 * earlier: scheduling a contact the person did not agree to is worse than
 * one contact fewer. */
GPtrArray *
care_schedule_generate (const GDate *arrival_date,
                        const guint *months,
                        gsize        n_months,
                        guint        max_months)
{
  GPtrArray *followups = g_ptr_array_new_with_free_func ((GDestroyNotify) care_follow_up_free);

  g_return_val_if_fail (care_date_is_set (arrival_date), followups);
  g_return_val_if_fail (months != NULL || n_months == 0, followups);

  for (gsize i = 0; i < n_months; i++)
    {
      CareFollowUp *f;
      GDate due;

      if (months[i] == 0 || months[i] > max_months)
        continue;
      care_date_add_months_clamped (arrival_date, months[i], &due);
      f = care_follow_up_new (&due);
      f->months_after_arrival = months[i];
      g_ptr_array_add (followups, f);
    }
  g_ptr_array_sort (followups, care_follow_up_compare_due);
  return followups;
}

/* Cancels every follow-up still to be done; those done stay as they were.
 * Returns how many were cancelled. */
guint
care_case_cancel_followups (CareCase    *c,
                            const GDate *cancelled_on)
{
  guint count = 0;

  g_return_val_if_fail (c != NULL, 0);
  g_return_val_if_fail (care_date_is_set (cancelled_on), 0);

  for (guint i = 0; i < c->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (c->followups, i);
      if (!care_follow_up_is_pending (f))
        continue;
      f->cancelled_on = *cancelled_on;
      count++;
    }
  return count;
}

static CareFollowUp *
find_scheduled (CareCase *c,
                guint     month)
{
  for (guint i = 0; i < c->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (c->followups, i);
      if (f->months_after_arrival == month)
        return f;
    }
  return NULL;
}

/* Brings the case's follow-ups in line with its data, on every save:
 *  - without the follow-up consent, nothing is scheduled; a consent
 *    withdrawn (or refused after all) cancels every follow-up still to be
 *    done, as of that day;
 *  - with it and an arrival date, every month of the programme's schedule
 *    has its follow-up, and those not yet done move with the arrival date
 *    if it was corrected;
 *  - follow-ups already done or cancelled are history and are never
 *    touched, nor are those added by hand (months_after_arrival = 0).
 * Returns whether anything changed. */
gboolean
care_case_update_schedule (CareCase           *c,
                           const CareSettings *settings)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (c != NULL, FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  switch (c->consent_followup.state)
    {
    case CARE_CONSENT_WITHDRAWN:
      return care_case_cancel_followups (c, &c->consent_followup.withdrawn_on) > 0;
    case CARE_CONSENT_REFUSED:
      return care_case_cancel_followups (c, &c->consent_followup.decided_on) > 0;
    case CARE_CONSENT_NOT_RECORDED:
      return FALSE;
    case CARE_CONSENT_GIVEN:
    default:
      break;
    }

  if (!care_date_is_set (&c->arrival_date))
    return FALSE;

  for (guint i = 0; i < settings->followup_months->len; i++)
    {
      guint month = g_array_index (settings->followup_months, guint, i);
      CareFollowUp *existing;
      GDate due;

      if (month == 0 || month > settings->followup_max_months)
        continue;

      care_date_add_months_clamped (&c->arrival_date, month, &due);
      existing = find_scheduled (c, month);
      if (existing == NULL)
        {
          CareFollowUp *f = care_follow_up_new (&due);
          f->months_after_arrival = month;
          g_ptr_array_add (c->followups, f);
          changed = TRUE;
        }
      else if (care_follow_up_is_pending (existing) && !care_date_equal (&existing->due_on, &due))
        {
          existing->due_on = due;
          changed = TRUE;
        }
    }

  if (changed)
    g_ptr_array_sort (c->followups, care_follow_up_compare_due);
  return changed;
}
