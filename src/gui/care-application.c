/* care-application.c — the single-instance application and its app.* actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-application"

#include "config.h"

#include <glib/gi18n.h>

#include "care-application.h"
#include "care-preferences-window.h"
#include "care-window.h"

struct _CareApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CareApplication, care_application, ADW_TYPE_APPLICATION)

CareApplication *
care_application_new (void)
{
  return g_object_new (CARE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
care_application_get_settings (CareApplication *self)
{
  g_return_val_if_fail (CARE_IS_APPLICATION (self), NULL);

  return self->settings;
}

static CareWindow *
find_or_create_window (CareApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CARE_IS_WINDOW (window))
    return CARE_WINDOW (window);

  return care_window_new (self);
}

static void
care_application_activate (GApplication *app)
{
  CareApplication *self = CARE_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (find_or_create_window (self)));
}

static void
care_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  /* Opening a vault given on the command line arrives with the vault; until
   * then a file argument just brings the window forward. */
  care_application_activate (app);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CareApplication *self = user_data;

  g_autoptr(GList) windows = NULL;

  /* Closing the windows (rather than g_application_quit) lets each one save
   * its state on the way out; the application ends with its last window. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CareApplication *self = user_data;
  static const char *developers[] = { "The CARE developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("CARE"),
                        "developer-name", _("The CARE developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Case records for voluntary return and reintegration: "
                                      "assessment, reintegration plan, arrival assistance and "
                                      "follow-up, encrypted at rest."),
                        "website", "https://careproject.org/",
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your name(s), one per line. */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CareApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CarePreferencesWindow *prefs = care_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
};

static void
care_application_startup (GApplication *app)
{
  CareApplication *self = CARE_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (care_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
care_application_finalize (GObject *object)
{
  CareApplication *self = CARE_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (care_application_parent_class)->finalize (object);
}

static void
care_application_class_init (CareApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = care_application_finalize;

  app_class->startup = care_application_startup;
  app_class->activate = care_application_activate;
  app_class->open = care_application_open;
}

static void
care_application_init (CareApplication *self)
{
}
