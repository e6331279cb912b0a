/* care-followup-calendar.c — the month's follow-ups across every case
 *
 * A month grid (six weeks, starting on the locale's first weekday as GNOME
 * Calendar does) with each day's follow-ups as chips, and beside it the
 * follow-ups that need doing now: the overdue ones and this week's. The
 * rows are read off the main thread, so a vault of 100,000 cases never
 * freezes the window; only the newest request's answer is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-followup-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>

#include "care-case-store.h"
#include "care-format.h"
#include "care-language.h"
#include "care-date.h"
#include "care-followup-calendar.h"
#include "care-store-access.h"

#define N_DAYS          42   /* six weeks: every month fits */
#define CHIPS_PER_DAY   3    /* the rest behind "+N more" */
#define MAX_SIDE_ROWS   50   /* a long overdue list is for the Cases filter */

struct _CareFollowupCalendar
{
  GtkWidget      parent_instance;

  CareVault     *vault;
  gboolean       stale;            /* to load when next shown */
  GDate          fixed_today;      /* cleared: the local date */
  GDate          month;            /* the first day of the month shown */
  guint          week_start;       /* 0 Sunday … 6 Saturday */
  GCancellable  *cancellable;
  guint          running;

  GtkWidget     *day_cells[N_DAYS];
  GtkWidget     *day_numbers[N_DAYS];
  GtkWidget     *day_chips[N_DAYS];
  GtkWidget     *weekday_labels[7];

  /* Template widgets */
  GtkMenuButton *month_button;
  GtkCalendar   *jump_calendar;
  GtkGrid       *weekday_grid;
  GtkGrid       *month_grid;
  GtkSpinner    *spinner;
  GtkListBox    *overdue_list;
  GtkListBox    *week_list;
  GtkLabel      *overdue_heading;
  GtkLabel      *week_heading;
};

G_DEFINE_FINAL_TYPE (CareFollowupCalendar, care_followup_calendar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FOLLOWUP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  CareVault *vault;
  GDate      from, to;             /* the grid's first and last day */
  GDate      week_from, week_to;
  GDate      today;
  GPtrArray *month_rows;           /* CareFollowUpRow */
  GPtrArray *overdue_rows;
  GPtrArray *week_rows;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->vault);
  g_clear_pointer (&data->month_rows, g_ptr_array_unref);
  g_clear_pointer (&data->overdue_rows, g_ptr_array_unref);
  g_clear_pointer (&data->week_rows, g_ptr_array_unref);
  g_free (data);
}

guint
care_get_first_weekday (void)
{
#if defined(__GLIBC__) && defined(_NL_TIME_FIRST_WEEKDAY)
  /* As GNOME Calendar reads it: _NL_TIME_WEEK_1STDAY says which day the
   * locale's week numbering starts from (a Sunday or a Monday), and
   * _NL_TIME_FIRST_WEEKDAY counts from there, 1 being that day. */
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  unsigned int week_origin;
  guint week_1stday = 0;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)       /* a Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201)  /* a Monday */
    week_1stday = 1;
  else
    g_debug ("Unknown _NL_TIME_WEEK_1STDAY: %u", week_origin);

  if (first_weekday < 1 || first_weekday > 7)
    return 1;
  return (week_1stday + (guint) first_weekday - 1) % 7;
#else
  return 1;
#endif
}

static void
get_today (CareFollowupCalendar *self,
           GDate                *today)
{
  if (care_date_is_set (&self->fixed_today))
    {
      *today = self->fixed_today;
      return;
    }
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* 0 for Sunday to 6 for Saturday, as the locale's first weekday is. */
static guint
get_weekday (const GDate *date)
{
  return g_date_get_weekday (date) % 7;
}

static void
get_first_shown_day (CareFollowupCalendar *self,
                     GDate                *out_day)
{
  *out_day = self->month;
  g_date_subtract_days (out_day, (get_weekday (&self->month) + 7 - self->week_start) % 7);
}

static char *
format_month_title (const GDate *month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (month), g_date_get_month (month), 1, 0, 0, 0);

  /* Translators: the month shown by the calendar, as strftime writes it:
   * %OB is the month's name standing alone, %Y the year */
  return g_date_time_format (dt, _("%OB %Y"));
}

static char *
format_long_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  /* Translators: a day of the calendar, for screen readers: %A the weekday,
   * %-d the day, %B the month, %Y the year */
  return g_date_time_format (dt, _("%A %-d %B %Y"));
}

