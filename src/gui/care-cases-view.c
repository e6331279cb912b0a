/* care-cases-view.c — the list of cases, with search and filters
 *
 * A GtkColumnView over CareCaseListModel: one widget per visible row, not
 * per case, so 100,000 cases scroll as smoothly as 100. The search, the
 * filters and the order go to the store (accent-blind full-text search),
 * which answers in a worker thread; the spinner beside the field shows that
 * it is working. A new answer rewrites the rows on screen in place (their
 * items emit "changed"), so a keystroke costs the window a few labels, not
 * a few hundred new widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cases-view"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-store.h"
#include "care-cases-view.h"
#include "care-country.h"
#include "care-store-access.h"

struct _CareCasesView
{
  GtkWidget             parent_instance;

  CareVault            *vault;
  CareCaseListModel    *model;
  GtkSingleSelection   *selection;
  char                 *selected_case;  /* case number of the selected row */
  gboolean              back_to_top;    /* the next answer is for a new search, filter or order */
  guint                 spinner_id;     /* shows the spinner if the answer is slow to come */
  GPtrArray            *host_codes;     /* char *, in the order of the drop-down, after "Any" */
  gboolean              updating_filters;

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkSpinner           *spinner;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *host_dropdown;
  GtkCheckButton       *minors_check;
  GtkCheckButton       *overdue_check;
  GtkStack             *content_stack;
  GtkColumnView        *column_view;
  AdwStatusPage        *error_page;
  GtkLabel             *count_label;
  GtkColumnViewColumn  *number_column;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *host_column;
  GtkColumnViewColumn  *return_column;
  GtkColumnViewColumn  *status_column;
  GtkColumnViewColumn  *minor_column;
  GtkColumnViewColumn  *followup_column;
};

G_DEFINE_FINAL_TYPE (CareCasesView, care_cases_view, GTK_TYPE_WIDGET)

/* Long enough that a quick answer never shows a spinner, short enough
 * that a slow one is seen to be under way. */
#define SPINNER_DELAY_MS 150

enum {
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each column shows and how the store orders by it. */
typedef struct {
  const char    *property;      /* of CareCaseItem, shown in the cell */
  CareCaseOrder  order;
} ColumnSpec;

static const ColumnSpec number_spec = { "case-number", CARE_CASE_ORDER_NUMBER };
static const ColumnSpec name_spec = { "name", CARE_CASE_ORDER_NAME };
static const ColumnSpec host_spec = { "host-country-name", CARE_CASE_ORDER_HOST_COUNTRY };
static const ColumnSpec return_spec = { "return-country-name", CARE_CASE_ORDER_RETURN_COUNTRY };
static const ColumnSpec status_spec = { "status-label", CARE_CASE_ORDER_STATUS };
static const ColumnSpec minor_spec = { "minor", CARE_CASE_ORDER_MINOR };
static const ColumnSpec followup_spec = { "next-followup", CARE_CASE_ORDER_NEXT_FOLLOWUP };

#define SPEC_KEY "care-column-spec"

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const ColumnSpec         *spec)
{
  /* A GtkInscription, not a GtkLabel: sized without laying out its text, so
   * the rows that a new search answer brings are quick to make. */
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (spec == &number_spec || spec == &followup_spec)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), SPEC_KEY, (gpointer) spec);
  gtk_list_item_set_child (list_item, label);
}

/* Whether the first letter of TEXT is of a script written right to left. */
static gboolean
starts_right_to_left (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isalpha (ch))
        continue;
      switch (g_unichar_get_script (ch))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_ADLAM:
          return TRUE;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

