/* care-case-page-followups.c — the Follow-up page: scheduled contacts and their recording
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-page-private.h"
#include "care-followup-dialog.h"
#include "care-format.h"
#include "care-issue.h"
#include "care-validate.h"

void
care_case_page_fill_followups (CareCasePage *self)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->followups_group), "care-rows");
  GDate today;

  care_case_page_clear_rows (rows);
  if (self->draft == NULL)
    return;

  care_case_page_get_today (&today);
  for (guint i = 0; i < self->draft->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (self->draft->followups, i);
      g_autofree char *due = care_format_date (&f->due_on, CARE_DATE_LONG, NULL);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *state;
      const char *style;
      GtkWidget *row, *label;

      if (f->months_after_arrival > 0)
        /* Translators: %1$u is a number of months, %2$s a date */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u month after arrival, due %2$s",
                                              "%1$u months after arrival, due %2$s", f->months_after_arrival),
                                 f->months_after_arrival, due);
      else
        /* Translators: %s is a date */
        title = g_strdup_printf (_("Added by hand, due %s"), due);

      if (care_follow_up_is_done (f))
        {
          g_autofree char *done = care_format_date (&f->done_on, CARE_DATE_LONG, NULL);

          /* Translators: %1$s is a date, %2$s how (visit, phone…), %3$s who */
          subtitle = g_strdup_printf (_("Done on %1$s (%2$s) by %3$s"), done,
                                      care_follow_up_mode_get_label (f->mode),
                                      f->who != NULL ? f->who : "…");
          state = _("Done");
          style = "success";
        }
      else if (care_follow_up_is_cancelled (f))
        {
          state = _("Cancelled");
          style = "dim-label";
        }
      else if (care_follow_up_is_overdue (f, &today))
        {
          state = _("Overdue");
          style = "error";
        }
      else
        {
          state = _("Pending");
          style = "dim-label";
        }

      row = care_case_page_new_row (title, subtitle);
      label = gtk_label_new (state);
      gtk_widget_add_css_class (label, style);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      if (!care_follow_up_is_cancelled (f) && f->id != 0)
        {
          gboolean done = care_follow_up_is_done (f);
          GtkWidget *button = gtk_button_new_with_mnemonic (done ? _("_Edit…") : _("_Record…"));
          /* Translators: %s describes a follow-up, e.g. "3 months after arrival, due 2015-03-02" */
          g_autofree char *a11y = g_strdup_printf (done ? _("Edit the follow-up %s") : _("Record the follow-up %s"), title);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          if (!done)
            gtk_widget_add_css_class (button, "suggested-action");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case.record-followup");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", f->id);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          g_object_set_data (G_OBJECT (row), "care-record-button", button);
        }
      g_object_set_data (G_OBJECT (row), "care-followup-id", GINT_TO_POINTER ((int) f->id));
      care_case_page_add_row (self, rows, self->followups_group, row);
    }
  if (self->draft->followups->len == 0)
    care_case_page_add_row (self, rows, self->followups_group,
                            care_case_page_new_row (_("None scheduled yet"), _("Follow-ups are scheduled once the arrival date is known and the beneficiary consents to them.")));
}

static CareFollowUp *
find_followup (CareCase *c,
               gint64    id,
               guint    *out_index)
{
  for (guint i = 0; c != NULL && i < c->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (c->followups, i);

      if (f->id == id)
        {
          if (out_index != NULL)
            *out_index = i;
          return f;
        }
    }
  return NULL;
}

/* The contact as recorded replaces the scheduled one, if the case as a
 * whole stays valid; otherwise nothing changes and the reason is shown. */
static void
followup_recorded_cb (CareFollowupDialog *dialog,
                      const CareFollowUp *recorded,
                      CareCasePage       *self)
{
  g_autoptr(CareCase) trial = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  GDate today;
  guint index;

  if (self->draft == NULL || find_followup (self->draft, recorded->id, &index) == NULL)
    return;

  care_case_page_get_today (&today);
  trial = care_case_copy (self->draft);
  care_follow_up_free (g_ptr_array_index (trial->followups, index));
  g_ptr_array_index (trial->followups, index) = care_follow_up_copy (recorded);
  issues = care_case_validate (trial, self->settings, &today);
  if (issues->len > 0)
    {
      CareIssue *issue = g_ptr_array_index (issues, 0);
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The follow-up was not recorded: %s"), issue->message);

      care_case_page_show_toast (self, text);
      return;
    }

  care_follow_up_free (g_ptr_array_index (self->draft->followups, index));
  g_ptr_array_index (self->draft->followups, index) = care_follow_up_copy (recorded);
  care_case_page_note_change (self);
  if (care_case_page_save_now (self))
    {
      AdwToast *toast = adw_toast_new (_("Follow-up recorded"));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  care_case_page_fill_followups (self);
}

static void
record_followup_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  CareFollowUp *followup;
  CareFollowupDialog *dialog;
  GDate today;

  /* Ids come with the first save. */
  care_case_page_flush (self);
  followup = find_followup (self->draft, id, NULL);
  if (followup == NULL)
    return;

  care_case_page_get_today (&today);
  dialog = care_followup_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), followup,
                                     self->vault != NULL ? care_vault_get_user (self->vault) : NULL,
                                     &today);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (followup_recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
care_case_page_show_followup (CareCasePage *self,
                              gint64        followup_id)
{
  GPtrArray *rows;

  g_return_if_fail (CARE_IS_CASE_PAGE (self));

  adw_view_stack_set_visible_child_name (self->page_stack, "followups");
  rows = g_object_get_data (G_OBJECT (self->followups_group), "care-rows");
  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      GtkWidget *button = g_object_get_data (row, "care-record-button");

      if (GPOINTER_TO_INT (g_object_get_data (row, "care-followup-id")) == (int) followup_id)
        {
          gtk_widget_grab_focus (button != NULL ? button : GTK_WIDGET (row));
          break;
        }
    }
}

void
care_case_page_class_init_followups (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.record-followup", "x", record_followup_action);
}
