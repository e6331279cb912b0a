/* test-unlock.c — creating a vault, keeping its recovery key, locking and
 * unlocking, driven through the window's widgets as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-application.h"
#include "care-create-vault-page.h"
#include "care-i18n.h"
#include "care-unlock-page.h"
#include "care-window.h"
#include "gui-test-util.h"

#define NAME       "Amina Diallo"
#define PASSPHRASE "river lantern seven oranges"

static CareApplication *application;

static GtkStack *
main_stack (CareWindow *window)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *stack = find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK, i);

      g_assert_nonnull (stack);
      if (gtk_stack_get_child_by_name (GTK_STACK (stack), "unlock") != NULL)
        return GTK_STACK (stack);
    }
}

static const char *
visible_page (CareWindow *window)
{
  return gtk_stack_get_visible_child_name (main_stack (window));
}

static gboolean
vault_is_open (gpointer data)
{
  return care_application_get_vault (application) != NULL;
}

static gboolean
recovery_key_shown (gpointer data)
{
  return care_create_vault_page_get_recovery_key (data) != NULL;
}

static gboolean
label_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_label (data) != '\0';
}

static gboolean
focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_create_lock_unlock (void)
{
  CareWindow *window;
  GtkWidget *create_page, *unlock_page, *kept, *error_label, *passphrase;
  GtkWidget *title;
  g_autofree char *recovery_key = NULL;

  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_nonnull (window);

  /* No vault yet: the window offers to create one. */
  g_assert_cmpstr (visible_page (window), ==, "create");
  create_page = find_descendant (GTK_WIDGET (window), CARE_TYPE_CREATE_VAULT_PAGE, 0);

  gtk_editable_set_text (GTK_EDITABLE (find_descendant (create_page, ADW_TYPE_ENTRY_ROW, 0)), NAME);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (create_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0)), PASSPHRASE);

  /* Not until both passphrases agree. */
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (create_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 1)), "river lantern");
  gtk_widget_activate_action (create_page, "create.create", NULL);
  g_assert_null (care_create_vault_page_get_recovery_key (CARE_CREATE_VAULT_PAGE (create_page)));
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (create_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 1)), PASSPHRASE);

  gtk_widget_activate_action (create_page, "create.create", NULL);
  wait_for (recovery_key_shown, create_page);
  recovery_key = g_strdup (care_create_vault_page_get_recovery_key (CARE_CREATE_VAULT_PAGE (create_page)));
  g_assert_cmpuint (strlen (recovery_key), ==, 39);

  /* Continue only once the person says the key is kept. */
  gtk_widget_activate_action (create_page, "create.continue", NULL);
  g_assert_null (care_application_get_vault (application));
  kept = find_descendant (create_page, GTK_TYPE_CHECK_BUTTON, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kept), TRUE);
  gtk_widget_activate_action (create_page, "create.continue", NULL);
  wait_for (vault_is_open, NULL);
  g_assert_cmpstr (visible_page (window), ==, "workspace");
  title = find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, 0);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, NAME);

  /* The key is shown once: gone from the page. */
  g_assert_null (care_create_vault_page_get_recovery_key (CARE_CREATE_VAULT_PAGE (create_page)));

  /* Lock (Ctrl+L): keys gone, records covered. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "lock", NULL);
  g_assert_null (care_application_get_vault (application));
  g_assert_cmpstr (visible_page (window), ==, "unlock");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "lock"));

  /* A wrong passphrase: said inline, the field keeps the focus. */
  unlock_page = find_descendant (GTK_WIDGET (window), CARE_TYPE_UNLOCK_PAGE, 0);
  passphrase = find_descendant (unlock_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  error_label = find_descendant (unlock_page, GTK_TYPE_LABEL, 0);
  for (guint i = 0; !gtk_widget_has_css_class (error_label, "error"); i++)
    error_label = find_descendant (unlock_page, GTK_TYPE_LABEL, i);
  gtk_editable_set_text (GTK_EDITABLE (passphrase), "river lantern seven apples");
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (label_shown, error_label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Wrong passphrase"));
  g_assert_null (care_application_get_vault (application));
  g_assert_cmpstr (visible_page (window), ==, "unlock");
  g_assert_true (focus_within (passphrase));

  /* The right one. */
  gtk_editable_set_text (GTK_EDITABLE (passphrase), PASSPHRASE);
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (vault_is_open, NULL);
  g_assert_cmpstr (visible_page (window), ==, "workspace");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (passphrase)), ==, "");

  /* Idle past the delay set in Preferences: locked. */
  g_assert_false (care_application_lock_if_idle (application, g_get_monotonic_time ()));
  g_assert_true (care_application_lock_if_idle (application, g_get_monotonic_time () + 6 * 60 * G_USEC_PER_SEC));
  g_assert_null (care_application_get_vault (application));
  g_assert_cmpstr (visible_page (window), ==, "unlock");
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = NULL;
  char *vault_path;
  int status;

  /* A vault of the test's own, never the person's. */
  vault_path = gui_test_prepare_home (&data_home);
  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  application = care_application_new ();
  gui_test_register_application (G_APPLICATION (application));

  g_test_add_func ("/unlock/create-lock-unlock", test_create_lock_unlock);
  status = g_test_run ();

  care_application_lock (application);
  g_clear_object (&application);
  gui_test_remove_home (data_home, vault_path);
  return status;
}
