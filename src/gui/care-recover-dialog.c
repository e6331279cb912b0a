/* care-recover-dialog.c — a forgotten passphrase replaced with the help of
 * the vault's recovery key, as `care-cli recover` does
 *
 * The key is checked and the new passphrase sealed with Argon2id in one
 * worker, twice a second's work on purpose; a wrong key changes nothing
 * and is said inline. On success the vault is handed over already open,
 * as after a normal unlock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-recover-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <pwquality.h>
#include <string.h>

#include "care-recover-dialog.h"
#include "care-language.h"
#include "care-passphrase-quality.h"

struct _CareRecoverDialog
{
  AdwWindow             parent_instance;

  char                 *path;
  char                 *user;
  pwquality_settings_t *quality;
  gboolean              acceptable;
  gboolean              busy;

  /* Template widgets */
  GtkButton            *apply_button;
  GtkSpinner           *spinner;
  AdwPreferencesGroup  *passphrase_group;
  AdwEntryRow          *key_row;
  AdwPasswordEntryRow  *passphrase_row;
  AdwPasswordEntryRow  *confirm_row;
  GtkLevelBar          *strength_bar;
  GtkLabel             *hint_label;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (CareRecoverDialog, care_recover_dialog, ADW_TYPE_WINDOW)

enum {
  RECOVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  char *path;
  char *user;
  char *recovery_key;
  char *passphrase;
} RecoverRequest;

static void
wipe_string (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
recover_request_free (RecoverRequest *request)
{
  g_free (request->path);
  g_free (request->user);
  /* Neither secret lingers in freed memory. */
  wipe_string (request->recovery_key);
  wipe_string (request->passphrase);
  g_free (request);
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
update_form (CareRecoverDialog *self)
{
  g_autofree char *message = NULL;
  gboolean problem;
  gboolean usable;

  usable = care_passphrase_quality_judge (self->quality, text_of (self->passphrase_row), text_of (self->confirm_row),
                                          self->user, self->strength_bar, &message, &problem);
  care_passphrase_quality_show_hint (self->hint_label, message, problem);
  self->acceptable = usable && *text_of (self->key_row) != '\0';
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recover.apply", self->acceptable && !self->busy);
}

static void
field_changed_cb (CareRecoverDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_form (self);
}

static void
set_busy (CareRecoverDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Read-only rather than insensitive: the focus stays where it is. */
  gtk_editable_set_editable (GTK_EDITABLE (self->key_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->confirm_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !busy);
  update_form (self);
}

static void
recover_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  RecoverRequest *request = data;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  const CareVaultSlotInfo *slot = NULL;
  const char *user = request->user;

  vault = care_vault_open_with_recovery_key (request->path, request->recovery_key, &error);
  if (vault == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  slots = care_vault_list_slots (vault);
  for (guint i = 0; i < slots->len; i++)
    {
      const CareVaultSlotInfo *info = g_ptr_array_index (slots, i);

      if (info->kind != CARE_SLOT_PASSPHRASE)
        continue;
      if (user == NULL || g_strcmp0 (info->name, user) == 0)
        {
          slot = info;
          if (user != NULL)
            break;
          user = info->name;
        }
    }
  if (user == NULL)
    {
      care_vault_lock (vault);
      g_task_return_new_error (task, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND, "%s",
                               _("Nobody opens this vault with a passphrase: nothing was changed."));
      return;
    }

  /* The new passphrase costs what the forgotten one cost: a vault made with
   * a lighter Argon2id on a slow machine stays openable there. */
  if (!care_vault_set_passphrase (vault, user, request->passphrase, care_vault_slot_info_get_cost (slot), &error))
    {
      /* Someone whose slot was removed comes back, as with care-cli recover. */
      if (g_error_matches (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          care_vault_add_slot (vault, user, request->passphrase, care_vault_slot_info_get_cost (slot), &error);
        }
      if (error != NULL)
        {
          care_vault_lock (vault);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  /* Opened again as the person, not as "recovery": the window, the history
   * and the documents name who works in the vault. It also proves the new
   * passphrase before the dialog goes away. */
  care_vault_lock (vault);
  g_clear_object (&vault);
  vault = care_vault_open (request->path, user, request->passphrase, &error);
  if (vault == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&vault), g_object_unref);
}

static void
recover_finished_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CareRecoverDialog *self = CARE_RECOVER_DIALOG (source);
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  vault = g_task_propagate_pointer (G_TASK (result), &error);
  set_busy (self, FALSE);
  if (vault == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
      gtk_editable_select_region (GTK_EDITABLE (self->key_row), 0, -1);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[RECOVERED], 0, vault);
  g_object_unref (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CareRecoverDialog *self = CARE_RECOVER_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  RecoverRequest *request;

  if (!self->acceptable || self->busy)
    return;

  request = g_new0 (RecoverRequest, 1);
  request->path = g_strdup (self->path);
  request->user = g_strdup (self->user);
  request->recovery_key = g_strdup (text_of (self->key_row));
  request->passphrase = g_strdup (text_of (self->passphrase_row));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);
  task = g_task_new (self, NULL, recover_finished_cb, NULL);
  g_task_set_source_tag (task, apply_action);
  g_task_set_task_data (task, request, (GDestroyNotify) recover_request_free);
  care_language_run_in_thread (task, recover_in_thread);
}

static void
entry_activated_cb (CareRecoverDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "recover.apply", NULL);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  /* A key slot half-written is not left behind a closed window. */
  return CARE_RECOVER_DIALOG (window)->busy;
}

gboolean
care_recover_dialog_get_busy (CareRecoverDialog *self)
{
  g_return_val_if_fail (CARE_IS_RECOVER_DIALOG (self), FALSE);

  return self->busy;
}

static void
care_recover_dialog_finalize (GObject *object)
{
  CareRecoverDialog *self = CARE_RECOVER_DIALOG (object);

  g_free (self->path);
  g_free (self->user);
  pwquality_free_settings (self->quality);

  G_OBJECT_CLASS (care_recover_dialog_parent_class)->finalize (object);
}

static void
care_recover_dialog_class_init (CareRecoverDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = care_recover_dialog_finalize;
  window_class->close_request = close_request_cb;

  /**
   * CareRecoverDialog::recovered:
   * @vault: the vault, unlocked, with the new passphrase set
   */
  signals[RECOVERED] =
    g_signal_new ("recovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CARE_TYPE_VAULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-recover-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CareRecoverDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "recover.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
care_recover_dialog_init (CareRecoverDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->quality = care_passphrase_quality_new ();
}

CareRecoverDialog *
care_recover_dialog_new (GtkWindow  *parent,
                         const char *path,
                         const char *user)
{
  CareRecoverDialog *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CARE_TYPE_RECOVER_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->path = g_strdup (path);
  self->user = g_strdup (user);
  if (user != NULL)
    {
      /* Translators: %s is the name of the person whose passphrase is replaced */
      g_autofree char *text = g_strdup_printf (_("The new passphrase of %s"), user);

      adw_preferences_group_set_title (self->passphrase_group, text);
    }
  update_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
  return self;
}
