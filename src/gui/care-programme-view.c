/* care-programme-view.c — the programme's numbers against its targets
 *
 * Progress bars for the targets and horizontal bar charts drawn with
 * Cairo. A chart is a picture to a screen reader, so each one carries its
 * figures as text in its accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-programme-view"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-store.h"
#include "care-format.h"
#include "care-country.h"
#include "care-money.h"
#include "care-language.h"
#include "care-programme-view.h"
#include "care-store-access.h"

#define MAX_BARS 10

typedef struct {
  char   *label;
  double  value;
  char   *value_text;
} Bar;

typedef struct {
  GArray *bars;   /* Bar */
} Chart;

struct _CareProgrammeView
{
  GtkWidget        parent_instance;

  CareVault       *vault;
  gboolean         stale;          /* to count again when next shown */
  guint            generation;     /* of the newest count asked for */
  GCancellable    *cancellable;    /* of the count running, if any */
  Chart            charts[5];

  /* Template widgets */
  GtkSpinner      *spinner;
  GtkProgressBar  *beneficiaries_bar;
  GtkLabel        *beneficiaries_label;
  GtkProgressBar  *minors_bar;
  GtkLabel        *minors_label;
  GtkLabel        *followups_label;
  GtkDrawingArea  *host_chart;
  GtkDrawingArea  *return_chart;
  GtkDrawingArea  *status_chart;
  GtkDrawingArea  *budget_chart;
  GtkDrawingArea  *category_chart;
};

G_DEFINE_FINAL_TYPE (CareProgrammeView, care_programme_view, GTK_TYPE_WIDGET)

static void
clear_bar (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
}

static void
add_bar (Chart      *chart,
         const char *label,
         double      value,
         char       *value_text)
{
  Bar bar = { g_strdup (label), value, value_text };

  g_array_append_val (chart->bars, bar);
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *x = a, *y = b;

  return (x->value < y->value) - (x->value > y->value);
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  Chart *chart = user_data;
  GdkRGBA fg;
  double max = 0, label_width = 0, row, value_width = 0;
  const double pad = 12, gap = 6;

  if (chart->bars->len == 0)
    return;

  /* The theme's text colour (GTK 4.8 has no gtk_widget_get_color). */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), bar->label);
      g_autoptr(PangoLayout) value = gtk_widget_create_pango_layout (GTK_WIDGET (area), bar->value_text);
      int w, h;

      max = MAX (max, bar->value);
      pango_layout_get_pixel_size (layout, &w, &h);
      label_width = MAX (label_width, w);
      pango_layout_get_pixel_size (value, &w, &h);
      value_width = MAX (value_width, w);
    }
  label_width = MIN (label_width, width / 3.0);
  row = (height - 2 * pad) / chart->bars->len;

  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), bar->label);
      g_autoptr(PangoLayout) value = gtk_widget_create_pango_layout (GTK_WIDGET (area), bar->value_text);
      double y = pad + i * row;
      double bar_height = MIN (row - gap, 22);
      double x0 = pad + label_width + gap;
      double span = width - x0 - pad - value_width - gap;
      double length = max > 0 ? span * bar->value / max : 0;
      int w, h;

      pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &w, &h);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, pad + label_width - w, y + (bar_height - h) / 2);
      pango_cairo_show_layout (cr, layout);

      /* The accent blue of the Adwaita palette. */
      cairo_set_source_rgb (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
      cairo_rectangle (cr, x0, y, MAX (length, 1), bar_height);
      cairo_fill (cr);

      pango_layout_get_pixel_size (value, &w, &h);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, x0 + length + gap, y + (bar_height - h) / 2);
      pango_cairo_show_layout (cr, value);
    }
}

