/* care-followup-calendar.h — the month's follow-ups across every case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_FOLLOWUP_CALENDAR (care_followup_calendar_get_type())

G_DECLARE_FINAL_TYPE (CareFollowupCalendar, care_followup_calendar, CARE, FOLLOWUP_CALENDAR, GtkWidget)

void     care_followup_calendar_set_vault   (CareFollowupCalendar *self,
                                             CareVault            *vault);
/* Reads the follow-ups again, off the main thread (after a case was saved). */
void     care_followup_calendar_reload      (CareFollowupCalendar *self);
gboolean care_followup_calendar_get_loading (CareFollowupCalendar *self);
/* Shows the month of DATE. */
void     care_followup_calendar_show_month  (CareFollowupCalendar *self,
                                             const GDate          *date);
void     care_followup_calendar_get_month   (CareFollowupCalendar *self,
                                             GDate                *out_first_day);
/* The day that "overdue" and "this week" compare with; cleared: the local
 * date (tests and the demo pass their own). */
void     care_followup_calendar_set_today   (CareFollowupCalendar *self,
                                             const GDate          *today);

/* The locale's first day of the week, 0 for Sunday to 6 for Saturday. */
guint    care_get_first_weekday             (void);

G_END_DECLS
