/* test-followups.c — the follow-up calendar and recording a follow-up,
 * driven through the window's widgets: a known follow-up shown as a chip
 * on its day, overdue ones styled so, the chip opening the case's
 * Follow-up page, a contact recorded there and saved in the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-application.h"
#include "care-case-page.h"
#include "care-case-store.h"
#include "care-followup-calendar.h"
#include "care-followup-dialog.h"
#include "care-i18n.h"
#include "care-partner-dialog.h"
#include "care-partners-view.h"
#include "care-window.h"
#include "gui-test-util.h"

#define USER       "Amina Diallo"
#define PASSPHRASE "river lantern seven oranges"

static CareApplication *application;
static char *vault_path;
static char *case_number;

static gboolean
calendar_loaded (gpointer data)
{
  return !care_followup_calendar_get_loading (data);
}

/* Arrived on 10 January 2015, consenting to follow-up: contacts due on the
 * 10th of February, April, July and October 2015 and of January 2016. */
static void
prepare_vault (void)
{
  g_autofree char *recovery_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(CareCase) c = care_case_new ();
  GDate on;

  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery_key, &error);
  g_assert_no_error (error);
  settings = care_settings_store_load (vault, &error);
  g_assert_no_error (error);

  c->person->family_name = g_strdup ("Mbarga");
  c->person->given_names = g_strdup ("Chloé");
  c->person->sex = CARE_SEX_FEMALE;
  care_birth_date_set_year (&c->person->date_of_birth, 1994);
  c->person->nationality = g_strdup ("CM");
  c->host_country = g_strdup ("FR");
  c->return_country = g_strdup ("CM");
  c->destination = g_strdup ("Yaoundé");
  care_date_set (&c->referral_date, 2014, 9, 3);
  care_date_set (&c->planned_return_date, 2015, 1, 10);
  care_date_set (&c->arrival_date, 2015, 1, 10);
  care_date_set (&on, 2014, 9, 3);
  care_consent_give (&c->consent_voluntary_return, &on);
  care_consent_give (&c->consent_data, &on);
  care_consent_give (&c->consent_followup, &on);
  gui_test_store_save (vault, c, settings, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->followups->len, >=, 4);
  case_number = care_case_number_format (&c->number);

  care_vault_lock (vault);
}

typedef struct {
  GtkWidget *chip;
  GtkWidget *cell;
} Chip;

/* The chip of the case's follow-up due on DAY of the month shown, found
 * as a person finds it: in the cell whose number is DAY. */
static Chip
find_chip (GtkWidget *calendar,
           guint      day)
{
  g_autofree char *day_text = g_strdup_printf ("%u", day);
  Chip found = { NULL, NULL };

  for (guint i = 0;; i++)
    {
      GtkWidget *button = find_descendant (calendar, GTK_TYPE_BUTTON, i);
      GtkWidget *cell, *number;

      if (button == NULL)
        break;
      if (!gtk_widget_has_css_class (button, "followup-chip") ||
          g_strcmp0 (g_object_get_data (G_OBJECT (button), "care-case-number"), case_number) != 0)
        continue;
      cell = gtk_widget_get_parent (gtk_widget_get_parent (button));
      if (!gtk_widget_has_css_class (cell, "calendar-day") || gtk_widget_has_css_class (cell, "other-month"))
        continue;
      number = gtk_widget_get_first_child (cell);
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (number)), day_text) == 0)
        {
          found.chip = button;
          found.cell = cell;
          break;
        }
    }
  return found;
}

static CareFollowupDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CARE_IS_FOLLOWUP_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CARE_FOLLOWUP_DIALOG (window);
    }
  return NULL;
}

