/* test-accessibility.c — what a screen reader and a keyboard find: every
 * control a person types into, ticks, switches or chooses from, on every
 * page of the unlocked window (the four views, each page of a case, its
 * dialogs) and of Preferences, has an accessible name; on the list of
 * cases and on every page of a case, Tab reaches each control in the order
 * they are laid out, top to bottom, without getting stuck, then leaves the
 * page (a list of cases is one stop, however long)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-accessible.h"
#include "care-application.h"
#include "care-case-documents.h"
#include "care-case-page.h"
#include "care-case-store.h"
#include "care-cases-view.h"
#include "care-demo.h"
#include "care-document-store.h"
#include "care-followup-calendar.h"
#include "care-followup-dialog.h"
#include "care-i18n.h"
#include "care-measure-dialog.h"
#include "care-partner-dialog.h"
#include "care-partners-view.h"
#include "care-person-dialog.h"
#include "care-preferences-window.h"
#include "care-store-access.h"
#include "care-unlock-page.h"
#include "care-window.h"
#include "gui-test-util.h"

#define USER       "Amina Diallo"
#define PASSPHRASE "river lantern seven oranges"
#define N_DEMO     40

static CareApplication *application;
static char *vault_path;

static gboolean
vault_is_open (gpointer data)
{
  return care_application_get_vault (application) != NULL;
}

static gboolean
list_loaded (gpointer data)
{
  return !care_case_list_model_get_loading (data) && g_list_model_get_n_items (data) > 0;
}

static gboolean
calendar_loaded (gpointer data)
{
  return !care_followup_calendar_get_loading (data);
}

static void
prepare_vault (void)
{
  g_autofree char *recovery_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSettings) settings = NULL;
  GDate today;

  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery_key, &error);
  g_assert_no_error (error);
  settings = care_settings_store_load (vault, &error);
  g_assert_no_error (error);
  care_date_set (&today, 2016, 1, 15);
  care_demo_generate (vault, N_DEMO, 7, settings, &today, NULL, NULL, &error);
  g_assert_no_error (error);
  care_vault_lock (vault);
}

/* On screen, as far as the widget tree says: itself and every ancestor
 * visible, and neither a stack's page that is not on top nor folded away
 * in a revealer (the caller brings each page on top in turn). */
static gboolean
is_shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w) ||
        (GTK_IS_REVEALER (w) && !gtk_revealer_get_reveal_child (GTK_REVEALER (w))))
      return FALSE;
  return TRUE;
}

/* A control a person types into, ticks, switches or chooses from. The
 * text of an entry, a spin button or a search field is the entry's: the
 * name is the entry's. */
static GtkWidget *
control_of (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    {
      /* The text inside an entry, an entry row, a spin button or a search
       * field is presented as part of it (role "none"): the name a
       * screen reader announces is that of the editable around it. */
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_NONE)
        {
          for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
            if (GTK_IS_EDITABLE (w))
              return w;
          g_error ("A text field outside any entry");
        }
      return widget;
    }
  if (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
      GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget) || GTK_IS_TEXT_VIEW (widget) ||
      GTK_IS_SCALE (widget))
    return widget;
  /* Buttons a person reaches with Tab: those with an icon alone most of
   * all. Not a spin button's own − and + (out of the Tab order: the arrow
   * keys do it), nor libadwaita's own "Show Text" in a passphrase row,
   * which it labels with a tooltip only (the library's to fix). */
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) == NULL &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_PASSWORD_ENTRY_ROW) == NULL)
    return widget;
  return NULL;
}

/* A button showing an icon alone: GTK labels it by the image, which has no
 * name of its own, so only an accessible label names it. */
