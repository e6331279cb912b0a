/* care-create-vault-page.c — a new vault: who, a passphrase, and the
 * recovery key shown once
 *
 * The recovery key is the only way back in when every passphrase is lost,
 * so the page does not let go until the person says they have kept it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-create-vault-page"

#include "config.h"

#include <glib/gi18n.h>
#include <pwquality.h>
#include <string.h>

#include "care-create-vault-page.h"
#include "care-passphrase-quality.h"
#include "care-language.h"
#include "care-vault.h"

struct _CareCreateVaultPage
{
  GtkWidget            parent_instance;

  char                *path;
  char                *recovery_key;
  CareVault           *vault;         /* created, held until the key is kept */
  gboolean             busy;
  gboolean             acceptable;
  GCancellable        *cancellable;
  pwquality_settings_t *quality;

  /* Template widgets */
  GtkStack            *steps;
  GtkLabel            *path_label;
  AdwEntryRow         *name_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLevelBar         *strength_bar;
  GtkLabel            *hint_label;
  GtkLabel            *error_label;
  GtkSpinner          *spinner;
  GtkLabel            *recovery_label;
  GtkCheckButton      *kept_check;
};

G_DEFINE_FINAL_TYPE (CareCreateVaultPage, care_create_vault_page, GTK_TYPE_WIDGET)

enum {
  CREATED,
  OPEN_EXISTING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  char *path;
  char *user;
  char *passphrase;
  char *recovery_key;
} CreateRequest;

static void
create_request_free (CreateRequest *request)
{
  g_free (request->path);
  g_free (request->user);
  if (request->passphrase != NULL)
    memset (request->passphrase, 0, strlen (request->passphrase));
  g_free (request->passphrase);
  g_free (request->recovery_key);
  g_free (request);
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
update_form (CareCreateVaultPage *self)
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
    }
  gtk_label_set_label (self->hint_label, message);

  self->acceptable = usable && name_error == NULL && *name != '\0';
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create.create", self->acceptable && !self->busy);
}

static void
field_changed_cb (CareCreateVaultPage *self)
{
  update_form (self);
}

static void
set_busy (CareCreateVaultPage *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Read-only rather than insensitive: the focus stays where it is. */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->confirm_row), !busy);
  update_form (self);
}

static void
create_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  CreateRequest *request = data;
  g_autoptr(GError) error = NULL;
  CareVault *vault;

  vault = care_vault_create (request->path, request->user, request->passphrase,
                             CARE_KDF_COST_MODERATE, &request->recovery_key, &error);
  if (vault == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

static void
create_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CareCreateVaultPage *self = CARE_CREATE_VAULT_PAGE (source);
  CreateRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  CareVault *vault;

  vault = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (vault == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_clear_object (&self->vault);
  self->vault = vault;
  g_free (self->recovery_key);
  self->recovery_key = g_steal_pointer (&request->recovery_key);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  gtk_label_set_label (self->recovery_label, self->recovery_key);
  gtk_check_button_set_active (self->kept_check, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create.continue", FALSE);
  gtk_stack_set_visible_child_name (self->steps, "recovery");
  gtk_widget_grab_focus (GTK_WIDGET (self->recovery_label));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CareCreateVaultPage *self = CARE_CREATE_VAULT_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  CreateRequest *request;

  if (!self->acceptable || self->busy || self->path == NULL)
    return;

  request = g_new0 (CreateRequest, 1);
  request->path = g_strdup (self->path);
  request->user = g_strdup (text_of (self->name_row));
  request->passphrase = g_strdup (text_of (self->passphrase_row));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, create_finished_cb, NULL);
  g_task_set_source_tag (task, create_action);
  g_task_set_task_data (task, request, (GDestroyNotify) create_request_free);
  care_language_run_in_thread (task, create_in_thread);
}

static void
confirm_activated_cb (CareCreateVaultPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "create.create", NULL);
}

static void
kept_toggled_cb (CareCreateVaultPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create.continue",
                                 gtk_check_button_get_active (self->kept_check));
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CareCreateVaultPage *self = CARE_CREATE_VAULT_PAGE (widget);
  g_autoptr(CareVault) vault = g_steal_pointer (&self->vault);

  if (vault == NULL || !gtk_check_button_get_active (self->kept_check))
    return;

  /* Shown once: gone from the page and from memory. */
  gtk_label_set_label (self->recovery_label, "");
  if (self->recovery_key != NULL)
    memset (self->recovery_key, 0, strlen (self->recovery_key));
  g_clear_pointer (&self->recovery_key, g_free);
  gtk_stack_set_visible_child_name (self->steps, "form");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");

  g_signal_emit (self, signals[CREATED], 0, vault);
}