/* Shows ITEM in LABEL; again whenever ITEM changes. */
static void
show_item_cb (CareCaseItem *item,
              GtkWidget    *label)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (label), SPEC_KEY);

  if (spec == &minor_spec)
    {
      /* Translators: in the Minor column of the list of cases */
      gtk_inscription_set_text (GTK_INSCRIPTION (label), care_case_item_get_minor (item) ? C_("minor", "Yes") : "");
      return;
    }
  if (spec == &followup_spec)
    {
      gboolean overdue = care_case_item_get_overdue_followups (item) > 0;

      gtk_inscription_set_text (GTK_INSCRIPTION (label), care_case_item_get_next_followup (item));
      /* Setting a tooltip asks the X server where the pointer is: only
       * when the row's state changes, not for every row of every answer. */
      if (overdue == gtk_widget_has_css_class (label, "error"))
        return;
      if (overdue)
        {
          gtk_widget_add_css_class (label, "error");
          gtk_widget_set_tooltip_text (label, _("A follow-up is overdue"));
        }
      else
        {
          gtk_widget_remove_css_class (label, "error");
          gtk_widget_set_tooltip_text (label, NULL);
        }
      return;
    }

  {
    g_autofree char *text = NULL;

    g_object_get (item, spec->property, &text, NULL);
    if (text != NULL && starts_right_to_left (text))
      {
        /* A name in Arabic script would set its cell's direction and sit
         * at the right edge of a column whose other names start at the
         * left: a left-to-right mark before it keeps the column aligned,
         * and the name itself still reads right to left. */
        char *marked = g_strconcat ("\u200E", text, NULL);

        g_free (text);
        text = marked;
      }
    gtk_inscription_set_text (GTK_INSCRIPTION (label), text != NULL ? text : "");
  }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const ColumnSpec         *spec)
{
  CareCaseItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  show_item_cb (item, label);
  g_signal_connect_object (item, "changed", G_CALLBACK (show_item_cb), label, 0);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                const ColumnSpec         *spec)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), show_item_cb,
                                        gtk_list_item_get_child (list_item));
}

/* GTK 4.8 cannot say which column the column view is sorted by
 * (gtk_column_view_sorter_get_primary_sort_column is 4.10), and the store,
 * not a GtkSortListModel, sorts the list. So the columns' sorters are only
 * asked about two probes: the column view's sorter consults its primary
 * column first, whose sorter writes its column on the probe and answers
 * "smaller"; the column view turns that into "larger" when the column is
 * sorted in descending order. */
static int
probe_compare (gconstpointer probe,
               gconstpointer other,
               gpointer      spec)
{
  g_object_set_data (G_OBJECT (probe), SPEC_KEY, spec);
  return -1;
}

static void
sorter_changed_cb (CareCasesView *self)
{
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) other = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), probe, other);
  const ColumnSpec *spec = g_object_get_data (probe, SPEC_KEY);

  self->back_to_top = TRUE;
  if (ordering == GTK_ORDERING_EQUAL || spec == NULL)
    care_case_list_model_set_order (self->model, CARE_CASE_ORDER_NUMBER, FALSE);
  else
    care_case_list_model_set_order (self->model, spec->order, ordering == GTK_ORDERING_LARGER);
}

static void
setup_column (GtkColumnViewColumn *column,
              const ColumnSpec    *spec)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), (gpointer) spec);
  gtk_column_view_column_set_factory (column, factory);

  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, (gpointer) spec, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
}

static void
update_count (CareCasesView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;

  /* The first rows of a long answer may be on screen: the count waits for
   * the whole answer. */
  if (care_case_list_model_get_loading (self->model) && self->vault != NULL)
    return;
  if (self->vault == NULL)
    text = g_strdup ("");
  else if (care_case_list_model_is_filtered (self->model))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matching case", "%u matching cases", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", n), n);
  gtk_label_set_label (self->count_label, text);
}

static void
show_spinner (CareCasesView *self,
              gboolean       busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->column_view),
                               GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
}