static gboolean
is_icon_button (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL;
  return GTK_IS_BUTTON (widget) && child != NULL && GTK_IS_IMAGE (child) && gtk_widget_get_next_sibling (child) == NULL;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *a = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *differs = gtk_test_accessible_check_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL, "");

      if (differs != NULL)
        return TRUE;
    }
  if (is_icon_button (widget))
    return FALSE;
  if (gtk_test_accessible_has_relation (a, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

      /* A row's controls are labelled by its title: an empty one says nothing. */
      if (row != NULL && (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) == NULL ||
                          *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) == '\0'))
        return FALSE;
      g_autofree char *differs = gtk_test_accessible_check_relation (a, GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);

      if (differs != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A label with a mnemonic ("_Undo") is said once and without its
 * underscore: GTK 4.8 would name the button by its raw label and then by
 * the label it is labelled by ("_Undo Undo"), which care-accessible.c
 * undoes whenever a button is shown. */
static gboolean
named_once (GtkWidget *widget)
{
  GtkAccessible *a = GTK_ACCESSIBLE (widget);
  const char *label = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *differs = NULL;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (label == NULL || strchr (label, '_') == NULL || !gtk_widget_get_mapped (widget))
    return TRUE;
  if (gtk_test_accessible_has_relation (a, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  plain = care_accessible_strip_mnemonic (label);
  differs = gtk_test_accessible_check_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL, plain);
  return differs == NULL;
}

static char *
describe (GtkWidget *widget)
{
  GString *s = g_string_new (G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_ROW (w))
      {
        g_string_append_printf (s, " in row “%s”", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
        break;
      }
    else if (ADW_IS_PREFERENCES_GROUP (w) && adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)) != NULL)
      {
        g_string_append_printf (s, " in group “%s”", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)));
        break;
      }
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (s, " icon %s", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL)
    g_string_append_printf (s, " icon %s", gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (s, " (tooltip “%s”)", gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    g_string_append_printf (s, " “%s”", gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  return g_string_free (s, FALSE);
}

/* Every shown control under ROOT without an accessible name, appended to
 * MISSING; returns how many controls were looked at. */
static guint
check_names (GtkWidget  *root,
             const char *where,
             GString    *missing)
{
  GQueue queue = G_QUEUE_INIT;
  guint n = 0;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);
      GtkWidget *control = control_of (widget);

      if (control != NULL && is_shown (control))
        {
          n++;
          if (!has_name (control))
            {
              g_autofree char *what = describe (control);

              g_string_append_printf (missing, "%s: %s\n", where, what);
            }
          else if (!named_once (control))
            {
              g_autofree char *what = describe (control);

              g_string_append_printf (missing, "%s: %s is named with its underscore, or twice\n", where, what);
            }
        }
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  return n;
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

static void
unlock (GtkWidget *window)
{
  GtkWidget *unlock_page = find_descendant (window, CARE_TYPE_UNLOCK_PAGE, 0);

  gtk_editable_set_text (GTK_EDITABLE (find_descendant (unlock_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0)), PASSPHRASE);
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (vault_is_open, NULL);
}

/* A case far enough along to have a plan and follow-ups, opened. */
static CareCasePage *
open_followed_case (GtkWidget *window)
{
  CareCasesView *cases_view = CARE_CASES_VIEW (find_descendant (window, CARE_TYPE_CASES_VIEW, 0));
  CareCaseListModel *model = care_cases_view_get_model (cases_view);
  CareCasePage *page = CARE_CASE_PAGE (find_descendant (window, CARE_TYPE_CASE_PAGE, 0));

  wait_for (list_loaded, model);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CareCaseItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (care_case_item_get_status (item) == CARE_CASE_IN_FOLLOW_UP)
        {
          g_signal_emit_by_name (cases_view, "case-activated", care_case_item_get_case_number (item));
          break;
        }
    }
  g_assert_nonnull (care_case_page_get_case (page));
  g_assert_cmpuint (care_case_page_get_case (page)->followups->len, >, 0);
  return page;
}

static void
attach_letter (CareCasePage *page)
{
  CareVault *vault = care_application_get_vault (application);
  g_autofree char *number = care_case_number_format (&care_case_page_get_case (page)->number);
  g_autoptr(GBytes) letter = g_bytes_new_static ("A letter\n", 9);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

    g_assert_cmpint (care_document_store_attach (vault, number, "Letter", "letter.txt", letter, &error), >, 0);
    g_assert_no_error (error);
  }
  care_case_documents_reload (CARE_CASE_DOCUMENTS (find_descendant (GTK_WIDGET (page), CARE_TYPE_CASE_DOCUMENTS, 0)));
}