static void
test_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareCase) stored = NULL;
  CareWindow *window;
  CareFollowupCalendar *calendar;
  CareCasePage *case_page;
  CareFollowupDialog *dialog;
  AdwLeaflet *leaflet;
  AdwViewStack *views, *case_stack;
  CareFollowUp *february = NULL;
  Chip chip;
  GDate today, month, shown;

  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  vault = care_vault_open (vault_path, USER, PASSPHRASE, &error);
  g_assert_no_error (error);
  care_application_set_vault (application, vault);

  views = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, 0));
  adw_view_stack_set_visible_child_name (views, "followups");
  calendar = CARE_FOLLOWUP_CALENDAR (find_descendant (GTK_WIDGET (window), CARE_TYPE_FOLLOWUP_CALENDAR, 0));
  g_assert_cmpuint (care_get_first_weekday (), <, 7);

  /* As of 1 March 2015: February's contact is overdue, April's is not. */
  care_date_set (&today, 2015, 3, 1);
  care_followup_calendar_set_today (calendar, &today);
  care_date_set (&month, 2015, 2, 14);
  care_followup_calendar_show_month (calendar, &month);
  wait_for (calendar_loaded, calendar);
  chip = find_chip (GTK_WIDGET (calendar), 10);
  g_assert_nonnull (chip.chip);
  g_assert_true (gtk_widget_has_css_class (chip.chip, "overdue"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (chip.chip), "1 month after arrival"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (chip.chip), "Overdue"));
  g_assert_null (find_chip (GTK_WIDGET (calendar), 11).chip);

  /* Next month (the button's action, Page Down): nothing on the 10th of March. */
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.next", NULL);
  wait_for (calendar_loaded, calendar);
  care_followup_calendar_get_month (calendar, &shown);
  g_assert_cmpuint (g_date_get_month (&shown), ==, 3);
  g_assert_null (find_chip (GTK_WIDGET (calendar), 10).chip);
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.next", NULL);
  wait_for (calendar_loaded, calendar);
  chip = find_chip (GTK_WIDGET (calendar), 10);
  g_assert_nonnull (chip.chip);
  g_assert_false (gtk_widget_has_css_class (chip.chip, "overdue"));

  /* Today goes back to March 2015; previous twice to February. */
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.today", NULL);
  wait_for (calendar_loaded, calendar);
  care_followup_calendar_get_month (calendar, &shown);
  g_assert_cmpuint (g_date_get_month (&shown), ==, 3);
  g_assert_cmpuint (g_date_get_year (&shown), ==, 2015);
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.previous", NULL);
  wait_for (calendar_loaded, calendar);
  chip = find_chip (GTK_WIDGET (calendar), 10);
  g_assert_nonnull (chip.chip);

  /* The overdue one is in the side list too. */
  {
    GtkWidget *row = find_descendant (GTK_WIDGET (calendar), ADW_TYPE_ACTION_ROW, 0);

    g_assert_nonnull (row);
    g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "care-case-number"), ==, case_number);
  }

  /* Clicking the chip opens the case on its Follow-up page. */
  g_signal_emit_by_name (chip.chip, "clicked");
  leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET, 0));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
  case_page = CARE_CASE_PAGE (find_descendant (GTK_WIDGET (window), CARE_TYPE_CASE_PAGE, 0));
  case_stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (case_page), ADW_TYPE_VIEW_STACK, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (case_stack), ==, "followups");
  {
    g_autofree char *number = care_case_number_format (&care_case_page_get_case (case_page)->number);

    g_assert_cmpstr (number, ==, case_number);
  }

  /* Record February's contact: done on the 12th, by phone, scores and risk. */
  for (guint i = 0; i < care_case_page_get_case (case_page)->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (care_case_page_get_case (case_page)->followups, i);

      if (f->months_after_arrival == 1)
        february = f;
    }
  g_assert_nonnull (february);
  gtk_widget_activate_action (GTK_WIDGET (case_page), "case.record-followup", "x", february->id);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  {
    GtkWidget *root = GTK_WIDGET (dialog);
    AdwComboRow *mode = ADW_COMBO_ROW (find_descendant (root, ADW_TYPE_COMBO_ROW, 0));
    AdwComboRow *economic = ADW_COMBO_ROW (find_descendant (root, ADW_TYPE_COMBO_ROW, 1));
    AdwComboRow *social = ADW_COMBO_ROW (find_descendant (root, ADW_TYPE_COMBO_ROW, 2));
    AdwComboRow *psychosocial = ADW_COMBO_ROW (find_descendant (root, ADW_TYPE_COMBO_ROW, 3));
    AdwComboRow *risk = ADW_COMBO_ROW (find_descendant (root, ADW_TYPE_COMBO_ROW, 4));
    GtkTextView *notes = GTK_TEXT_VIEW (find_descendant (root, GTK_TYPE_TEXT_VIEW, 0));
    AdwEntryRow *done = find_entry_row (root, "Done On");
    AdwEntryRow *who = find_entry_row (root, "Who");

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (who)), ==, USER);

    /* A date in the future is refused with its reason; Save stays off. */
    gtk_editable_set_text (GTK_EDITABLE (done), "2099-02-12");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (done), "error"));
    g_assert_false (gtk_widget_is_sensitive (find_action_button (root, "followup.save")));

    gtk_editable_set_text (GTK_EDITABLE (done), "2015-02-12");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (done), "error"));
    adw_combo_row_set_selected (mode, CARE_FOLLOWUP_PHONE);
    adw_combo_row_set_selected (economic, 4);
    adw_combo_row_set_selected (social, 3);
    adw_combo_row_set_selected (psychosocial, 2);
    adw_combo_row_set_selected (risk, CARE_RISK_LOW);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Sewing course started.", -1);
    g_assert_true (gtk_widget_is_sensitive (find_action_button (root, "followup.save")));
    gtk_widget_activate_action (root, "followup.save", NULL);
  }
  g_assert_null (find_dialog ());
  g_assert_false (care_case_page_has_unsaved_changes (case_page));

  stored = gui_test_store_load (vault, case_number, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stored->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (stored->followups, i);

      if (f->months_after_arrival != 1)
        continue;
      g_assert_true (care_follow_up_is_done (f));
      g_assert_cmpuint (g_date_get_day (&f->done_on), ==, 12);
      g_assert_cmpint (f->mode, ==, CARE_FOLLOWUP_PHONE);
      g_assert_cmpstr (f->who, ==, USER);
      g_assert_cmpuint (f->economic_score, ==, 4);
      g_assert_cmpuint (f->social_score, ==, 3);
      g_assert_cmpuint (f->psychosocial_score, ==, 2);
      g_assert_cmpint (f->reexploitation_risk, ==, CARE_RISK_LOW);
      g_assert_cmpstr (f->notes, ==, "Sewing course started.");
    }

  /* Back in the calendar: the chip now says done, no longer overdue. */
  gtk_widget_activate_action (GTK_WIDGET (case_page), "case.close", NULL);
  wait_for (calendar_loaded, calendar);
  chip = find_chip (GTK_WIDGET (calendar), 10);
  g_assert_nonnull (chip.chip);
  g_assert_false (gtk_widget_has_css_class (chip.chip, "overdue"));
  g_assert_true (gtk_widget_has_css_class (chip.chip, "done"));

  care_application_lock (application);
}

