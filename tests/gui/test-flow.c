/* test-flow.c — a caseworker's first day, end to end, in one run of the
 * application and through its widgets and their actions: create a vault,
 * add a case (a birth date in the future refused with its reason, nothing
 * saved), assess it, plan three measures, agree the plan, set the
 * arrival, find the first follow-up in the calendar, record it, lock,
 * mistype the passphrase, unlock, and find everything again — in the vault
 * and on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-application.h"
#include "care-case-page.h"
#include "care-case-store.h"
#include "care-cases-view.h"
#include "care-create-vault-page.h"
#include "care-followup-calendar.h"
#include "care-followup-dialog.h"
#include "care-i18n.h"
#include "care-measure-dialog.h"
#include "care-store-access.h"
#include "care-unlock-page.h"
#include "care-window.h"
#include "gui-test-util.h"

#define USER       "Amina Diallo"
#define PASSPHRASE "river lantern seven oranges"

static CareApplication *application;

/* --- conditions --- */

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
case_saved (gpointer data)
{
  return !care_case_page_has_unsaved_changes (data);
}

static gboolean
calendar_loaded (gpointer data)
{
  return !care_followup_calendar_get_loading (data);
}

static gboolean
label_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_label (data) != '\0';
}

typedef struct {
  CareCaseListModel *model;
  guint              n;
} CountWait;

static gboolean
list_has_count (gpointer data)
{
  CountWait *w = data;

  return !care_case_list_model_get_loading (w->model) &&
         g_list_model_get_n_items (G_LIST_MODEL (w->model)) == w->n;
}

/* --- finding things as a person does --- */

static GtkStack *
main_stack (GtkWidget *window)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *stack = find_descendant (window, GTK_TYPE_STACK, i);

      g_assert_nonnull (stack);
      if (gtk_stack_get_child_by_name (GTK_STACK (stack), "unlock") != NULL)
        return GTK_STACK (stack);
    }
}

static void
set_text (GtkWidget  *root,
          const char *title,
          const char *text)
{
  AdwEntryRow *row = find_entry_row (root, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
}

/* The row of TYPE whose title, mnemonics ignored, starts with TITLE. */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = find_descendant (root, type, i);
      g_autofree char *plain = NULL;
      GString *s;

      if (row == NULL)
        return NULL;
      s = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      g_string_replace (s, "_", "", 0);
      plain = g_string_free (s, FALSE);
      if (g_str_has_prefix (plain, title))
        return row;
    }
}

static void
choose (GtkWidget  *root,
        const char *title,
        guint       position)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (root, ADW_TYPE_COMBO_ROW, title));

  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, position);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, position);
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

/* What the page says stops the case from being saved, for failure messages. */
static char *
problems_of (CareCasePage *page)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, i);

      if (label == NULL)
        break;
      if (gtk_widget_has_css_class (label, "caption") && gtk_widget_get_visible (label) &&
          *gtk_label_get_label (GTK_LABEL (label)) != '\0')
        g_string_append_printf (s, "%s; ", gtk_label_get_label (GTK_LABEL (label)));
    }
  return g_string_free (s, FALSE);
}

static void
wait_saved (CareCasePage *page)
{
  care_case_page_flush (page);
  if (care_case_page_has_unsaved_changes (page))
    {
      g_autofree char *problems = problems_of (page);

      g_test_message ("not saved yet: %s", problems);
    }
  wait_for (case_saved, page);
}

static CareCase *
load_case (const char *number)
{
  CareVault *vault = care_application_get_vault (application);
  g_autoptr(CareStoreAccess) access = NULL;
  g_autoptr(GError) error = NULL;
  CareCase *c;

  g_assert_nonnull (vault);
  access = care_store_access_lock (vault);
  c = gui_test_store_load (vault, number, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

/* The chip of case NUMBER in the cell of day DAY of the month shown. */
static GtkWidget *
find_chip (GtkWidget  *calendar,
           const char *number,
           guint       day)
{
  g_autofree char *day_text = g_strdup_printf ("%u", day);

  for (guint i = 0;; i++)
    {
      GtkWidget *button = find_descendant (calendar, GTK_TYPE_BUTTON, i);
      GtkWidget *cell;

      if (button == NULL)
        return NULL;
      if (!gtk_widget_has_css_class (button, "followup-chip") ||
          g_strcmp0 (g_object_get_data (G_OBJECT (button), "care-case-number"), number) != 0)
        continue;
      cell = gtk_widget_get_parent (gtk_widget_get_parent (button));
      if (!gtk_widget_has_css_class (cell, "calendar-day") || gtk_widget_has_css_class (cell, "other-month"))
        continue;
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (cell))), day_text) == 0)
        return button;
    }
}