static void
test_names (void)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  static const char *views[] = { "cases", "followups", "programme", "partners" };
  static const char *case_pages[] = { "summary", "assessment", "plan", "arrival", "followups", "documents", "history" };
  GtkWidget *window, *prefs, *dialog;
  AdwViewStack *view_stack, *case_stack;
  CareCasePage *page;
  guint n = 0;

  g_application_activate (G_APPLICATION (application));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (application)));

  /* Before unlocking: the unlock page. */
  n += check_names (window, "unlock page", missing);
  unlock (window);

  /* The four views. */
  view_stack = ADW_VIEW_STACK (find_descendant (window, ADW_TYPE_VIEW_STACK, 0));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      adw_view_stack_set_visible_child_name (view_stack, views[i]);
      if (g_str_equal (views[i], "followups"))
        wait_for (calendar_loaded, find_descendant (window, CARE_TYPE_FOLLOWUP_CALENDAR, 0));
      n += check_names (adw_view_stack_get_visible_child (view_stack), views[i], missing);
    }

  /* The partners' dialog. */
  gtk_widget_activate_action (find_descendant (window, CARE_TYPE_PARTNERS_VIEW, 0), "partners.add", NULL);
  dialog = GTK_WIDGET (find_toplevel (CARE_TYPE_PARTNER_DIALOG));
  g_assert_nonnull (dialog);
  n += check_names (dialog, "partner dialog", missing);
  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_view_stack_set_visible_child_name (view_stack, "cases");

  /* Every page of a case, its Documents with a file in them. */
  page = open_followed_case (window);
  attach_letter (page);
  case_stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, 0));
  for (guint i = 0; i < G_N_ELEMENTS (case_pages); i++)
    {
      g_autofree char *where = g_strconcat ("case, ", case_pages[i], NULL);

      adw_view_stack_set_visible_child_name (case_stack, case_pages[i]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (case_stack), ==, case_pages[i]);
      n += check_names (adw_view_stack_get_visible_child (case_stack), where, missing);
    }

  /* Its dialogs: a follow-up recorded, a measure (on a draft). */
  {
    const CareCase *c = care_case_page_get_case (page);
    CareFollowUp *f = g_ptr_array_index (c->followups, 0);

    gtk_widget_activate_action (GTK_WIDGET (page), "case.record-followup", "x", f->id);
    dialog = GTK_WIDGET (find_toplevel (CARE_TYPE_FOLLOWUP_DIALOG));
    g_assert_nonnull (dialog);
    n += check_names (dialog, "follow-up dialog", missing);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW)), "case.add-measure"))
    gtk_widget_activate_action (GTK_WIDGET (page), "case.amend-plan", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "case.add-measure", NULL);
  dialog = GTK_WIDGET (find_toplevel (CARE_TYPE_MEASURE_DIALOG));
  g_assert_nonnull (dialog);
  n += check_names (dialog, "measure dialog", missing);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Preferences (Ctrl+,), every page. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  prefs = GTK_WIDGET (find_toplevel (CARE_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  {
    AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (prefs, ADW_TYPE_VIEW_STACK, 0));
    g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
    guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));

    g_assert_cmpuint (n_pages, >=, 2);
    for (guint i = 0; i < n_pages; i++)
      {
        g_autoptr(AdwViewStackPage) stack_page = g_list_model_get_item (G_LIST_MODEL (pages), i);
        g_autofree char *where = g_strconcat ("Preferences, ", adw_view_stack_page_get_title (stack_page), NULL);

        adw_view_stack_set_visible_child (stack, adw_view_stack_page_get_child (stack_page));
        n += check_names (prefs, where, missing);
      }
  }
  /* Add a person who can open the vault: its dialog. */
  gtk_widget_activate_action (prefs, "prefs.add-person", NULL);
  dialog = GTK_WIDGET (find_toplevel (CARE_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  n += check_names (dialog, "person dialog", missing);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (prefs));

  g_test_message ("%u controls looked at", n);
  g_assert_cmpuint (n, >, 60);
  if (missing->len > 0)
    g_error ("Controls without an accessible name:\n%s", missing->str);

  care_application_lock (application);
}

/* What Tab stops at to act on: the editable controls, buttons, and the
 * rows that do something when activated (a measure, "Add a Measure…").
 * A row whose activatable widget is a switch or a check button is that
 * control's label: the control is the stop. READ_ROWS: on a page with
 * nothing to edit (History), the rows themselves, which Tab reads in turn. */
static gboolean
is_stop (GtkWidget *widget,
         gboolean   read_rows)
{
  if (ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) || GTK_IS_SPIN_BUTTON (widget) ||
      GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
      GTK_IS_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_COLUMN_VIEW (widget) ||
      GTK_IS_LIST_VIEW (widget) || GTK_IS_MENU_BUTTON (widget))
    return TRUE;
  if (GTK_IS_BUTTON (widget))
    return gtk_widget_get_focusable (widget);
  if (ADW_IS_ACTION_ROW (widget))
    return (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
            adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget)) == NULL) ||
           (read_rows && gtk_widget_get_focusable (widget));
  return FALSE;
}

