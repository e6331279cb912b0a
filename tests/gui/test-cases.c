/* test-cases.c — the workspace over a vault of cases, driven through the
 * window's widgets: unlock, the list, accent-blind search, filters, a case
 * opened, a field refused with its reason and nothing saved, a valid edit
 * saved, lock
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
#include "care-demo.h"
#include "care-i18n.h"
#include "care-programme-view.h"
#include "care-store-access.h"
#include "care-unlock-page.h"
#include "care-window.h"
#include "gui-test-util.h"

#define USER       "Amina Diallo"
#define PASSPHRASE "river lantern seven oranges"
#define N_DEMO     150

static CareApplication *application;
static char *vault_path;

static gboolean
programme_counted (gpointer data)
{
  return !care_programme_view_get_loading (data);
}

static gboolean
vault_is_open (gpointer data)
{
  return care_application_get_vault (application) != NULL;
}

static gboolean
list_settled (gpointer data)
{
  return !care_case_list_model_get_loading (data);
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

static gboolean
case_saved (gpointer data)
{
  return !care_case_page_has_unsaved_changes (data);
}

/* The vault a coordinator would have: demo cases, and one whose name has
 * an accent. */
static void
prepare_vault (void)
{
  g_autofree char *recovery_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(CareCase) chloe = care_case_new ();
  GDate today;

  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery_key, &error);
  g_assert_no_error (error);
  settings = care_settings_store_load (vault, &error);
  g_assert_no_error (error);
  care_date_set (&today, 2016, 1, 15);
  care_demo_generate (vault, N_DEMO, 11, settings, &today, NULL, NULL, &error);
  g_assert_no_error (error);

  chloe->person->family_name = g_strdup ("Mbarga");
  chloe->person->given_names = g_strdup ("Chloé");
  chloe->person->sex = CARE_SEX_FEMALE;
  care_birth_date_set_year (&chloe->person->date_of_birth, 1994);
  chloe->person->nationality = g_strdup ("CM");
  chloe->host_country = g_strdup ("FR");
  chloe->return_country = g_strdup ("CM");
  chloe->destination = g_strdup ("Yaoundé");
  care_date_set (&chloe->referral_date, 2014, 2, 3);
  care_date_set (&chloe->planned_return_date, 2014, 6, 1);
  care_consent_give (&chloe->consent_voluntary_return, &chloe->referral_date);
  care_consent_give (&chloe->consent_data, &chloe->referral_date);
  gui_test_store_save (vault, chloe, settings, NULL, &error);
  g_assert_no_error (error);

  care_vault_lock (vault);
}

static CareCase *
load_case (const char *number)
{
  g_autoptr(GError) error = NULL;
  CareCase *c = gui_test_store_load (care_application_get_vault (application), number, &error);

  g_assert_no_error (error);
  return c;
}

static GtkLabel *
message_of (AdwEntryRow *row)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, i);

      g_assert_nonnull (label);
      if (gtk_widget_has_css_class (label, "caption"))
        return GTK_LABEL (label);
    }
}

/* Whether a cell on screen shows TEXT. */
static gboolean
cell_shows (GtkWidget  *column_view,
            const char *text)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *cell = find_descendant (column_view, GTK_TYPE_INSCRIPTION, i);

      if (cell == NULL)
        return FALSE;
      if (gtk_widget_get_mapped (cell) &&
          g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), text) == 0)
        return TRUE;
    }
}

static char *
name_at (CareCaseListModel *model,
         guint              position)
{
  g_autoptr(CareCaseItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  return g_strdup (care_case_item_get_name (item));
}

/* The rows on screen follow every answer in place: a new search shows its
 * own first case where another was, and a selected case that is no longer
 * there is not left selected. */
static void
check_rows_follow_answers (GtkColumnView     *column_view,
                           GtkSearchEntry    *search,
                           CareCaseListModel *model)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));
  g_autofree char *first = name_at (model, 0);
  g_autofree char *chloe = NULL;
  CountWait wait = { model, 1 };

  g_assert_true (cell_shows (GTK_WIDGET (column_view), first));
  gtk_single_selection_set_selected (selection, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "chloe");
  wait_for (list_has_count, &wait);
  chloe = name_at (model, 0);
  g_assert_cmpstr (chloe, ==, "Mbarga, Chloé");
  g_assert_cmpstr (first, !=, chloe);
  g_assert_true (cell_shows (GTK_WIDGET (column_view), chloe));
  g_assert_false (cell_shows (GTK_WIDGET (column_view), first));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  /* Chloé selected, then the search widened: she is still first. */
  gtk_single_selection_set_selected (selection, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait.n = N_DEMO + 1;
  wait_for (list_has_count, &wait);
  g_assert_true (cell_shows (GTK_WIDGET (column_view), first));
}

