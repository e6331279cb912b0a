/* test-demo-session.c — care --demo: a throw-away vault in a private
 * directory, filled off the main thread with a progress bar, its
 * passphrase shown on the unlock page, gone when the session ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "care-application.h"
#include "care-case-store.h"
#include "care-i18n.h"
#include "care-store-access.h"
#include "care-unlock-page.h"
#include "care-window.h"
#include "gui-test-util.h"

#define N_CASES 40

static gboolean
demo_ready (gpointer data)
{
  return care_application_get_demo_progress (data) >= 1.0;
}

static gboolean
vault_open (gpointer data)
{
  return care_application_get_vault (data) != NULL;
}

static void
test_demo (void)
{
  g_autoptr(CareApplication) application = care_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const char *passphrase;
  CareWindow *window;
  GtkWidget *unlock_page, *banner, *passphrase_row;
  GStatBuf st;
  CareCaseQuery query = { 0 };

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));
  g_assert_true (care_application_start_demo (application, N_CASES, &error));
  g_assert_no_error (error);
  g_assert_true (care_application_is_demo (application));

  /* The window opens at once, on the unlock page, while the cases are made. */
  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  unlock_page = find_descendant (GTK_WIDGET (window), CARE_TYPE_UNLOCK_PAGE, 0);
  wait_for (demo_ready, application);
  g_assert_null (care_application_get_demo_error (application));

  /* A private directory, readable by its owner alone. */
  path = care_application_dup_vault_path (application);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The passphrase, four words, in the banner. */
  passphrase = care_application_get_demo_passphrase (application);
  g_assert_nonnull (passphrase);
  g_assert_cmpuint (strlen (passphrase), >=, 16);
  banner = find_descendant (unlock_page, GTK_TYPE_REVEALER, 0);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_descendant (banner, GTK_TYPE_LABEL, 0))), passphrase));

  /* "Fill In", then Unlock, as a newcomer does. */
  gtk_widget_activate_action (unlock_page, "unlock.fill-demo", NULL);
  passphrase_row = find_descendant (unlock_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (passphrase_row)), ==, passphrase);
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (vault_open, application);

  {
    CareVault *vault = care_application_get_vault (application);
    g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

    cases = gui_test_store_list (vault, &query, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, N_CASES);

  /* Quitting deletes the vault and its directory. */
  gtk_window_destroy (GTK_WINDOW (window));
  care_application_end_demo (application);
  g_assert_null (care_application_get_vault (application));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("care-gui-demo-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/session", test_demo);
  return g_test_run ();
}
