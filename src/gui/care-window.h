/* care-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-application.h"

G_BEGIN_DECLS

#define CARE_TYPE_WINDOW (care_window_get_type())

G_DECLARE_FINAL_TYPE (CareWindow, care_window, CARE, WINDOW, AdwApplicationWindow)

CareWindow *care_window_new            (CareApplication *application);
void        care_window_back_up        (CareWindow      *self,
                                        const char      *path);
gboolean    care_window_is_backing_up  (CareWindow      *self);
void        care_window_add_toast      (CareWindow      *self,
                                        AdwToast        *toast);
void        care_window_reload_records (CareWindow      *self);

GVariant   *care_window_capture_state  (CareWindow      *self);
void        care_window_restore_state  (CareWindow      *self,
                                        GVariant        *state);

G_END_DECLS