static const char *
get_mode_icon (CareFollowUpMode mode)
{
  switch (mode)
    {
    case CARE_FOLLOWUP_PHONE:
      return "call-start-symbolic";
    case CARE_FOLLOWUP_VIDEO:
      return "camera-web-symbolic";
    case CARE_FOLLOWUP_VISIT:
    default:
      return "user-home-symbolic";
    }
}

/* "3 months after arrival", or "Added by hand". */
static char *
describe_kind (const CareFollowUpRow *row)
{
  if (row->months_after_arrival == 0)
    return g_strdup (_("Added by hand"));
  /* Translators: %u is a number of months */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month after arrival",
                                       "%u months after arrival", row->months_after_arrival),
                          row->months_after_arrival);
}

static const char *
describe_state (const CareFollowUpRow *row)
{
  if (care_date_is_set (&row->done_on))
    return _("Done");
  if (row->overdue)
    return _("Overdue");
  return _("Pending");
}

/* "CARE-FR-2014-0007" says nothing more than "FR-2014-0007" in a chip
 * that is a seventh of the grid wide. */
static const char *
get_short_number (const char *case_number)
{
  if (g_str_has_prefix (case_number, CARE_CASE_NUMBER_PREFIX "-"))
    return case_number + strlen (CARE_CASE_NUMBER_PREFIX "-");
  return case_number;
}

static void
set_row_data (GObject               *object,
              const CareFollowUpRow *row)
{
  g_object_set_data_full (object, "care-case-number", g_strdup (row->case_number), g_free);
  g_object_set_data (object, "care-followup-id", GINT_TO_POINTER ((int) row->followup_id));
}

static void
emit_activated (CareFollowupCalendar *self,
                GObject              *source)
{
  const char *number = g_object_get_data (source, "care-case-number");
  gint64 id = GPOINTER_TO_INT (g_object_get_data (source, "care-followup-id"));

  if (number != NULL)
    g_signal_emit (self, signals[FOLLOWUP_ACTIVATED], 0, number, id);
}

static void
chip_clicked_cb (GtkButton            *chip,
                 CareFollowupCalendar *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (chip), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  emit_activated (self, G_OBJECT (chip));
}

static GtkWidget *
new_chip (CareFollowupCalendar  *self,
          const CareFollowUpRow *row)
{
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name (get_mode_icon (row->mode));
  GtkWidget *number = gtk_label_new (get_short_number (row->case_number));
  g_autofree char *kind = describe_kind (row);
  g_autofree char *months = NULL;
  g_autofree char *due = care_format_date (&row->due_on, CARE_DATE_LONG, NULL);
  g_autofree char *description = NULL;
  GtkWidget *months_label;

  /* Translators: in a calendar chip, the months after arrival, as short as can be ("M+3") */
  months = row->months_after_arrival > 0 ? g_strdup_printf (_("M+%u"), row->months_after_arrival) : g_strdup ("");
  months_label = gtk_label_new (months);
  gtk_widget_add_css_class (months_label, "chip-kind");
  gtk_label_set_ellipsize (GTK_LABEL (number), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_widget_set_hexpand (number, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), months_label);
  gtk_button_set_child (GTK_BUTTON (chip), box);

  gtk_widget_add_css_class (chip, "followup-chip");
  if (care_date_is_set (&row->done_on))
    gtk_widget_add_css_class (chip, "done");
  else if (row->overdue)
    gtk_widget_add_css_class (chip, "overdue");

  /* Translators: a follow-up in the calendar: %1$s the case number,
   * %2$s e.g. "3 months after arrival", %3$s visit, phone or video,
   * %4$s the due date, %5$s done, overdue or pending */
  description = g_strdup_printf (_("%1$s, %2$s, %3$s, due %4$s: %5$s"),
                                 row->case_number, kind, care_follow_up_mode_get_label (row->mode),
                                 due, describe_state (row));
  gtk_widget_set_tooltip_text (chip, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  set_row_data (G_OBJECT (chip), row);
  g_signal_connect (chip, "clicked", G_CALLBACK (chip_clicked_cb), self);
  return chip;
}

static void
remove_children (GtkWidget *parent)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (parent)) != NULL;)
    {
      if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
new_more_button (CareFollowupCalendar *self,
                 GPtrArray            *rows,
                 guint                 first,
                 guint                 n)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  /* Translators: in a calendar day, the follow-ups that do not fit; %u is how many */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n - CHIPS_PER_DAY),
                                            n - CHIPS_PER_DAY);
  /* Translators: %u is a number of follow-ups */
  g_autofree char *a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show all %u follow-up of this day",
                                                        "Show all %u follow-ups of this day", n), n);

  for (guint i = first; i < first + n; i++)
    gtk_box_append (GTK_BOX (box), new_chip (self, g_ptr_array_index (rows, i)));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_set_size_request (scrolled, 200, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  /* A label child rather than set_label: no arrow, the cell is narrow. */
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), gtk_label_new (label));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "more-chips");
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return button;
}

