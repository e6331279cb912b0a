/* care-application.c — the single-instance application and its app.* actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-application"

#include "config.h"

#include <glib/gi18n.h>

#include "care-application.h"
#include "care-preferences-window.h"
#include "care-store-access.h"
#include "care-window.h"

struct _CareApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;

  /* The one unlocked vault, shared by every window; NULL while locked. */
  CareVault      *vault;
  gint64          last_activity;
  guint           idle_check_id;
};

G_DEFINE_FINAL_TYPE (CareApplication, care_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_VAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOCKING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How often the idle time is looked at: the lock comes at most this late. */
#define IDLE_CHECK_SECONDS 10

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

CareVault *
care_application_get_vault (CareApplication *self)
{
  g_return_val_if_fail (CARE_IS_APPLICATION (self), NULL);

  return self->vault;
}

static gboolean
idle_check_cb (gpointer user_data)
{
  CareApplication *self = user_data;

  care_application_lock_if_idle (self, g_get_monotonic_time ());
  return G_SOURCE_CONTINUE;
}

static void
update_lock_action (CareApplication *self)
{
  GAction *lock = g_action_map_lookup_action (G_ACTION_MAP (self), "lock");

  if (lock != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (lock), self->vault != NULL);
}

void
care_application_set_vault (CareApplication *self,
                            CareVault       *vault)
{
  g_return_if_fail (CARE_IS_APPLICATION (self));
  g_return_if_fail (vault == NULL || CARE_IS_VAULT (vault));

  if (self->vault == vault)
    return;

  if (self->vault != NULL)
    {
      g_autoptr(CareVault) old = g_object_ref (self->vault);

      /* Pending edits are saved while the keys are still there. */
      g_signal_emit (self, signals[LOCKING], 0, old);
      {
        /* Waits for a search still running in a worker thread. */
        g_autoptr(CareStoreAccess) access = care_store_access_lock (old);

        care_vault_lock (old);
      }
    }
  g_set_object (&self->vault, vault);
  g_clear_handle_id (&self->idle_check_id, g_source_remove);

  if (vault != NULL)
    {
      g_settings_set_string (self->settings, "last-vault", care_vault_get_path (vault));
      self->last_activity = g_get_monotonic_time ();
      self->idle_check_id = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);
    }

  update_lock_action (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAULT]);
}

/* Wipes the keys and closes the database; every window covers its
 * content with the unlock page (see CareWindow). */
void
care_application_lock (CareApplication *self)
{
  g_return_if_fail (CARE_IS_APPLICATION (self));

  care_application_set_vault (self, NULL);
}

char *
care_application_dup_vault_path (CareApplication *self)
{
  g_autofree char *last = NULL;

  g_return_val_if_fail (CARE_IS_APPLICATION (self), NULL);

  last = g_settings_get_string (self->settings, "last-vault");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return care_vault_get_default_path ();
}

void
care_application_note_activity (CareApplication *self)
{
  g_return_if_fail (CARE_IS_APPLICATION (self));

  self->last_activity = g_get_monotonic_time ();
}

/* Locks when nothing was typed or clicked for the delay set in
 * Preferences; NOW_USEC is the monotonic time (tests pass their own). */
gboolean
care_application_lock_if_idle (CareApplication *self,
                               gint64           now_usec)
{
  gint64 delay;

  g_return_val_if_fail (CARE_IS_APPLICATION (self), FALSE);

  if (self->vault == NULL)
    return FALSE;

  delay = (gint64) g_settings_get_uint (self->settings, "auto-lock-minutes") * 60 * G_USEC_PER_SEC;
  if (now_usec - self->last_activity < delay)
    return FALSE;

  care_application_lock (self);
  return TRUE;
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

static void
lock_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  care_application_lock (CARE_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "lock", lock_activated_cb },
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
  static const char *lock_accels[] = { "<Control>l", NULL };

  G_APPLICATION_CLASS (care_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.lock", lock_accels);
  update_lock_action (self);
}

static void
care_application_shutdown (GApplication *app)
{
  /* Keys are wiped on the way out, whatever closed the last window. */
  care_application_lock (CARE_APPLICATION (app));

  G_APPLICATION_CLASS (care_application_parent_class)->shutdown (app);
}

static void
care_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CareApplication *self = CARE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
care_application_finalize (GObject *object)
{
  CareApplication *self = CARE_APPLICATION (object);

  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  if (self->vault != NULL)
    care_vault_lock (self->vault);
  g_clear_object (&self->vault);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (care_application_parent_class)->finalize (object);
}

static void
care_application_class_init (CareApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = care_application_finalize;
  object_class->get_property = care_application_get_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, CARE_TYPE_VAULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted just before the vault is locked, while it can still be written:
   * views save what has been typed and not yet saved. */
  signals[LOCKING] =
    g_signal_new ("locking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CARE_TYPE_VAULT);

  app_class->startup = care_application_startup;
  app_class->shutdown = care_application_shutdown;
  app_class->activate = care_application_activate;
  app_class->open = care_application_open;
}

static void
care_application_init (CareApplication *self)
{
}
