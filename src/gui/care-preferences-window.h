/* care-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARE_TYPE_PREFERENCES_WINDOW (care_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (CarePreferencesWindow, care_preferences_window, CARE, PREFERENCES_WINDOW, AdwPreferencesWindow)

CarePreferencesWindow *care_preferences_window_new (GSettings *settings);

G_END_DECLS