static void
fill_grid (CareFollowupCalendar *self,
           GPtrArray            *rows)
{
  GDate day, today;
  guint r = 0;
  g_autofree char *title = format_month_title (&self->month);

  gtk_menu_button_set_label (self->month_button, title);
  get_today (self, &today);
  get_first_shown_day (self, &day);

  for (guint d = 0; d < 7; d++)
    {
      GDate wd = day;
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *name = NULL;

      g_date_add_days (&wd, d);
      dt = g_date_time_new_local (g_date_get_year (&wd), g_date_get_month (&wd), g_date_get_day (&wd), 0, 0, 0);
      name = g_date_time_format (dt, "%a");
      gtk_label_set_label (GTK_LABEL (self->weekday_labels[d]), name);
    }

  for (guint i = 0; i < N_DAYS; i++, g_date_add_days (&day, 1))
    {
      GtkWidget *cell = self->day_cells[i];
      g_autofree char *number = g_strdup_printf ("%u", g_date_get_day (&day));
      g_autofree char *long_date = format_long_date (&day);
      g_autofree char *a11y = NULL;
      guint first, n = 0;

      gtk_label_set_label (GTK_LABEL (self->day_numbers[i]), number);
      if (g_date_get_month (&day) == g_date_get_month (&self->month))
        gtk_widget_remove_css_class (cell, "other-month");
      else
        gtk_widget_add_css_class (cell, "other-month");
      if (g_date_compare (&day, &today) == 0)
        gtk_widget_add_css_class (cell, "today");
      else
        gtk_widget_remove_css_class (cell, "today");

      remove_children (self->day_chips[i]);
      if (rows == NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, long_date, -1);
          continue;
        }

      /* The rows come ordered by due date. */
      while (r < rows->len && g_date_compare (&((CareFollowUpRow *) g_ptr_array_index (rows, r))->due_on, &day) < 0)
        r++;
      first = r;
      while (r + n < rows->len && g_date_compare (&((CareFollowUpRow *) g_ptr_array_index (rows, r + n))->due_on, &day) == 0)
        n++;
      for (guint k = 0; k < MIN (n, CHIPS_PER_DAY); k++)
        gtk_box_append (GTK_BOX (self->day_chips[i]), new_chip (self, g_ptr_array_index (rows, first + k)));
      if (n > CHIPS_PER_DAY)
        gtk_box_append (GTK_BOX (self->day_chips[i]), new_more_button (self, rows, first, n));
      r += n;

      /* Translators: a day of the calendar for screen readers: %1$s the date, %2$u how many follow-ups are due */
      a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s, %2$u follow-up", "%1$s, %2$u follow-ups", n),
                              long_date, n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
    }
}

static void
side_row_activated_cb (GtkListBox           *list,
                       GtkListBoxRow        *row,
                       CareFollowupCalendar *self)
{
  emit_activated (self, G_OBJECT (row));
}

static void
fill_side_list (CareFollowupCalendar *self,
                GtkListBox           *list,
                GPtrArray            *rows)
{
  remove_children (GTK_WIDGET (list));
  if (rows == NULL)
    return;

  for (guint i = 0; i < MIN (rows->len, MAX_SIDE_ROWS); i++)
    {
      CareFollowUpRow *row = g_ptr_array_index (rows, i);
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (get_mode_icon (row->mode));
      g_autofree char *kind = describe_kind (row);
      g_autofree char *due = care_format_date (&row->due_on, CARE_DATE_LONG, NULL);
      g_autofree char *name = g_strdup_printf ("%s %s", row->given_names != NULL ? row->given_names : "",
                                               row->family_name != NULL ? row->family_name : "");
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      g_strstrip (name);
      /* Translators: a follow-up in the side list: %1$s the case number, %2$s the person's name */
      title = g_strdup_printf (_("%1$s · %2$s"), row->case_number, name);
      /* Translators: %1$s e.g. "3 months after arrival", %2$s visit, phone or video, %3$s the due date */
      subtitle = g_strdup_printf (_("%1$s · %2$s · due %3$s"), kind,
                                  care_follow_up_mode_get_label (row->mode), due);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), icon);
      if (row->overdue)
        gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
      set_row_data (G_OBJECT (action_row), row);
      gtk_list_box_append (list, action_row);
    }
  if (rows->len > MAX_SIDE_ROWS)
    {
      GtkWidget *more = adw_action_row_new ();
      /* Translators: at the end of a list of follow-ups cut short; %u is how many are not shown */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more: filter the cases by overdue follow-ups to see them all",
                                                            "And %u more: filter the cases by overdue follow-ups to see them all",
                                                            rows->len - MAX_SIDE_ROWS),
                                               rows->len - MAX_SIDE_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      gtk_widget_add_css_class (more, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (more), FALSE);
      gtk_list_box_append (list, more);
    }
}

