/* test-exchange.c — the primary menu's Import Cases…, Export Cases… and
 * Check Vault…, run as the file choosers run them: a good file imported
 * with the list growing and a toast, a bad one refused with its reasons
 * and the vault unchanged, probable duplicates asked about, an export
 * with a line per case and nothing left beside it, and a sound vault said
 * to be so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-application.h"
#include "care-case-list-model.h"
#include "care-case-store.h"
#include "care-cases-view.h"
#include "care-exchange.h"
#include "care-i18n.h"
#include "care-window.h"
#include "gui-test-util.h"

#define USER       "Amina Diallo"
#define PASSPHRASE "river lantern seven oranges"

#define HEADER "case_number,family_name,given_names,sex,date_of_birth,nationality,host_country,return_country," \
               "destination,referral_date,planned_return_date,arrival_date,referring_organisation,caseworker," \
               "plan_language,consent_data,consent_followup,phone,notes\n"
#define GOOD_ROWS ",Okonkwo,Joy,F,1990-01-01,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n" \
                  ",Mensah,Kofi,M,1988-05-12,GH,IT,GH,Accra,2014-02-10,2014-04-01,,,,en,yes,yes,,\n"

static CareApplication *application;
static char *vault_path;
static char *dir;

static void
prepare_vault (void)
{
  g_autofree char *recovery_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;

  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery_key, &error);
  g_assert_no_error (error);
  care_vault_lock (vault);
}

static guint
count_cases (CareVault *vault)
{
  g_autoptr(GError) error = NULL;
  CareCaseQuery query = { 0 };
  g_autoptr(GPtrArray) cases = gui_test_store_list (vault, &query, &error);

  g_assert_no_error (error);
  return cases->len;
}

static GFile *
write_csv (const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
idle_window (gpointer data)
{
  return !care_exchange_is_busy (data);
}

typedef struct {
  CareCaseListModel *model;
  guint              n_items;
} ListWait;

static gboolean
list_has (gpointer data)
{
  ListWait *w = data;

  return !care_case_list_model_get_loading (w->model) &&
         g_list_model_get_n_items (G_LIST_MODEL (w->model)) == w->n_items;
}

static AdwMessageDialog *
find_message (void)
{
  return (AdwMessageDialog *) find_visible_window (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
no_message (gpointer data)
{
  return find_message () == NULL;
}

/* Clicks DIALOG's button labelled LABEL; the dialogue closes itself. */
static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, i);
      GtkWidget *text;

      g_assert_nonnull (button);
      text = find_descendant (button, GTK_TYPE_LABEL, 0);
      if (text != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (text)), label) == 0)
        {
          gtk_widget_activate (button);
          break;
        }
    }
  wait_for (no_message, NULL);
}

static char *
dup_reasons (AdwMessageDialog *dialog)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, 0);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static CareWindow *
unlocked_window (CareVault **out_vault)
{
  g_autoptr(GError) error = NULL;
  CareWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  *out_vault = care_vault_open (vault_path, USER, PASSPHRASE, &error);
  g_assert_no_error (error);
  care_application_set_vault (application, *out_vault);
  return window;
}

static void
test_import (void)
{
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GFile) good = write_csv ("good.csv", HEADER GOOD_ROWS);
  g_autoptr(GFile) bad = write_csv ("bad.csv", HEADER
                                    ",Osei,Ama,F,1992-03-04,GH,FR,GH,Kumasi,2014-01-10,2014-03-01,,,,en,yes,yes,,\n"
                                    ",Okafor,Ngozi,F,31/12/1990,NG,FR,NG,Lagos,2014-01-10,2014-03-01,,,,en,yes,yes,,\n");
  g_autofree char *reasons = NULL;
  CareWindow *window = unlocked_window (&vault);
  CareCasesView *view = CARE_CASES_VIEW (find_descendant (GTK_WIDGET (window), CARE_TYPE_CASES_VIEW, 0));
  ListWait w = { care_cases_view_get_model (view), 0 };
  AdwMessageDialog *dialog;

  wait_for (list_has, &w);

  /* A good file: the cases in the vault and the list, and a toast. */
  care_exchange_import (window, good);
  g_assert_true (care_exchange_is_busy (window));
  wait_for (idle_window, window);
  g_assert_null (find_message ());
  g_assert_cmpuint (count_cases (vault), ==, 2);
  w.n_items = 2;
  wait_for (list_has, &w);
  g_assert_true (shows_text (GTK_WIDGET (window), "2 cases imported"));

  /* A bad row: the reasons with line and column, and nothing imported. */
  care_exchange_import (window, bad);
  wait_for (idle_window, window);
  dialog = find_message ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing Was Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 row of 2 has problems"));
  reasons = dup_reasons (dialog);
  g_assert_nonnull (strstr (reasons, "Line 3, column date_of_birth"));
  g_assert_cmpuint (count_cases (vault), ==, 2);
  answer (dialog, "_Close");

  /* The same people again: asked about; Cancel imports nothing… */
  care_exchange_import (window, good);
  wait_for (idle_window, window);
  dialog = find_message ();
  g_assert_nonnull (dialog);
  g_clear_pointer (&reasons, g_free);
  reasons = dup_reasons (dialog);
  g_assert_nonnull (strstr (reasons, "Line 2: probably the same person as case"));
  answer (dialog, "_Cancel");
  g_assert_false (care_exchange_is_busy (window));
  g_assert_cmpuint (count_cases (vault), ==, 2);

  /* …and Import Anyway runs it again, allowing them. */
  care_exchange_import (window, good);
  wait_for (idle_window, window);
  dialog = find_message ();
  g_assert_nonnull (dialog);
  answer (dialog, "_Import Anyway");
  wait_for (idle_window, window);
  g_assert_cmpuint (count_cases (vault), ==, 4);
  w.n_items = 4;
  wait_for (list_has, &w);

  care_application_lock (application);
}

