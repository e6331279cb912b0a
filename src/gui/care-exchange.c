/* care-exchange.c — Import Cases…, Export Cases… and Check Vault… for the
 * main window, each run in a worker behind a progress dialogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "care-application.h"
#include "care-exchange.h"
#include "care-export.h"
#include "care-import.h"
#include "care-integrity.h"
#include "care-language.h"
#include "care-case-store.h"
#include "care-store-access.h"
#include "care-toast.h"

typedef enum
{
  OPERATION_IMPORT,
  OPERATION_EXPORT,
  OPERATION_CHECK,
} OperationKind;

/* Shared by the main thread and the worker (reference-counted, since a
 * progress idle may outlive the task); only FRACTION and IDLE_PENDING are
 * touched by both. */
typedef struct
{
  OperationKind     kind;
  CareWindow       *window;
  CareVault        *vault;
  char             *path;
  CareImportFlags   flags;

  GtkWindow        *progress_dialog;   /* main thread only */
  GtkProgressBar   *progress_bar;      /* main thread only */
  gint              permille;          /* atomic */
  gint              idle_pending;      /* atomic */

  /* Results, set by the worker before the task returns. */
  CareImportReport *report;
  guint             n_cases;
  GPtrArray        *problems;
} Operation;

static GQuark
busy_quark (void)
{
  return g_quark_from_static_string ("care-exchange-busy");
}

static void
forget_toast_slot (gpointer slot)
{
  care_toast_forget (slot);
  g_free (slot);
}

static void
present_toast (gpointer  window,
               AdwToast *toast)
{
  care_window_add_toast (window, toast);
}

/* The answer to what was just done shows at once, in place of the toast
 * of the operation before (care-toast.c); the window keeps that toast. */
static void
show_toast (CareWindow *window,
            const char *text)
{
  AdwToast **slot = g_object_get_data (G_OBJECT (window), "care-exchange-toast");

  if (slot == NULL)
    {
      slot = g_new0 (AdwToast *, 1);
      g_object_set_data_full (G_OBJECT (window), "care-exchange-toast", slot, forget_toast_slot);
    }
  care_toast_show (slot, window, present_toast, text, NULL, NULL, 5);
}

static void
operation_clear (Operation *op)
{
  g_clear_object (&op->window);
  g_clear_object (&op->vault);
  g_clear_pointer (&op->path, g_free);
  g_clear_pointer (&op->report, care_import_report_free);
  g_clear_pointer (&op->problems, g_ptr_array_unref);
}

static void
operation_release (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) operation_clear);
}

static CareVault *
get_vault (CareWindow *window)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));

  return CARE_IS_APPLICATION (application) ? care_application_get_vault (CARE_APPLICATION (application))
                                           : NULL;
}

gboolean
care_exchange_is_busy (CareWindow *window)
{
  g_return_val_if_fail (CARE_IS_WINDOW (window), FALSE);

  return g_object_get_qdata (G_OBJECT (window), busy_quark ()) != NULL;
}

static void
set_busy (CareWindow *window,
          gboolean    busy)
{
  g_object_set_qdata (G_OBJECT (window), busy_quark (), GINT_TO_POINTER (busy));
  care_exchange_update_actions (window);
}

/* One at a time: two workers would queue on the vault's lock, and a
 * second import could not tell what the first one had just added. */
void
care_exchange_update_actions (CareWindow *window)
{
  gboolean enabled;

  g_return_if_fail (CARE_IS_WINDOW (window));

  enabled = get_vault (window) != NULL && !care_exchange_is_busy (window);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "exchange.import", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "exchange.export", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "exchange.check", enabled);
}

/* --- dialogues --- */

/* A list of reasons can run to thousands of lines: it scrolls, and a
 * read-only text view lets the keyboard and a screen reader go through
 * it line by line (and copy it). */
static GtkWidget *
new_reasons_view (const char *text,
                  const char *accessible_name)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  /* Without a cursor the arrow keys scroll; words kept whole keep case
   * numbers on one line. */
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  {
    g_autofree char *lines = g_strchomp (g_strdup (text));

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), lines, -1);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_widget_add_css_class (view, "exchange-reasons");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_size_request (scrolled, 360, -1);
  return scrolled;
}