/* The row of the case's Follow-up page for the contact FOLLOWUP_ID. */
static GtkWidget *
find_followup_row (CareCasePage *page,
                   gint64        followup_id)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = find_descendant (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, i);

      if (row == NULL)
        return NULL;
      if (g_object_get_data (G_OBJECT (row), "care-followup-id") == GINT_TO_POINTER ((int) followup_id))
        return row;
    }
}

static guint
count_rows (GtkWidget *group)
{
  guint n = 0;

  for (guint i = 0; find_descendant (group, ADW_TYPE_ACTION_ROW, i) != NULL; i++)
    n++;
  return n;
}

/* The group of the Plan page titled TITLE. */
static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *group = find_descendant (root, ADW_TYPE_PREFERENCES_GROUP, i);

      if (group == NULL || g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), title) == 0)
        return group;
    }
}

typedef struct {
  guint       category;
  const char *description;
  const char *provider;
  const char *budget;
} Measure;

static const Measure measures[] = {
  { CARE_MEASURE_VOCATIONAL_TRAINING, "Sewing course", "Atelier de Yaoundé", "450.50" },
  { CARE_MEASURE_MEDICAL_CARE, "Medical check-up", "Hôpital central", "120" },
  { CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL, "Counselling sessions", "Centre d’écoute", "300" },
};

static void
add_measure (CareCasePage  *page,
             const Measure *m)
{
  GtkWidget *dialog;
  GtkWidget *add_row = find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Add a Measure");

  /* The "Add a Measure…" row, as clicked. */
  g_assert_nonnull (add_row);
  g_assert_true (gtk_widget_get_visible (add_row));
  g_signal_emit_by_name (add_row, "activate");
  dialog = GTK_WIDGET (find_toplevel (CARE_TYPE_MEASURE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (dialog, "measure.save")));
  choose (dialog, "Category", m->category);
  set_text (dialog, "Description", m->description);
  set_text (dialog, "Provider", m->provider);
  set_text (dialog, "Planned Start", "2015-01-15");
  set_text (dialog, "Planned End", "2015-06-30");
  set_text (dialog, "Budget", m->budget);
  g_assert_true (gtk_widget_is_sensitive (find_action_button (dialog, "measure.save")));
  g_signal_emit_by_name (find_action_button (dialog, "measure.save"), "clicked");
  g_assert_null (find_toplevel (CARE_TYPE_MEASURE_DIALOG));
  g_assert_false (care_case_page_has_unsaved_changes (page));
}

