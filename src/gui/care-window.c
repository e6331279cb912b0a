/* care-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-window"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-page.h"
#include "care-cases-view.h"
#include "care-create-vault-page.h"
#include "care-exchange.h"
#include "care-followup-calendar.h"
#include "care-language.h"
#include "care-partners-view.h"
#include "care-plan-verifier.h"
#include "care-programme-view.h"
#include "care-unlock-page.h"
#include "care-store-access.h"
#include "care-window.h"

struct _CareWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  CareApplication      *application;   /* weak: the application outlives its windows */
  gulong                vault_handler;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  CareUnlockPage       *unlock_page;
  CareCreateVaultPage  *create_page;
  AdwLeaflet           *workspace_leaflet;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  CareCasesView        *cases_view;
  CareCasePage         *case_page;
  CareProgrammeView    *programme_view;
  CareFollowupCalendar *followup_calendar;
  CarePartnersView     *partners_view;
  AdwAvatar            *user_avatar;
  gboolean              programme_stale;
  gboolean              backing_up;
  guint                 show_workspace_id;
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

static void show_toast (CareWindow *self,
                        const char *text);

/* The workspace (every view and the case page) starts hidden: styling and
 * measuring its hundreds of widgets was a third of the work before the
 * unlock page could first be drawn, and a hidden stack page is neither
 * styled nor measured. It is shown just after that first frame, before a
 * person has had time to type, so the window keeps the minimum size it
 * always had; or at once when a vault is opened before then. */
static void
show_workspace (CareWindow *self)
{
  g_clear_handle_id (&self->show_workspace_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->workspace_leaflet), TRUE);
}

static gboolean
show_workspace_idle (gpointer user_data)
{
  CareWindow *self = user_data;

  self->show_workspace_id = 0;
  show_workspace (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        CareWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  /* An idle comes after the frame clock's own work: the next frame is not
   * held up. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->workspace_leaflet)) && self->show_workspace_id == 0)
    self->show_workspace_id = g_idle_add (show_workspace_idle, self);
}

static void
update_back_up_action (CareWindow *self)
{
  gboolean unlocked = self->application != NULL && care_application_get_vault (self->application) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.back-up", unlocked && !self->backing_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.verify-plan", unlocked);
  care_exchange_update_actions (self);
}

/* Only the page being shown takes the focus: during the crossfade the
 * page going away is still on screen, and Tab (or a grab) must not land
 * in the unlock page that covered the records a moment ago, nor in the
 * records being covered. */
static void
show_main_page (CareWindow *self,
                const char *name)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (self->main_stack));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      gtk_widget_set_can_focus (gtk_stack_page_get_child (GTK_STACK_PAGE (page)),
                                g_strcmp0 (gtk_stack_page_get_name (GTK_STACK_PAGE (page)), name) == 0);
    }
  gtk_stack_set_visible_child_name (self->main_stack, name);
}

/* Shows the records while the vault is unlocked, and covers them with the
 * unlock page (or the creation page when there is no vault yet) the moment
 * it is locked. */
