/* care-measure-dialog.c — a measure of a draft plan, checked as typed
 *
 * The measure is read from the fields at each keystroke and checked with
 * care_measure_validate, the store's own rule; the reason is shown beside
 * its field and Save stays disabled until nothing is wrong, so an invalid
 * measure never reaches the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-measure-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "care-date.h"
#include "care-issue.h"
#include "care-measure-dialog.h"
#include "care-money.h"
#include "care-validate.h"

typedef enum {
  MEASURE_DESCRIPTION,
  MEASURE_PROVIDER,
  MEASURE_START,
  MEASURE_END,
  MEASURE_BUDGET,
  MEASURE_COST,
  N_MEASURE_FIELDS
} MeasureField;

struct _CareMeasureDialog
{
  AdwWindow       parent_instance;

  CareMeasure    *measure;           /* as typed */
  gboolean        is_new;
  gboolean        valid;
  gboolean        touched[N_MEASURE_FIELDS];
  GtkLabel       *messages[N_MEASURE_FIELDS];

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwComboRow    *category_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *provider_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *budget_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *cost_row;
};

G_DEFINE_FINAL_TYPE (CareMeasureDialog, care_measure_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwEntryRow *
row_of (CareMeasureDialog *self,
        MeasureField       field)
{
  AdwEntryRow *rows[N_MEASURE_FIELDS] = {
    self->description_row, self->provider_row, self->start_row,
    self->end_row, self->budget_row, self->cost_row,
  };

  return rows[field];
}

static MeasureField
field_of_issue (const CareIssue *issue)
{
  const char *f = issue->field != NULL ? issue->field : "";

  if (g_str_equal (f, "provider"))
    return MEASURE_PROVIDER;
  if (g_str_equal (f, "planned_end"))
    return MEASURE_END;
  if (g_str_equal (f, "budget") || g_str_equal (f, "currency"))
    return MEASURE_BUDGET;
  if (g_str_equal (f, "actual_cost"))
    return MEASURE_COST;
  return MEASURE_DESCRIPTION;
}

static char *
text_of (CareMeasureDialog *self,
         MeasureField       field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row_of (self, field)))));
}

static void
parse_date (CareMeasureDialog  *self,
            MeasureField        field,
            GDate              *date,
            char              **reason)
{
  g_autofree char *text = text_of (self, field);
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    care_date_unset (date);
  else if (!care_date_parse (text, date, &error))
    *reason = g_strdup (error->message);
}

static void
parse_amount (CareMeasureDialog  *self,
              MeasureField        field,
              const char         *label,
              gint64             *cents,
              char              **reason)
{
  g_autofree char *text = text_of (self, field);
  g_autoptr(GError) error = NULL;

  *cents = 0;
  if (*text != '\0' && !care_money_parse (text, cents, &error))
    /* Translators: %1$s is the name of an amount field, %2$s why it is refused */
    *reason = g_strdup_printf (_("%1$s: %2$s"), label, error->message);
}