static void
test_export (void)
{
  g_autoptr(CareVault) vault = NULL;
  g_autofree char *export_dir = g_build_filename (dir, "export", NULL);
  g_autofree char *path = g_build_filename (export_dir, "cases.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  CareWindow *window = unlocked_window (&vault);
  guint n_cases = count_cases (vault);
  g_autofree char *toast = g_strdup_printf ("%u cases exported", n_cases);

  g_assert_cmpuint (n_cases, >, 0);
  g_mkdir_with_parents (export_dir, 0700);
  care_exchange_export (window, file);
  wait_for (idle_window, window);
  g_assert_true (shows_text (GTK_WIDGET (window), toast));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "case_number,"));
  lines = g_strsplit (contents, "\n", -1);
  /* N+1 lines, each ended by a newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, n_cases + 2);
  g_assert_cmpstr (lines[n_cases + 1], ==, "");

  /* Nothing but the file beside it: no temporary copy left behind. */
  listing = g_dir_open (export_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "cases.csv");
  g_assert_null (g_dir_read_name (listing));
  g_unlink (path);
  g_rmdir (export_dir);

  care_application_lock (application);
}

/* Whether ACTION can run now, as the menu item that names it shows it. */
static gboolean
action_enabled (CareWindow *window,
                const char *action)
{
  static GtkWidget *probe;
  GtkWidget *bar = find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, 0);

  if (probe == NULL)
    {
      probe = gtk_button_new ();
      adw_header_bar_pack_end (ADW_HEADER_BAR (bar), probe);
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  return gtk_widget_get_sensitive (probe);
}

static void
test_check (void)
{
  g_autoptr(CareVault) vault = NULL;
  CareWindow *window = unlocked_window (&vault);
  AdwMessageDialog *dialog;

  /* The menu item's action, as the mouse or the keyboard runs it. */
  g_assert_true (action_enabled (window, "exchange.check"));
  g_assert_true (action_enabled (window, "exchange.import"));
  gtk_widget_activate_action (GTK_WIDGET (window), "exchange.check", NULL);
  g_assert_true (care_exchange_is_busy (window));
  /* One at a time: disabled while it runs. */
  g_assert_false (action_enabled (window, "exchange.export"));
  wait_for (idle_window, window);
  dialog = find_message ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Vault Is Sound");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "history's chain is intact"));
  answer (dialog, "_Close");

  /* Locked: nothing to import into, export or check. */
  care_application_lock (application);
  g_assert_false (action_enabled (window, "exchange.check"));
  g_assert_false (action_enabled (window, "exchange.import"));
  g_assert_false (action_enabled (window, "exchange.export"));
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = NULL;
  int status;

  vault_path = gui_test_prepare_home (&data_home);
  dir = g_dir_make_tmp ("care-gui-exchange-XXXXXX", NULL);
  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  prepare_vault ();

  application = care_application_new ();
  gui_test_register_application (G_APPLICATION (application));

  g_test_add_func ("/exchange/import", test_import);
  g_test_add_func ("/exchange/export", test_export);
  g_test_add_func ("/exchange/check", test_check);
  status = g_test_run ();

  care_application_lock (application);
  g_clear_object (&application);
  gui_test_remove_home (data_home, vault_path);
  {
    g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
    g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);

    g_unlink (good);
    g_unlink (bad);
    g_rmdir (dir);
    g_free (dir);
  }
  return status;
}