static void
test_first_day (void)
{
  GtkWidget *window, *create_page, *unlock_page, *passphrase, *error_label, *button;
  GtkWidget *calendar, *chip, *row, *dialog;
  CareCasePage *case_page;
  AdwLeaflet *leaflet;
  AdwViewStack *views, *case_stack;
  g_autofree char *number = NULL;
  g_autoptr(CareCase) stored = NULL;
  CarePlanVersion *version;
  CareFollowUp *first = NULL;
  gint64 first_id;
  GDate month;

  g_application_activate (G_APPLICATION (application));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_nonnull (window);

  /* No vault yet: create one — name, the passphrase twice, the recovery
   * key kept, Continue. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "create");
  create_page = find_descendant (window, CARE_TYPE_CREATE_VAULT_PAGE, 0);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (create_page, ADW_TYPE_ENTRY_ROW, 0)), USER);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (create_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0)), PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (create_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 1)), PASSPHRASE);
  gtk_widget_activate_action (create_page, "create.create", NULL);
  wait_for (recovery_key_shown, create_page);
  g_assert_cmpuint (strlen (care_create_vault_page_get_recovery_key (CARE_CREATE_VAULT_PAGE (create_page))), ==, 39);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_descendant (create_page, GTK_TYPE_CHECK_BUTTON, 0)), TRUE);
  gtk_widget_activate_action (create_page, "create.continue", NULL);
  wait_for (vault_is_open, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "workspace");

  /* New Case (Ctrl+N), its summary filled in. */
  leaflet = ADW_LEAFLET (find_descendant (window, ADW_TYPE_LEAFLET, 0));
  gtk_widget_activate_action (window, "workspace.new-case", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
  case_page = CARE_CASE_PAGE (find_descendant (window, CARE_TYPE_CASE_PAGE, 0));
  case_stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (case_page), ADW_TYPE_VIEW_STACK, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (case_stack), ==, "summary");
  g_assert_false (care_case_number_is_set (&care_case_page_get_case (case_page)->number));

  set_text (GTK_WIDGET (case_page), "Family Name", "Mbarga");
  set_text (GTK_WIDGET (case_page), "Given Names", "Chloé");
  choose (GTK_WIDGET (case_page), "Sex", CARE_SEX_FEMALE);
  set_text (GTK_WIDGET (case_page), "Date of Birth", "1994-03-12");
  set_text (GTK_WIDGET (case_page), "Nationality", "CM");
  set_text (GTK_WIDGET (case_page), "Host Country", "FR");
  set_text (GTK_WIDGET (case_page), "Country of Return", "CM");
  set_text (GTK_WIDGET (case_page), "Destination", "Yaoundé");
  set_text (GTK_WIDGET (case_page), "Referral Date", "2014-09-03");
  set_text (GTK_WIDGET (case_page), "Planned Return Date", "2015-01-10");
  choose (GTK_WIDGET (case_page), "Consent to Voluntary Return", CARE_CONSENT_GIVEN);
  set_text (GTK_WIDGET (case_page), "Date of the Consent to Voluntary Return", "2014-09-03");
  choose (GTK_WIDGET (case_page), "Consent to Data Processing", CARE_CONSENT_GIVEN);
  set_text (GTK_WIDGET (case_page), "Date of the Consent to Data Processing", "2014-09-03");
  wait_saved (case_page);

  /* Saved: it has a number, shown as the page's title. */
  g_assert_true (care_case_number_is_set (&care_case_page_get_case (case_page)->number));
  number = care_case_number_format (&care_case_page_get_case (case_page)->number);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (find_descendant (GTK_WIDGET (case_page), ADW_TYPE_WINDOW_TITLE, 0))),
                   ==, number);
  stored = load_case (number);
  g_assert_cmpstr (stored->person->given_names, ==, "Chloé");
  g_assert_cmpint (stored->person->sex, ==, CARE_SEX_FEMALE);
  g_assert_cmpstr (stored->return_country, ==, "CM");
  g_assert_cmpint (stored->consent_data.state, ==, CARE_CONSENT_GIVEN);
  g_clear_pointer (&stored, care_case_free);

  /* A date of birth in the future is refused, the reason beside the field,
   * and nothing of it saved; put right, it saves again. */
  {
    AdwEntryRow *birth_row = find_entry_row (GTK_WIDGET (case_page), "Date of Birth");
    gboolean said = FALSE;

    gtk_editable_set_text (GTK_EDITABLE (birth_row), "2099-01-01");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (birth_row), "error"));
    for (guint i = 0; find_descendant (GTK_WIDGET (birth_row), GTK_TYPE_LABEL, i) != NULL; i++)
      {
        GtkWidget *label = find_descendant (GTK_WIDGET (birth_row), GTK_TYPE_LABEL, i);

        said |= gtk_widget_get_visible (label) &&
                strstr (gtk_label_get_label (GTK_LABEL (label)), "future") != NULL;
      }
    g_assert_true (said);
    care_case_page_flush (case_page);
    g_assert_true (care_case_page_has_unsaved_changes (case_page));
    stored = load_case (number);
    g_assert_cmpuint (stored->person->date_of_birth.year, ==, 1994);
    g_clear_pointer (&stored, care_case_free);
    set_text (GTK_WIDGET (case_page), "Date of Birth", "1994-03-12");
    wait_saved (case_page);
  }

  /* The assessment: a risk level and a factor. */
  adw_view_stack_set_visible_child_name (case_stack, "assessment");
  choose (GTK_WIDGET (case_page), "Overall Risk Level", CARE_RISK_MEDIUM);
  row = find_row (GTK_WIDGET (case_page), ADW_TYPE_ACTION_ROW, "Debt to traffickers");
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)))));
  wait_saved (case_page);
  stored = load_case (number);
  g_assert_cmpint (stored->risk->level, ==, CARE_RISK_MEDIUM);
  g_assert_true (stored->risk->factors & CARE_RISK_FACTOR_DEBT);
  g_clear_pointer (&stored, care_case_free);

  /* Three measures through the dialog, one of each group. */
  adw_view_stack_set_visible_child_name (case_stack, "plan");
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    add_measure (case_page, &measures[i]);
  g_assert_cmpuint (count_rows (find_group (GTK_WIDGET (case_page), "Economic Measures")), ==, 1);
  g_assert_cmpuint (count_rows (find_group (GTK_WIDGET (case_page), "Social Measures")), ==, 1);
  g_assert_cmpuint (count_rows (find_group (GTK_WIDGET (case_page), "Psychosocial Measures")), ==, 1);
  g_assert_nonnull (find_row (GTK_WIDGET (case_page), ADW_TYPE_ACTION_ROW, "Counselling sessions"));

  /* Mark as Agreed: the button, clicked. */
  button = find_action_button (GTK_WIDGET (case_page), "case.agree-plan");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_get_visible (find_row (GTK_WIDGET (case_page), ADW_TYPE_ACTION_ROW, "Add a Measure")));
  wait_saved (case_page);
  stored = load_case (number);
  version = care_plan_get_current (stored->plan);
  g_assert_nonnull (version);
  g_assert_cmpint (version->state, ==, CARE_PLAN_AGREED);
  g_assert_true (care_date_is_set (&version->agreed_on));
  g_assert_cmpuint (version->measures->len, ==, 3);
  g_clear_pointer (&stored, care_case_free);

  /* Arrived on 10 January 2015, consenting to follow-up: contacts scheduled. */
  adw_view_stack_set_visible_child_name (case_stack, "summary");
  set_text (GTK_WIDGET (case_page), "Arrival Date", "2015-01-10");
  choose (GTK_WIDGET (case_page), "Consent to Follow-up", CARE_CONSENT_GIVEN);
  set_text (GTK_WIDGET (case_page), "Date of the Consent to Follow-up", "2014-09-03");
  wait_saved (case_page);
  stored = load_case (number);
  g_assert_cmpuint (stored->followups->len, >=, 4);
  for (guint i = 0; i < stored->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (stored->followups, i);

      if (f->months_after_arrival == 1)
        first = f;
    }
  g_assert_nonnull (first);
  g_assert_false (care_follow_up_is_done (first));
  g_assert_cmpuint (g_date_get_year (&first->due_on), ==, 2015);
  g_assert_cmpuint (g_date_get_month (&first->due_on), ==, 2);
  g_assert_cmpuint (g_date_get_day (&first->due_on), ==, 10);
  first_id = first->id;
  g_clear_pointer (&stored, care_case_free);

  /* Back to the views (Escape), the Follow-ups calendar. */
  gtk_widget_activate_action (GTK_WIDGET (case_page), "case.close", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "views");
  views = ADW_VIEW_STACK (find_descendant (window, ADW_TYPE_VIEW_STACK, 0));
  adw_view_stack_set_visible_child_name (views, "followups");
  calendar = find_descendant (window, CARE_TYPE_FOLLOWUP_CALENDAR, 0);
  wait_for (calendar_loaded, calendar);
  /* February 2015 is a decade of "previous" presses back from today: the
   * calendar's own public function goes there in one step. */
  care_date_set (&month, 2015, 2, 1);
  care_followup_calendar_show_month (CARE_FOLLOWUP_CALENDAR (calendar), &month);
  wait_for (calendar_loaded, calendar);
  chip = find_chip (calendar, number, 10);
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_has_css_class (chip, "overdue"));
  g_assert_null (find_chip (calendar, number, 11));

  /* The chip opens the case on its Follow-up page. */
  g_signal_emit_by_name (chip, "clicked");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (case_stack), ==, "followups");
  row = find_followup_row (case_page, first_id);
  g_assert_nonnull (row);

  /* Record…: done on the 12th, by phone, with scores. */
  button = g_object_get_data (G_OBJECT (row), "care-record-button");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = GTK_WIDGET (find_toplevel (CARE_TYPE_FOLLOWUP_DIALOG));
  g_assert_nonnull (dialog);
  set_text (dialog, "Done On", "2015-02-12");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW, 0)), CARE_FOLLOWUP_PHONE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW, 1)), 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW, 2)), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW, 3)), 2);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_descendant (dialog, GTK_TYPE_TEXT_VIEW, 0))),
                            "Sewing course started.", -1);
  g_assert_true (gtk_widget_is_sensitive (find_action_button (dialog, "followup.save")));
  g_signal_emit_by_name (find_action_button (dialog, "followup.save"), "clicked");
  g_assert_null (find_toplevel (CARE_TYPE_FOLLOWUP_DIALOG));
  wait_saved (case_page);
  row = find_followup_row (case_page, first_id);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Done on"));

  /* Lock (Ctrl+L): nothing of the case left on screen. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "lock", NULL);
  g_assert_null (care_application_get_vault (application));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "unlock");
  g_assert_null (care_case_page_get_case (case_page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (case_page), "Given Names"))), ==, "");

  /* A wrong passphrase: said inline, still locked. */
  unlock_page = find_descendant (window, CARE_TYPE_UNLOCK_PAGE, 0);
  passphrase = find_descendant (unlock_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  error_label = NULL;
  for (guint i = 0; error_label == NULL || !gtk_widget_has_css_class (error_label, "error"); i++)
    {
      error_label = find_descendant (unlock_page, GTK_TYPE_LABEL, i);
      g_assert_nonnull (error_label);
    }
  gtk_editable_set_text (GTK_EDITABLE (passphrase), "river lantern seven apples");
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (label_shown, error_label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Wrong passphrase"));
  g_assert_null (care_application_get_vault (application));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "unlock");

  /* The right one: back where the person was, on the case. */
  gtk_editable_set_text (GTK_EDITABLE (passphrase), PASSPHRASE);
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (vault_is_open, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "workspace");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
  g_assert_nonnull (care_case_page_get_case (case_page));

  /* Everything in the vault, read again. */
  stored = load_case (number);
  g_assert_cmpstr (stored->person->family_name, ==, "Mbarga");
  g_assert_cmpstr (stored->person->given_names, ==, "Chloé");
  g_assert_cmpstr (stored->destination, ==, "Yaoundé");
  g_assert_cmpint (stored->risk->level, ==, CARE_RISK_MEDIUM);
  g_assert_true (stored->risk->factors & CARE_RISK_FACTOR_DEBT);
  version = care_plan_get_current (stored->plan);
  g_assert_cmpint (version->state, ==, CARE_PLAN_AGREED);
  g_assert_cmpuint (version->measures->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      CareMeasure *m = g_ptr_array_index (version->measures, i);

      g_assert_cmpstr (m->description, ==, measures[i].description);
      g_assert_cmpint (m->category, ==, measures[i].category);
      g_assert_cmpint (care_measure_get_group (m), ==, (CareMeasureGroup) i);
    }
  g_assert_cmpint (((CareMeasure *) g_ptr_array_index (version->measures, 0))->budget_cents, ==, 45050);
  first = NULL;
  for (guint i = 0; i < stored->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (stored->followups, i);

      if (f->id == first_id)
        first = f;
      else
        g_assert_false (care_follow_up_is_done (f));
    }
  g_assert_nonnull (first);
  g_assert_true (care_follow_up_is_done (first));
  g_assert_cmpuint (g_date_get_day (&first->done_on), ==, 12);
  g_assert_cmpint (first->mode, ==, CARE_FOLLOWUP_PHONE);
  g_assert_cmpstr (first->who, ==, USER);
  g_assert_cmpuint (first->economic_score, ==, 4);
  g_assert_cmpuint (first->social_score, ==, 3);
  g_assert_cmpuint (first->psychosocial_score, ==, 2);
  g_assert_cmpstr (first->notes, ==, "Sewing course started.");
  g_clear_pointer (&stored, care_case_free);

  /* And on screen: the list, searched without the accent. */
  gtk_widget_activate_action (GTK_WIDGET (case_page), "case.close", NULL);
  adw_view_stack_set_visible_child_name (views, "cases");
  gtk_widget_activate_action (window, "workspace.find", NULL);
  {
    CareCasesView *cases_view = CARE_CASES_VIEW (find_descendant (window, CARE_TYPE_CASES_VIEW, 0));
    GtkWidget *search = find_descendant (GTK_WIDGET (cases_view), GTK_TYPE_SEARCH_ENTRY, 0);
    GtkWidget *column_view = find_descendant (GTK_WIDGET (cases_view), GTK_TYPE_COLUMN_VIEW, 0);
    CountWait wait = { care_cases_view_get_model (cases_view), 0 };
    g_autoptr(CareCaseItem) item = NULL;

    /* Nobody by another name. */
    gtk_editable_set_text (GTK_EDITABLE (search), "okafor");
    wait_for (list_has_count, &wait);

    gtk_editable_set_text (GTK_EDITABLE (search), "mbarga chloe");
    wait.n = 1;
    wait_for (list_has_count, &wait);
    item = g_list_model_get_item (G_LIST_MODEL (wait.model), 0);
    g_assert_cmpstr (care_case_item_get_case_number (item), ==, number);
    g_assert_cmpstr (care_case_item_get_given_names (item), ==, "Chloé");
    g_signal_emit_by_name (column_view, "activate", 0);
  }
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (case_page), "Given Names"))), ==, "Chloé");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (case_page), "Arrival Date"))), ==, "2015-01-10");

  /* The three measures, the plan agreed and read-only. */
  adw_view_stack_set_visible_child_name (case_stack, "plan");
  g_assert_cmpuint (count_rows (find_group (GTK_WIDGET (case_page), "Economic Measures")), ==, 1);
  g_assert_cmpuint (count_rows (find_group (GTK_WIDGET (case_page), "Social Measures")), ==, 1);
  g_assert_cmpuint (count_rows (find_group (GTK_WIDGET (case_page), "Psychosocial Measures")), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    g_assert_nonnull (find_row (GTK_WIDGET (case_page), ADW_TYPE_ACTION_ROW, measures[i].description));
  {
    AdwComboRow *version_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (case_page), ADW_TYPE_COMBO_ROW, "Version"));
    GtkStringObject *selected = adw_combo_row_get_selected_item (version_row);

    g_assert_nonnull (strstr (gtk_string_object_get_string (selected), "agreed"));
  }
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (case_page), "case.agree-plan")));
  g_assert_false (gtk_widget_get_visible (find_row (GTK_WIDGET (case_page), ADW_TYPE_ACTION_ROW, "Add a Measure")));

  /* The recorded follow-up. */
  adw_view_stack_set_visible_child_name (case_stack, "followups");
  row = find_followup_row (case_page, first_id);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Done on"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), USER));

  /* And in the calendar, no longer overdue. */
  gtk_widget_activate_action (GTK_WIDGET (case_page), "case.close", NULL);
  adw_view_stack_set_visible_child_name (views, "followups");
  wait_for (calendar_loaded, calendar);
  care_followup_calendar_show_month (CARE_FOLLOWUP_CALENDAR (calendar), &month);
  wait_for (calendar_loaded, calendar);
  chip = find_chip (calendar, number, 10);
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_has_css_class (chip, "done"));
  g_assert_false (gtk_widget_has_css_class (chip, "overdue"));

  care_application_lock (application);
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

  g_test_add_func ("/flow/first-day", test_first_day);
  status = g_test_run ();

  care_application_lock (application);
  g_clear_object (&application);
  gui_test_remove_home (data_home, vault_path);
  return status;
}
