/* care-application.c — the single-instance application and its app.* actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-application"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "care-accessible.h"
#include "care-application.h"
#include "care-language.h"
#include "care-demo-vault.h"
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

  /* care --demo: a throw-away vault, deleted on quit. */
  gboolean        demo;
  guint           demo_cases;
  char           *demo_path;
  char           *demo_passphrase;
  double          demo_progress;     /* 0…1 while it is filled, 1 when ready */
  guint           demo_progress_id;
  GError         *demo_error;
};

G_DEFINE_FINAL_TYPE (CareApplication, care_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_DEMO_PROGRESS,
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
      /* The demo vault is gone after this session: not one to come back to. */
      if (!self->demo)
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

  if (self->demo)
    return g_strdup (self->demo_path);
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

/* --- care --demo --- */

gboolean
care_application_is_demo (CareApplication *self)
{
  g_return_val_if_fail (CARE_IS_APPLICATION (self), FALSE);

  return self->demo;
}

guint
care_application_get_demo_cases (CareApplication *self)
{
  g_return_val_if_fail (CARE_IS_APPLICATION (self), 0);

  return self->demo_cases;
}

const char *
care_application_get_demo_passphrase (CareApplication *self)
{
  g_return_val_if_fail (CARE_IS_APPLICATION (self), NULL);

  return self->demo_passphrase;
}

double
care_application_get_demo_progress (CareApplication *self)
{
  g_return_val_if_fail (CARE_IS_APPLICATION (self), 0.0);

  return self->demo_progress;
}

const GError *
care_application_get_demo_error (CareApplication *self)
{
  g_return_val_if_fail (CARE_IS_APPLICATION (self), NULL);

  return self->demo_error;
}

typedef struct {
  CareApplication *self;     /* a reference */
  double           fraction;
} DemoProgress;

static gboolean
demo_progress_idle_cb (gpointer user_data)
{
  DemoProgress *p = user_data;

  /* A late report must not undo "ready". */
  if (p->self->demo_progress < 1.0)
    {
      p->self->demo_progress = MIN (p->fraction, 0.99);
      g_object_notify_by_pspec (G_OBJECT (p->self), properties[PROP_DEMO_PROGRESS]);
    }
  return G_SOURCE_REMOVE;
}

static void
demo_progress_free (gpointer data)
{
  DemoProgress *p = data;

  g_object_unref (p->self);
  g_free (p);
}

/* Called from the worker thread: the fraction goes to the main thread. */
static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  DemoProgress *p = g_new0 (DemoProgress, 1);

  p->self = g_object_ref (user_data);
  p->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, demo_progress_idle_cb, p, demo_progress_free);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CareApplication *self = source_object;
  g_autoptr(CareVault) vault = NULL;
  GError *error = NULL;

  vault = care_demo_vault_create (self->demo_path, self->demo_passphrase, self->demo_cases,
                                  NULL, demo_progress_cb, self, &error);
  if (vault == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The person unlocks it with the passphrase shown, as any vault. */
  care_vault_lock (vault);
  g_task_return_boolean (task, TRUE);
}

static void
demo_ready_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CareApplication *self = CARE_APPLICATION (source_object);

  if (!g_task_propagate_boolean (G_TASK (result), &self->demo_error))
    g_warning ("Could not prepare the demo vault: %s", self->demo_error->message);
  self->demo_progress = 1.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO_PROGRESS]);
  g_application_release (G_APPLICATION (self));
}

/* Makes the private directory and starts filling the vault; the unlock
 * page shows the progress, then the passphrase. */
gboolean
care_application_start_demo (CareApplication *self,
                             guint            cases,
                             GError         **error)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (CARE_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->demo_path == NULL, FALSE);

  /* g_dir_make_tmp creates it 0700: no one else can read the cases. */
  dir = g_dir_make_tmp ("care-demo-XXXXXX", error);
  if (dir == NULL)
    return FALSE;

  self->demo = TRUE;
  self->demo_cases = cases;
  self->demo_path = g_build_filename (dir, "demo.care", NULL);
  self->demo_passphrase = care_demo_vault_make_passphrase ();
  self->demo_progress = 0.0;
  g_clear_error (&self->demo_error);

  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, demo_ready_cb, NULL);
  g_task_set_source_tag (task, care_application_start_demo);
  care_language_run_in_thread (task, demo_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO_PROGRESS]);
  return TRUE;
}

/* Locks and deletes the demo vault: done on quit. */
void
care_application_end_demo (CareApplication *self)
{
  g_return_if_fail (CARE_IS_APPLICATION (self));

  if (self->demo_path == NULL)
    return;
  care_application_lock (self);
  care_demo_vault_delete (self->demo_path);
}

