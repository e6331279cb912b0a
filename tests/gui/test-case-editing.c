/* test-case-editing.c — a case page driven through its widgets: the
 * assessment and the arrival assistance saved as edited, invalid input
 * refused beside its field with nothing saved; the plan's measures added in
 * a dialog checked as typed, removed with Undo in a toast; a country typed
 * by its name, in either language, chosen among suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-case-page.h"
#include "care-case-store.h"
#include "care-country-row.h"
#include "care-date.h"
#include "care-i18n.h"
#include "care-measure-dialog.h"
#include "care-store-access.h"
#include "gui-test-util.h"

#define USER        "Amina Diallo"
#define PASSPHRASE  "river lantern seven oranges"

static char *vault_path;
static char *case_number;
static CareVault *vault;

static gboolean
case_saved (gpointer data)
{
  return !care_case_page_has_unsaved_changes (data);
}

static CareCase *
load_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);
  CareCase *c = gui_test_store_load (vault, case_number, &error);

  g_assert_no_error (error);
  return c;
}

static void
set_text (GtkWidget  *root,
          const char *title,
          const char *text)
{
  AdwEntryRow *row = find_entry_row (root, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The action row titled TITLE (mnemonics ignored). */
static AdwActionRow *
find_action_row (GtkWidget  *root,
                 const char *title)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = find_descendant (root, ADW_TYPE_ACTION_ROW, i);
      GString *s;
      gboolean match;

      if (row == NULL)
        return NULL;
      s = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      g_string_replace (s, "_", "", 0);
      match = g_str_equal (s->str, title);
      g_string_free (s, TRUE);
      if (match)
        return ADW_ACTION_ROW (row);
    }
}

static CareCasePage *
open_page (GtkWindow **out_window)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CareCasePage *page = g_object_new (CARE_TYPE_CASE_PAGE, NULL);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  care_case_page_set_vault (page, vault);
  g_assert_true (care_case_page_open (page, case_number, &error));
  g_assert_no_error (error);
  *out_window = window;
  return page;
}

static void
test_assessment (void)
{
  GtkWindow *window;
  CareCasePage *page = open_page (&window);
  g_autoptr(CareCase) stored = NULL;
  AdwComboRow *level;
  AdwEntryRow *done;

  /* The minors' section is for minors only. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (
    GTK_WIDGET (find_entry_row (GTK_WIDGET (page), "Guardian")), ADW_TYPE_PREFERENCES_GROUP)));

  level = ADW_COMBO_ROW (gtk_widget_get_ancestor (
    GTK_WIDGET (find_descendant (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, 0)), ADW_TYPE_COMBO_ROW));
  for (guint i = 0; (level = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, i))) != NULL; i++)
    if (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (level)), "Risk Level") != NULL)
      break;
  g_assert_nonnull (level);
  adw_combo_row_set_selected (level, CARE_RISK_HIGH);
  adw_action_row_activate (find_action_row (GTK_WIDGET (page), "Debt to traffickers"));
  set_text (GTK_WIDGET (page), "Mitigation", "Escort from the airport; no contact with the family at first");
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
    find_action_row (GTK_WIDGET (page), "Airport Reception"))), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (
    find_action_row (GTK_WIDGET (page), "Secure Accommodation (nights)"))), 3);
  set_text (GTK_WIDGET (page), "Education", "Secondary school");
  set_text (GTK_WIDGET (page), "Planned On", "2014-06-01");
  wait_for (case_saved, page);

  stored = load_case ();
  g_assert_cmpint (stored->risk->level, ==, CARE_RISK_HIGH);
  g_assert_true (stored->risk->factors & CARE_RISK_FACTOR_DEBT);
  g_assert_true (care_date_is_set (&stored->risk->assessed_on));
  g_assert_cmpstr (stored->risk->mitigation, ==, "Escort from the airport; no contact with the family at first");
  g_assert_true (stored->arrival_needs->airport_reception);
  g_assert_cmpuint (stored->arrival_needs->secure_accommodation_nights, ==, 3);
  g_assert_cmpstr (stored->skills->education, ==, "Secondary school");
  g_assert_cmpuint (stored->arrival_items->len, ==, 1);
  g_assert_cmpint (((CareArrivalItem *) g_ptr_array_index (stored->arrival_items, 0))->kind, ==,
                   CARE_ARRIVAL_AIRPORT_RECEPTION);
  g_clear_pointer (&stored, care_case_free);

  /* Assistance done in the future: refused beside the field, nothing saved. */
  done = find_entry_row (GTK_WIDGET (page), "Done On");
  gtk_editable_set_text (GTK_EDITABLE (done), "2099-01-01");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (done), "error"));
  care_case_page_flush (page);
  g_assert_true (care_case_page_has_unsaved_changes (page));
  stored = load_case ();
  g_assert_false (care_date_is_set (&((CareArrivalItem *) g_ptr_array_index (stored->arrival_items, 0))->done_on));
  g_clear_pointer (&stored, care_case_free);
  gtk_editable_set_text (GTK_EDITABLE (done), "2014-06-02");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (done), "error"));
  wait_for (case_saved, page);
  stored = load_case ();
  g_assert_true (care_date_is_set (&((CareArrivalItem *) g_ptr_array_index (stored->arrival_items, 0))->done_on));

  gtk_window_destroy (window);
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

