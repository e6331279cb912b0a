/* test-plan-scan.c — the signed scan of an agreed plan version, attached
 * from the Plan page; never offered for a draft
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
#include "care-plan-scan-store.h"
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
  care_case_store_save (vault, c, settings, &today, &error);
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

  scan = care_plan_scan_store_get (vault, case_number, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scan);
  g_assert_cmpstr (scan->file_name, ==, "signed plan v1.pdf");
  g_assert_cmpstr (scan->media_type, ==, "application/pdf");
  g_assert_cmpmem (g_bytes_get_data (scan->data, NULL), g_bytes_get_size (scan->data), pdf, sizeof pdf - 1);
  g_clear_pointer (&scan, care_plan_scan_free);
  scan = care_plan_scan_store_get (vault, case_number, 2, FALSE, &error);
  g_assert_null (scan);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);

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
