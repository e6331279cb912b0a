/* care-followup.c — follow-up contacts after return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-followup"

#include "config.h"

#include "care-date.h"
#include "care-followup.h"

G_DEFINE_BOXED_TYPE (CareMeasureProgress, care_measure_progress,
                     care_measure_progress_copy, care_measure_progress_free)
G_DEFINE_BOXED_TYPE (CareFollowUp, care_follow_up, care_follow_up_copy, care_follow_up_free)

CareMeasureProgress *
care_measure_progress_new (gint64             measure_id,
                           CareMeasureStatus  status,
                           const char        *note)
{
  CareMeasureProgress *progress = g_new0 (CareMeasureProgress, 1);

  progress->measure_id = measure_id;
  progress->status = status;
  progress->note = g_strdup (note);
  return progress;
}

CareMeasureProgress *
care_measure_progress_copy (const CareMeasureProgress *progress)
{
  g_return_val_if_fail (progress != NULL, NULL);

  return care_measure_progress_new (progress->measure_id, progress->status, progress->note);
}

void
care_measure_progress_free (CareMeasureProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->note);
  g_free (progress);
}

CareFollowUp *
care_follow_up_new (const GDate *due_on)
{
  CareFollowUp *followup = g_new0 (CareFollowUp, 1);

  care_date_unset (&followup->due_on);
  if (due_on != NULL && care_date_is_set (due_on))
    followup->due_on = *due_on;
  care_date_unset (&followup->done_on);
  care_date_unset (&followup->cancelled_on);
  followup->mode = CARE_FOLLOWUP_VISIT;
  followup->reexploitation_risk = CARE_RISK_NOT_ASSESSED;
  followup->progress = g_ptr_array_new_with_free_func ((GDestroyNotify) care_measure_progress_free);
  return followup;
}

CareFollowUp *
care_follow_up_copy (const CareFollowUp *followup)
{
  CareFollowUp *copy;

  g_return_val_if_fail (followup != NULL, NULL);

  copy = g_new0 (CareFollowUp, 1);
  *copy = *followup;
  copy->who = g_strdup (followup->who);
  copy->notes = g_strdup (followup->notes);
  copy->progress = g_ptr_array_new_with_free_func ((GDestroyNotify) care_measure_progress_free);
  for (guint i = 0; i < followup->progress->len; i++)
    g_ptr_array_add (copy->progress,
                     care_measure_progress_copy (g_ptr_array_index (followup->progress, i)));
  return copy;
}

void
care_follow_up_free (CareFollowUp *followup)
{
  if (followup == NULL)
    return;
  g_free (followup->who);
  g_free (followup->notes);
  g_ptr_array_unref (followup->progress);
  g_free (followup);
}

gboolean
care_follow_up_is_done (const CareFollowUp *followup)
{
  g_return_val_if_fail (followup != NULL, FALSE);

  return care_date_is_set (&followup->done_on);
}

gboolean
care_follow_up_is_cancelled (const CareFollowUp *followup)
{
  g_return_val_if_fail (followup != NULL, FALSE);

  return care_date_is_set (&followup->cancelled_on);
}

/* Still to be done: neither done nor cancelled. */
gboolean
care_follow_up_is_pending (const CareFollowUp *followup)
{
  return !care_follow_up_is_done (followup) && !care_follow_up_is_cancelled (followup);
}

/* Overdue once the due day has passed, not on the day itself: a visit due
 * today is still on time until the evening. */
gboolean
care_follow_up_is_overdue (const CareFollowUp *followup,
                           const GDate        *today)
{
  g_return_val_if_fail (followup != NULL, FALSE);
  g_return_val_if_fail (care_date_is_set (today), FALSE);

  return care_follow_up_is_pending (followup) &&
         care_date_is_set (&followup->due_on) &&
         g_date_compare (&followup->due_on, today) < 0;
}

/* For g_ptr_array_sort() on an array of CareFollowUp. */
int
care_follow_up_compare_due (gconstpointer a,
                            gconstpointer b)
{
  const CareFollowUp *fa = *(const CareFollowUp * const *) a;
  const CareFollowUp *fb = *(const CareFollowUp * const *) b;

  return care_date_compare (&fa->due_on, &fb->due_on);
}
