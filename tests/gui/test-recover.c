/* test-recover.c — the ways back into a vault from the unlock page: a
 * forgotten passphrase replaced with the recovery key, and a backup put in
 * the vault's place; driven through the widgets as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-application.h"
#include "care-case-store.h"
#include "care-i18n.h"
#include "care-recover-dialog.h"
#include "care-unlock-page.h"
#include "care-window.h"
#include "gui-test-util.h"

#define USER           "Amina Diallo"
#define PASSPHRASE     "river lantern seven oranges"
#define NEW_PASSPHRASE "copper meadow quietly singing"

static CareApplication *application;
static char *vault_path;
static char *recovery_key;

static gboolean
vault_is_open (gpointer data)
{
  return care_application_get_vault (application) != NULL;
}

static gboolean
label_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_label (data) != '\0';
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (root, GTK_TYPE_LABEL, i);

      g_assert_nonnull (label);
      if (gtk_widget_has_css_class (label, "error") && !gtk_widget_has_css_class (label, "caption"))
        return label;
    }
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
opens_with (const char *passphrase,
            GError    **error)
{
  g_autoptr(CareVault) vault = care_vault_open (vault_path, NULL, passphrase, error);

  if (vault == NULL)
    return FALSE;
  care_vault_lock (vault);
  return TRUE;
}

static CareUnlockPage *
show_unlock_page (void)
{
  CareWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_nonnull (window);
  return CARE_UNLOCK_PAGE (find_descendant (GTK_WIDGET (window), CARE_TYPE_UNLOCK_PAGE, 0));
}

static void
test_recover (void)
{
  CareUnlockPage *page = show_unlock_page ();
  GtkWidget *dialog, *key, *passphrase, *confirm, *error_label;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed_key = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "unlock.forgot", NULL);
  dialog = find_toplevel (CARE_TYPE_RECOVER_DIALOG);
  g_assert_nonnull (dialog);
  key = GTK_WIDGET (find_entry_row (dialog, "Recovery Key"));
  passphrase = find_descendant (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  confirm = find_descendant (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, 1);
  error_label = find_error_label (dialog);

  /* A key of the right shape that is not this vault's: said inline,
   * nothing changed. */
  gtk_editable_set_text (GTK_EDITABLE (key), "0000-0000-0000-0000-0000-0000-0000-0000");
  gtk_editable_set_text (GTK_EDITABLE (passphrase), NEW_PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (confirm), "copper meadow");
  gtk_widget_activate_action (dialog, "recover.apply", NULL);
  g_assert_false (care_recover_dialog_get_busy (CARE_RECOVER_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (confirm), NEW_PASSPHRASE);
  gtk_widget_activate_action (dialog, "recover.apply", NULL);
  g_assert_true (care_recover_dialog_get_busy (CARE_RECOVER_DIALOG (dialog)));
  wait_for (label_shown, error_label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "recovery key"));
  g_assert_null (care_application_get_vault (application));
  g_assert_true (opens_with (PASSPHRASE, &error));
  g_assert_no_error (error);

  /* The right key as a person may copy it: lower case, spaces for dashes. */
  typed_key = g_ascii_strdown (recovery_key, -1);
  g_strdelimit (typed_key, "-", ' ');
  gtk_editable_set_text (GTK_EDITABLE (key), typed_key);
  gtk_widget_activate_action (dialog, "recover.apply", NULL);
  wait_for (vault_is_open, NULL);
  g_assert_null (find_toplevel (CARE_TYPE_RECOVER_DIALOG));
  g_assert_cmpstr (care_vault_get_user (care_application_get_vault (application)), ==, USER);

  care_application_lock (application);
  g_assert_true (opens_with (NEW_PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_false (opens_with (PASSPHRASE, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE);
}

static char *
save_case (CareVault  *vault,
           const char *family_name)
{
  g_autoptr(CareCase) c = care_case_new ();
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  settings = care_settings_store_load (vault, &error);
  g_assert_no_error (error);
  c->person->family_name = g_strdup (family_name);
  c->person->given_names = g_strdup ("Chloé");
  c->person->sex = CARE_SEX_FEMALE;
  care_birth_date_set_year (&c->person->date_of_birth, 1994);
  c->host_country = g_strdup ("FR");
  c->return_country = g_strdup ("CM");
  care_date_set (&c->referral_date, 2014, 2, 3);
  care_consent_give (&c->consent_voluntary_return, &c->referral_date);
  care_consent_give (&c->consent_data, &c->referral_date);
  gui_test_store_save (vault, c, settings, NULL, &error);
  g_assert_no_error (error);
  return care_case_number_format (&c->number);
}

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
restore (CareUnlockPage *page,
         const char     *backup_path)
{
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  AdwMessageDialog *dialog = care_unlock_page_confirm_restore (page, backup);
  GtkWidget *entry = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  GtkWidget *button = find_action_button (GTK_WIDGET (page), "unlock.restore");

  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "restore"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_DESTRUCTIVE);
  gtk_editable_set_text (GTK_EDITABLE (entry), NEW_PASSPHRASE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "restore"));
  adw_message_dialog_response (dialog, "restore");
  g_assert_false (gtk_widget_get_sensitive (button));
  wait_for (widget_sensitive, button);
}