/* The stops under WIDGET that a person can reach: shown and sensitive. */
static void
collect_stops (GtkWidget *widget,
               gboolean   read_rows,
               GPtrArray *stops)
{
  gboolean stop = is_stop (widget, read_rows);

  if (stop && is_shown (widget) && gtk_widget_is_sensitive (widget))
    g_ptr_array_add (stops, widget);
  /* An entry, a combo row, a list or a menu button is one stop, whatever
   * it is made of; a row's own buttons are stops after it. */
  if (stop && (!ADW_IS_ACTION_ROW (widget) || ADW_IS_COMBO_ROW (widget)))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_stops (c, read_rows, stops);
}

static const char *
title_of (GtkWidget *widget)
{
  static char text[256];
  GtkWidget *row;

  if (widget == NULL)
    return "(none)";
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (widget));
  row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  g_snprintf (text, sizeof text, "%s%s%s", G_OBJECT_TYPE_NAME (widget), row != NULL ? " in " : "",
              row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "");
  return text;
}

typedef struct {
  GtkWidget       *widget;
  graphene_rect_t  bounds;
} Stop;

/* The rows of the boxed lists under WIDGET: below the last control of a
 * page, those that only say something (Status, the measures of an agreed
 * plan…) may take the focus on the way out, once each. */
static guint
count_rows (GtkWidget *widget)
{
  guint n = GTK_IS_LIST_BOX_ROW (widget) && is_shown (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c);
  return n;
}

static int
compare_stops (gconstpointer a,
               gconstpointer b)
{
  const Stop *x = a, *y = b;

  /* Top to bottom, then left to right; a row before the buttons it holds. */
  if (x->bounds.origin.y + 0.5 < y->bounds.origin.y)
    return -1;
  if (y->bounds.origin.y + 0.5 < x->bounds.origin.y)
    return 1;
  return (x->bounds.origin.x > y->bounds.origin.x) - (x->bounds.origin.x < y->bounds.origin.x);
}

static gboolean
stops_allocated (gpointer data)
{
  GPtrArray *stops = data;

  for (guint i = 0; i < stops->len; i++)
    if (gtk_widget_get_width (g_ptr_array_index (stops, i)) == 0)
      return FALSE;
  return TRUE;
}

/* The stop FOCUS is in, if any. */
static GtkWidget *
stop_of (GtkWidget *focus,
         GArray    *stops)
{
  GtkWidget *found = NULL;

  /* The innermost: a measure row's remove button, not the row. */
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *w = g_array_index (stops, Stop, i).widget;

      if ((focus == w || gtk_widget_is_ancestor (focus, w)) &&
          (found == NULL || gtk_widget_is_ancestor (w, found)))
        found = w;
    }
  return found;
}

/* Tab from the first stop of PAGE: every stop after it, in the order they
 * are laid out on screen, none skipped, none holding the focus; Shift+Tab
 * back up to the first. Returns how many stops there were. */