static gboolean
backup_done (gpointer data)
{
  return !care_window_is_backing_up (data);
}

/* Back Up Vault…: a sealed copy, written off the main thread, that opens
 * with the same passphrase and holds the same cases. */
static void
test_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareVault) copy = NULL;
  g_autoptr(CareCase) stored = NULL;
  g_autofree char *dir = g_dir_make_tmp ("care-gui-backup-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "backup.care", NULL);
  CareWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  vault = care_vault_open (vault_path, USER, PASSPHRASE, &error);
  g_assert_no_error (error);
  care_application_set_vault (application, vault);

  care_window_back_up (window, path);
  g_assert_true (care_window_is_backing_up (window));
  wait_for (backup_done, window);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  care_application_lock (application);

  copy = care_vault_open (path, USER, PASSPHRASE, &error);
  g_assert_no_error (error);
  stored = gui_test_store_load (copy, case_number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->person->given_names, ==, "Chloé");
  care_vault_lock (copy);
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_partner_row (GtkWidget  *view,
                  const char *name)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = find_descendant (view, ADW_TYPE_ACTION_ROW, i);

      if (row == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
        return row;
    }
}

static CarePartnerDialog *
find_partner_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CARE_IS_PARTNER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CARE_PARTNER_DIALOG (window);
    }
  return NULL;
}

