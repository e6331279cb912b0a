/* test-plan-scan.c — the signed scan of an agreed plan version, attached
 * from the Plan page (never offered for a draft); and Verify a Plan… on
 * an exported, signed PDF, intact and altered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-case-page.h"
#include "care-case-store.h"
#include "care-eligibility.h"
#include "care-i18n.h"
#include "care-minisign.h"
#include "care-office-key.h"
#include "care-plan-scan-store.h"
#include "care-plan-verifier.h"
#include "gui-test-util.h"

#define USER       "Amina Diallo"
#define PASSPHRASE "river lantern seven oranges"

static CareVault *vault;

/* A case whose version 1 was agreed, and version 2 is a draft amending it. */
static char *
save_case_with_amended_plan (void)
{
  g_autoptr(CareCase) c = care_case_new ();
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  CarePlanVersion *version;
  GDate today;

  settings = care_settings_store_load (vault, &error);
  g_assert_no_error (error);
  c->person->family_name = g_strdup ("Mbarga");
  c->person->given_names = g_strdup ("Chloé");
  c->person->sex = CARE_SEX_FEMALE;
  care_birth_date_set_year (&c->person->date_of_birth, 1994);
  c->host_country = g_strdup ("FR");
  c->return_country = g_strdup ("CM");
  care_date_set (&c->referral_date, 2014, 2, 3);
  care_date_set (&c->planned_return_date, 2014, 6, 1);
  care_consent_give (&c->consent_voluntary_return, &c->referral_date);
  care_consent_give (&c->consent_data, &c->referral_date);
  version = care_plan_edit (c->plan);
  version->language = g_strdup ("en");
  g_assert_true (care_plan_version_add_measure (version, care_measure_new (CARE_MEASURE_VOCATIONAL_TRAINING,
                                                                           "Sewing course"), &error));
  care_date_set (&today, 2014, 4, 1);
  g_assert_true (care_case_agree_plan (c, &today, &error));
  care_plan_edit (c->plan);
  gui_test_store_save (vault, c, settings, &today, &error);
  g_assert_no_error (error);
  return care_case_number_format (&c->number);
}

static AdwComboRow *
find_version_row (GtkWidget *root)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = find_descendant (root, ADW_TYPE_COMBO_ROW, i);

      g_assert_nonnull (row);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "_Version") == 0)
        return ADW_COMBO_ROW (row);
    }
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
message_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* Verifies PDF as the file chooser's answer does; the verdict's dialog,
 * closed once read. Returns its heading and body, joined. */
static char *
verify (GtkWindow  *window,
        const char *pdf)
{
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  AdwMessageDialog *dialog;
  char *text;

  care_plan_verifier_verify (window, vault, file, NULL);
  wait_for (message_shown, NULL);
  dialog = find_message_dialog ();
  text = g_strconcat (adw_message_dialog_get_heading (dialog), "\n", adw_message_dialog_get_body (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  return text;
}

/* Version 1 (agreed, on screen) exported, signed as the office does. */
static void
verify_exported_plan (GtkWindow    *window,
                      CareCasePage *page,
                      const char   *case_number,
                      const char   *dir)
{
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *minisig = g_strconcat (pdf, ".minisig", NULL);
  g_autofree char *signature = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(CareOfficeKey) key = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (care_case_page_export_plan (page, pdf, &error));
  g_assert_no_error (error);
  key = care_office_key_load (vault, TRUE, &error);
  g_assert_no_error (error);
  signature = care_minisign_sign_file (key, pdf, "file:plan.pdf", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (minisig, signature, -1, NULL));

  verdict = verify (window, pdf);
  g_assert_true (g_str_has_prefix (verdict, "The Plan Is Authentic\n"));
  g_assert_nonnull (strstr (verdict, case_number));
  g_assert_nonnull (strstr (verdict, "plan version 1, agreed on 1 April 2014"));
  g_assert_nonnull (strstr (verdict, "matches the plan in the vault"));
  g_assert_nonnull (strstr (verdict, "signature is valid"));
  g_clear_pointer (&verdict, g_free);

  /* One byte cut off: the stamp still says which plan, the signature no longer holds. */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (pdf, contents, length - 1, NULL));
  verdict = verify (window, pdf);
  g_assert_true (g_str_has_prefix (verdict, "The Plan Does Not Match\n"));
  g_assert_nonnull (strstr (verdict, case_number));
  g_assert_nonnull (strstr (verdict, "signature is not valid"));

  g_unlink (pdf);
  g_unlink (minisig);
}

static void
test_attach_scan (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CareCasePage *page = g_object_new (CARE_TYPE_CASE_PAGE, NULL);
  static const char pdf[] = "%PDF-1.4\n% the plan, signed by the three parties\n%%EOF\n";
  g_autofree char *case_number = save_case_with_amended_plan ();
  g_autofree char *dir = g_dir_make_tmp ("care-scan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "signed plan v1.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CarePlanScan) scan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *attach, *scan_row;
  AdwComboRow *version_row;

  g_assert_true (g_file_set_contents (path, pdf, sizeof pdf - 1, NULL));
  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  care_case_page_set_vault (page, vault);
  g_assert_true (care_case_page_open (page, case_number, &error));
  g_assert_no_error (error);
  care_case_page_set_visible_page (page, "plan");

  /* The draft on screen: it was never signed, nothing to attach. */
  attach = find_action_button (GTK_WIDGET (page), "case.attach-scan");
  g_assert_nonnull (attach);
  scan_row = gtk_widget_get_ancestor (attach, ADW_TYPE_ACTION_ROW);
  g_assert_false (gtk_widget_get_sensitive (attach));
  g_assert_false (gtk_widget_get_visible (scan_row));
  care_case_page_attach_plan_scan (page, file);
  g_assert_false (gtk_widget_get_sensitive (attach));

  /* The agreed version: offered, with none attached yet. */
  version_row = find_version_row (GTK_WIDGET (page));
  adw_combo_row_set_selected (version_row, 0);
  g_assert_true (gtk_widget_get_visible (scan_row));
  g_assert_true (gtk_widget_get_sensitive (attach));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scan_row)), "None attached"));

  /* As the file chooser's answer does. */
  care_case_page_attach_plan_scan (page, file);
  g_assert_false (gtk_widget_get_sensitive (attach));
  wait_for (widget_sensitive, attach);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scan_row)), "signed plan v1.pdf"));

  scan = gui_test_plan_scan_get (vault, case_number, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scan);
  g_assert_cmpstr (scan->file_name, ==, "signed plan v1.pdf");
  g_assert_cmpstr (scan->media_type, ==, "application/pdf");
  g_assert_cmpmem (g_bytes_get_data (scan->data, NULL), g_bytes_get_size (scan->data), pdf, sizeof pdf - 1);
  g_clear_pointer (&scan, care_plan_scan_free);
  scan = gui_test_plan_scan_get (vault, case_number, 2, FALSE, &error);
  g_assert_null (scan);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  verify_exported_plan (window, page, case_number, dir);

  care_case_page_set_vault (page, NULL);
  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("care-gui-plan-scan-XXXXXX", NULL);
  g_autofree char *vault_path = g_build_filename (data_home, "plan-scan.care", NULL);
  int status;

  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/plan-scan/attach", test_attach_scan);
  status = g_test_run ();

  care_vault_lock (vault);
  g_clear_object (&vault);
  g_unlink (vault_path);
  g_rmdir (data_home);
  return status;
}
