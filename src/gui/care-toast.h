/* care-toast.h — a toast that says the latest answer in place of the one before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* How the owner puts a toast on screen (its overlay, its preferences
 * window…). */
typedef void (*CareToastPresent) (gpointer  owner,
                                  AdwToast *toast);

/* Shows TITLE in place of the toast in SLOT (the last one the owner showed
 * this way, or NULL), with an Undo-like button when BUTTON_LABEL is set;
 * TIMEOUT in seconds, 0 to stay until dismissed. Returns the toast when it
 * is a new one (to connect to its button), NULL when the one on screen
 * says TITLE now. */
AdwToast *care_toast_show (AdwToast       **slot,
                           gpointer         owner,
                           CareToastPresent present,
                           const char      *title,
                           const char      *button_label,
                           const char      *action_name,
                           guint            timeout);

/* Dismisses TOAST now, or when its entrance is over (libadwaita 1.2
 * crashes on a toast dismissed during its first 300 ms). */
void      care_toast_dismiss_safely (AdwToast *toast);

/* The owner's dispose: SLOT no longer followed. */
void      care_toast_forget (AdwToast       **slot);

/* CareToastPresent for an AdwToastOverlay as owner. */
void      care_toast_present_in_overlay (gpointer  overlay,
                                         AdwToast *toast);

G_END_DECLS