static void
update_view (CareWindow *self)
{
  CareVault *vault = self->application != NULL ? care_application_get_vault (self->application) : NULL;
  g_autofree char *path = NULL;

  care_cases_view_set_vault (self->cases_view, vault);
  care_case_page_set_vault (self->case_page, vault);
  care_programme_view_set_vault (self->programme_view, vault);
  care_followup_calendar_set_vault (self->followup_calendar, vault);
  care_partners_view_set_vault (self->partners_view, vault);
  /* Unlocking returns to the case that was open, if there was one. */
  if (vault != NULL && care_case_page_get_case (self->case_page) == NULL)
    adw_leaflet_set_visible_child_name (self->workspace_leaflet, "views");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.new-case", vault != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.find", vault != NULL);
  update_back_up_action (self);
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), vault == NULL);

  if (vault != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, care_vault_get_user (vault));
      /* Translators: the window's subtitle: who unlocked the vault */
      adw_view_switcher_title_set_subtitle (self->switcher_title, care_vault_get_user (vault));
      {
        /* Translators: tooltip of the avatar in the header bar; %s is a person's name */
        g_autofree char *who = g_strdup_printf (_("Unlocked by %s"), care_vault_get_user (vault));

        adw_avatar_set_text (self->user_avatar, care_vault_get_user (vault));
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->user_avatar), who);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->user_avatar),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, who, -1);
      }
      show_workspace (self);
      show_main_page (self, "workspace");
      return;
    }

  adw_window_title_set_subtitle (self->window_title, NULL);
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  path = care_application_dup_vault_path (self->application);
  if (care_application_is_demo (self->application))
    {
      const GError *demo_error = care_application_get_demo_error (self->application);

      care_unlock_page_set_path (self->unlock_page, path);
      care_unlock_page_set_demo (self->unlock_page,
                                 care_application_get_demo_passphrase (self->application),
                                 care_application_get_demo_cases (self->application),
                                 care_application_get_demo_progress (self->application));
      show_main_page (self, "unlock");
      if (demo_error != NULL)
        show_toast (self, demo_error->message);
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->unlock_page));
    }
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      care_unlock_page_set_path (self->unlock_page, path);
      care_unlock_page_reset (self->unlock_page);
      show_main_page (self, "unlock");
      gtk_widget_grab_focus (GTK_WIDGET (self->unlock_page));
    }
  else
    {
      care_create_vault_page_set_path (self->create_page, path);
      show_main_page (self, "create");
      gtk_widget_grab_focus (GTK_WIDGET (self->create_page));
    }
}

static void
vault_changed_cb (CareWindow *self)
{
  update_view (self);
}

static void
show_toast (CareWindow *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Takes TOAST, as adw_toast_overlay_add_toast does. */
void
care_window_add_toast (CareWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (CARE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
locking_cb (CareWindow *self)
{
  care_case_page_flush (self->case_page);
}

static void
case_activated_cb (CareWindow *self,
                   const char *case_number)
{
  g_autoptr(GError) error = NULL;

  if (!care_case_page_open (self->case_page, case_number, &error))
    {
      show_toast (self, error->message);
      return;
    }
  adw_leaflet_set_visible_child_name (self->workspace_leaflet, "case");
}

static void
followup_activated_cb (CareWindow *self,
                       const char *case_number,
                       gint64      followup_id)
{
  case_activated_cb (self, case_number);
  if (care_case_page_get_case (self->case_page) != NULL)
    care_case_page_show_followup (self->case_page, followup_id);
}

static void
case_closed_cb (CareWindow *self)
{
  adw_leaflet_set_visible_child_name (self->workspace_leaflet, "views");
}

static void
case_saved_cb (CareWindow *self)
{
  care_cases_view_reload (self->cases_view);
  care_followup_calendar_reload (self->followup_calendar);
  self->programme_stale = TRUE;
}

static void view_changed_cb (CareWindow *self);

/* After cases came in from elsewhere (an import), which may also have
 * added referring organisations to the directory. */
void
care_window_reload_records (CareWindow *self)
{
  g_return_if_fail (CARE_IS_WINDOW (self));

  case_saved_cb (self);
  care_partners_view_reload (self->partners_view);
  view_changed_cb (self);
}

/* The numbers are read again when they are looked at after a change. */
static void
view_changed_cb (CareWindow *self)
{
  if (self->programme_stale &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "programme") == 0)
    {
      self->programme_stale = FALSE;
      care_programme_view_refresh (self->programme_view);
    }
}

static void
case_deleted_cb (CareWindow *self,
                 const char *case_number)
{
  g_autofree char *text = NULL;

  adw_leaflet_set_visible_child_name (self->workspace_leaflet, "views");
  care_cases_view_reload (self->cases_view);
  care_followup_calendar_reload (self->followup_calendar);
  self->programme_stale = TRUE;
  /* Translators: %s is a case number */
  text = g_strdup_printf (_("Case %s deleted"), case_number);
  show_toast (self, text);
}

/* Going back with a swipe or Alt+Left saves what the case page holds. */
static void
leaflet_child_changed_cb (CareWindow *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->workspace_leaflet);

  if (g_strcmp0 (name, "views") == 0)
    care_case_page_flush (self->case_page);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CareWindow *self = CARE_WINDOW (widget);

  care_case_page_new_case (self->case_page);
  adw_leaflet_set_visible_child_name (self->workspace_leaflet, "case");
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CareWindow *self = CARE_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->workspace_leaflet, "views");
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
  care_cases_view_focus_search (self->cases_view);
}