static void
remove_previous_vaults (void)
{
  g_autofree char *dir_path = g_path_get_dirname (vault_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".before-restore-") != NULL)
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
        removed++;
      }
  g_assert_cmpuint (removed, ==, 1);
}

static void
test_restore (void)
{
  CareUnlockPage *page = show_unlock_page ();
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareCase) kept = NULL;
  g_autoptr(CareCase) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (vault_path);
  g_autofree char *backup_path = g_build_filename (dir, "backup.care", NULL);
  g_autofree char *tampered_path = g_build_filename (dir, "tampered.care", NULL);
  g_autofree char *before_backup = NULL;
  g_autofree char *after_backup = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *checksum_after = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *error_label;
  gsize length;

  vault = care_vault_open (vault_path, NULL, NEW_PASSPHRASE, &error);
  g_assert_no_error (error);
  before_backup = save_case (vault, "Mbarga");
  g_assert_true (care_vault_backup (vault, backup_path, &error));
  g_assert_no_error (error);
  after_backup = save_case (vault, "Fotso");
  care_vault_lock (vault);
  g_clear_object (&vault);

  /* One byte changed in the middle of a sealed page. */
  g_assert_true (g_file_get_contents (backup_path, &contents, &length, NULL));
  contents[length / 2] ^= 0x20;
  g_assert_true (g_file_set_contents (tampered_path, contents, length, NULL));

  checksum = checksum_of (vault_path);
  error_label = find_error_label (GTK_WIDGET (page));
  restore (page, tampered_path);
  g_assert_true (label_shown (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "not restored"));
  checksum_after = checksum_of (vault_path);
  g_assert_cmpstr (checksum, ==, checksum_after);

  /* The real backup: the case written after it is gone, the one before it back. */
  restore (page, backup_path);
  g_assert_false (gtk_widget_get_visible (error_label));
  vault = care_vault_open (vault_path, NULL, NEW_PASSPHRASE, &error);
  g_assert_no_error (error);
  kept = gui_test_store_load (vault, before_backup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  gone = gui_test_store_load (vault, after_backup, &error);
  g_assert_null (gone);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);
  care_vault_lock (vault);

  remove_previous_vaults ();
  g_unlink (backup_path);
  g_unlink (tampered_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  char *data_home = NULL;
  int status;

  vault_path = gui_test_prepare_home (&data_home);
  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery_key, &error);
  g_assert_no_error (error);
  care_vault_lock (vault);

  application = care_application_new ();
  gui_test_register_application (G_APPLICATION (application));

  g_test_add_func ("/recover/recovery-key", test_recover);
  g_test_add_func ("/recover/restore-backup", test_restore);
  status = g_test_run ();

  care_application_lock (application);
  g_clear_object (&application);
  g_free (recovery_key);
  gui_test_remove_home (data_home, vault_path);
  return status;
}
