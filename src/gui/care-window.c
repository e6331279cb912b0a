/* care-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-window"

#include "config.h"

#include <glib/gi18n.h>

#include "care-window.h"

struct _CareWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  GtkMenuButton        *primary_menu_button;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (CareWindow, care_window, ADW_TYPE_APPLICATION_WINDOW)

CareWindow *
care_window_new (CareApplication *application)
{
  g_return_val_if_fail (CARE_IS_APPLICATION (application), NULL);

  return g_object_new (CARE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static void
restore_window_state (CareWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (CareWindow *self)
{
  int width, height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* A maximized window's size says nothing about the size to restore. */
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

static gboolean
care_window_close_request (GtkWindow *window)
{
  save_window_state (CARE_WINDOW (window));

  return GTK_WINDOW_CLASS (care_window_parent_class)->close_request (window);
}

static void
care_window_dispose (GObject *object)
{
  CareWindow *self = CARE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (care_window_parent_class)->dispose (object);
}

static void
care_window_class_init (CareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = care_window_dispose;
  window_class->close_request = care_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CareWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, status_page);
}

static void
care_window_init (CareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  restore_window_state (self);
}
