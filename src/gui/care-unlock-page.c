/* care-unlock-page.c — the passphrase, and nothing else, between a person
 * and the records
 *
 * Argon2id takes the better part of a second by design, so the unlock runs
 * on a worker thread with a spinner; a wrong passphrase is said inline, the
 * field keeps the focus and its text is selected for retyping.
 *
 * Two ways back in when the passphrase will not do, both as care-cli
 * offers them: the recovery key with a new passphrase, and a backup put in
 * the vault's place (the vault it replaces is kept beside it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-unlock-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "care-unlock-page.h"
#include "care-language.h"
#include "care-recover-dialog.h"
#include "care-vault.h"

struct _CareUnlockPage
{
  GtkWidget            parent_instance;

  char                *path;
  gboolean             busy;
  gboolean             openable;
  GCancellable        *cancellable;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *path_label;
  GtkLabel            *error_label;
  AdwComboRow         *user_row;
  GtkStringList       *users;
  AdwPasswordEntryRow *passphrase_row;
  GtkSpinner          *spinner;
  GtkButton           *unlock_button;
  GtkRevealer         *demo_revealer;
  GtkLabel            *demo_label;
  GtkProgressBar      *demo_progress_bar;

  char                *demo_passphrase;
  gboolean             demo_preparing;
};

G_DEFINE_FINAL_TYPE (CareUnlockPage, care_unlock_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  char *path;
  char *user;
  char *passphrase;
} UnlockRequest;

static void
unlock_request_free (UnlockRequest *request)
{
  g_free (request->path);
  g_free (request->user);
  if (request->passphrase != NULL)
    {
      /* The passphrase must not linger in freed memory. */
      memset (request->passphrase, 0, strlen (request->passphrase));
      g_free (request->passphrase);
    }
  g_free (request);
}

static void
update_actions (CareUnlockPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.unlock",
                                 self->openable && !self->busy && !self->demo_preparing &&
                                 text != NULL && *text != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.open-other", !self->busy && !self->demo_preparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.forgot",
                                 self->openable && !self->busy && !self->demo_preparing);
  /* A vault that no longer opens (tampered, damaged) is what a backup is for. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.restore",
                                 self->path != NULL && !self->busy && !self->demo_preparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.fill-demo",
                                 self->demo_passphrase != NULL && !self->demo_preparing);
}

static void
show_error (CareUnlockPage *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (CareUnlockPage *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Read-only rather than insensitive: the focus stays in the field. */
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  update_actions (self);
}

/* Reads who may open the vault from its plaintext header, so a person
 * picks their name instead of waiting while every slot is tried. */
static void
load_users (CareUnlockPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *display = g_filename_display_name (self->path);

  gtk_label_set_label (self->path_label, display);
  gtk_string_list_splice (self->users, 0, g_list_model_get_n_items (G_LIST_MODEL (self->users)), NULL);

  names = care_vault_peek_users (self->path, &error);
  self->openable = names != NULL;
  show_error (self, error != NULL ? error->message : NULL);
  if (names != NULL)
    gtk_string_list_splice (self->users, 0, 0, (const char * const *) names);

  gtk_widget_set_visible (GTK_WIDGET (self->user_row),
                          names != NULL && g_strv_length (names) > 1);
  update_actions (self);
}

const char *
care_unlock_page_get_path (CareUnlockPage *self)
{
  g_return_val_if_fail (CARE_IS_UNLOCK_PAGE (self), NULL);

  return self->path;
}

void
care_unlock_page_set_path (CareUnlockPage *self,
                           const char     *path)
{
  g_return_if_fail (CARE_IS_UNLOCK_PAGE (self));
  g_return_if_fail (path != NULL);

  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);

  load_users (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

/* With care --demo: while the vault is filled (FRACTION below 1) a progress
 * bar instead of the form; then the passphrase in a banner. */
void
care_unlock_page_set_demo (CareUnlockPage *self,
                           const char     *passphrase,
                           guint           cases,
                           double          fraction)
{
  g_return_if_fail (CARE_IS_UNLOCK_PAGE (self));

  g_free (self->demo_passphrase);
  self->demo_passphrase = g_strdup (passphrase);
  self->demo_preparing = passphrase != NULL && fraction < 1.0;

  gtk_widget_set_visible (GTK_WIDGET (self->demo_progress_bar), self->demo_preparing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !self->demo_preparing);
  if (self->demo_preparing)
    {
      /* Translators: %1$u is a number of cases, %2$d a percentage */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Inventing %1$u case… %2$d %%",
                                                            "Inventing %1$u cases… %2$d %%", cases),
                                               cases, (int) (fraction * 100));

      gtk_progress_bar_set_fraction (self->demo_progress_bar, fraction);
      gtk_progress_bar_set_text (self->demo_progress_bar, text);
      gtk_label_set_label (self->title_label, _("Preparing the Demo Vault"));
      show_error (self, NULL);
    }
  else if (passphrase != NULL)
    {
      /* Translators: %s is the passphrase of the demo vault */
      g_autofree char *word = g_markup_printf_escaped ("<tt>%s</tt>", passphrase);
      g_autofree char *text = g_strdup_printf (_("Demo vault — passphrase: %s"), word);

      gtk_label_set_markup (self->demo_label, text);
      gtk_label_set_label (self->title_label, _("Demo Vault"));
      if (self->path != NULL)
        load_users (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->demo_revealer), passphrase != NULL && !self->demo_preparing);
  gtk_revealer_set_reveal_child (self->demo_revealer, passphrase != NULL && !self->demo_preparing);
  update_actions (self);
}

