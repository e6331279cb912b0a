/* care-case-page-plan.c — the Plan page: versions, measures, agree and amend, print and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "care-application.h"
#include "care-case-page-private.h"
#include "care-eligibility.h"
#include "care-format.h"
#include "care-language.h"
#include "care-measure-dialog.h"
#include "care-money.h"
#include "care-plan-pdf.h"
#include "care-plan-scan-store.h"
#include "care-plan-print.h"
#include "care-preferences-window.h"
#include "care-store-access.h"
#include "care-toast.h"

static char *
format_money (gint64      cents,
              const char *currency)
{
  /* Grouped and punctuated as in the interface's language. */
  return care_format_money (cents, currency, NULL);
}

static CarePlanVersion *
get_shown_version (CareCasePage *self)
{
  guint selected = adw_combo_row_get_selected (self->version_row);
  GPtrArray *versions = self->draft->plan->versions;

  if (versions->len == 0)
    return NULL;
  if (selected == GTK_INVALID_LIST_POSITION || selected >= versions->len)
    selected = versions->len - 1;
  return g_ptr_array_index (versions, selected);
}

/* The version on screen when it is the draft that may still change;
 * agreed versions stay as they were signed. */
static CarePlanVersion *
get_editable_version (CareCasePage *self)
{
  CarePlanVersion *shown = self->draft != NULL ? get_shown_version (self) : NULL;

  if (shown == NULL || care_plan_version_is_frozen (shown) || shown != care_plan_get_current (self->draft->plan))
    return NULL;
  return shown;
}

void
care_case_page_update_plan_actions (CareCasePage *self)
{
  CarePlanVersion *current = self->draft != NULL ? care_plan_get_current (self->draft->plan) : NULL;
  gboolean saved = self->draft != NULL && !self->is_new;
  gboolean editable = saved && get_editable_version (self) != NULL;
  gboolean no_plan = saved && self->draft->plan->versions->len == 0;

  /* A first measure starts the first draft. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.add-measure", editable || no_plan);
  gtk_widget_set_visible (GTK_WIDGET (self->add_measure_row), editable || no_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit-measure", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.remove-measure", editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), editable);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.agree-plan",
                                 saved && current != NULL && !care_plan_version_is_frozen (current) &&
                                 current->measures->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.amend-plan",
                                 saved && current != NULL && care_plan_version_is_frozen (current));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.delete", saved);
  /* A plan with no measures prints as a blank form to fill in at a meeting. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print-plan", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.export-plan", saved);
  /* A draft was never signed: only an agreed version has a signed copy. */
  {
    CarePlanVersion *shown = saved ? get_shown_version (self) : NULL;

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.attach-scan",
                                   shown != NULL && shown->state == CARE_PLAN_AGREED &&
                                   self->vault != NULL && !self->attaching_scan);
  }
}

/* Says on the Plan page whether the version on screen has its signed scan. */
static void
update_scan_row (CareCasePage *self)
{
  CarePlanVersion *version = self->draft != NULL && !self->is_new ? get_shown_version (self) : NULL;
  g_autoptr(CarePlanScan) scan = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->scan_row),
                          version != NULL && version->state == CARE_PLAN_AGREED && self->vault != NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->scan_row)))
    return;

  number = care_case_number_format (&self->draft->number);
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    if (!care_vault_is_locked (self->vault))
      scan = care_plan_scan_store_get (self->vault, number, version->number, FALSE, NULL);
  }
  if (scan != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (scan->attached_at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *on = NULL;

      if (local != NULL)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                          g_date_time_get_year (local));
          on = care_format_date (&date, CARE_DATE_LONG, NULL);
        }
      /* Translators: %1$s is a file name, %2$s a date, %3$s a person */
      text = g_strdup_printf (_("%1$s, attached on %2$s by %3$s"), scan->file_name,
                              on != NULL ? on : scan->attached_at, scan->attached_by);
      adw_action_row_set_subtitle (self->scan_row, text);
    }
  else
    adw_action_row_set_subtitle (self->scan_row, _("None attached yet: scan the signed paper and attach it"));
}

