/* care-followup-dialog.c — recording a follow-up contact
 *
 * What the caseworker found: when and how the contact was made, by whom,
 * a score from 1 to 5 on each dimension of reintegration, the risk of
 * being exploited again, and notes. Checked as it is typed with the same
 * rules as the store; "Save" stays off while something is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-followup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "care-date.h"
#include "care-format.h"
#include "care-followup-dialog.h"
#include "care-validate.h"

struct _CareFollowupDialog
{
  AdwWindow     parent_instance;

  CareFollowUp *followup;
  GDate         today;

  /* Template widgets */
  AdwWindowTitle *title;
  AdwEntryRow   *done_row;
  GtkLabel      *done_message;
  AdwComboRow   *mode_row;
  AdwEntryRow   *who_row;
  GtkLabel      *who_message;
  AdwComboRow   *economic_row;
  AdwComboRow   *social_row;
  AdwComboRow   *psychosocial_row;
  AdwComboRow   *risk_row;
  GtkTextView   *notes_view;
  GtkLabel      *notes_message;
};

G_DEFINE_FINAL_TYPE (CareFollowupDialog, care_followup_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (GtkWidget *row,
              GtkLabel  *message,
              GError    *error)
{
  gtk_label_set_label (message, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (message), error != NULL);
  if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static char *
dup_notes (CareFollowupDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Reads every field into the follow-up; TRUE when all of them are right. */
static gboolean
read_fields (CareFollowupDialog *self)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) who_error = NULL;
  g_autoptr(GError) notes_error = NULL;
  g_autofree char *notes = dup_notes (self);
  const char *done_text = gtk_editable_get_text (GTK_EDITABLE (self->done_row));
  const char *who = gtk_editable_get_text (GTK_EDITABLE (self->who_row));
  CareFollowUp *f = self->followup;
  GDate done;

  if (!care_date_parse (done_text, &done, &date_error))
    care_date_unset (&f->done_on);
  else if (!care_date_is_set (&done))
    date_error = g_error_new_literal (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_REQUIRED,
                                      _("The date of the contact is required."));
  else
    {
      f->done_on = done;
      date_error = care_validate_not_future (&done, &self->today, _("Done on"));
    }

  who_error = care_validate_required (who, _("Who"));
  if (who_error == NULL)
    who_error = care_validate_text (who, CARE_NAME_MAX_CHARS, FALSE, _("Who"));
  g_free (f->who);
  f->who = g_strstrip (g_strdup (who));

  notes_error = care_validate_text (notes, CARE_NOTES_MAX_CHARS, TRUE, _("Notes"));
  g_free (f->notes);
  f->notes = *notes != '\0' ? g_strdup (notes) : NULL;

  f->mode = (CareFollowUpMode) adw_combo_row_get_selected (self->mode_row);
  f->economic_score = adw_combo_row_get_selected (self->economic_row);
  f->social_score = adw_combo_row_get_selected (self->social_row);
  f->psychosocial_score = adw_combo_row_get_selected (self->psychosocial_row);
  f->reexploitation_risk = (CareRiskLevel) adw_combo_row_get_selected (self->risk_row);

  show_message (GTK_WIDGET (self->done_row), self->done_message, date_error);
  show_message (GTK_WIDGET (self->who_row), self->who_message, who_error);
  show_message (GTK_WIDGET (self->notes_view), self->notes_message, notes_error);

  return date_error == NULL && who_error == NULL && notes_error == NULL;
}

static void
field_changed_cb (CareFollowupDialog *self)
{
  /* Rows may say they changed while the window is torn down. */
  if (self->done_row == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.save", read_fields (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CareFollowupDialog *self = CARE_FOLLOWUP_DIALOG (widget);

  if (!read_fields (self))
    return;
  g_signal_emit (self, signals[RECORDED], 0, self->followup);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_combo (AdwComboRow *row,
            const char **labels,
            guint        n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

CareFollowupDialog *
care_followup_dialog_new (GtkWindow          *parent,
                          const CareFollowUp *followup,
                          const char         *who,
                          const GDate        *today)
{
  CareFollowupDialog *self;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (followup != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_object_new (CARE_TYPE_FOLLOWUP_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->followup = care_follow_up_copy (followup);
  self->today = *today;

  due = care_format_date (&followup->due_on, CARE_DATE_LONG, NULL);
  if (followup->months_after_arrival > 0)
    /* Translators: %1$u is a number of months, %2$s a date */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u month after arrival, due %2$s",
                                             "%1$u months after arrival, due %2$s", followup->months_after_arrival),
                                followup->months_after_arrival, due);
  else
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("Added by hand, due %s"), due);
  adw_window_title_set_subtitle (self->title, subtitle);

  done = care_date_format (care_date_is_set (&followup->done_on) ? &followup->done_on : today);
  gtk_editable_set_text (GTK_EDITABLE (self->done_row), done);
  gtk_editable_set_text (GTK_EDITABLE (self->who_row),
                         followup->who != NULL && *followup->who != '\0' ? followup->who : (who != NULL ? who : ""));
  adw_combo_row_set_selected (self->mode_row, followup->mode);
  adw_combo_row_set_selected (self->economic_row, MIN (followup->economic_score, 5));
  adw_combo_row_set_selected (self->social_row, MIN (followup->social_score, 5));
  adw_combo_row_set_selected (self->psychosocial_row, MIN (followup->psychosocial_score, 5));
  adw_combo_row_set_selected (self->risk_row, followup->reexploitation_risk);
  if (followup->notes != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), followup->notes, -1);

  field_changed_cb (self);
  g_signal_connect_object (self->done_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->who_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

const CareFollowUp *
care_followup_dialog_get_followup (CareFollowupDialog *self)
{
  g_return_val_if_fail (CARE_IS_FOLLOWUP_DIALOG (self), NULL);

  read_fields (self);
  return self->followup;
}

static void
care_followup_dialog_finalize (GObject *object)
{
  CareFollowupDialog *self = CARE_FOLLOWUP_DIALOG (object);

  g_clear_pointer (&self->followup, care_follow_up_free);

  G_OBJECT_CLASS (care_followup_dialog_parent_class)->finalize (object);
}

static void
care_followup_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARE_TYPE_FOLLOWUP_DIALOG);

  G_OBJECT_CLASS (care_followup_dialog_parent_class)->dispose (object);
}

static void
care_followup_dialog_class_init (CareFollowupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_followup_dialog_dispose;
  object_class->finalize = care_followup_dialog_finalize;

  /**
   * CareFollowupDialog::recorded:
   * @followup: the follow-up as filled in
   */
  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  CARE_TYPE_FOLLOW_UP | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-followup-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CareFollowupDialog, name)
  BIND (title);
  BIND (done_row);
  BIND (done_message);
  BIND (mode_row);
  BIND (who_row);
  BIND (who_message);
  BIND (economic_row);
  BIND (social_row);
  BIND (psychosocial_row);
  BIND (risk_row);
  BIND (notes_view);
  BIND (notes_message);
#undef BIND

  gtk_widget_class_install_action (widget_class, "followup.save", NULL, save_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) gtk_window_close, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "followup.save", NULL);
}