static void
fill_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (widget);

  if (self->demo_passphrase == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), self->demo_passphrase);
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

/* Back to a blank form: after a lock, or when the page is shown again. */
void
care_unlock_page_reset (CareUnlockPage *self)
{
  g_return_if_fail (CARE_IS_UNLOCK_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  if (self->path != NULL)
    load_users (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

static void
unlock_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  UnlockRequest *request = data;
  g_autoptr(GError) error = NULL;
  CareVault *vault;

  vault = care_vault_open (request->path, request->user, request->passphrase, &error);
  if (vault == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

static void
unlock_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (source);
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  vault = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (vault == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      gtk_editable_select_region (GTK_EDITABLE (self->passphrase_row), 0, -1);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  g_signal_emit (self, signals[UNLOCKED], 0, vault);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  UnlockRequest *request;
  GtkStringObject *user = NULL;

  if (self->busy || !self->openable)
    return;

  request = g_new0 (UnlockRequest, 1);
  request->path = g_strdup (self->path);
  request->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  if (gtk_widget_get_visible (GTK_WIDGET (self->user_row)))
    user = adw_combo_row_get_selected_item (self->user_row);
  if (user != NULL)
    request->user = g_strdup (gtk_string_object_get_string (user));

  show_error (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, unlock_finished_cb, NULL);
  g_task_set_source_tag (task, unlock_action);
  g_task_set_task_data (task, request, (GDestroyNotify) unlock_request_free);
  care_language_run_in_thread (task, unlock_in_thread);
}

static void
vault_chosen_cb (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  CareUnlockPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        care_unlock_page_set_path (self, path);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_other_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open a Vault"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CARE vaults"));
  gtk_file_filter_add_pattern (filter, "*.care");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (vault_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
add_toast (CareUnlockPage *self,
           const char     *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* Whose passphrase the recovery key replaces: the name chosen on the page,
 * or the only one there is. */
static const char *
get_chosen_user (CareUnlockPage *self)
{
  GtkStringObject *user = NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self->user_row)))
    user = adw_combo_row_get_selected_item (self->user_row);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->users)) == 1)
    return gtk_string_list_get_string (self->users, 0);
  return user != NULL ? gtk_string_object_get_string (user) : NULL;
}

static void
recovered_cb (CareRecoverDialog *dialog,
              CareVault         *vault,
              CareUnlockPage    *self)
{
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  g_signal_emit (self, signals[UNLOCKED], 0, vault);
  add_toast (self, _("Your passphrase was changed"));
}

static void
forgot_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (widget);
  CareRecoverDialog *dialog;

  if (self->busy || !self->openable)
    return;

  dialog = care_recover_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->path, get_chosen_user (self));
  g_signal_connect_object (dialog, "recovered", G_CALLBACK (recovered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  char *vault_path;
  char *backup_path;
  char *passphrase;
  char *previous_path;
} RestoreRequest;

static void
restore_request_free (RestoreRequest *request)
{
  g_free (request->vault_path);
  g_free (request->backup_path);
  g_free (request->previous_path);
  if (request->passphrase != NULL)
    {
      memset (request->passphrase, 0, strlen (request->passphrase));
      g_free (request->passphrase);
    }
  g_free (request);
}

static void
restore_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  RestoreRequest *request = data;
  g_autoptr(GError) error = NULL;

  if (care_vault_restore (request->vault_path, request->backup_path, NULL, request->passphrase,
                          &request->previous_path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
restore_finished_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (source);
  RestoreRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      /* Translators: %s says why a backup was refused */
      text = g_strdup_printf (_("The backup was not restored. %s"), error->message);
      show_error (self, text);
      return;
    }

  set_busy (self, FALSE);
  load_users (self);
  if (request->previous_path != NULL)
    {
      g_autofree char *name = g_path_get_basename (request->previous_path);
      g_autofree char *display = g_filename_display_name (name);

      /* Translators: %s is a file name, in the vault's folder */
      text = g_strdup_printf (_("The vault was restored; the one it replaced is kept as %s"), display);
    }
  add_toast (self, text != NULL ? text : _("The vault was restored"));
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

static void
start_restore (CareUnlockPage *self,
               GFile          *backup,
               const char     *passphrase)
{
  g_autoptr(GTask) task = NULL;
  RestoreRequest *request;

  request = g_new0 (RestoreRequest, 1);
  request->vault_path = g_strdup (self->path);
  request->backup_path = g_file_get_path (backup);
  request->passphrase = g_strdup (passphrase);
  if (request->backup_path == NULL)
    {
      restore_request_free (request);
      show_error (self, _("The backup was not restored: choose a file on this computer."));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, restore_finished_cb, NULL);
  g_task_set_source_tag (task, start_restore);
  g_task_set_task_data (task, request, (GDestroyNotify) restore_request_free);
  care_language_run_in_thread (task, restore_in_thread);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CareUnlockPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "care-passphrase");
  GFile *backup = g_object_get_data (G_OBJECT (dialog), "care-backup");

  if (g_strcmp0 (response, "restore") == 0 && !self->busy)
    start_restore (self, backup, gtk_editable_get_text (entry));
  /* The passphrase does not stay in a dialog that is going away. */
  gtk_editable_set_text (entry, "");
}

static void
backup_passphrase_changed_cb (GtkEditable      *entry,
                              AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "restore", *gtk_editable_get_text (entry) != '\0');
}

