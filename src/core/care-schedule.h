/* care-schedule.h — the follow-up schedule after return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-case.h"
#include "care-settings.h"

G_BEGIN_DECLS

GPtrArray *care_schedule_generate       (const GDate        *arrival_date,
                                         const guint        *months,
                                         gsize               n_months,
                                         guint               max_months);
void       care_schedule_get_end        (const GDate        *arrival_date,
                                         guint               max_months,
                                         GDate              *out_end);
gboolean   care_case_update_schedule    (CareCase           *care_case,
                                         const CareSettings *settings);
guint      care_case_cancel_followups   (CareCase           *care_case,
                                         const GDate        *cancelled_on);

G_END_DECLS
