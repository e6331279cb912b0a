/* care-person-dialog.c — adding a person who may open the vault, or
 * changing one's own passphrase
 *
 * Either way a key slot is (re)written with Argon2id, which takes about a
 * second on purpose: the work runs in a thread, under the vault's store
 * lock, with a spinner, and the fields stay read-only meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-person-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <pwquality.h>

#include "care-person-dialog.h"
#include "care-language.h"
#include "care-passphrase-quality.h"
#include "care-store-access.h"

struct _CarePersonDialog
{
  AdwWindow             parent_instance;

  CareVault            *vault;
  CarePersonDialogMode  mode;
  CareKdfCost           cost;
  pwquality_settings_t *quality;
  gboolean              acceptable;
  gboolean              busy;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *apply_button;
  GtkSpinner           *spinner;
  AdwPreferencesGroup  *form_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *passphrase_row;
  AdwEntryRow          *confirm_row;
  GtkLevelBar          *strength_bar;
  GtkLabel             *hint_label;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (CarePersonDialog, care_person_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  CareVault            *vault;
  CarePersonDialogMode  mode;
  CareKdfCost           cost;
  char                 *name;
  char                 *passphrase;
} SlotRequest;

static void
slot_request_free (SlotRequest *request)
{
  g_object_unref (request->vault);
  g_free (request->name);
  /* The passphrase does not linger in freed memory. */
  if (request->passphrase != NULL)
    memset (request->passphrase, 0, strlen (request->passphrase));
  g_free (request->passphrase);
  g_free (request);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
update_form (CarePersonDialog *self)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) name_error = NULL;
  const char *name = text_of (self->name_row);
  gboolean problem;
  gboolean usable;

  usable = care_passphrase_quality_judge (self->quality, text_of (self->passphrase_row), text_of (self->confirm_row),
                                          name, self->strength_bar, &message, &problem);
  /* The name is read before the passphrase. */
  if (*name != '\0' && !care_vault_validate_slot_name (name, &name_error))
    {
      g_free (message);
      message = g_strdup (name_error->message);
      problem = TRUE;
    }
  care_passphrase_quality_show_hint (self->hint_label, message, problem);
  self->acceptable = usable && !problem && *name != '\0';
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.apply", self->acceptable && !self->busy);
}

static void
field_changed_cb (CarePersonDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_form (self);
}

static void
set_busy (CarePersonDialog *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Read-only rather than insensitive: the focus stays where it is. */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy && self->mode == CARE_PERSON_DIALOG_ADD);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->confirm_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !busy);
  update_form (self);
}

static void
write_slot_in_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  SlotRequest *request = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (request->vault);

    if (care_vault_is_locked (request->vault))
      {
        g_task_return_new_error (task, CARE_VAULT_ERROR, CARE_VAULT_ERROR_LOCKED,
                                 "%s", _("The vault was locked meanwhile: nothing was changed."));
        return;
      }
    if (request->mode == CARE_PERSON_DIALOG_ADD)
      ok = care_vault_add_slot (request->vault, request->name, request->passphrase, request->cost, &error);
    else
      ok = care_vault_set_passphrase (request->vault, request->name, request->passphrase, request->cost, &error);
  }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
write_slot_finished_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  CarePersonDialog *self = CARE_PERSON_DIALOG (source);
  SlotRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->mode == CARE_PERSON_DIALOG_ADD ? self->name_row
                                                                                : self->passphrase_row));
      return;
    }

  g_signal_emit (self, signals[DONE], 0, request->name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CarePersonDialog *self = CARE_PERSON_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  SlotRequest *request;

  if (!self->acceptable || self->busy)
    return;

  request = g_new0 (SlotRequest, 1);
  request->vault = g_object_ref (self->vault);
  request->mode = self->mode;
  request->cost = self->cost;
  request->name = g_strstrip (g_strdup (text_of (self->name_row)));
  request->passphrase = g_strdup (text_of (self->passphrase_row));

  set_busy (self, TRUE);
  task = g_task_new (self, NULL, write_slot_finished_cb, NULL);
  g_task_set_source_tag (task, apply_action);
  g_task_set_task_data (task, request, (GDestroyNotify) slot_request_free);
  care_language_run_in_thread (task, write_slot_in_thread);
}

static void
entry_activated_cb (CarePersonDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "person.apply", NULL);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  /* A key slot half-written is not left behind a closed window. */
  return CARE_PERSON_DIALOG (window)->busy;
}

static void
care_person_dialog_finalize (GObject *object)
{
  CarePersonDialog *self = CARE_PERSON_DIALOG (object);

  g_clear_object (&self->vault);
  pwquality_free_settings (self->quality);

  G_OBJECT_CLASS (care_person_dialog_parent_class)->finalize (object);
}

static void
care_person_dialog_class_init (CarePersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = care_person_dialog_finalize;
  window_class->close_request = close_request_cb;

  /**
   * CarePersonDialog::done:
   * @name: the person added, or whose passphrase changed
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CarePersonDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "person.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
care_person_dialog_init (CarePersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->quality = care_passphrase_quality_new ();
}

CarePersonDialog *
care_person_dialog_new (GtkWindow            *parent,
                        CareVault            *vault,
                        CarePersonDialogMode  mode,
                        CareKdfCost           cost)
{
  CarePersonDialog *self;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  self = g_object_new (CARE_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->vault = g_object_ref (vault);
  self->mode = mode;
  self->cost = cost;

  if (mode == CARE_PERSON_DIALOG_ADD)
    {
      adw_window_title_set_title (self->window_title, _("Add a Person"));
      gtk_window_set_title (GTK_WINDOW (self), _("Add a Person"));
      adw_preferences_group_set_description (self->form_group,
                                             _("They will open the vault with their own name and passphrase. Tell them the passphrase in person, never by e-mail."));
      gtk_button_set_label (self->apply_button, _("_Add"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Change Your Passphrase"));
      gtk_window_set_title (GTK_WINDOW (self), _("Change Your Passphrase"));
      adw_preferences_group_set_description (self->form_group,
                                             _("The vault itself is not rewritten: only your key changes. Others keep their own passphrases."));
      gtk_button_set_label (self->apply_button, _("C_hange"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), care_vault_get_user (vault));
      gtk_editable_set_editable (GTK_EDITABLE (self->name_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->passphrase_row), _("New _Passphrase"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->confirm_row), _("C_onfirm New Passphrase"));
    }
  update_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (mode == CARE_PERSON_DIALOG_ADD ? self->name_row : self->passphrase_row));
  return self;
}

gboolean
care_person_dialog_get_busy (CarePersonDialog *self)
{
  g_return_val_if_fail (CARE_IS_PERSON_DIALOG (self), FALSE);

  return self->busy;
}