/* The text alternative: every bar's label and figure. */
static void
describe_chart (GtkDrawingArea *area,
                Chart          *chart)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);

      if (i > 0)
        g_string_append (text, "; ");
      /* Translators: one bar of a chart, read by a screen reader: a label and its figure */
      g_string_append_printf (text, _("%1$s: %2$s"), bar->label, bar->value_text);
    }
  if (chart->bars->len == 0)
    g_string_append (text, _("No data"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  gtk_drawing_area_set_content_height (area, (int) MAX (60, 24 + 30 * chart->bars->len));
  gtk_widget_queue_draw (GTK_WIDGET (area));
}

static void
fill_country_chart (Chart      *chart,
                    GHashTable *counts,
                    guint       limit)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = care_country_get_name (key);

      if (GPOINTER_TO_UINT (value) > 0)
        add_bar (chart, name != NULL ? name : key, GPOINTER_TO_UINT (value),
                 g_strdup_printf ("%u", GPOINTER_TO_UINT (value)));
    }
  g_array_sort (chart->bars, compare_bars);
  if (chart->bars->len > limit)
    g_array_set_size (chart->bars, limit);
}

static void
set_target (GtkProgressBar *bar,
            GtkLabel       *label,
            guint           value,
            guint           target)
{
  /* Translators: progress towards a target, e.g. "97 of 130" */
  g_autofree char *text = g_strdup_printf (_("%1$u of %2$u"), value, target);

  gtk_progress_bar_set_fraction (bar, target > 0 ? MIN (1.0, (double) value / target) : 0);
  gtk_label_set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void refresh_now (CareProgrammeView *self);

/* Counting a large programme's numbers takes a moment: done when the view is
 * shown, not at every unlock or save while it is hidden. */
void
care_programme_view_refresh (CareProgrammeView *self)
{
  g_return_if_fail (CARE_IS_PROGRAMME_VIEW (self));

  if (self->vault != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  refresh_now (self);
}

static void
care_programme_view_map (GtkWidget *widget)
{
  CareProgrammeView *self = CARE_PROGRAMME_VIEW (widget);

  GTK_WIDGET_CLASS (care_programme_view_parent_class)->map (widget);
  if (self->stale)
    refresh_now (self);
}

typedef struct {
  CareStats *stats;
  GError    *error;
} Counted;

static void
counted_free (Counted *counted)
{
  g_clear_pointer (&counted->stats, care_stats_free);
  g_clear_error (&counted->error);
  g_free (counted);
}

/* In a worker thread: 100,000 cases take a moment to count, and the
 * window must not wait for them. */
static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CareVault *vault = task_data;
  Counted *counted = g_new0 (Counted, 1);
  g_autoptr(CareSettings) settings = NULL;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

    if (care_vault_is_locked (vault))
      g_set_error_literal (&counted->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "locked");
    else if ((settings = care_settings_store_load (vault, &counted->error)) != NULL)
      counted->stats = care_case_store_get_stats (vault, settings, NULL, &counted->error);
  }
  g_task_return_pointer (task, counted, (GDestroyNotify) counted_free);
}

static void
show_stats (CareProgrammeView *self,
            CareStats         *stats,
            const GError      *error)
{
  GtkDrawingArea *areas[] = {
    self->host_chart, self->return_chart, self->status_chart, self->budget_chart, self->category_chart,
  };

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    g_array_set_size (self->charts[i].bars, 0);

  if (stats == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the programme's numbers (%s %d)", g_quark_to_string (error->domain), error->code);
      for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
        {
          describe_chart (areas[i], &self->charts[i]);
          gtk_widget_queue_draw (GTK_WIDGET (areas[i]));
        }
      return;
    }
  set_target (self->beneficiaries_bar, self->beneficiaries_label, stats->eligible, stats->target_beneficiaries);
  set_target (self->minors_bar, self->minors_label, stats->eligible_minors, stats->target_minors);
  {
    /* Translators: %1$u, %2$u, %3$u are numbers of follow-ups */
    g_autofree char *text = g_strdup_printf (_("Follow-ups: %1$u done, %2$u scheduled, %3$u overdue."),
                                             stats->followups_done, stats->followups_scheduled,
                                             stats->followups_overdue);

    gtk_label_set_label (self->followups_label, text);
  }

  fill_country_chart (&self->charts[0], stats->by_host_country, G_MAXUINT);
  fill_country_chart (&self->charts[1], stats->by_return_country, MAX_BARS);
  for (int s = CARE_CASE_REFERRED; s <= CARE_CASE_CLOSED; s++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_status,
                                                       care_enum_to_nick (CARE_TYPE_CASE_STATUS, s)));

      add_bar (&self->charts[2], care_case_status_get_label ((CareCaseStatus) s), n, g_strdup_printf ("%u", n));
    }
  add_bar (&self->charts[3], _("Planned"), (double) stats->budget_planned_cents,
           care_format_money (stats->budget_planned_cents, stats->currency, NULL));
  add_bar (&self->charts[3], _("Spent"), (double) stats->budget_spent_cents,
           care_format_money (stats->budget_spent_cents, stats->currency, NULL));
  for (int c = 0; c < CARE_MEASURE_CATEGORY_COUNT; c++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_measure_category,
                                                       care_enum_to_nick (CARE_TYPE_MEASURE_CATEGORY, c)));

      add_bar (&self->charts[4], care_measure_category_get_label ((CareMeasureCategory) c), n,
               g_strdup_printf ("%u", n));
    }

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      describe_chart (areas[i], &self->charts[i]);
      gtk_widget_queue_draw (GTK_WIDGET (areas[i]));
    }
}