static gboolean
is_loading (gpointer model)
{
  return care_case_list_model_get_loading (model);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* A quick answer shows no spinner (it would only flicker); a slow one,
 * here held up behind the store, shows it until the answer comes. */
static void
check_spinner (CareCasesView     *cases_view,
               GtkSearchEntry    *search,
               CareCaseListModel *model)
{
  GtkWidget *spinner = find_descendant (GTK_WIDGET (cases_view), GTK_TYPE_SPINNER, 0);
  CountWait wait = { model, 1 };

  g_assert_nonnull (spinner);
  g_assert_false (gtk_widget_get_visible (spinner));
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (care_application_get_vault (application));

    gtk_editable_set_text (GTK_EDITABLE (search), "chloe");
    wait_for (is_loading, model);
    g_assert_false (gtk_widget_get_visible (spinner));
    wait_for (is_visible, spinner);
    g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  }
  wait_for (list_has_count, &wait);
  g_assert_false (gtk_widget_get_visible (spinner));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait.n = N_DEMO + 1;
  wait_for (list_has_count, &wait);
}

/* A click on a column's header sorts by it, in the store: the list's order
 * is the store's for that column, and the rows on screen show it. */
static void
check_sorting (GtkColumnView     *column_view,
               CareCaseListModel *model)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);
  GtkColumnViewColumn *name_column = NULL;
  CareCaseQuery query = { .order = CARE_CASE_ORDER_NAME, .descending = TRUE };
  g_autoptr(GPtrArray) expected = NULL;
  gboolean descending;

  for (guint i = 0; name_column == NULL && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Name") == 0)
        name_column = column;
    }
  g_assert_nonnull (name_column);

  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_DESCENDING);
  g_assert_cmpint (care_case_list_model_get_order (model, &descending), ==, CARE_CASE_ORDER_NAME);
  g_assert_true (descending);
  wait_for (list_settled, model);
  expected = gui_test_store_list (care_application_get_vault (application), &query, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(CareCaseItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (care_case_item_get_case_number (item), ==,
                       ((CareCaseSummary *) g_ptr_array_index (expected, i))->case_number);
    }
  {
    g_autofree char *first = name_at (model, 0);

    g_assert_true (cell_shows (GTK_WIDGET (column_view), first));
  }

  /* No column sorts: the case-number order again. */
  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (care_case_list_model_get_order (model, &descending), ==, CARE_CASE_ORDER_NUMBER);
  g_assert_false (descending);
  wait_for (list_settled, model);
}

