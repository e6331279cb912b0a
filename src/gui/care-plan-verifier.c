/* care-plan-verifier.c — Verify a Plan…, the window's twin of
 * `care-cli verify`
 *
 * A plan is printed, signed on paper and sent as a PDF with its detached
 * signature; months later someone holds a copy and must know whether it is
 * the plan that was agreed. The check (care-plan-verify.c) reads the vault,
 * so it runs in a worker under the store lock, and the answer is one
 * dialog that names the case, the version and the date, then what differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-plan-verifier"

#include "config.h"

#include <glib/gi18n.h>

#include "care-application.h"
#include "care-format.h"
#include "care-language.h"
#include "care-plan-code.h"
#include "care-plan-verifier.h"
#include "care-plan-verify.h"
#include "care-store-access.h"

typedef struct {
  CareVault       *vault;
  GFile           *pdf;
  GFile           *signature;
  CarePlanStamp    stamp;
  CarePlanVerdict  verdict;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_object_unref (job->vault);
  g_object_unref (job->pdf);
  g_clear_object (&job->signature);
  care_plan_stamp_clear (&job->stamp);
  care_plan_verdict_clear (&job->verdict);
  g_free (job);
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  VerifyJob *job = data;
  g_autofree char *path = g_file_get_path (job->pdf);
  g_autofree char *signature_text = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Choose a file on this computer."));
      return;
    }
  if (!care_plan_pdf_read_stamp (path, &job->stamp, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->signature != NULL)
    {
      g_autofree char *signature_path = g_file_get_path (job->signature);

      if (signature_path == NULL || !g_file_get_contents (signature_path, &signature_text, NULL, &error))
        {
          g_task_return_error (task, error != NULL ? g_steal_pointer (&error)
                                                   : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                                          _("Choose a file on this computer.")));
          return;
        }
    }
  else
    {
      g_autofree char *beside = g_strconcat (path, ".minisig", NULL);

      /* No signature beside the PDF is a verdict, not an error. */
      g_file_get_contents (beside, &signature_text, NULL, NULL);
    }

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (job->vault);

    if (care_vault_is_locked (job->vault))
      g_set_error_literal (&error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_LOCKED,
                           _("The vault was locked meanwhile."));
    else
      care_plan_verify (job->vault, path, &job->stamp, signature_text, &job->verdict, &error);
  }
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static char *
describe_verdict (const CarePlanStamp   *stamp,
                  const CarePlanVerdict *v)
{
  GString *text = g_string_new (NULL);
  g_autofree char *code = care_plan_code_format (stamp->code);

  if (g_date_valid (&stamp->agreed_on))
    {
      g_autofree char *on = care_format_date (&stamp->agreed_on, CARE_DATE_LONG, NULL);

      /* Translators: %1$s is a case number, %2$u a version number, %3$s a date */
      g_string_append_printf (text, _("Case %1$s, plan version %2$u, agreed on %3$s."),
                              stamp->case_number, stamp->version, on);
    }
  else
    /* Translators: %1$s is a case number, %2$u a version number */
    g_string_append_printf (text, _("Case %1$s, plan version %2$u, a draft (not agreed)."),
                            stamp->case_number, stamp->version);
  g_string_append (text, "\n\n");

  if (!v->case_found)
    /* Translators: %s is a case number */
    g_string_append_printf (text, _("Case %s is not in this vault."), stamp->case_number);
  else if (!v->found)
    /* Translators: %1$s is a case number, %2$u a version number */
    g_string_append_printf (text, _("Case %1$s has no plan version %2$u in this vault."),
                            stamp->case_number, stamp->version);
  else if (v->code_matches)
    /* Translators: %s is a code such as ABCD-EFGH */
    g_string_append_printf (text, _("The document matches the plan in the vault (verification code %s)."), code);
  else
    {
      g_autoptr(GString) parts = g_string_new (NULL);

      for (guint i = 0; i < v->differences->len; i++)
        {
          if (i > 0)
            /* Translators: between the parts of a plan that differ, as in "the measures, the objectives" */
            g_string_append (parts, _(", "));
          g_string_append (parts, g_ptr_array_index (v->differences, i));
        }
      if (parts->len > 0)
        /* Translators: %s lists parts of the plan, such as "the measures" */
        g_string_append_printf (text, _("The document differs from the plan in the vault: %s."), parts->str);
      else
        g_string_append (text, _("The document differs from the plan in the vault."));
    }
  g_string_append (text, "\n\n");

  if (v->signature == CARE_PLAN_SIGNATURE_VALID)
    g_string_append (text, _("Its signature is valid: made with this vault’s office key, and the file is intact."));
  else if (v->signature == CARE_PLAN_SIGNATURE_ABSENT)
    g_string_append (text, _("It has no signature (no .minisig file), so the file itself cannot be checked "
                             "byte for byte."));
  else
    /* Translators: %s says what is wrong with the signature */
    g_string_append_printf (text, _("Its signature is not valid: %s"), v->signature_problem);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
verify_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  VerifyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *heading;
  GtkWidget *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      heading = _("The Plan Could Not Be Verified");
      body = g_strdup (error->message);
    }
  else
    {
      heading = care_plan_verdict_is_ok (&job->verdict) ? _("The Plan Is Authentic")
                                                         : _("The Plan Does Not Match");
      body = describe_verdict (&job->stamp, &job->verdict);
    }

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
care_plan_verifier_verify (GtkWindow *parent,
                           CareVault *vault,
                           GFile     *pdf,
                           GFile     *signature)
{
  g_autoptr(GTask) task = NULL;
  VerifyJob *job;

  g_return_if_fail (CARE_IS_VAULT (vault));
  g_return_if_fail (G_IS_FILE (pdf));

  job = g_new0 (VerifyJob, 1);
  job->vault = g_object_ref (vault);
  job->pdf = g_object_ref (pdf);
  job->signature = signature != NULL ? g_object_ref (signature) : NULL;

  task = g_task_new (NULL, NULL, verify_finished_cb, parent != NULL ? g_object_ref (parent) : NULL);
  g_task_set_source_tag (task, care_plan_verifier_verify);
  g_task_set_task_data (task, job, (GDestroyNotify) verify_job_free);
  care_language_run_in_thread (task, verify_in_thread);
}

static void
files_chosen_cb (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  CareApplication *application = CARE_APPLICATION (gtk_window_get_application (parent));
  CareVault *vault = application != NULL ? care_application_get_vault (application) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && vault != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) pdf = NULL;
      g_autoptr(GFile) signature = NULL;

      /* Both may be chosen at once; the signature is told by its name. */
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *name = g_file_get_basename (file);

          if (g_str_has_suffix (name, ".minisig"))
            g_set_object (&signature, file);
          else
            g_set_object (&pdf, file);
        }
      if (pdf == NULL && signature != NULL)
        {
          /* Only the signature: the PDF is the file it is named after. */
          g_autofree char *path = g_file_get_path (signature);

          if (path != NULL)
            {
              path[strlen (path) - strlen (".minisig")] = '\0';
              pdf = g_file_new_for_path (path);
            }
        }
      if (pdf != NULL)
        care_plan_verifier_verify (parent, vault, pdf, signature);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
care_plan_verifier_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Verify a Plan — Choose the PDF and Its Signature"),
                                        GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Verify"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Plans and signatures"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_pattern (filter, "*.PDF");
  gtk_file_filter_add_pattern (filter, "*.minisig");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (files_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