/* --- Back Up Vault… --- */

static void
back_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CareVault *vault = g_object_get_data (G_OBJECT (task), "care-vault");
  const char *path = task_data;
  GError *error = NULL;
  gboolean done;

  {
    /* care_vault_backup reads through the vault's connection. */
    g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

    done = care_vault_backup (vault, path, &error);
  }
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
back_up_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CareWindow *self = CARE_WINDOW (source_object);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *text = NULL;

  self->backing_up = FALSE;
  update_back_up_action (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("Backup “%s” written and verified"), name);
  else
    /* Translators: %s says why */
    text = g_strdup_printf (_("The vault could not be backed up: %s"), error->message);
  show_toast (self, text);
}

/* Writes a sealed copy of the vault to PATH off the main thread, checks
 * that it opens, and says so in a toast. */
void
care_window_back_up (CareWindow *self,
                     const char *path)
{
  g_autoptr(GTask) task = NULL;
  CareVault *vault;

  g_return_if_fail (CARE_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  vault = self->application != NULL ? care_application_get_vault (self->application) : NULL;
  if (vault == NULL || self->backing_up)
    return;

  self->backing_up = TRUE;
  update_back_up_action (self);
  show_toast (self, _("Backing up the vault…"));
  task = g_task_new (self, NULL, back_up_done_cb, NULL);
  g_task_set_source_tag (task, care_window_back_up);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (task), "care-vault", g_object_ref (vault), g_object_unref);
  care_language_run_in_thread (task, back_up_thread);
}

gboolean
care_window_is_backing_up (CareWindow *self)
{
  g_return_val_if_fail (CARE_IS_WINDOW (self), FALSE);

  return self->backing_up;
}