static void
show_message (CareMeasureDialog *self,
              MeasureField       field,
              const char        *message)
{
  GtkWidget *row = GTK_WIDGET (row_of (self, field));

  gtk_label_set_label (self->messages[field], message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->messages[field]), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Reads every field into the measure and says what is wrong, where. */
static void
revalidate (CareMeasureDialog *self)
{
  char *reasons[N_MEASURE_FIELDS] = { NULL };
  g_autoptr(GPtrArray) issues = NULL;
  CareMeasure *m = self->measure;
  guint selected;

  selected = adw_combo_row_get_selected (self->category_row);
  if (selected != GTK_INVALID_LIST_POSITION)
    m->category = (CareMeasureCategory) selected;
  selected = adw_combo_row_get_selected (self->status_row);
  if (selected != GTK_INVALID_LIST_POSITION)
    m->status = (CareMeasureStatus) selected;

  g_free (m->description);
  m->description = text_of (self, MEASURE_DESCRIPTION);
  g_free (m->provider);
  m->provider = text_of (self, MEASURE_PROVIDER);
  if (*m->provider == '\0')
    g_clear_pointer (&m->provider, g_free);
  parse_date (self, MEASURE_START, &m->planned_start, &reasons[MEASURE_START]);
  parse_date (self, MEASURE_END, &m->planned_end, &reasons[MEASURE_END]);
  parse_amount (self, MEASURE_BUDGET, C_("field", "Budget"), &m->budget_cents, &reasons[MEASURE_BUDGET]);
  parse_amount (self, MEASURE_COST, C_("field", "Actual cost"), &m->actual_cost_cents, &reasons[MEASURE_COST]);

  issues = care_measure_validate (m);
  for (guint i = 0; i < issues->len; i++)
    {
      CareIssue *issue = g_ptr_array_index (issues, i);
      MeasureField field = field_of_issue (issue);

      if (reasons[field] == NULL)
        reasons[field] = g_strdup (issue->message);
    }

  self->valid = TRUE;
  for (guint i = 0; i < N_MEASURE_FIELDS; i++)
    {
      if (reasons[i] != NULL)
        self->valid = FALSE;
      show_message (self, i, self->touched[i] ? reasons[i] : NULL);
      g_free (reasons[i]);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measure.save", self->valid);
}

static void
field_changed_cb (CareMeasureDialog *self,
                  AdwEntryRow       *row)
{
  for (guint i = 0; i < N_MEASURE_FIELDS; i++)
    if (row_of (self, i) == row)
      self->touched[i] = TRUE;
  revalidate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CareMeasureDialog *self = CARE_MEASURE_DIALOG (widget);

  for (guint i = 0; i < N_MEASURE_FIELDS; i++)
    self->touched[i] = TRUE;
  revalidate (self);
  if (!self->valid)
    return;
  g_signal_emit (self, signals[SAVED], 0, self->measure);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_activated_cb (CareMeasureDialog *self)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "measure.save", NULL);
}

static void
care_measure_dialog_finalize (GObject *object)
{
  CareMeasureDialog *self = CARE_MEASURE_DIALOG (object);

  g_clear_pointer (&self->measure, care_measure_free);

  G_OBJECT_CLASS (care_measure_dialog_parent_class)->finalize (object);
}

static void
care_measure_dialog_class_init (CareMeasureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = care_measure_dialog_finalize;

  /**
   * CareMeasureDialog::saved:
   * @measure: (type CareMeasure): the measure as typed, valid
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CARE_TYPE_MEASURE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-measure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, budget_row);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, CareMeasureDialog, cost_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "measure.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
care_measure_dialog_init (CareMeasureDialog *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of the enums: the selected position is the value. */
  for (int c = 0; c < CARE_MEASURE_CATEGORY_COUNT; c++)
    gtk_string_list_append (categories, care_measure_category_get_label ((CareMeasureCategory) c));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  for (int s = CARE_MEASURE_PLANNED; s <= CARE_MEASURE_CANCELLED; s++)
    gtk_string_list_append (statuses, care_measure_status_get_label ((CareMeasureStatus) s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  for (guint i = 0; i < N_MEASURE_FIELDS; i++)
    {
      GtkWidget *message = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (message), 28);
      gtk_label_set_xalign (GTK_LABEL (message), 1);
      gtk_label_set_justify (GTK_LABEL (message), GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (message, "caption");
      gtk_widget_add_css_class (message, "error");
      gtk_widget_set_visible (message, FALSE);
      adw_entry_row_add_suffix (row_of (self, i), message);
      self->messages[i] = GTK_LABEL (message);
    }
}

CareMeasureDialog *
care_measure_dialog_new (GtkWindow         *parent,
                         const CareMeasure *measure,
                         const char        *currency)
{
  CareMeasureDialog *self = g_object_new (CARE_TYPE_MEASURE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *budget_label = NULL;
  g_autofree char *cost_label = NULL;
  CareMeasure *m;

  self->is_new = measure == NULL;
  if (measure != NULL)
    self->measure = care_measure_copy (measure);
  else
    {
      self->measure = care_measure_new (CARE_MEASURE_INCOME_GENERATING, NULL);
      g_free (self->measure->currency);
      self->measure->currency = g_strdup (currency != NULL ? currency : CARE_MONEY_DEFAULT_CURRENCY);
    }
  m = self->measure;

  adw_window_title_set_title (self->window_title, self->is_new ? _("New Measure") : _("Edit Measure"));
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Measure") : _("Edit Measure"));
  gtk_button_set_label (self->save_button, self->is_new ? _("_Add") : _("_Save"));
  /* Translators: %s is a currency code, e.g. EUR */
  budget_label = g_strdup_printf (_("_Budget (%s)"), m->currency);
  /* Translators: %s is a currency code, e.g. EUR */
  cost_label = g_strdup_printf (_("_Actual Cost (%s)"), m->currency);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->budget_row), budget_label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cost_row), cost_label);

  adw_combo_row_set_selected (self->category_row, m->category);
  adw_combo_row_set_selected (self->status_row, m->status);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), m->description != NULL ? m->description : "");
  gtk_editable_set_text (GTK_EDITABLE (self->provider_row), m->provider != NULL ? m->provider : "");
  start = care_date_format (&m->planned_start);
  end = care_date_format (&m->planned_end);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end);
  if (!self->is_new)
    {
      g_autofree char *budget = care_money_format (m->budget_cents);
      g_autofree char *cost = care_money_format (m->actual_cost_cents);

      gtk_editable_set_text (GTK_EDITABLE (self->budget_row), budget);
      gtk_editable_set_text (GTK_EDITABLE (self->cost_row), cost);
    }
  /* A new measure's empty description is not an error before it is typed. */
  for (guint i = 0; i < N_MEASURE_FIELDS; i++)
    self->touched[i] = !self->is_new;
  g_signal_connect_swapped (self->category_row, "notify::selected", G_CALLBACK (revalidate), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (revalidate), self);
  revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
  return self;
}