static guint
count_measures (void)
{
  g_autoptr(CareCase) stored = load_case ();
  CarePlanVersion *current = care_plan_get_current (stored->plan);

  return current != NULL ? current->measures->len : 0;
}

static void
test_measures (void)
{
  GtkWindow *window;
  CareCasePage *page = open_page (&window);
  CareMeasureDialog *dialog;
  AdwEntryRow *budget;
  g_autoptr(CareCase) stored = NULL;
  CareMeasure *m;
  guint before = count_measures ();

  /* Add a measure; an amount that is not one is refused with its reason. */
  gtk_widget_activate_action (GTK_WIDGET (page), "case.add-measure", NULL);
  dialog = CARE_MEASURE_DIALOG (find_toplevel (CARE_TYPE_MEASURE_DIALOG));
  g_assert_nonnull (dialog);
  set_text (GTK_WIDGET (dialog), "Description", "Sewing course");
  set_text (GTK_WIDGET (dialog), "Provider", "Atelier de Yaoundé");
  set_text (GTK_WIDGET (dialog), "Planned Start", "2014-07-01");
  set_text (GTK_WIDGET (dialog), "Planned End", "2014-09-30");
  budget = find_entry_row (GTK_WIDGET (dialog), "Budget");
  gtk_editable_set_text (GTK_EDITABLE (budget), "-40");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (budget), "error"));
  {
    gboolean said = FALSE;

    for (guint i = 0; find_descendant (GTK_WIDGET (budget), GTK_TYPE_LABEL, i) != NULL; i++)
      said |= g_str_has_prefix (gtk_label_get_label (GTK_LABEL (find_descendant (GTK_WIDGET (budget), GTK_TYPE_LABEL, i))),
                                "Budget:");
    g_assert_true (said);
  }
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "measure.save")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measure.save", NULL);
  g_assert_cmpuint (count_measures (), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (budget), "450.50");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (budget), "error"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measure.save", NULL);
  g_assert_false (care_case_page_has_unsaved_changes (page));
  g_assert_cmpuint (count_measures (), ==, before + 1);
  stored = load_case ();
  m = g_ptr_array_index (care_plan_get_current (stored->plan)->measures, before);
  g_assert_cmpstr (m->description, ==, "Sewing course");
  g_assert_cmpint (m->budget_cents, ==, 45050);
  g_clear_pointer (&stored, care_case_free);

  /* Removed, then brought back by the toast's Undo. */
  gtk_widget_activate_action (GTK_WIDGET (page), "case.remove-measure", "u", before);
  g_assert_cmpuint (count_measures (), ==, before);
  gtk_widget_activate_action (GTK_WIDGET (page), "case.undo-remove-measure", NULL);
  g_assert_cmpuint (count_measures (), ==, before + 1);
  stored = load_case ();
  m = g_ptr_array_index (care_plan_get_current (stored->plan)->measures, before);
  g_assert_cmpstr (m->description, ==, "Sewing course");
  g_clear_pointer (&stored, care_case_free);

  /* Once agreed, the version is read-only. */
  gtk_widget_activate_action (GTK_WIDGET (page), "case.agree-plan", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "case.remove-measure", "u", before);
  g_assert_null (find_toplevel (CARE_TYPE_MEASURE_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (page), "case.add-measure", NULL);
  g_assert_null (find_toplevel (CARE_TYPE_MEASURE_DIALOG));
  g_assert_cmpuint (count_measures (), ==, before + 1);

  gtk_window_destroy (window);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The reason shown beside ROW, or NULL. */
static const char *
get_field_error (AdwEntryRow *row)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, i);

      if (label == NULL)
        return NULL;
      if (gtk_widget_has_css_class (label, "error") && gtk_widget_get_visible (label))
        return gtk_label_get_label (GTK_LABEL (label));
    }
}

/* A key as it reaches the row first (its capture-phase controller): the
 * tests cannot type, so they hand the key to what would handle it. */
static gboolean
press_key (GtkWidget *row,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          return handled;
        }
    }
  g_error ("no key controller on the row");
}

static char *
stored_nationality (void)
{
  g_autoptr(CareCase) stored = load_case ();

  return g_strdup (stored->person->nationality);
}