static guint
check_tab_order (GtkWidget  *window,
                 GtkWidget  *page,
                 const char *name,
                 gboolean    read_rows)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autoptr(GArray) stops = g_array_new (FALSE, FALSE, sizeof (Stop));
  GtkWidget *focus, *first, *previous = NULL;
  guint reached = 1, presses = 0, max_presses;

  collect_stops (page, read_rows, widgets);
  g_assert_cmpuint (widgets->len, >=, 1);
  wait_for (stops_allocated, widgets);
  for (guint i = 0; i < widgets->len; i++)
    {
      Stop stop = { g_ptr_array_index (widgets, i) };

      g_assert_true (gtk_widget_compute_bounds (stop.widget, page, &stop.bounds));
      g_array_append_val (stops, stop);
    }
  g_array_sort (stops, compare_stops);
  first = g_array_index (stops, Stop, 0).widget;

  g_assert_true (gtk_widget_grab_focus (first));
  while (reached < stops->len)
    {
      GtkWidget *stop, *expected = g_array_index (stops, Stop, reached).widget;
      GtkWidget *last = g_array_index (stops, Stop, reached - 1).widget;

      if (++presses > 4 * stops->len + 40)
        g_error ("%s: Tab never reached “%s” after “%s”", name, title_of (expected), title_of (last));
      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        g_error ("%s: Tab left the window after “%s”", name, title_of (last));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      if (focus == previous)
        g_error ("%s: Tab stuck on a %s after “%s”", name, G_OBJECT_TYPE_NAME (focus), title_of (last));
      previous = focus;
      if (!gtk_widget_is_ancestor (focus, page))
        g_error ("%s: Tab left the page for a %s after “%s”, before “%s”", name,
                 G_OBJECT_TYPE_NAME (focus), title_of (last), title_of (expected));
      stop = stop_of (focus, stops);
      if (stop == NULL || stop == last)
        continue;
      if (stop != expected)
        g_error ("%s: Tab went from “%s” to “%s”, not to “%s”", name,
                 title_of (last), title_of (stop), title_of (expected));
      reached++;
    }
  g_test_message ("%s: %u stops in %u presses of Tab", name, stops->len, presses);

  /* Past the last stop, Tab leaves the page: a list is one stop, not as
   * many as it has rows (100,000 cases would hold a keyboard for ever). */
  max_presses = count_rows (page) + 2;
  for (presses = 0; gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), page); presses++)
    {
      if (presses == max_presses)
        g_error ("%s: Tab still on a %s in the page %u presses after “%s”", name,
                 G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))), presses,
                 title_of (g_array_index (stops, Stop, stops->len - 1).widget));
      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
    }
  gtk_widget_grab_focus (g_array_index (stops, Stop, stops->len - 1).widget);

  for (guint i = 0; i < 4 * stops->len + 40; i++)
    {
      gtk_widget_child_focus (window, GTK_DIR_TAB_BACKWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && stop_of (focus, stops) == first)
        break;
    }
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (stop_of (focus, stops) == first);
  return stops->len;
}

static gboolean
is_editable_stop (gpointer widget,
                  gpointer unused)
{
  return ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget);
}

/* The grid of the month's days: the one that holds the chips (the jump
 * calendar's own grids are in a popover). */
static GtkWidget *
month_grid_of (GtkWidget *calendar)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *grid = find_descendant (calendar, GTK_TYPE_GRID, i);

      g_assert_nonnull (grid);
      if (gtk_widget_get_ancestor (grid, GTK_TYPE_POPOVER) == NULL && find_descendant (grid, GTK_TYPE_BUTTON, 0) != NULL)
        return grid;
    }
}

/* More buttons than the month's previous, today, next and menu: chips. */
static gboolean
has_chips (gpointer calendar)
{
  return find_descendant (calendar, GTK_TYPE_BUTTON, 4) != NULL;
}

/* The calendar on the month with the most follow-ups, so that it has
 * chips to reach. */
static void
show_month_with_followups (GtkWidget *window)
{
  CareFollowupCalendar *calendar = CARE_FOLLOWUP_CALENDAR (find_descendant (window, CARE_TYPE_FOLLOWUP_CALENDAR, 0));
  g_autoptr(GPtrArray) rows = NULL;
  const GDate *busiest = NULL;
  guint most = 0;

  /* The views' workers use the same connection: one at a time. */
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (care_application_get_vault (application));

    rows = care_case_store_list_followups (care_application_get_vault (application), NULL, NULL, FALSE, NULL, NULL);
  }

  g_assert_nonnull (rows);
  /* Ordered by due date: a month's follow-ups are a run. */
  for (guint i = 0, run = 0; i < rows->len; i++)
    {
      const GDate *due = &((CareFollowUpRow *) g_ptr_array_index (rows, i))->due_on;
      const GDate *before = i > 0 ? &((CareFollowUpRow *) g_ptr_array_index (rows, i - 1))->due_on : NULL;

      if (!g_date_valid (due))
        continue;
      run = before != NULL && g_date_valid (before) && g_date_get_year (before) == g_date_get_year (due) &&
            g_date_get_month (before) == g_date_get_month (due) ? run + 1 : 1;
      if (run > most)
        {
          most = run;
          busiest = due;
        }
    }
  g_assert_nonnull (busiest);
  care_followup_calendar_set_today (calendar, busiest);
  care_followup_calendar_show_month (calendar, busiest);
  wait_for (calendar_loaded, calendar);
  wait_for (has_chips, calendar);
}