static gboolean
spinner_delay_cb (gpointer user_data)
{
  CareCasesView *self = user_data;

  self->spinner_id = 0;
  show_spinner (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Most answers come within a frame or two: a spinner shown for each
 * keystroke would only flicker, and drawing it would make every answer
 * wait for a frame. It appears when an answer is slow to come. */
static void
show_spinner_if_slow (CareCasesView *self,
                      gboolean       loading)
{
  if (!loading)
    {
      g_clear_handle_id (&self->spinner_id, g_source_remove);
      show_spinner (self, FALSE);
    }
  else if (self->spinner_id == 0 && !gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, spinner_delay_cb, self);
}

/* Which of the list, the empty state, "no results" or an error shows. */
static void
update_content (CareCasesView *self)
{
  gboolean loading = care_case_list_model_get_loading (self->model);
  const GError *error = care_case_list_model_get_error (self->model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  show_spinner_if_slow (self, loading);
  update_count (self);

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  else if (n > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else if (loading)
    return;  /* keep what is shown until the answer comes */
  else if (care_case_list_model_is_filtered (self->model))
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/* The rows show a new answer in place: the selected row may now be
 * another case, which must not stay selected. */
static void
forget_selection_of_another_case (CareCasesView *self)
{
  CareCaseItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL && g_strcmp0 (care_case_item_get_case_number (item), self->selected_case) != 0)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
selection_changed_cb (CareCasesView *self)
{
  CareCaseItem *item = gtk_single_selection_get_selected_item (self->selection);

  g_free (self->selected_case);
  self->selected_case = item != NULL ? g_strdup (care_case_item_get_case_number (item)) : NULL;
}

/* The answer to a new search, filter or order is read from its start. */
static void
scroll_back_to_top (CareCasesView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
model_changed_cb (CareCasesView *self)
{
  update_content (self);
}

static void
answered_cb (CareCasesView *self,
             gboolean       complete)
{
  forget_selection_of_another_case (self);
  if (self->back_to_top)
    scroll_back_to_top (self);
  self->back_to_top = FALSE;
  update_content (self);
}

static void
search_changed_cb (CareCasesView *self)
{
  self->back_to_top = TRUE;
  care_case_list_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_stopped_cb (CareCasesView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filter_changed_cb (CareCasesView *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint host = gtk_drop_down_get_selected (self->host_dropdown);

  if (self->updating_filters)
    return;
  self->back_to_top = TRUE;

  /* Position 0 of both drop-downs is "any". */
  care_case_list_model_set_status_filter (self->model,
                                          status != 0 && status != GTK_INVALID_LIST_POSITION,
                                          status != 0 && status != GTK_INVALID_LIST_POSITION ? (CareCaseStatus) (status - 1) : 0);
  care_case_list_model_set_host_country (self->model,
                                         host != 0 && host != GTK_INVALID_LIST_POSITION && host - 1 < self->host_codes->len
                                         ? g_ptr_array_index (self->host_codes, host - 1) : NULL);
  care_case_list_model_set_minors_only (self->model, gtk_check_button_get_active (self->minors_check));
  care_case_list_model_set_overdue_only (self->model, gtk_check_button_get_active (self->overdue_check));
  update_content (self);
}

static void
row_activated_cb (CareCasesView *self,
                  guint          position)
{
  g_autoptr(CareCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, care_case_item_get_case_number (item));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CareCasesView *self = CARE_CASES_VIEW (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->host_dropdown, 0);
  gtk_check_button_set_active (self->minors_check, FALSE);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  self->updating_filters = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  care_case_list_model_set_search (self->model, NULL);
  filter_changed_cb (self);
}

/* The host countries to filter on are the programme's, from the vault's
 * settings. */
static void
fill_host_countries (CareCasesView *self)
{
  g_autoptr(GtkStringList) hosts = gtk_string_list_new (NULL);
  g_autoptr(CareSettings) settings = NULL;

  g_ptr_array_set_size (self->host_codes, 0);
  /* Translators: the first choice of the host country filter */
  gtk_string_list_append (hosts, _("Any host country"));
  if (self->vault != NULL)
    {
      g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

      settings = care_settings_store_load (self->vault, NULL);
    }
  if (settings != NULL)
    for (guint i = 0; i < settings->host_countries->len; i++)
      {
        const char *code = g_ptr_array_index (settings->host_countries, i);
        const char *name = care_country_get_name (code);

        g_ptr_array_add (self->host_codes, g_strdup (code));
        gtk_string_list_append (hosts, name != NULL ? name : code);
      }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->host_dropdown, G_LIST_MODEL (hosts));
  gtk_drop_down_set_selected (self->host_dropdown, 0);
  self->updating_filters = FALSE;
}

void
care_cases_view_set_vault (CareCasesView *self,
                           CareVault     *vault)
{
  g_return_if_fail (CARE_IS_CASES_VIEW (self));
  g_return_if_fail (vault == NULL || CARE_IS_VAULT (vault));

  if (!g_set_object (&self->vault, vault))
    return;

  /* A new vault, or the same one unlocked again: start from a clean list. */
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_check_button_set_active (self->minors_check, FALSE);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  self->updating_filters = FALSE;
  fill_host_countries (self);

  care_case_list_model_set_search (self->model, NULL);
  care_case_list_model_set_status_filter (self->model, FALSE, 0);
  care_case_list_model_set_host_country (self->model, NULL);
  care_case_list_model_set_minors_only (self->model, FALSE);
  care_case_list_model_set_overdue_only (self->model, FALSE);
  care_case_list_model_set_vault (self->model, vault);
  update_content (self);
}

CareCaseListModel *
care_cases_view_get_model (CareCasesView *self)
{
  g_return_val_if_fail (CARE_IS_CASES_VIEW (self), NULL);

  return self->model;
}

void
care_cases_view_focus_search (CareCasesView *self)
{
  g_return_if_fail (CARE_IS_CASES_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
care_cases_view_reload (CareCasesView *self)
{
  g_return_if_fail (CARE_IS_CASES_VIEW (self));

  care_case_list_model_reload (self->model);
  update_content (self);
}

/* GTK 4.8 moves Tab from row to row of a list: through 100,000 cases a
 * keyboard would never get past it. Here Tab leaves the list as it leaves
 * any other control; the arrow keys move within it. */
static gboolean
care_cases_view_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  CareCasesView *self = CARE_CASES_VIEW (widget);
  GtkWidget *list = GTK_WIDGET (self->column_view);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  gboolean moved;

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) ||
      focus == NULL || (focus != list && !gtk_widget_is_ancestor (focus, list)))
    return GTK_WIDGET_CLASS (care_cases_view_parent_class)->focus (widget, direction);

  /* A list that cannot take the focus is passed over, from within it too. */
  gtk_widget_set_can_focus (list, FALSE);
  moved = GTK_WIDGET_CLASS (care_cases_view_parent_class)->focus (widget, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

static void
care_cases_view_dispose (GObject *object)
{
  CareCasesView *self = CARE_CASES_VIEW (object);

  g_clear_handle_id (&self->spinner_id, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_CASES_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->selected_case, g_free);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->host_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (care_cases_view_parent_class)->dispose (object);
}

static void
care_cases_view_class_init (CareCasesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_cases_view_dispose;
  widget_class->focus = care_cases_view_focus;

  /**
   * CareCasesView::case-activated:
   * @case_number: the case to open
   */
  signals[CASE_ACTIVATED] =
    g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-cases-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, host_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, minors_check);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, error_page);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, number_column);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, name_column);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, host_column);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, return_column);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, status_column);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, minor_column);
  gtk_widget_class_bind_template_child (widget_class, CareCasesView, followup_column);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "cases.clear-filters", NULL, clear_filters_action);
}

static void
care_cases_view_init (CareCasesView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->host_codes = g_ptr_array_new_with_free_func (g_free);

  /* Translators: the first choice of the status filter */
  gtk_string_list_append (statuses, _("Any status"));
  for (int s = CARE_CASE_REFERRED; s <= CARE_CASE_CLOSED; s++)
    gtk_string_list_append (statuses, care_case_status_get_label ((CareCaseStatus) s));
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->updating_filters = FALSE;
  fill_host_countries (self);

  setup_column (self->number_column, &number_spec);
  setup_column (self->name_column, &name_spec);
  setup_column (self->host_column, &host_spec);
  setup_column (self->return_column, &return_spec);
  setup_column (self->status_column, &status_spec);
  setup_column (self->minor_column, &minor_spec);
  setup_column (self->followup_column, &followup_spec);

  self->model = care_case_list_model_new ();
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "answered", G_CALLBACK (answered_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_content (self);
}
