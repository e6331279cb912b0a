/* care-followup.h — follow-up contacts after return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "care-enums.h"

G_BEGIN_DECLS

#define CARE_SCORE_NONE 0   /* not scored; scores go from 1 to 5 */

/* What a follow-up contact found about one measure of the plan. */
typedef struct
{
  gint64            measure_id;
  CareMeasureStatus status;
  char             *note;
} CareMeasureProgress;

typedef struct
{
  gint64            id;                 /* the store's, 0 before the first save */
  guint             months_after_arrival; /* 0: added by hand, not from the schedule */
  GDate             due_on;
  GDate             done_on;            /* unset until done */
  GDate             cancelled_on;       /* set when consent was withdrawn */
  CareFollowUpMode  mode;
  char             *who;
  char             *notes;
  guint             economic_score;     /* CARE_SCORE_NONE or 1..5 */
  guint             social_score;
  guint             psychosocial_score;
  CareRiskLevel     reexploitation_risk;
  GPtrArray        *progress;           /* CareMeasureProgress, owned */
} CareFollowUp;

#define CARE_TYPE_MEASURE_PROGRESS (care_measure_progress_get_type ())
#define CARE_TYPE_FOLLOW_UP        (care_follow_up_get_type ())

GType                care_measure_progress_get_type (void) G_GNUC_CONST;
CareMeasureProgress *care_measure_progress_new      (gint64                     measure_id,
                                                     CareMeasureStatus          status,
                                                     const char                *note);
CareMeasureProgress *care_measure_progress_copy     (const CareMeasureProgress *progress);
void                 care_measure_progress_free     (CareMeasureProgress       *progress);

GType         care_follow_up_get_type     (void) G_GNUC_CONST;
CareFollowUp *care_follow_up_new          (const GDate        *due_on);
CareFollowUp *care_follow_up_copy         (const CareFollowUp *followup);
void          care_follow_up_free         (CareFollowUp       *followup);
gboolean      care_follow_up_is_done      (const CareFollowUp *followup);
gboolean      care_follow_up_is_cancelled (const CareFollowUp *followup);
gboolean      care_follow_up_is_pending   (const CareFollowUp *followup);
gboolean      care_follow_up_is_overdue   (const CareFollowUp *followup,
                                           const GDate        *today);
int           care_follow_up_compare_due  (gconstpointer       a,
                                           gconstpointer       b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareMeasureProgress, care_measure_progress_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareFollowUp, care_follow_up_free)

G_END_DECLS
