/* care-toast.c — a toast that says the latest answer in place of the one before
 *
 * A person who removes two measures in a row, or whose second attempt is
 * refused again, should read the latest answer at once, not after the
 * previous toast has timed out. libadwaita 1.2 has two traps here: a toast
 * dismissed during its 300 ms entrance is freed twice (a crash), and a
 * toast put aside for an ADW_TOAST_PRIORITY_HIGH one aborts the program
 * when it comes back while still fading out. So the toast still on screen
 * is given the new words when it can say them (same button, same
 * timeout); otherwise it is dismissed, but never during its entrance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-toast"

#include "config.h"

#include "care-toast.h"

/* Longer than libadwaita's 300 ms entrance. */
#define SAFE_TO_DISMISS_USEC (400 * 1000)
#define SHOWN_AT_KEY "care-toast-shown-at"

static void
toast_dismissed_cb (AdwToast  *toast,
                    AdwToast **slot)
{
  if (*slot == toast)
    care_toast_forget (slot);
}

void
care_toast_forget (AdwToast **slot)
{
  g_return_if_fail (slot != NULL);

  if (*slot == NULL)
    return;
  g_signal_handlers_disconnect_by_func (*slot, toast_dismissed_cb, slot);
  g_clear_object (slot);
}

static gboolean
can_say (AdwToast   *toast,
         const char *button_label,
         const char *action_name,
         guint       timeout)
{
  return g_strcmp0 (adw_toast_get_button_label (toast), button_label) == 0 &&
         g_strcmp0 (adw_toast_get_action_name (toast), action_name) == 0 &&
         adw_toast_get_timeout (toast) == timeout;
}

/* How long TOAST's entrance still lasts, in microseconds. */
static gint64
entrance_left (AdwToast *toast)
{
  gint64 *shown_at = g_object_get_data (G_OBJECT (toast), SHOWN_AT_KEY);

  return shown_at == NULL ? 0 : MAX (0, *shown_at + SAFE_TO_DISMISS_USEC - g_get_monotonic_time ());
}

static gboolean
dismiss_later_cb (gpointer toast)
{
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

void
care_toast_dismiss_safely (AdwToast *toast)
{
  gint64 left;

  g_return_if_fail (ADW_IS_TOAST (toast));

  left = entrance_left (toast);
  if (left == 0)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (left / 1000) + 1, dismiss_later_cb,
                        g_object_ref (toast), g_object_unref);
}

AdwToast *
care_toast_show (AdwToast         **slot,
                 gpointer           owner,
                 CareToastPresent   present,
                 const char        *title,
                 const char        *button_label,
                 const char        *action_name,
                 guint              timeout)
{
  AdwToast *toast;
  gint64 *shown_at;

  g_return_val_if_fail (slot != NULL, NULL);
  g_return_val_if_fail (present != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (*slot != NULL)
    {
      if (can_say (*slot, button_label, action_name, timeout))
        {
          adw_toast_set_title (*slot, title);
          return NULL;
        }
      care_toast_dismiss_safely (*slot);
      care_toast_forget (slot);
    }

  toast = adw_toast_new (title);
  if (button_label != NULL)
    adw_toast_set_button_label (toast, button_label);
  if (action_name != NULL)
    adw_toast_set_action_name (toast, action_name);
  adw_toast_set_timeout (toast, timeout);
  shown_at = g_new (gint64, 1);
  *shown_at = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (toast), SHOWN_AT_KEY, shown_at, g_free);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), slot);
  *slot = g_object_ref (toast);
  present (owner, toast);
  return toast;
}

void
care_toast_present_in_overlay (gpointer  overlay,
                               AdwToast *toast)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