static AdwMessageDialog *
new_message (CareWindow *window,
             const char *heading,
             const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

/* A result to read: one Close button. */
static void
show_result (CareWindow *window,
             const char *heading,
             const char *body,
             const char *reasons)
{
  AdwMessageDialog *dialog = new_message (window, heading, body);

  /* Translators: the button that closes a message */
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  if (reasons != NULL && *reasons != '\0')
    adw_message_dialog_set_extra_child (dialog, new_reasons_view (reasons, _("Reasons")));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
refuse_close_cb (GtkWindow *dialog)
{
  return TRUE;
}

static gboolean
update_progress_idle (gpointer data)
{
  Operation *op = data;

  g_atomic_int_set (&op->idle_pending, FALSE);
  if (op->progress_bar != NULL)
    gtk_progress_bar_set_fraction (op->progress_bar, g_atomic_int_get (&op->permille) / 1000.0);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: the bar is moved from the main thread, at most
 * once per main-loop iteration however often the operation reports. */
static void
report_progress (double   fraction,
                 gpointer user_data)
{
  Operation *op = user_data;

  g_atomic_int_set (&op->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
  if (g_atomic_int_compare_and_exchange (&op->idle_pending, FALSE, TRUE))
    g_idle_add_full (G_PRIORITY_DEFAULT, update_progress_idle, g_rc_box_acquire (op), operation_release);
}

/* The operation cannot be stopped half-way (an import is one
 * transaction), so the dialogue has no button and ignores Escape until
 * the worker is done; the window behind it keeps drawing. */
static void
show_progress (Operation  *op,
               const char *heading,
               const char *body)
{
  AdwMessageDialog *dialog = new_message (op->window, heading, body);
  GtkWidget *indicator;

  if (op->kind == OPERATION_CHECK)
    {
      /* care_vault_check says nothing of how far it is. */
      indicator = gtk_spinner_new ();
      gtk_spinner_set_spinning (GTK_SPINNER (indicator), TRUE);
      gtk_widget_set_size_request (indicator, 32, 32);
    }
  else
    {
      indicator = gtk_progress_bar_new ();
      op->progress_bar = GTK_PROGRESS_BAR (indicator);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (indicator), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (dialog, indicator);
  g_signal_connect (dialog, "close-request", G_CALLBACK (refuse_close_cb), NULL);
  op->progress_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hide_progress (Operation *op)
{
  op->progress_bar = NULL;
  if (op->progress_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_func (op->progress_dialog, refuse_close_cb, NULL);
      gtk_window_destroy (op->progress_dialog);
      op->progress_dialog = NULL;
    }
}

/* --- the worker --- */

static void
operation_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Operation *op = task_data;
  GError *error = NULL;
  gboolean done = FALSE;

  {
    /* Every one of these reads (and import writes) through the vault's
     * one connection. */
    g_autoptr(CareStoreAccess) access = care_store_access_lock (op->vault);

    switch (op->kind)
      {
      case OPERATION_IMPORT:
        {
          g_autoptr(CareSettings) settings = care_settings_store_load (op->vault, &error);

          if (settings != NULL)
            done = care_import_cases (op->vault, op->path, settings, NULL, op->flags,
                                      report_progress, op, &op->report, &error);
        }
        break;

      case OPERATION_EXPORT:
        done = care_export_cases (op->vault, op->path, report_progress, op, &op->n_cases, &error);
        break;

      case OPERATION_CHECK:
        done = care_integrity_check (op->vault, &op->problems, &error);
        break;

      default:
        g_assert_not_reached ();
      }
  }
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start (Operation *op);

static void
duplicates_answered_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  GFile *file = user_data;
  CareWindow *window = CARE_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  CareVault *vault = get_vault (window);
  Operation *op;

  if (g_strcmp0 (response, "import") != 0 || vault == NULL || care_exchange_is_busy (window))
    return;

  op = g_rc_box_new0 (Operation);
  op->kind = OPERATION_IMPORT;
  op->window = g_object_ref (window);
  op->vault = g_object_ref (vault);
  op->path = g_file_get_path (file);
  op->flags = CARE_IMPORT_ALLOW_DUPLICATES;
  start (op);
}

static void
import_done (Operation *op,
             gboolean   ok,
             GError    *error)
{
  g_autofree char *reasons = op->report != NULL ? care_import_report_describe (op->report) : NULL;

  if (ok)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case imported",
                                                            "%u cases imported", op->report->n_imported),
                                               op->report->n_imported);

      care_window_reload_records (op->window);
      show_toast (op->window, text);
      return;
    }

  if (g_error_matches (error, CARE_IMPORT_ERROR, CARE_IMPORT_ERROR_DUPLICATES))
    {
      AdwMessageDialog *dialog;
      guint n = op->report->duplicates->len;
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u row looks like a person already recorded. "
                                                            "Nothing has been imported yet.",
                                                            "%u rows look like people already recorded. "
                                                            "Nothing has been imported yet.", n),
                                               n);

      dialog = new_message (op->window, _("Import Probable Duplicates?"), body);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "import", _("_Import Anyway"),
                                        NULL);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      adw_message_dialog_set_extra_child (dialog, new_reasons_view (reasons, _("Probable duplicates")));
      g_signal_connect_data (dialog, "response", G_CALLBACK (duplicates_answered_cb),
                             g_file_new_for_path (op->path), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    /* Translators: %s says why the file was refused */
    g_autofree char *body = g_strdup_printf (_("%s\n\nCorrect the file, then import it again."), error->message);

    show_result (op->window, _("Nothing Was Imported"), body, reasons);
  }
}