static void
backup_passphrase_activated_cb (AdwEntryRow      *entry,
                                AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "restore"))
    adw_message_dialog_response (dialog, "restore");
}

/* Says what a restore does before it is done: the vault on disk is replaced
 * by the backup. The backup's passphrase is asked here, since the backup
 * is opened and checked before anything is touched. */
AdwMessageDialog *
care_unlock_page_confirm_restore (CareUnlockPage *self,
                                  GFile          *backup)
{
  g_autofree char *vault_name = NULL;
  g_autofree char *backup_name = NULL;
  GtkWidget *dialog, *list, *entry;

  g_return_val_if_fail (CARE_IS_UNLOCK_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (backup), NULL);
  g_return_val_if_fail (self->path != NULL, NULL);

  vault_name = g_filename_display_basename (self->path);
  backup_name = g_file_get_basename (backup);
  {
    g_autofree char *backup_display = g_filename_display_name (backup_name);

    dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     _("Replace the Vault with the Backup?"), NULL);
    /* Translators: %1$s is the vault's file name, %2$s the backup's */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The vault “%1$s” will be replaced by the backup “%2$s”: "
                                      "whatever was recorded since the backup was made will no longer be in it. "
                                      "The vault as it is now is kept beside it under another name."),
                                    vault_name, backup_display);
  }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("_Passphrase of the Backup"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Replace the Vault"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "care-backup", g_object_ref (backup), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "care-passphrase", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (backup_passphrase_changed_cb), dialog);
  g_signal_connect (entry, "entry-activated", G_CALLBACK (backup_passphrase_activated_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
backup_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  CareUnlockPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        care_unlock_page_confirm_restore (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  if (self->busy || self->path == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CARE vaults"));
  gtk_file_filter_add_pattern (filter, "*.care");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (backup_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
passphrase_activated_cb (CareUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.unlock", NULL);
}

static void
passphrase_changed_cb (CareUnlockPage *self)
{
  update_actions (self);
}

static gboolean
care_unlock_page_grab_focus (GtkWidget *widget)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

static void
care_unlock_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
care_unlock_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      care_unlock_page_set_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
care_unlock_page_dispose (GObject *object)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_UNLOCK_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (care_unlock_page_parent_class)->dispose (object);
}

static void
care_unlock_page_finalize (GObject *object)
{
  CareUnlockPage *self = CARE_UNLOCK_PAGE (object);

  g_free (self->path);
  g_free (self->demo_passphrase);

  G_OBJECT_CLASS (care_unlock_page_parent_class)->finalize (object);
}

static void
care_unlock_page_class_init (CareUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = care_unlock_page_get_property;
  object_class->set_property = care_unlock_page_set_property;
  object_class->dispose = care_unlock_page_dispose;
  object_class->finalize = care_unlock_page_finalize;
  widget_class->grab_focus = care_unlock_page_grab_focus;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CareUnlockPage::unlocked:
   * @vault: the vault, unlocked
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CARE_TYPE_VAULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-unlock-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, users);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, demo_label);
  gtk_widget_class_bind_template_child (widget_class, CareUnlockPage, demo_progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_changed_cb);

  gtk_widget_class_install_action (widget_class, "unlock.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "unlock.open-other", NULL, open_other_action);
  gtk_widget_class_install_action (widget_class, "unlock.fill-demo", NULL, fill_demo_action);
  gtk_widget_class_install_action (widget_class, "unlock.forgot", NULL, forgot_action);
  gtk_widget_class_install_action (widget_class, "unlock.restore", NULL, restore_action);
}

static void
care_unlock_page_init (CareUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}