static void
fill_measures (CareCasePage *self)
{
  AdwPreferencesGroup *groups[CARE_MEASURE_GROUP_COUNT] = {
    self->economic_group, self->social_group, self->psychosocial_group, self->other_group,
  };
  CarePlanVersion *version;
  CarePlanTotals totals;
  const char *currency = self->settings != NULL ? self->settings->currency : CARE_MONEY_DEFAULT_CURRENCY;
  guint counts[CARE_MEASURE_GROUP_COUNT] = { 0 };
  gboolean editable;

  care_case_page_clear_rows (self->plan_rows);
  version = self->draft != NULL ? get_shown_version (self) : NULL;
  if (version == NULL)
    {
      adw_action_row_set_subtitle (self->objectives_row, _("No plan has been drafted yet"));
      adw_action_row_set_subtitle (self->totals_row, "");
      for (guint g = 0; g < CARE_MEASURE_GROUP_COUNT; g++)
        gtk_widget_set_visible (GTK_WIDGET (groups[g]), FALSE);
      update_scan_row (self);
      care_case_page_update_plan_actions (self);
      return;
    }

  update_scan_row (self);
  editable = get_editable_version (self) != NULL;
  self->loading = TRUE;
  adw_combo_row_set_selected (self->language_row, g_strcmp0 (version->language, "fr") == 0 ? 1 : 0);
  self->loading = FALSE;
  adw_action_row_set_subtitle (self->objectives_row,
                               version->objectives != NULL && *version->objectives != '\0'
                               ? version->objectives : _("None written"));
  care_plan_version_get_totals (version, currency, &totals);
  {
    g_autofree char *planned = format_money (totals.planned_total, currency);
    g_autofree char *spent = format_money (totals.actual_total, currency);
    /* Translators: %1$s is the planned budget, %2$s what was spent, e.g. "1200.00 EUR" */
    g_autofree char *text = g_strdup_printf (_("%1$s planned, %2$s spent"), planned, spent);

    adw_action_row_set_subtitle (self->totals_row, text);
  }

  for (guint i = 0; i < version->measures->len; i++)
    {
      CareMeasure *m = g_ptr_array_index (version->measures, i);
      CareMeasureGroup group = care_measure_get_group (m);
      g_autofree char *start = care_format_date (&m->planned_start, CARE_DATE_LONG, NULL);
      g_autofree char *end = care_format_date (&m->planned_end, CARE_DATE_LONG, NULL);
      g_autofree char *budget = format_money (m->budget_cents, m->currency);
      g_autofree char *cost = format_money (m->actual_cost_cents, m->currency);
      g_autofree char *subtitle = NULL;
      g_autofree char *amounts = NULL;
      GtkWidget *row, *suffix;

      /* Translators: a measure of the plan: %1$s its category, %2$s the provider, %3$s and %4$s its planned dates, %5$s its status */
      subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s to %4$s · %5$s"),
                                  care_measure_category_get_label (m->category),
                                  m->provider != NULL ? m->provider : _("no provider yet"),
                                  *start != '\0' ? start : "…", *end != '\0' ? end : "…",
                                  care_measure_status_get_label (m->status));
      /* Translators: %1$s is the budget of a measure, %2$s its actual cost */
      amounts = g_strdup_printf (_("%1$s budgeted\n%2$s spent"), budget, cost);
      row = care_case_page_new_row (m->description != NULL ? m->description : "", subtitle);
      suffix = gtk_label_new (amounts);
      gtk_label_set_justify (GTK_LABEL (suffix), GTK_JUSTIFY_RIGHT);
      gtk_label_set_xalign (GTK_LABEL (suffix), 1);
      gtk_widget_add_css_class (suffix, "numeric");
      gtk_widget_add_css_class (suffix, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      if (editable)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          /* Translators: %s describes a measure of the plan */
          g_autofree char *remove_label = g_strdup_printf (_("Remove the measure “%s”"),
                                                           m->description != NULL ? m->description : "");
          /* Translators: %s describes a measure of the plan */
          g_autofree char *edit_label = g_strdup_printf (_("Edit the measure “%s”"),
                                                         m->description != NULL ? m->description : "");

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "case.remove-measure");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "case.edit-measure");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", i);
          gtk_widget_set_tooltip_text (row, edit_label);
        }
      care_case_page_add_row (self, self->plan_rows, groups[group], row);
      counts[group]++;
    }

  for (guint g = 0; g < CARE_MEASURE_GROUP_COUNT; g++)
    {
      g_autofree char *planned = format_money (totals.planned_by_group[g], currency);
      g_autofree char *spent = format_money (totals.actual_by_group[g], currency);
      g_autofree char *text = g_strdup_printf (_("%1$s planned, %2$s spent"), planned, spent);

      gtk_widget_set_visible (GTK_WIDGET (groups[g]), counts[g] > 0);
      adw_preferences_group_set_description (groups[g], text);
    }
  care_case_page_update_plan_actions (self);
}