static void
export_done (Operation *op,
             gboolean   ok,
             GError    *error)
{
  g_autofree char *text = NULL;

  if (ok)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u case exported — the file is not encrypted",
                                         "%u cases exported — the file is not encrypted", op->n_cases),
                            op->n_cases);
  else
    /* Translators: %s says why */
    text = g_strdup_printf (_("The cases could not be exported: %s"), error->message);
  show_toast (op->window, text);
}

static void
check_done (Operation *op,
            gboolean   ok,
            GError    *error)
{
  if (!ok)
    show_result (op->window,
                 g_error_matches (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED)
                 ? _("The Vault Is Damaged") : _("The Vault Could Not Be Checked"),
                 error->message, NULL);
  else if (op->problems->len == 0)
    show_result (op->window, _("The Vault Is Sound"),
                 _("Every page is authenticated, the header and the database check out, "
                   "and the history's chain is intact."),
                 NULL);
  else
    {
      g_autoptr(GString) reasons = g_string_new (NULL);

      for (guint i = 0; i < op->problems->len; i++)
        g_string_append_printf (reasons, "%s\n", (const char *) g_ptr_array_index (op->problems, i));
      show_result (op->window, _("The Vault Is Damaged"),
                   _("These checks failed. Restore the vault from a backup, and keep this copy for an expert."),
                   reasons->str);
    }
}

static void
operation_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Operation *op = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  hide_progress (op);
  set_busy (op->window, FALSE);
  switch (op->kind)
    {
    case OPERATION_IMPORT:
      import_done (op, ok, error);
      break;
    case OPERATION_EXPORT:
      export_done (op, ok, error);
      break;
    case OPERATION_CHECK:
      check_done (op, ok, error);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Takes OP. */
static void
start (Operation *op)
{
  g_autoptr(GTask) task = g_task_new (op->window, NULL, operation_done_cb, NULL);
  g_autofree char *name = op->path != NULL ? g_filename_display_basename (op->path) : NULL;

  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, op, operation_release);
  set_busy (op->window, TRUE);
  switch (op->kind)
    {
    case OPERATION_IMPORT:
      show_progress (op, _("Importing Cases…"), name);
      break;
    case OPERATION_EXPORT:
      show_progress (op, _("Exporting Cases…"), name);
      break;
    case OPERATION_CHECK:
      show_progress (op, _("Checking the Vault…"),
                     _("Every page is read and authenticated. This can take a minute on a large vault."));
      break;
    default:
      g_assert_not_reached ();
    }
  care_language_run_in_thread (task, operation_thread);
}

static void
start_with_file (CareWindow    *window,
                 OperationKind  kind,
                 GFile         *file)
{
  CareVault *vault = get_vault (window);
  Operation *op;
  char *path;

  if (vault == NULL || care_exchange_is_busy (window))
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (window, _("Choose a file on this computer"));
      return;
    }
  op = g_rc_box_new0 (Operation);
  op->kind = kind;
  op->window = g_object_ref (window);
  op->vault = g_object_ref (vault);
  op->path = path;
  start (op);
}

void
care_exchange_import (CareWindow *window,
                      GFile      *file)
{
  g_return_if_fail (CARE_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  start_with_file (window, OPERATION_IMPORT, file);
}

void
care_exchange_export (CareWindow *window,
                      GFile      *file)
{
  g_return_if_fail (CARE_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  start_with_file (window, OPERATION_EXPORT, file);
}

void
care_exchange_check (CareWindow *window)
{
  CareVault *vault;
  Operation *op;

  g_return_if_fail (CARE_IS_WINDOW (window));

  vault = get_vault (window);
  if (vault == NULL || care_exchange_is_busy (window))
    return;
  op = g_rc_box_new0 (Operation);
  op->kind = OPERATION_CHECK;
  op->window = g_object_ref (window);
  op->vault = g_object_ref (vault);
  start (op);
}

/* --- the actions --- */

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  CareWindow *window = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_OPEN)
        care_exchange_import (window, file);
      else
        care_exchange_export (window, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (window);
}

static void
add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import Cases from a CSV File"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  add_csv_filter (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (file_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  /* The title is the warning: the person reads it while choosing where. */
  dialog = gtk_file_chooser_native_new (_("Export the Cases as CSV — the File Is Not Encrypted"),
                                        GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  add_csv_filter (GTK_FILE_CHOOSER (dialog));
  /* Translators: the suggested file name of an export; %s is today's date */
  name = g_strdup_printf (_("CARE cases %s.csv"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (file_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  care_exchange_check (CARE_WINDOW (widget));
}

void
care_exchange_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "exchange.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "exchange.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "exchange.check", NULL, check_action);
}
