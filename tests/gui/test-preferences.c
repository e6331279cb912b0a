/* test-preferences.c — Preferences driven through its widgets: the
 * programme's settings refused with their reason, then saved and read back
 * from the vault; a person added who can then open the vault; removing
 * the last person refused with the store's reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-case-store.h"
#include "care-date.h"
#include "care-i18n.h"
#include "care-person-dialog.h"
#include "care-preferences-window.h"
#include "care-store-access.h"
#include "gui-test-util.h"

#define USER        "Amina Diallo"
#define PASSPHRASE  "river lantern seven oranges"
#define NEW_PERSON  "Noor Haddad"
#define NEW_PASS    "copper kettle under the fig tree"

static char *vault_path;

static gboolean
settings_saved (gpointer data)
{
  return !care_preferences_window_has_unsaved_changes (data);
}

static gboolean
not_busy (gpointer data)
{
  return !care_preferences_window_get_busy (data);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static CareVault *
open_vault (void)
{
  g_autoptr(GError) error = NULL;
  CareVault *vault = care_vault_open (vault_path, USER, PASSPHRASE, &error);

  g_assert_no_error (error);
  return vault;
}

static void
test_programme_settings (void)
{
  g_autoptr(CareVault) vault = open_vault ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(CareSettings) stored = NULL;
  g_autoptr(GError) error = NULL;
  CarePreferencesWindow *prefs;
  AdwEntryRow *hosts, *end, *months, *currency;
  GtkSpinButton *beneficiaries, *minors;
  AdwActionRow *minors_row;
  GDate expected_end;

  prefs = care_preferences_window_new (settings, vault);
  gtk_window_present (GTK_WINDOW (prefs));

  hosts = find_entry_row (GTK_WIDGET (prefs), "Host Countries");
  end = find_entry_row (GTK_WIDGET (prefs), "Last Return Date");
  months = find_entry_row (GTK_WIDGET (prefs), "Follow-up Months");
  currency = find_entry_row (GTK_WIDGET (prefs), "Currency");
  g_assert_nonnull (hosts);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hosts)), ==, "AT ES FR GR IT PL PT GB");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (months)), ==, "1 3 6 9 12");

  /* The spin buttons in the order of the rows: auto-lock, beneficiaries, minors, months. */
  beneficiaries = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, 1));
  minors = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, 2));
  minors_row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (minors), ADW_TYPE_ACTION_ROW));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (beneficiaries), ==, 130);

  /* More minors than beneficiaries: refused beside the field, nothing saved. */
  gtk_spin_button_set_value (minors, 200);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (minors_row), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (minors_row), "cannot exceed"));
  g_assert_false (care_preferences_window_flush (prefs));
  g_assert_true (care_preferences_window_has_unsaved_changes (prefs));

  /* An unknown currency and a month out of order too. */
  set_text (currency, "EUX");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (currency), "error"));
  set_text (months, "1 six 12");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (months), "error"));
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

    stored = care_settings_store_load (vault, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (stored->target_minors, ==, 10);
  g_clear_pointer (&stored, care_settings_free);

  /* Corrected: saved once every field is valid. */
  gtk_spin_button_set_value (beneficiaries, 150);
  gtk_spin_button_set_value (minors, 12);
  set_text (currency, "eur");
  set_text (months, "1 3 6 12");
  set_text (hosts, "fr, it es");
  set_text (end, "2016-06-30");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (minors_row), "error"));
  wait_for (settings_saved, prefs);

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

    stored = care_settings_store_load (vault, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (stored->target_beneficiaries, ==, 150);
  g_assert_cmpuint (stored->target_minors, ==, 12);
  g_assert_cmpstr (stored->currency, ==, "EUR");
  g_assert_cmpuint (stored->host_countries->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (stored->host_countries, 0), ==, "FR");
  g_assert_cmpstr (g_ptr_array_index (stored->host_countries, 2), ==, "ES");
  g_assert_cmpuint (stored->followup_months->len, ==, 4);
  g_assert_cmpuint (g_array_index (stored->followup_months, guint, 3), ==, 12);
  care_date_set (&expected_end, 2016, 6, 30);
  g_assert_cmpint (g_date_compare (&stored->window_end, &expected_end), ==, 0);

  /* Reopened: the window shows what the vault holds. */
  gtk_window_destroy (GTK_WINDOW (prefs));
  prefs = care_preferences_window_new (settings, vault);
  hosts = find_entry_row (GTK_WIDGET (prefs), "Host Countries");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hosts)), ==, "FR IT ES");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* The documents' preferences are this computer's. */
  prefs = care_preferences_window_new (settings, vault);
  set_text (find_entry_row (GTK_WIDGET (prefs), "Organisation Name"), "Retour et Dignité");
  /* The first combo row is the interface language; the second, the paper. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, 1)), 1);
  g_assert_cmpstr (g_settings_get_string (settings, "organisation-name"), ==, "Retour et Dignité");
  g_assert_cmpint (care_preferences_get_paper (settings), ==, 1);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static gboolean
shows_refusal (gpointer prefs)
{
  return shows_text (GTK_WIDGET (prefs), "the only person who can open the vault");
}

static void
test_people (void)
{
  g_autoptr(CareVault) vault = open_vault ();
  g_autoptr(CareVault) theirs = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  CarePreferencesWindow *prefs;
  CarePersonDialog *dialog;
  AdwMessageDialog *question;
  gpointer watch;

  prefs = care_preferences_window_new (settings, vault);
  care_preferences_window_set_kdf_cost (prefs, CARE_KDF_COST_INTERACTIVE);
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (shows_text (GTK_WIDGET (prefs), USER));

  /* Add a person: the two passphrases must match before Add is enabled. */
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.add-person", NULL);
  dialog = CARE_PERSON_DIALOG (find_toplevel (CARE_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  set_text (find_entry_row (GTK_WIDGET (dialog), "Name"), NEW_PERSON);
  set_text (find_entry_row (GTK_WIDGET (dialog), "Passphrase"), NEW_PASS);
  set_text (find_entry_row (GTK_WIDGET (dialog), "Confirm"), "copper kettle");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "The two passphrases differ"));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "person.apply")));
  set_text (find_entry_row (GTK_WIDGET (dialog), "Confirm"), NEW_PASS);
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "person.apply")));

  watch = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &watch);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "person.apply", NULL);
  g_assert_true (care_person_dialog_get_busy (dialog));
  wait_for (pointer_cleared, &watch);
  g_assert_true (shows_text (GTK_WIDGET (prefs), NEW_PERSON));

  /* They open the vault with their own passphrase. */
  theirs = care_vault_open (vault_path, NEW_PERSON, NEW_PASS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (care_vault_get_user (theirs), ==, NEW_PERSON);
  care_vault_lock (theirs);

  /* Removed again, after a question. */
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-person", "s", NEW_PERSON);
  question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "remove");
  wait_for (not_busy, prefs);
  g_clear_object (&theirs);
  theirs = care_vault_open (vault_path, NEW_PERSON, NEW_PASS, &error);
  g_assert_null (theirs);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* The last person cannot be removed: the store's reason is shown. */
  while ((question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL)
    gtk_window_destroy (GTK_WINDOW (question));
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-person", "s", USER);
  question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "remove");
  wait_for (not_busy, prefs);
  /* Once the toast before it has made way (care-toast.c). */
  wait_for (shows_refusal, prefs);
  slots = care_vault_list_slots (vault);
  g_assert_cmpuint (slots->len, ==, 2);   /* the person and the recovery key */

  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("care-gui-prefs-XXXXXX", NULL);
  g_autofree char *recovery_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  int status;

  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  vault_path = g_build_filename (data_home, "prefs.care", NULL);
  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery_key, &error);
  g_assert_no_error (error);
  care_vault_lock (vault);

  g_test_add_func ("/preferences/programme-settings", test_programme_settings);
  g_test_add_func ("/preferences/people", test_people);
  status = g_test_run ();

  g_unlink (vault_path);
  g_rmdir (data_home);
  g_free (vault_path);
  return status;
}
