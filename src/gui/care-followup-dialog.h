/* care-followup-dialog.h — recording a follow-up contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-followup.h"

G_BEGIN_DECLS

#define CARE_TYPE_FOLLOWUP_DIALOG (care_followup_dialog_get_type())

G_DECLARE_FINAL_TYPE (CareFollowupDialog, care_followup_dialog, CARE, FOLLOWUP_DIALOG, AdwWindow)

/* Edits a copy of FOLLOWUP; "recorded" hands the result over. WHO is whom
 * the contact is put down to when no one was recorded yet. TODAY: the
 * latest date the contact may have been made on. */
CareFollowupDialog *care_followup_dialog_new          (GtkWindow          *parent,
                                                       const CareFollowUp *followup,
                                                       const char         *who,
                                                       const GDate        *today);
/* The follow-up as filled in so far. */
const CareFollowUp *care_followup_dialog_get_followup (CareFollowupDialog *self);

G_END_DECLS