void
care_case_page_fill_plan (CareCasePage *self)
{
  g_autoptr(GtkStringList) versions = gtk_string_list_new (NULL);
  guint n = self->draft != NULL ? self->draft->plan->versions->len : 0;

  for (guint i = 0; i < n; i++)
    {
      CarePlanVersion *v = g_ptr_array_index (self->draft->plan->versions, i);
      g_autofree char *label = NULL;

      if (v->state == CARE_PLAN_AGREED)
        {
          g_autofree char *on = care_format_date (&v->agreed_on, CARE_DATE_LONG, NULL);

          /* Translators: %1$u is the version number, %2$s the date it was agreed */
          label = g_strdup_printf (_("Version %1$u, agreed on %2$s"), v->number, on);
        }
      else
        /* Translators: %u is the version number */
        label = g_strdup_printf (_("Version %u, draft"), v->number);
      gtk_string_list_append (versions, label);
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->version_row, G_LIST_MODEL (versions));
  if (n > 0)
    adw_combo_row_set_selected (self->version_row, n - 1);
  self->loading = FALSE;
  fill_measures (self);
}

static void
version_selected_cb (CareCasePage *self)
{
  if (!self->loading)
    fill_measures (self);
}

static void
agree_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GDate today;

  if (self->draft == NULL)
    return;
  care_case_page_get_today (&today);
  if (!care_case_agree_plan (self->draft, &today, &error))
    {
      care_case_page_show_toast (self, error->message);
      return;
    }
  care_case_page_note_change (self);
  care_case_page_save_now (self);
  care_case_page_fill_plan (self);
}

static void
amend_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);

  if (self->draft == NULL)
    return;
  care_plan_edit (self->draft->plan);
  care_case_page_note_change (self);
  care_case_page_save_now (self);
  care_case_page_fill_plan (self);
}

static void
language_selected_cb (CareCasePage *self)
{
  CarePlanVersion *version = get_editable_version (self);
  const char *code = adw_combo_row_get_selected (self->language_row) == 1 ? "fr" : "en";

  if (self->loading || version == NULL || g_strcmp0 (version->language, code) == 0)
    return;
  g_free (version->language);
  version->language = g_strdup (code);
  g_free (self->draft->plan_language);
  self->draft->plan_language = g_strdup (code);
  care_case_page_note_change (self);
  care_case_page_save_now (self);
}

/* A measure typed in the dialog goes into the draft (a new one, or in
 * place of the one edited), and the case is saved at once. */
static void
measure_saved_cb (CareMeasureDialog *dialog,
                  const CareMeasure *measure,
                  CareCasePage      *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "care-measure-index")) - 1;
  g_autoptr(GError) error = NULL;
  CarePlanVersion *version;

  if (self->draft == NULL)
    return;
  version = index >= 0 ? get_editable_version (self) : care_plan_edit (self->draft->plan);
  if (version == NULL)
    return;
  if (index >= 0 && (guint) index < version->measures->len)
    {
      care_measure_free (g_ptr_array_index (version->measures, index));
      g_ptr_array_index (version->measures, index) = care_measure_copy (measure);
    }
  else if (!care_plan_version_add_measure (version, care_measure_copy (measure), &error))
    {
      care_case_page_show_toast (self, error->message);
      return;
    }
  if (version->language == NULL)
    version->language = g_strdup (self->draft->plan_language != NULL ? self->draft->plan_language : "en");
  care_case_page_note_change (self);
  care_case_page_save_now (self);
  care_case_page_fill_plan (self);
}

static void
open_measure_dialog (CareCasePage      *self,
                     const CareMeasure *measure,
                     int                index)
{
  const char *currency = self->settings != NULL ? self->settings->currency : CARE_MONEY_DEFAULT_CURRENCY;
  CareMeasureDialog *dialog = care_measure_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       measure, currency);

  g_object_set_data (G_OBJECT (dialog), "care-measure-index", GINT_TO_POINTER (index + 1));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (measure_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_measure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);

  if (self->draft != NULL)
    open_measure_dialog (self, NULL, -1);
}