static void
test_country_by_name (void)
{
  GtkWindow *window;
  CareCasePage *page = open_page (&window);
  AdwEntryRow *row = find_entry_row (GTK_WIDGET (page), "Nationality");
  GtkWidget *suggestions;
  GtkListBoxRow *first;
  g_autofree char *code = NULL;

  /* Shown by name, not by code. */
  g_assert_true (CARE_IS_COUNTRY_ROW (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Cameroon");

  /* The first letters of the French name, in an English interface. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  gtk_editable_set_text (GTK_EDITABLE (row), "erythr");
  suggestions = care_country_row_get_suggestions (CARE_COUNTRY_ROW (row));
  wait_for (is_mapped, suggestions);
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (suggestions), 0);
  g_assert_nonnull (first);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (suggestions), 1));
  g_assert_nonnull (find_descendant (GTK_WIDGET (first), GTK_TYPE_LABEL, 0));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_descendant (GTK_WIDGET (first), GTK_TYPE_LABEL, 0))), ==, "Eritrea");

  /* Chosen as a click would: the row says its name, the case has its code. */
  g_signal_emit_by_name (suggestions, "row-activated", first);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Eritrea");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (suggestions, GTK_TYPE_POPOVER)));
  g_assert_null (get_field_error (row));
  wait_for (case_saved, page);
  code = stored_nationality ();
  g_assert_cmpstr (code, ==, "ER");
  g_clear_pointer (&code, g_free);

  /* Two countries begin so: refused with the reason, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "nige");
  g_assert_cmpstr (get_field_error (row), ==, "“nige” could be Niger or Nigeria: choose one");
  care_case_page_flush (page);
  g_assert_true (care_case_page_has_unsaved_changes (page));
  code = stored_nationality ();
  g_assert_cmpstr (code, ==, "ER");
  g_clear_pointer (&code, g_free);

  /* None is called so. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Atlantis");
  g_assert_cmpstr (get_field_error (row), ==, "No country is called “Atlantis”");

  /* Case and accents do not matter; a code still works. */
  gtk_editable_set_text (GTK_EDITABLE (row), "NIGÉRIA");
  g_assert_null (get_field_error (row));
  wait_for (case_saved, page);
  code = stored_nationality ();
  g_assert_cmpstr (code, ==, "NG");
  g_clear_pointer (&code, g_free);
  /* Down, Down, Enter: the second suggestion. */
  gtk_editable_set_text (GTK_EDITABLE (row), "gui");
  wait_for (is_mapped, suggestions);
  g_assert_true (press_key (GTK_WIDGET (row), GDK_KEY_Down));
  g_assert_true (press_key (GTK_WIDGET (row), GDK_KEY_Down));
  g_assert_true (press_key (GTK_WIDGET (row), GDK_KEY_Return));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Guinea-Bissau");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (suggestions, GTK_TYPE_POPOVER)));
  /* Escape puts the suggestions away, and only them. */
  gtk_editable_set_text (GTK_EDITABLE (row), "cm");
  wait_for (is_mapped, suggestions);
  g_assert_true (press_key (GTK_WIDGET (row), GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (suggestions, GTK_TYPE_POPOVER)));
  g_assert_false (press_key (GTK_WIDGET (row), GDK_KEY_Escape));
  wait_for (case_saved, page);
  code = stored_nationality ();
  g_assert_cmpstr (code, ==, "CM");

  /* Done with the row: it says the name the code stands for. */
  gtk_widget_grab_focus (GTK_WIDGET (find_entry_row (GTK_WIDGET (page), "Phone")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Cameroon");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (suggestions, GTK_TYPE_POPOVER)));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("care-gui-editing-XXXXXX", NULL);
  g_autofree char *recovery_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(CareCase) c = care_case_new ();
  int status;

  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  vault_path = g_build_filename (data_home, "editing.care", NULL);
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
  care_date_set (&c->referral_date, 2014, 2, 3);
  care_date_set (&c->planned_return_date, 2014, 6, 1);
  care_consent_give (&c->consent_voluntary_return, &c->referral_date);
  care_consent_give (&c->consent_data, &c->referral_date);
  gui_test_store_save (vault, c, settings, NULL, &error);
  g_assert_no_error (error);
  case_number = care_case_number_format (&c->number);

  g_test_add_func ("/case-editing/assessment", test_assessment);
  g_test_add_func ("/case-editing/measures", test_measures);
  g_test_add_func ("/case-editing/country-by-name", test_country_by_name);
  status = g_test_run ();

  care_vault_lock (vault);
  g_clear_object (&vault);
  g_unlink (vault_path);
  g_rmdir (data_home);
  g_free (vault_path);
  g_free (case_number);
  return status;
}
