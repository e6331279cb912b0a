/* care-case-page-history.c — the History page: who changed what, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-page-private.h"
#include "care-case-store.h"
#include "care-format.h"
#include "care-store-access.h"

#define HISTORY_LIMIT 200

static const char *
get_record_label (const char *record)
{
  if (g_strcmp0 (record, "case") == 0)
    return _("Case");
  if (g_strcmp0 (record, "measure") == 0)
    return _("Measure");
  if (g_strcmp0 (record, "followup") == 0)
    return _("Follow-up");
  if (g_strcmp0 (record, "plan") == 0 || g_strcmp0 (record, "plan_version") == 0)
    return _("Plan");
  if (g_strcmp0 (record, "document") == 0)
    return _("Document");
  if (g_strcmp0 (record, "plan_scan") == 0)
    return _("Signed plan");
  return record;
}

static char *
describe_change (const CareHistoryEntry *e)
{
  g_autofree char *field = g_strdup (e->field != NULL ? e->field : "");

  g_strdelimit (field, "_", ' ');
  if (g_strcmp0 (e->action, "create") == 0)
    /* Translators: %1$s is a kind of record (Case, Measure…), %2$s a person */
    return g_strdup_printf (_("%1$s created by %2$s"), get_record_label (e->record), e->who);
  if (g_strcmp0 (e->action, "delete") == 0)
    /* Translators: %1$s is a kind of record (Case, Measure…), %2$s a person */
    return g_strdup_printf (_("%1$s deleted by %2$s"), get_record_label (e->record), e->who);
  if (g_strcmp0 (e->action, "attach") == 0)
    /* Translators: %1$s is a kind of record (Signed plan…), %2$s a person */
    return g_strdup_printf (_("%1$s attached by %2$s"), get_record_label (e->record), e->who);
  /* Translators: %1$s is a field of the records, %2$s a person */
  return g_strdup_printf (_("%1$s changed by %2$s"), field, e->who);
}

/* The day as the rest of the interface writes it (not the C library's
 * "%x", which is 11/30/26 in some locales), and the time of day. */
static char *
format_when (GDateTime *local)
{
  g_autofree char *day = NULL;
  g_autofree char *time_of_day = g_date_time_format (local, "%H:%M");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  day = care_format_date (&date, CARE_DATE_LONG, NULL);
  /* Translators: when a change was made: %1$s is a date, %2$s a time of day */
  return g_strdup_printf (_("%1$s at %2$s"), day, time_of_day);
}

void
care_case_page_fill_history (CareCasePage *self)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->history_group), "care-rows");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  care_case_page_clear_rows (rows);
  if (self->draft == NULL || self->vault == NULL || self->is_new)
    return;

  number = care_case_number_format (&self->draft->number);
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    entries = care_history_list (self->vault, number, HISTORY_LIMIT, &error);
  }
  if (entries == NULL)
    {
      care_case_page_add_row (self, rows, self->history_group, care_case_page_new_row (_("The history could not be read"), error->message));
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CareHistoryEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *title = describe_change (e);
      g_autofree char *subtitle = NULL;
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (e->at, NULL);
      g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
      g_autofree char *when = local != NULL ? format_when (local) : g_strdup (e->at);
      GtkWidget *row, *label;

      if (g_strcmp0 (e->action, "update") == 0)
        /* Translators: an old value and the new one */
        subtitle = g_strdup_printf (_("%1$s → %2$s"),
                                    e->old_value != NULL && *e->old_value != '\0' ? e->old_value : _("(empty)"),
                                    e->new_value != NULL && *e->new_value != '\0' ? e->new_value : _("(empty)"));
      row = care_case_page_new_row (title, subtitle);
      label = gtk_label_new (when);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      care_case_page_add_row (self, rows, self->history_group, row);
    }
  if (entries->len == 0)
    care_case_page_add_row (self, rows, self->history_group, care_case_page_new_row (_("No changes recorded"), NULL));
}