/* The directory: add through the dialog, delete with Undo, and a partner
 * that a case refers to refused with the store's reason. */
static void
test_partners (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareCase) c = NULL;
  g_autoptr(CarePartner) referring = care_partner_new (CARE_PARTNER_REFERRING_ASSOCIATION, "Amicale du Nid");
  g_autoptr(GPtrArray) stored = NULL;
  CareWindow *window;
  GtkWidget *view, *row;
  CarePartnerDialog *dialog;
  gint64 id;

  vault = care_vault_open (vault_path, USER, PASSPHRASE, &error);
  g_assert_no_error (error);
  referring->country = g_strdup ("FR");
  care_partner_store_save (vault, referring, &error);
  g_assert_no_error (error);
  c = gui_test_store_load (vault, case_number, &error);
  g_assert_no_error (error);
  c->referring_partner_id = referring->id;
  gui_test_store_save (vault, c, NULL, NULL, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  care_application_set_vault (application, vault);
  view = find_descendant (GTK_WIDGET (window), CARE_TYPE_PARTNERS_VIEW, 0);
  g_assert_nonnull (find_partner_row (view, "Amicale du Nid"));

  /* Add one as a person does: the dialog, its fields, Save. */
  gtk_widget_activate_action (view, "partners.add", NULL);
  dialog = find_partner_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "partner.save")));
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog), "Name")), "Bureau de Dakar");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog), "Country")), "XX");
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "partner.save")));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_entry_row (GTK_WIDGET (dialog), "Country")), "error"));
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog), "Country")), "sn");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0)),
                              CARE_PARTNER_RETURN_OFFICE);
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "partner.save")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "partner.save", NULL);
  g_assert_null (find_partner_dialog ());
  row = find_partner_row (view, "Bureau de Dakar");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Senegal"));
  id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "care-partner-id"));
  stored = gui_test_partner_list (vault, &error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Delete: gone from the list and the vault; Undo brings it back. */
  gtk_widget_activate_action (view, "partners.delete", "x", id);
  g_assert_null (find_partner_row (view, "Bureau de Dakar"));
  stored = gui_test_partner_list (vault, &error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_clear_pointer (&stored, g_ptr_array_unref);
  care_partners_view_undo_delete (CARE_PARTNERS_VIEW (view));
  g_assert_nonnull (find_partner_row (view, "Bureau de Dakar"));
  stored = gui_test_partner_list (vault, &error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* A case refers to the association: refused, still listed. */
  g_assert_false (care_partners_view_delete (CARE_PARTNERS_VIEW (view), referring->id));
  g_assert_nonnull (find_partner_row (view, "Amicale du Nid"));
  stored = gui_test_partner_list (vault, &error);
  g_assert_cmpuint (stored->len, ==, 2);

  care_application_lock (application);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = NULL;
  int status;

  vault_path = gui_test_prepare_home (&data_home);
  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  prepare_vault ();

  application = care_application_new ();
  gui_test_register_application (G_APPLICATION (application));

  g_test_add_func ("/followups/calendar", test_calendar);
  g_test_add_func ("/followups/backup", test_backup);
  g_test_add_func ("/partners/directory", test_partners);
  status = g_test_run ();

  care_application_lock (application);
  g_clear_object (&application);
  gui_test_remove_home (data_home, vault_path);
  g_free (case_number);
  return status;
}