static int
care_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  CareApplication *self = CARE_APPLICATION (app);

  if (g_variant_dict_contains (options, "demo"))
    {
      int cases = CARE_DEMO_CASES;

      g_variant_dict_lookup (options, "demo-cases", "i", &cases);
      if (cases < 1 || cases > 200000)
        {
          g_printerr ("%s\n", _("--demo-cases must be between 1 and 200000"));
          return 2;
        }
      self->demo = TRUE;
      self->demo_cases = (guint) cases;
      /* A demo is a session of its own, beside a CARE already running. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (care_application_parent_class)->handle_local_options (app, options);
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
  CarePreferencesWindow *prefs = care_preferences_window_new (self->settings, self->vault);

  /* One of the application's windows: a change of language finds it. */
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
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

/* Every window is made again in the new language, and comes back showing
 * what it showed: GTK translates strings when widgets are built, so
 * rebuilding is the one way to retranslate them all. */
static void
rebuild_windows (CareApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  gboolean had_preferences = FALSE;
  CareWindow *active = NULL;

  for (const GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *old = l->data;

      if (CARE_IS_WINDOW (old))
        {
          g_autoptr(GVariant) state = care_window_capture_state (CARE_WINDOW (old));
          CareWindow *window = care_window_new (self);
          int width, height;

          gtk_window_get_default_size (old, &width, &height);
          gtk_window_set_default_size (GTK_WINDOW (window), width, height);
          if (gtk_window_is_maximized (old))
            gtk_window_maximize (GTK_WINDOW (window));
          care_window_restore_state (window, state);
          gtk_window_present (GTK_WINDOW (window));
          if (old == gtk_application_get_active_window (GTK_APPLICATION (self)) || active == NULL)
            active = window;
        }
      else
        had_preferences |= CARE_IS_PREFERENCES_WINDOW (old);
    }

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);

  /* Whoever switched from Preferences finds it again, translated. */
  if (had_preferences && active != NULL)
    {
      CarePreferencesWindow *prefs = care_preferences_window_new (self->settings, self->vault);

      gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
      gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (active));
      gtk_window_present (GTK_WINDOW (prefs));
    }
}

static void
apply_language (CareApplication *self)
{
  g_autofree char *choice = g_settings_get_string (self->settings, "language");

  if (!care_language_set (care_language_from_string (choice)))
    g_warning ("The locale for the %s interface is not installed", choice);
}

static gboolean
rebuild_windows_idle (gpointer user_data)
{
  rebuild_windows (user_data);
  return G_SOURCE_REMOVE;
}

/* The windows are rebuilt once the change has been handled: it may come
 * from a row of the very Preferences window that is about to be replaced. */
static void
language_changed_cb (CareApplication *self)
{
  apply_language (self);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_windows_idle, g_object_ref (self), g_object_unref);
}

static void
care_application_startup (GApplication *app)
{
  CareApplication *self = CARE_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *lock_accels[] = { "<Control>l", NULL };

  G_APPLICATION_CLASS (care_application_parent_class)->startup (app);
  care_accessible_name_mnemonic_buttons ();

  self->settings = g_settings_new (APPLICATION_ID);
  apply_language (self);
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->demo && self->demo_path == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!care_application_start_demo (self, self->demo_cases, &error))
        g_warning ("Could not prepare the demo vault: %s", error->message);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  /* app.language: the primary menu's System / Français / English. */
  {
    g_autoptr(GAction) language = g_settings_create_action (self->settings, "language");
    g_action_map_add_action (G_ACTION_MAP (self), language);
  }
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
  CareApplication *self = CARE_APPLICATION (app);

  /* Keys are wiped on the way out, whatever closed the last window. */
  care_application_lock (self);
  care_application_end_demo (self);

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

    case PROP_DEMO_PROGRESS:
      g_value_set_double (value, self->demo_progress);
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
  g_free (self->demo_path);
  if (self->demo_passphrase != NULL)
    sodium_memzero (self->demo_passphrase, strlen (self->demo_passphrase));
  g_free (self->demo_passphrase);
  g_clear_error (&self->demo_error);

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
  /* With --demo: how far the demo vault is filled (1 when it is ready). */
  properties[PROP_DEMO_PROGRESS] =
    g_param_spec_double ("demo-progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted just before the vault is locked, while it can still be written:
   * views save what has been typed and not yet saved. */
  signals[LOCKING] =
    g_signal_new ("locking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CARE_TYPE_VAULT);

  app_class->handle_local_options = care_application_handle_local_options;
  app_class->startup = care_application_startup;
  app_class->shutdown = care_application_shutdown;
  app_class->activate = care_application_activate;
  app_class->open = care_application_open;
}

static void
care_application_init (CareApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open a throw-away vault of invented cases, deleted on quit"), NULL },
    { "demo-cases", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("How many invented cases the demo vault holds (default 2000)"), N_("COUNT") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