static void
edit_measure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  CarePlanVersion *version = get_editable_version (self);
  guint index = g_variant_get_uint32 (parameter);

  if (version != NULL && index < version->measures->len)
    open_measure_dialog (self, g_ptr_array_index (version->measures, index), (int) index);
}

static void
remove_measure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  CarePlanVersion *version = get_editable_version (self);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CareMeasure *measure;

  if (version == NULL || index >= version->measures->len)
    return;

  measure = care_measure_copy (g_ptr_array_index (version->measures, index));
  if (!care_plan_version_remove_measure (version, index, &error))
    {
      care_measure_free (measure);
      care_case_page_show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->removed_measure, care_measure_free);
  self->removed_measure = measure;
  self->removed_index = index;
  care_case_page_note_change (self);
  care_case_page_save_now (self);
  fill_measures (self);

  /* Translators: %s describes a measure of the plan */
  text = g_strdup_printf (_("Measure “%s” removed"), measure->description != NULL ? measure->description : "");
  /* Only the last removal can be undone: its toast takes the place of the
   * one before. */
  care_toast_show (&self->undo_toast, self->toast_overlay, care_toast_present_in_overlay,
                   text, _("_Undo"), "case.undo-remove-measure", 5);
}

static void
undo_remove_measure_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  CarePlanVersion *version = get_editable_version (self);
  CareMeasure *measure;

  if (version == NULL || self->removed_measure == NULL)
    return;

  measure = g_steal_pointer (&self->removed_measure);
  /* Back where it was, with the id the store knew it by cleared: it is
   * written again as it was. */
  measure->id = 0;
  g_ptr_array_insert (version->measures, MIN (self->removed_index, version->measures->len), measure);
  care_case_page_note_change (self);
  care_case_page_save_now (self);
  fill_measures (self);
}

/* The document of the version on screen, in its own language. */
static CarePlanDocument *
make_plan_document (CareCasePage  *self,
                    GError       **error)
{
  CarePlanDocumentOptions options = { 0 };
  CarePlanVersion *version = get_shown_version (self);
  GApplication *app = g_application_get_default ();
  g_autoptr(GSettings) prefs = CARE_IS_APPLICATION (app)
                               ? g_object_ref (care_application_get_settings (CARE_APPLICATION (app)))
                               : g_settings_new (APPLICATION_ID);
  g_autofree char *organisation = g_settings_get_string (prefs, "organisation-name");
  g_autofree char *logo = g_settings_get_string (prefs, "organisation-logo");

  options.paper = (CarePaperSize) care_preferences_get_paper (prefs);
  options.organisation = *organisation != '\0' ? organisation : NULL;
  /* A logo moved or deleted since it was chosen is left out, not an error. */
  options.logo_path = *logo != '\0' && g_file_test (logo, G_FILE_TEST_IS_REGULAR) ? logo : NULL;
  options.settings = self->settings;
  return care_plan_document_new (self->draft, version != NULL ? version->number : 0, &options, error);
}

static void
print_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  CarePlanDocument *document;

  if (self->draft == NULL)
    return;

  document = make_plan_document (self, &error);
  if (document == NULL ||
      !care_plan_print (document, GTK_WINDOW (gtk_widget_get_root (widget)), &error))
    care_case_page_show_toast (self, error->message);
  g_clear_pointer (&document, care_plan_document_free);
}

/* Writes the version on screen to PATH as a PDF (atomically, never through
 * a temporary file elsewhere). */