static void
care_followup_dialog_init (CareFollowupDialog *self)
{
  const char *modes[] = {
    care_follow_up_mode_get_label (CARE_FOLLOWUP_VISIT),
    care_follow_up_mode_get_label (CARE_FOLLOWUP_PHONE),
    care_follow_up_mode_get_label (CARE_FOLLOWUP_VIDEO),
  };
  const char *scores[] = {
    _("Not scored"),
    /* Translators: scores of a follow-up, from 1 to 5 */
    _("1 — Very poor"),
    _("2 — Poor"),
    _("3 — Fair"),
    _("4 — Good"),
    _("5 — Very good"),
  };
  const char *risks[] = {
    care_risk_level_get_label (CARE_RISK_NOT_ASSESSED),
    care_risk_level_get_label (CARE_RISK_LOW),
    care_risk_level_get_label (CARE_RISK_MEDIUM),
    care_risk_level_get_label (CARE_RISK_HIGH),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_combo (self->mode_row, modes, G_N_ELEMENTS (modes));
  fill_combo (self->economic_row, scores, G_N_ELEMENTS (scores));
  fill_combo (self->social_row, scores, G_N_ELEMENTS (scores));
  fill_combo (self->psychosocial_row, scores, G_N_ELEMENTS (scores));
  fill_combo (self->risk_row, risks, G_N_ELEMENTS (risks));
}