static char *
recovery_sheet_text (CareCreateVaultPage *self)
{
  g_autofree char *display = g_filename_display_name (self->path);

  /* Translators: the text of the printed or saved recovery key sheet.
   * %1$s is the vault's file name, %2$s the recovery key. */
  return g_strdup_printf (_("CARE — recovery key\n\n"
                            "Vault: %1$s\n\n"
                            "%2$s\n\n"
                            "This key opens the vault when every passphrase is forgotten. "
                            "Keep it locked away from the computer; anyone who has it and a copy "
                            "of the vault can read every case.\n"),
                          display, self->recovery_key);
}

static void
draw_key_page_cb (GtkPrintOperation *operation,
                  GtkPrintContext   *context,
                  int                page_number,
                  gpointer           user_data)
{
  CareCreateVaultPage *self = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 12");
  g_autoptr(PangoFontDescription) mono = pango_font_description_from_string ("Monospace Bold 20");
  g_autofree char *text = recovery_sheet_text (self);
  double width = gtk_print_context_get_width (context);
  int text_height;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &text_height);

  /* The key again, large, for copying by hand. */
  pango_layout_set_font_description (layout, mono);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, self->recovery_key, -1);
  cairo_move_to (cr, 0, text_height + 36);
  pango_cairo_show_layout (cr, layout);
}

static void
print_key_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CareCreateVaultPage *self = CARE_CREATE_VAULT_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  if (self->recovery_key == NULL)
    return;

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("CARE recovery key"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_key_page_cb), self);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (gtk_widget_get_root (widget)), &error);
  if (error != NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
key_file_chosen_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  CareCreateVaultPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->recovery_key != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *text = recovery_sheet_text (self);
      g_autoptr(GError) error = NULL;

      if (path == NULL ||
          !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        {
          gtk_label_set_label (self->error_label, error != NULL ? error->message : _("Could not save the file."));
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      memset (text, 0, strlen (text));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CareCreateVaultPage *self = CARE_CREATE_VAULT_PAGE (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save the Recovery Key"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the suggested file name of the saved recovery key. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("CARE recovery key.txt"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (key_file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_existing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_EXISTING], 0);
}

void
care_create_vault_page_set_path (CareCreateVaultPage *self,
                                 const char          *path)
{
  g_autofree char *display = NULL;

  g_return_if_fail (CARE_IS_CREATE_VAULT_PAGE (self));

  g_free (self->path);
  self->path = g_strdup (path);
  display = g_filename_display_name (path);
  gtk_label_set_label (self->path_label, display);
}

const char *
care_create_vault_page_get_recovery_key (CareCreateVaultPage *self)
{
  g_return_val_if_fail (CARE_IS_CREATE_VAULT_PAGE (self), NULL);

  return self->recovery_key;
}

static gboolean
care_create_vault_page_grab_focus (GtkWidget *widget)
{
  CareCreateVaultPage *self = CARE_CREATE_VAULT_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
care_create_vault_page_dispose (GObject *object)
{
  CareCreateVaultPage *self = CARE_CREATE_VAULT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_CREATE_VAULT_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (care_create_vault_page_parent_class)->dispose (object);
}

static void
care_create_vault_page_finalize (GObject *object)
{
  CareCreateVaultPage *self = CARE_CREATE_VAULT_PAGE (object);

  if (self->recovery_key != NULL)
    memset (self->recovery_key, 0, strlen (self->recovery_key));
  g_free (self->recovery_key);
  g_free (self->path);
  pwquality_free_settings (self->quality);

  G_OBJECT_CLASS (care_create_vault_page_parent_class)->finalize (object);
}

static void
care_create_vault_page_class_init (CareCreateVaultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_create_vault_page_dispose;
  object_class->finalize = care_create_vault_page_finalize;
  widget_class->grab_focus = care_create_vault_page_grab_focus;

  /**
   * CareCreateVaultPage::created:
   * @vault: the new vault, unlocked
   *
   * Emitted once the person has said they kept the recovery key.
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CARE_TYPE_VAULT);
  signals[OPEN_EXISTING] =
    g_signal_new ("open-existing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/care-create-vault-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, steps);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, CareCreateVaultPage, kept_check);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, kept_toggled_cb);

  gtk_widget_class_install_action (widget_class, "create.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "create.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "create.print-key", NULL, print_key_action);
  gtk_widget_class_install_action (widget_class, "create.save-key", NULL, save_key_action);
  gtk_widget_class_install_action (widget_class, "create.open-existing", NULL, open_existing_action);
}

static void
care_create_vault_page_init (CareCreateVaultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->quality = care_passphrase_quality_new ();

  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW, 1);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 3);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL, 4);
  update_form (self);
}