static void
set_running (CareFollowupCalendar *self,
             int                   delta)
{
  gboolean was = self->running > 0;

  self->running += delta;
  gtk_spinner_set_spinning (self->spinner, self->running > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->running > 0);
  if (was != (self->running > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (data->vault);

    if (care_vault_is_locked (data->vault))
      {
        g_task_return_boolean (task, FALSE);
        return;
      }
    data->month_rows = care_case_store_list_followups (data->vault, &data->from, &data->to,
                                                       FALSE, &data->today, &error);
    if (data->month_rows != NULL)
      data->overdue_rows = care_case_store_list_followups (data->vault, NULL, NULL, TRUE,
                                                           &data->today, &error);
    if (data->overdue_rows != NULL)
      data->week_rows = care_case_store_list_followups (data->vault, &data->week_from, &data->week_to,
                                                        FALSE, &data->today, &error);
  }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CareFollowupCalendar *self = CARE_FOLLOWUP_CALENDAR (source_object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean loaded = g_task_propagate_boolean (G_TASK (result), &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (error != NULL)
        g_warning ("Could not list the follow-ups (%s %d)", g_quark_to_string (error->domain), error->code);
      if (loaded)
        {
          GPtrArray *week_pending = g_ptr_array_new ();

          fill_grid (self, data->month_rows);
          fill_side_list (self, self->overdue_list, data->overdue_rows);
          if (data->overdue_rows->len > 0)
            {
              /* Translators: heading of the list of overdue follow-ups; %u is how many */
              g_autofree char *heading = g_strdup_printf (_("Overdue (%u)"), data->overdue_rows->len);

              gtk_label_set_label (self->overdue_heading, heading);
            }
          else
            gtk_label_set_label (self->overdue_heading, _("Overdue"));
          /* This week's still to do; the overdue ones are listed above. */
          for (guint i = 0; i < data->week_rows->len; i++)
            {
              CareFollowUpRow *row = g_ptr_array_index (data->week_rows, i);

              if (!care_date_is_set (&row->done_on) && !row->overdue)
                g_ptr_array_add (week_pending, row);
            }
          fill_side_list (self, self->week_list, week_pending);
          g_ptr_array_unref (week_pending);
        }
    }
  set_running (self, -1);
}

void
care_followup_calendar_reload (CareFollowupCalendar *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;
  GDate week_day;

  g_return_if_fail (CARE_IS_FOLLOWUP_CALENDAR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  fill_grid (self, NULL);
  if (self->vault == NULL)
    {
      fill_side_list (self, self->overdue_list, NULL);
      fill_side_list (self, self->week_list, NULL);
      return;
    }
  /* Loaded when shown, so that unlocking does not wait for it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->vault = g_object_ref (self->vault);
  get_today (self, &data->today);
  get_first_shown_day (self, &data->from);
  data->to = data->from;
  g_date_add_days (&data->to, N_DAYS - 1);
  week_day = data->today;
  g_date_subtract_days (&week_day, (get_weekday (&week_day) + 7 - self->week_start) % 7);
  data->week_from = week_day;
  data->week_to = week_day;
  g_date_add_days (&data->week_to, 6);

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, care_followup_calendar_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  set_running (self, +1);
  care_language_run_in_thread (task, load_thread);
}

gboolean
care_followup_calendar_get_loading (CareFollowupCalendar *self)
{
  g_return_val_if_fail (CARE_IS_FOLLOWUP_CALENDAR (self), FALSE);

  return self->running > 0;
}

void
care_followup_calendar_set_vault (CareFollowupCalendar *self,
                                  CareVault            *vault)
{
  g_return_if_fail (CARE_IS_FOLLOWUP_CALENDAR (self));
  g_return_if_fail (vault == NULL || CARE_IS_VAULT (vault));

  if (!g_set_object (&self->vault, vault))
    return;
  care_followup_calendar_reload (self);
}

void
care_followup_calendar_show_month (CareFollowupCalendar *self,
                                   const GDate          *date)
{
  g_return_if_fail (CARE_IS_FOLLOWUP_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_date_set_dmy (&self->month, 1, g_date_get_month (date), g_date_get_year (date));
  care_followup_calendar_reload (self);
}

void
care_followup_calendar_get_month (CareFollowupCalendar *self,
                                  GDate                *out_first_day)
{
  g_return_if_fail (CARE_IS_FOLLOWUP_CALENDAR (self));

  *out_first_day = self->month;
}

void
care_followup_calendar_set_today (CareFollowupCalendar *self,
                                  const GDate          *today)
{
  g_return_if_fail (CARE_IS_FOLLOWUP_CALENDAR (self));

  if (today != NULL && care_date_is_set (today))
    self->fixed_today = *today;
  else
    care_date_unset (&self->fixed_today);
  care_followup_calendar_reload (self);
}

/* --- actions --- */

static void
move_months (CareFollowupCalendar *self,
             int                   months)
{
  GDate month = self->month;

  if (months < 0)
    g_date_subtract_months (&month, (guint) -months);
  else
    g_date_add_months (&month, (guint) months);
  care_followup_calendar_show_month (self, &month);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_months (CARE_FOLLOWUP_CALENDAR (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_months (CARE_FOLLOWUP_CALENDAR (widget), +1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CareFollowupCalendar *self = CARE_FOLLOWUP_CALENDAR (widget);
  GDate today;

  get_today (self, &today);
  care_followup_calendar_show_month (self, &today);
}

static void
jump_popover_shown_cb (CareFollowupCalendar *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&self->month),
                                                   g_date_get_month (&self->month), 1, 0, 0, 0);

  gtk_calendar_select_day (self->jump_calendar, dt);
}

static void
jump_day_selected_cb (CareFollowupCalendar *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->jump_calendar);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, g_date_time_get_month (dt), g_date_time_get_year (dt));
  gtk_menu_button_popdown (self->month_button);
  care_followup_calendar_show_month (self, &date);
}

/* --- life cycle --- */

static void
care_followup_calendar_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CareFollowupCalendar *self = CARE_FOLLOWUP_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->running > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
care_followup_calendar_dispose (GObject *object)
{
  CareFollowupCalendar *self = CARE_FOLLOWUP_CALENDAR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_FOLLOWUP_CALENDAR);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (care_followup_calendar_parent_class)->dispose (object);
}

static void
care_followup_calendar_map (GtkWidget *widget)
{
  CareFollowupCalendar *self = CARE_FOLLOWUP_CALENDAR (widget);

  GTK_WIDGET_CLASS (care_followup_calendar_parent_class)->map (widget);
  if (self->stale)
    care_followup_calendar_reload (self);
}

static void
care_followup_calendar_class_init (CareFollowupCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_followup_calendar_dispose;
  widget_class->map = care_followup_calendar_map;
  object_class->get_property = care_followup_calendar_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CareFollowupCalendar::followup-activated:
   * @case_number: the case of the follow-up
   * @followup_id: the follow-up
   */
  signals[FOLLOWUP_ACTIVATED] =
    g_signal_new ("followup-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-followup-calendar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, month_button);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, jump_calendar);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, weekday_grid);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, month_grid);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, spinner);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, week_list);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, overdue_heading);
  gtk_widget_class_bind_template_child (widget_class, CareFollowupCalendar, week_heading);
  gtk_widget_class_bind_template_callback (widget_class, side_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);

  gtk_widget_class_set_css_name (widget_class, "followup-calendar");
}

static void
care_followup_calendar_init (CareFollowupCalendar *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->week_start = care_get_first_weekday ();
  for (guint d = 0; d < 7; d++)
    {
      self->weekday_labels[d] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekday_labels[d], "weekday");
      gtk_grid_attach (self->weekday_grid, self->weekday_labels[d], (int) d, 0, 1, 1);
    }
  for (guint i = 0; i < N_DAYS; i++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *number = gtk_label_new (NULL);
      GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_add_css_class (cell, "calendar-day");
      gtk_widget_add_css_class (number, "day-number");
      gtk_widget_set_halign (number, GTK_ALIGN_START);
      gtk_widget_set_overflow (cell, GTK_OVERFLOW_HIDDEN);
      gtk_box_append (GTK_BOX (cell), number);
      gtk_box_append (GTK_BOX (cell), chips);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      self->day_cells[i] = cell;
      self->day_numbers[i] = number;
      self->day_chips[i] = chips;
      gtk_grid_attach (self->month_grid, cell, (int) (i % 7), (int) (i / 7), 1, 1);
    }

  get_today (self, &today);
  g_date_clear (&self->month, 1);
  g_date_set_dmy (&self->month, 1, g_date_get_month (&today), g_date_get_year (&today));
  fill_grid (self, NULL);
}