static void
test_tab_order (void)
{
  static const char *case_pages[] = { "summary", "assessment", "plan", "arrival", "followups", "documents", "history" };
  /* Programme has nothing to operate: numbers and charts. */
  static const char *views[] = { "followups", "partners" };
  GtkWidget *window, *summary, *cases;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  AdwViewStack *view_stack, *case_stack;
  CareCasePage *page;
  guint n_fields = 0;

  g_application_activate (G_APPLICATION (application));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (application)));
  if (care_application_get_vault (application) == NULL)
    unlock (window);

  /* The list of cases: search, filters, then the list. The case the last
   * test left open is closed first, as Escape would. */
  page = CARE_CASE_PAGE (find_descendant (window, CARE_TYPE_CASE_PAGE, 0));
  if (care_case_page_get_case (page) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (page), "case.close", NULL);
  view_stack = ADW_VIEW_STACK (find_descendant (window, ADW_TYPE_VIEW_STACK, 0));
  adw_view_stack_set_visible_child_name (view_stack, "cases");
  cases = adw_view_stack_get_visible_child (view_stack);
  wait_for (list_loaded, care_cases_view_get_model (CARE_CASES_VIEW (find_descendant (window, CARE_TYPE_CASES_VIEW, 0))));
  g_assert_cmpuint (check_tab_order (window, cases, "cases", FALSE), >=, 3);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      adw_view_stack_set_visible_child_name (view_stack, views[i]);
      if (g_str_equal (views[i], "followups"))
        {
          GtkWidget *calendar = find_descendant (window, CARE_TYPE_FOLLOWUP_CALENDAR, 0);

          show_month_with_followups (window);
          /* Two panes, each read from its top: the month, whose every chip
           * and "more" button is reached, then the lists beside it. */
          g_assert_cmpuint (check_tab_order (window, month_grid_of (calendar), "the month", FALSE), >=, 3);
          g_assert_cmpuint (check_tab_order (window, gtk_widget_get_parent (find_descendant (calendar, GTK_TYPE_LIST_BOX, 0)),
                                             "this week and overdue", FALSE), >=, 1);
          continue;
        }
      g_assert_cmpuint (check_tab_order (window, adw_view_stack_get_visible_child (view_stack), views[i], FALSE), >=, 2);
    }
  adw_view_stack_set_visible_child_name (view_stack, "cases");

  page = open_followed_case (window);
  case_stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, 0));

  /* The summary's own fields, all of them, from the family name on. */
  adw_view_stack_set_visible_child_name (case_stack, "summary");
  summary = adw_view_stack_get_visible_child (case_stack);
  collect_stops (summary, FALSE, fields);
  for (guint i = 0; i < fields->len; i++)
    n_fields += is_editable_stop (g_ptr_array_index (fields, i), NULL);
  g_assert_cmpuint (n_fields, >=, 15);
  g_assert_cmpstr (title_of (g_ptr_array_index (fields, 0)), ==, "_Family Name");
  g_assert_true (find_entry_row (summary, "Arrival Date") != NULL &&
                 g_ptr_array_find (fields, find_entry_row (summary, "Arrival Date"), NULL));

  /* A change or two, so that the history has rows to read. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (summary, "Destination")), "Kano");
  care_case_page_flush (page);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (summary, "Destination")), "Kaduna");
  care_case_page_flush (page);
  g_assert_false (care_case_page_has_unsaved_changes (page));

  for (guint i = 0; i < G_N_ELEMENTS (case_pages); i++)
    {
      gboolean history = g_str_equal (case_pages[i], "history");

      adw_view_stack_set_visible_child_name (case_stack, case_pages[i]);
      g_assert_cmpuint (check_tab_order (window, adw_view_stack_get_visible_child (case_stack), case_pages[i], history),
                        >=, history ? 3 : 1);
    }

  /* A draft plan has more to reach: each measure, its Remove button. */
  adw_view_stack_set_visible_child_name (case_stack, "plan");
  if (care_plan_version_is_frozen (care_plan_get_current (care_case_page_get_case (page)->plan)))
    gtk_widget_activate_action (GTK_WIDGET (page), "case.amend-plan", NULL);
  g_assert_nonnull (find_action_button (adw_view_stack_get_visible_child (case_stack), "case.remove-measure"));
  check_tab_order (window, adw_view_stack_get_visible_child (case_stack), "plan (draft)", FALSE);

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
  /* GTK's test accessibility backend: what a screen reader would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  prepare_vault ();

  application = care_application_new ();
  gui_test_register_application (G_APPLICATION (application));

  g_test_add_func ("/accessibility/names", test_names);
  g_test_add_func ("/accessibility/tab-order", test_tab_order);
  status = g_test_run ();

  care_application_lock (application);
  g_clear_object (&application);
  gui_test_remove_home (data_home, vault_path);
  return status;
}
