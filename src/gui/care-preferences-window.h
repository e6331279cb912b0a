/* care-preferences-window.h — this computer's preferences, the
 * programme's settings kept in the vault, and who can open the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_PREFERENCES_WINDOW (care_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (CarePreferencesWindow, care_preferences_window, CARE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* VAULT: the unlocked vault, or NULL (only this computer's preferences
 * are shown then). */
CarePreferencesWindow *care_preferences_window_new       (GSettings             *settings,
                                                          CareVault             *vault);
/* Argon2id's cost for new key slots; MODERATE unless a test says otherwise. */
void                   care_preferences_window_set_kdf_cost (CarePreferencesWindow *self,
                                                             CareKdfCost            cost);
/* Saves the programme's settings now if they are valid and changed. */
gboolean               care_preferences_window_flush     (CarePreferencesWindow *self);
gboolean               care_preferences_window_has_unsaved_changes (CarePreferencesWindow *self);
/* TRUE while a key slot is being written or removed in a thread. */
gboolean               care_preferences_window_get_busy  (CarePreferencesWindow *self);

/* The plan document's paper from the "paper-size" key. */
int                    care_preferences_get_paper        (GSettings             *settings);

G_END_DECLS
