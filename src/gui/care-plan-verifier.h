/* care-plan-verifier.h — Verify a Plan…: which case, version and date a
 * plan PDF shows, and whether it and its signature still hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-vault.h"

G_BEGIN_DECLS

/* The window's action: asks for the PDF (and, if it is not beside it, the
 * .minisig) and verifies them against the unlocked vault. */
void care_plan_verifier_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter);

/* Verifies PDF, with SIGNATURE (NULL: PDF.minisig when there is one), in
 * a worker, and says the verdict in a dialog over PARENT. */
void care_plan_verifier_verify (GtkWindow  *parent,
                                CareVault  *vault,
                                GFile      *pdf,
                                GFile      *signature);

G_END_DECLS