static void
count_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CareProgrammeView *self = CARE_PROGRAMME_VIEW (source_object);
  guint generation = GPOINTER_TO_UINT (user_data);
  Counted *counted = g_task_propagate_pointer (G_TASK (result), NULL);

  /* An older count, superseded by a newer one, is dropped. */
  if (generation == self->generation)
    {
      g_clear_object (&self->cancellable);
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      if (counted != NULL)
        show_stats (self, counted->stats, counted->error);
    }
  if (counted != NULL)
    counted_free (counted);
}

static void
refresh_now (CareProgrammeView *self)
{
  g_autoptr(GTask) task = NULL;

  self->stale = FALSE;
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->vault == NULL)
    {
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      show_stats (self, NULL, NULL);
      return;
    }

  /* The numbers shown stay until the new ones replace them; the spinner
   * says they are being counted. */
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  task = g_task_new (self, self->cancellable, count_done_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, refresh_now);
  g_task_set_task_data (task, g_object_ref (self->vault), g_object_unref);
  g_task_set_check_cancellable (task, FALSE);
  care_language_run_in_thread (task, count_thread);
}

gboolean
care_programme_view_get_loading (CareProgrammeView *self)
{
  g_return_val_if_fail (CARE_IS_PROGRAMME_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

void
care_programme_view_set_vault (CareProgrammeView *self,
                               CareVault         *vault)
{
  g_return_if_fail (CARE_IS_PROGRAMME_VIEW (self));

  if (!g_set_object (&self->vault, vault))
    return;
  care_programme_view_refresh (self);
}

static void
care_programme_view_dispose (GObject *object)
{
  CareProgrammeView *self = CARE_PROGRAMME_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_PROGRAMME_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (care_programme_view_parent_class)->dispose (object);
}

static void
care_programme_view_finalize (GObject *object)
{
  CareProgrammeView *self = CARE_PROGRAMME_VIEW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    g_array_unref (self->charts[i].bars);

  G_OBJECT_CLASS (care_programme_view_parent_class)->finalize (object);
}

static void
care_programme_view_class_init (CareProgrammeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_programme_view_dispose;
  object_class->finalize = care_programme_view_finalize;
  widget_class->map = care_programme_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-programme-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, beneficiaries_bar);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, beneficiaries_label);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, minors_bar);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, minors_label);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, followups_label);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, host_chart);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, return_chart);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, status_chart);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, budget_chart);
  gtk_widget_class_bind_template_child (widget_class, CareProgrammeView, category_chart);
}

static void
care_programme_view_init (CareProgrammeView *self)
{
  GtkDrawingArea *areas[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  areas[0] = self->host_chart;
  areas[1] = self->return_chart;
  areas[2] = self->status_chart;
  areas[3] = self->budget_chart;
  areas[4] = self->category_chart;
  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    {
      self->charts[i].bars = g_array_new (FALSE, TRUE, sizeof (Bar));
      g_array_set_clear_func (self->charts[i].bars, clear_bar);
      gtk_drawing_area_set_draw_func (areas[i], draw_chart_cb, &self->charts[i], NULL);
    }
}