static void
test_workspace (void)
{
  CareWindow *window;
  GtkWidget *unlock_page, *passphrase;
  CareCasesView *cases_view;
  CareCasePage *case_page;
  CareCaseListModel *model;
  GtkColumnView *column_view;
  GtkSearchEntry *search;
  GtkCheckButton *minors;
  AdwLeaflet *leaflet;
  AdwEntryRow *birth_row, *destination_row;
  g_autoptr(CareCaseItem) item = NULL;
  g_autoptr(CareCase) stored = NULL;
  g_autofree char *number = NULL;
  g_autofree char *birth_text = NULL;
  CountWait wait;
  guint n_minors = 0;

  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));

  /* Unlock as a person does. */
  unlock_page = find_descendant (GTK_WIDGET (window), CARE_TYPE_UNLOCK_PAGE, 0);
  passphrase = find_descendant (unlock_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  gtk_editable_set_text (GTK_EDITABLE (passphrase), PASSPHRASE);
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (vault_is_open, NULL);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (
                     find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, 0))), ==, USER);

  /* The programme's numbers against its targets, counted when shown. */
  {
    GtkWidget *programme = find_descendant (GTK_WIDGET (window), CARE_TYPE_PROGRAMME_VIEW, 0);
    GtkWidget *bar = find_descendant (programme, GTK_TYPE_PROGRESS_BAR, 0);
    AdwViewStack *views = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, 0));
    g_autofree char *shown = g_strdup (adw_view_stack_get_visible_child_name (views));

    adw_view_stack_set_visible_child_name (views, "programme");
    /* Counted in a worker thread, a spinner meanwhile. */
    wait_for (programme_counted, programme);
    g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), >, 0.0);
    adw_view_stack_set_visible_child_name (views, shown);
  }

  /* Every case in the list, through the column view's model. */
  cases_view = CARE_CASES_VIEW (find_descendant (GTK_WIDGET (window), CARE_TYPE_CASES_VIEW, 0));
  model = care_cases_view_get_model (cases_view);
  wait.model = model;
  wait.n = N_DEMO + 1;
  wait_for (list_has_count, &wait);
  column_view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (cases_view), GTK_TYPE_COLUMN_VIEW, 0));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, N_DEMO + 1);
  check_sorting (column_view, model);

  /* Ctrl+F's action focuses the search field; "chloe" finds Chloé. */
  gtk_widget_activate_action (GTK_WIDGET (window), "workspace.find", NULL);
  search = GTK_SEARCH_ENTRY (find_descendant (GTK_WIDGET (cases_view), GTK_TYPE_SEARCH_ENTRY, 0));
  gtk_editable_set_text (GTK_EDITABLE (search), "chloe");
  wait.n = 1;
  wait_for (list_has_count, &wait);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (care_case_item_get_given_names (item), ==, "Chloé");
  g_assert_cmpstr (care_case_item_get_host_country_name (item), ==, "France");
  number = g_strdup (care_case_item_get_case_number (item));
  g_clear_object (&item);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait.n = N_DEMO + 1;
  wait_for (list_has_count, &wait);
  check_rows_follow_answers (column_view, search, model);
  check_spinner (cases_view, search, model);

  /* Minors only: every row a minor, and as many as the store counts. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait.n = N_DEMO + 1;
  wait_for (list_has_count, &wait);
  minors = GTK_CHECK_BUTTON (find_descendant (GTK_WIDGET (cases_view), GTK_TYPE_CHECK_BUTTON, 0));
  g_assert_cmpstr (gtk_check_button_get_label (minors), ==, "_Minors only");
  gtk_check_button_set_active (minors, TRUE);
  wait_for (list_settled, model);
  {
    CareCaseQuery query = { .minors_only = TRUE };
    g_autoptr(GPtrArray) expected = gui_test_store_list (care_application_get_vault (application), &query, NULL);

    n_minors = g_list_model_get_n_items (G_LIST_MODEL (model));
    g_assert_cmpuint (n_minors, ==, expected->len);
    g_assert_cmpuint (n_minors, >, 0);
    g_assert_cmpuint (n_minors, <, N_DEMO);
    for (guint i = 0; i < n_minors; i++)
      {
        g_autoptr(CareCaseItem) minor = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_assert_true (care_case_item_get_minor (minor));
      }
  }
  gtk_widget_activate_action (GTK_WIDGET (cases_view), "cases.clear-filters", NULL);
  g_assert_false (gtk_check_button_get_active (minors));
  wait.n = N_DEMO + 1;
  wait_for (list_has_count, &wait);

  /* Open Chloé's case by activating its row. */
  gtk_editable_set_text (GTK_EDITABLE (search), "Mbarga Chloé");
  wait.n = 1;
  wait_for (list_has_count, &wait);
  g_signal_emit_by_name (column_view, "activate", 0);
  leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET, 0));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
  case_page = CARE_CASE_PAGE (find_descendant (GTK_WIDGET (window), CARE_TYPE_CASE_PAGE, 0));
  g_assert_cmpstr (care_case_page_get_case (case_page)->person->given_names, ==, "Chloé");

  /* A date of birth in the future: the reason beside the field, nothing saved. */
  birth_row = find_entry_row (GTK_WIDGET (case_page), "Date of Birth");
  g_assert_nonnull (birth_row);
  birth_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (birth_row)));
  g_assert_cmpstr (birth_text, ==, "1994");
  gtk_editable_set_text (GTK_EDITABLE (birth_row), "2099-01-01");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (birth_row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message_of (birth_row))));
  g_assert_nonnull (strstr (gtk_label_get_label (message_of (birth_row)), "future"));
  care_case_page_flush (case_page);
  g_assert_true (care_case_page_has_unsaved_changes (case_page));
  stored = load_case (number);
  g_assert_cmpuint (stored->person->date_of_birth.year, ==, 1994);
  g_clear_pointer (&stored, care_case_free);

  /* Not a date at all: said so, still nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (birth_row), "1994-02-30");
  g_assert_nonnull (strstr (gtk_label_get_label (message_of (birth_row)), "calendar"));
  care_case_page_flush (case_page);
  stored = load_case (number);
  g_assert_cmpuint (stored->person->date_of_birth.year, ==, 1994);
  g_assert_true (care_birth_date_is_year_only (&stored->person->date_of_birth));
  g_clear_pointer (&stored, care_case_free);

  /* Corrected, and a valid edit: saved shortly after, as typed. */
  gtk_editable_set_text (GTK_EDITABLE (birth_row), "1994-03-12");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (birth_row), "error"));
  destination_row = find_entry_row (GTK_WIDGET (case_page), "Destination");
  gtk_editable_set_text (GTK_EDITABLE (destination_row), "Douala");
  wait_for (case_saved, case_page);
  stored = load_case (number);
  g_assert_cmpstr (stored->destination, ==, "Douala");
  g_assert_cmpuint (stored->person->date_of_birth.month, ==, 3);
  g_clear_pointer (&stored, care_case_free);

  /* The plan prints and exports from the page: a PDF, in clear by design. */
  {
    g_autofree char *dir = g_dir_make_tmp ("care-plan-export-XXXXXX", NULL);
    g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GError) export_error = NULL;

    g_assert_true (care_case_page_export_plan (case_page, pdf, &export_error));
    g_assert_no_error (export_error);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_unlink (pdf);
    g_rmdir (dir);
  }

  /* The change is in the case's history, newest first. */
  {
    g_autoptr(GPtrArray) history = gui_test_history_list (care_application_get_vault (application), number, 10, NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < history->len; i++)
      {
        CareHistoryEntry *e = g_ptr_array_index (history, i);

        found |= g_strcmp0 (e->field, "destination") == 0 && g_strcmp0 (e->new_value, "Douala") == 0;
      }
    g_assert_true (found);
  }

  /* An edit pending when the vault locks is saved first. */
  gtk_editable_set_text (GTK_EDITABLE (destination_row), "Kribi");
  g_assert_true (care_case_page_has_unsaved_changes (case_page));
  care_application_lock (application);
  g_assert_null (care_case_page_get_case (case_page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (destination_row)), ==, "");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CareVault) vault = care_vault_open (vault_path, USER, PASSPHRASE, &error);

    g_assert_no_error (error);
    stored = gui_test_store_load (vault, number, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (stored->destination, ==, "Kribi");
    g_clear_pointer (&stored, care_case_free);

    /* Unlocked again: back on the same case. */
    care_application_set_vault (application, vault);
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
    g_assert_nonnull (care_case_page_get_case (case_page));
    g_assert_cmpstr (care_case_page_get_case (case_page)->destination, ==, "Kribi");
  }

  /* New Case (Ctrl+N): an empty case, not saved while invalid. */
  gtk_widget_activate_action (GTK_WIDGET (window), "workspace.new-case", NULL);
  g_assert_null (care_case_page_get_case (case_page)->person->family_name);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (case_page), "Family Name")), "Okafor");
  care_case_page_flush (case_page);
  g_assert_true (care_case_page_has_unsaved_changes (case_page));
  g_assert_false (care_case_number_is_set (&care_case_page_get_case (case_page)->number));

  gtk_widget_activate_action (GTK_WIDGET (case_page), "case.close", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "views");
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

  g_test_add_func ("/cases/workspace", test_workspace);
  status = g_test_run ();

  care_application_lock (application);
  g_clear_object (&application);
  gui_test_remove_home (data_home, vault_path);
  return status;
}