static void
backup_file_chosen_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  CareWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        care_window_back_up (self, path);
      else
        show_toast (self, _("Choose a file on this computer for the backup"));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CareWindow *self = CARE_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Back Up Vault"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), _("_Cancel"));
  /* Translators: the suggested file name of a backup; %s is today's date */
  name = g_strdup_printf (_("CARE backup %s.care"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (backup_file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
vault_opened_cb (CareWindow *self,
                 CareVault  *vault)
{
  care_application_set_vault (self->application, vault);
}

static void
open_existing_cb (CareWindow *self)
{
  show_main_page (self, "unlock");
  gtk_widget_activate_action (GTK_WIDGET (self->unlock_page), "unlock.open-other", NULL);
}

static gboolean
activity_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             CareWindow               *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      if (self->application != NULL)
        care_application_note_activity (self->application);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
demo_progress_cb (CareWindow *self)
{
  if (care_application_get_vault (self->application) == NULL)
    update_view (self);
}

static void
application_set_cb (CareWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->application != NULL || !CARE_IS_APPLICATION (app))
    return;

  self->application = CARE_APPLICATION (app);
  self->vault_handler = g_signal_connect_object (app, "notify::vault",
                                                 G_CALLBACK (vault_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "locking", G_CALLBACK (locking_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::demo-progress", G_CALLBACK (demo_progress_cb), self, G_CONNECT_SWAPPED);
  update_view (self);
}

/* Where the person is, as an a{sv}: the workspace view, the case open and
 * which of its pages. Pending edits are saved first, as on a lock. */
GVariant *
care_window_capture_state (CareWindow *self)
{
  GVariantBuilder builder;
  const CareCase *open_case;
  const char *view;

  g_return_val_if_fail (CARE_IS_WINDOW (self), NULL);

  care_case_page_flush (self->case_page);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  view = adw_view_stack_get_visible_child_name (self->view_stack);
  if (view != NULL)
    g_variant_builder_add (&builder, "{sv}", "view", g_variant_new_string (view));

  open_case = care_case_page_get_case (self->case_page);
  if (open_case != NULL && care_case_number_is_set (&open_case->number) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->workspace_leaflet), "case") == 0)
    {
      g_autofree char *number = care_case_number_format (&open_case->number);
      const char *page = care_case_page_get_visible_page (self->case_page);

      g_variant_builder_add (&builder, "{sv}", "case", g_variant_new_string (number));
      if (page != NULL)
        g_variant_builder_add (&builder, "{sv}", "case-page", g_variant_new_string (page));
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

void
care_window_restore_state (CareWindow *self,
                           GVariant   *state)
{
  const char *view = NULL, *number = NULL, *page = NULL;

  g_return_if_fail (CARE_IS_WINDOW (self));
  g_return_if_fail (state != NULL);

  g_variant_lookup (state, "view", "&s", &view);
  g_variant_lookup (state, "case", "&s", &number);
  g_variant_lookup (state, "case-page", "&s", &page);

  if (view != NULL && adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
  if (number != NULL && care_application_get_vault (self->application) != NULL)
    {
      case_activated_cb (self, number);
      care_case_page_set_visible_page (self->case_page, page);
    }
}

static gboolean
care_window_close_request (GtkWindow *window)
{
  save_window_state (CARE_WINDOW (window));

  return GTK_WINDOW_CLASS (care_window_parent_class)->close_request (window);
}

static void
care_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (care_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), widget, 0);
}

static void
care_window_dispose (GObject *object)
{
  CareWindow *self = CARE_WINDOW (object);

  g_clear_handle_id (&self->show_workspace_id, g_source_remove);
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
  widget_class->realize = care_window_realize;
  window_class->close_request = care_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CareWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, create_page);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, workspace_leaflet);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, cases_view);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, case_page);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, programme_view);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, user_avatar);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, followup_calendar);
  gtk_widget_class_bind_template_child (widget_class, CareWindow, partners_view);
  gtk_widget_class_bind_template_callback (widget_class, followup_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, vault_opened_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_existing_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "workspace.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "workspace.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "workspace.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "workspace.verify-plan", NULL, care_plan_verifier_action);
  care_exchange_install_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "workspace.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "workspace.find", NULL);
}

static void
care_window_init (CareWindow *self)
{
  GtkEventController *activity;

  g_type_ensure (CARE_TYPE_UNLOCK_PAGE);
  g_type_ensure (CARE_TYPE_CREATE_VAULT_PAGE);
  g_type_ensure (CARE_TYPE_CASES_VIEW);
  g_type_ensure (CARE_TYPE_CASE_PAGE);
  g_type_ensure (CARE_TYPE_PROGRAMME_VIEW);
  g_type_ensure (CARE_TYPE_FOLLOWUP_CALENDAR);
  g_type_ensure (CARE_TYPE_PARTNERS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.new-case", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.find", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.back-up", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.verify-plan", FALSE);
  care_exchange_update_actions (self);

  /* Any key or pointer activity in the window postpones the auto-lock. */
  activity = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (activity, GTK_PHASE_CAPTURE);
  g_signal_connect (activity, "event", G_CALLBACK (activity_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), activity);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);

  self->settings = g_settings_new (APPLICATION_ID);
  restore_window_state (self);
}