gboolean
care_case_page_export_plan (CareCasePage  *self,
                            const char    *path,
                            GError       **error)
{
  CarePlanDocument *document;
  gboolean ok;

  g_return_val_if_fail (CARE_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (self->draft != NULL, FALSE);

  document = make_plan_document (self, error);
  if (document == NULL)
    return FALSE;
  ok = care_plan_pdf_write (document, path, error);
  care_plan_document_free (document);
  return ok;
}

static void
plan_export_chosen_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  CareCasePage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->draft != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && care_case_page_export_plan (self, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message =
            /* Translators: %s is a file name. */
            g_strdup_printf (_("Plan exported to %s. The PDF is not encrypted: keep it safe."), name);

          care_case_page_show_toast (self, message);
        }
      else if (error != NULL)
        care_case_page_show_toast (self, error->message);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  CarePlanVersion *version;
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->draft == NULL)
    return;

  version = get_shown_version (self);
  number = care_case_number_format (&self->draft->number);
  /* Translators: the suggested file name; %1$s is a case number, %2$u a version. */
  name = g_strdup_printf (_("%1$s plan v%2$u.pdf"), number, version != NULL ? version->number : 1);

  /* The PDF is the one thing CARE writes in clear: the title says so. */
  dialog = gtk_file_chooser_native_new (_("Export the Plan as PDF — the File Is Not Encrypted"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (plan_export_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct {
  CareVault *vault;
  char      *case_number;
  guint      version;
  GFile     *file;
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_object_unref (job->vault);
  g_free (job->case_number);
  g_object_unref (job->file);
  g_free (job);
}

static void
attach_scan_in_thread (GTask        *task,
                       gpointer      source,
                       gpointer      data,
                       GCancellable *cancellable)
{
  ScanJob *job = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  gboolean ok = FALSE;

  bytes = g_file_load_bytes (job->file, NULL, NULL, &error);
  if (bytes != NULL)
    {
      g_autoptr(CareStoreAccess) access = care_store_access_lock (job->vault);

      if (care_vault_is_locked (job->vault))
        g_set_error_literal (&error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_LOCKED,
                             _("The vault was locked meanwhile: nothing was attached."));
      else
        ok = care_plan_scan_store_attach (job->vault, job->case_number, job->version, name, bytes, &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
attach_scan_finished_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  CareCasePage *self = CARE_CASE_PAGE (source);
  ScanJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->attaching_scan = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      care_case_page_show_toast (self, error->message);
      care_case_page_update_plan_actions (self);
      return;
    }

  /* Translators: %u is the version number of the plan */
  text = g_strdup_printf (_("Signed scan attached to version %u"), job->version);
  care_case_page_show_toast (self, text);
  update_scan_row (self);
  care_case_page_update_plan_actions (self);
  /* The Documents page lists signed scans; the history records the attachment. */
  care_case_documents_reload (self->documents);
  care_case_page_fill_history (self);
}

/* Attaches FILE (PDF, PNG or JPEG) as the signed scan of the agreed version
 * on screen; read and stored in a worker, said in a toast. */
void
care_case_page_attach_plan_scan (CareCasePage *self,
                                 GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  CarePlanVersion *version;
  ScanJob *job;

  g_return_if_fail (CARE_IS_CASE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  version = self->draft != NULL && !self->is_new ? get_shown_version (self) : NULL;
  if (version == NULL || version->state != CARE_PLAN_AGREED || self->vault == NULL || self->attaching_scan)
    return;

  job = g_new0 (ScanJob, 1);
  job->vault = g_object_ref (self->vault);
  job->case_number = care_case_number_format (&self->draft->number);
  job->version = version->number;
  job->file = g_object_ref (file);

  self->attaching_scan = TRUE;
  care_case_page_update_plan_actions (self);
  task = g_task_new (self, NULL, attach_scan_finished_cb, NULL);
  g_task_set_source_tag (task, care_case_page_attach_plan_scan);
  g_task_set_task_data (task, job, (GDestroyNotify) scan_job_free);
  care_language_run_in_thread (task, attach_scan_in_thread);
}

static void
scan_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  CareCasePage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        care_case_page_attach_plan_scan (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
attach_scan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach the Signed Scan"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF, PNG or JPEG"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (scan_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
care_case_page_class_init_plan (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CareCasePage, scan_row);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);

  gtk_widget_class_install_action (widget_class, "case.agree-plan", NULL, agree_plan_action);
  gtk_widget_class_install_action (widget_class, "case.amend-plan", NULL, amend_plan_action);
  gtk_widget_class_install_action (widget_class, "case.print-plan", NULL, print_plan_action);
  gtk_widget_class_install_action (widget_class, "case.add-measure", NULL, add_measure_action);
  gtk_widget_class_install_action (widget_class, "case.edit-measure", "u", edit_measure_action);
  gtk_widget_class_install_action (widget_class, "case.remove-measure", "u", remove_measure_action);
  gtk_widget_class_install_action (widget_class, "case.undo-remove-measure", NULL, undo_remove_measure_action);
  gtk_widget_class_install_action (widget_class, "case.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "case.attach-scan", NULL, attach_scan_action);
}
