/* care-case-page-summary.c — the Summary page: identity, referral, consents, status and eligibility
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-page-private.h"
#include "care-eligibility.h"
#include "care-issue.h"

/* What is derived from the case: its title, status and eligibility. */
void
care_case_page_update_derived (CareCasePage *self)
{
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) reasons = NULL;

  if (self->draft == NULL)
    return;

  number = care_case_number_is_set (&self->draft->number)
           ? care_case_number_format (&self->draft->number) : g_strdup (_("New Case"));
  name = care_person_get_display_name (self->draft->person);
  adw_window_title_set_title (self->case_title, number);
  adw_window_title_set_subtitle (self->case_title, name);

  adw_action_row_set_subtitle (self->status_row, care_case_status_get_label (care_case_get_status (self->draft)));
  gtk_widget_set_visible (GTK_WIDGET (self->minor_group), care_case_is_minor (self->draft));
  care_case_page_update_arrival_needs (self);
  adw_action_row_set_subtitle (self->minor_row,
                               care_case_is_minor (self->draft)
                               ? _("Yes: a guardian, a best-interests assessment and an escort are required")
                               : _("No"));

  care_case_page_clear_rows (g_object_get_data (G_OBJECT (self->eligibility_group), "care-rows"));
  reasons = care_case_check_eligibility (self->draft, self->settings);
  if (reasons->len == 0)
    adw_action_row_set_subtitle (self->eligible_row, _("Eligible: counted in the programme’s targets"));
  else
    {
      adw_action_row_set_subtitle (self->eligible_row,
                                   _("Not eligible, for the reasons below: the case is kept but left out of the targets"));
      for (guint i = 0; i < reasons->len; i++)
        {
          CareIssue *reason = g_ptr_array_index (reasons, i);
          GtkWidget *row = care_case_page_new_row (reason->message, NULL);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          care_case_page_add_row (self, g_object_get_data (G_OBJECT (self->eligibility_group), "care-rows"),
                                  self->eligibility_group, row);
        }
    }
}

static void
sex_selected_cb (CareCasePage *self)
{
  guint selected = adw_combo_row_get_selected (self->sex_row);

  if (self->loading || self->draft == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->draft->person->sex = (CareSex) selected;
  care_case_page_note_change (self);
}

static void
consent_selected_cb (AdwComboRow  *row,
                     GParamSpec   *pspec,
                     CareCasePage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  CareConsent *consent;
  GDate today;

  if (self->loading || self->draft == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->consent_return_row)
    consent = &self->draft->consent_voluntary_return;
  else if (row == self->consent_data_row)
    consent = &self->draft->consent_data;
  else
    consent = &self->draft->consent_followup;

  care_case_page_get_today (&today);
  consent->state = (CareConsentState) selected;
  if (consent->state == CARE_CONSENT_WITHDRAWN)
    {
      if (!care_date_is_set (&consent->withdrawn_on))
        consent->withdrawn_on = today;
    }
  else
    care_date_unset (&consent->withdrawn_on);
  care_case_page_note_change (self);
}

static void
fill_combo (AdwComboRow *row,
            GType        type)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int last = type == CARE_TYPE_SEX ? CARE_SEX_X : CARE_CONSENT_WITHDRAWN;

  /* In the order of the enum: the selected position is the value. */
  for (int v = 0; v <= last; v++)
    gtk_string_list_append (labels, type == CARE_TYPE_SEX ? care_sex_get_label ((CareSex) v)
                                                          : care_consent_state_get_label ((CareConsentState) v));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

void
care_case_page_init_summary (CareCasePage *self)
{
  fill_combo (self->sex_row, CARE_TYPE_SEX);
  fill_combo (self->consent_return_row, CARE_TYPE_CONSENT_STATE);
  fill_combo (self->consent_data_row, CARE_TYPE_CONSENT_STATE);
  fill_combo (self->consent_followup_row, CARE_TYPE_CONSENT_STATE);
  g_signal_connect_swapped (self->sex_row, "notify::selected", G_CALLBACK (sex_selected_cb), self);
  g_signal_connect (self->consent_return_row, "notify::selected", G_CALLBACK (consent_selected_cb), self);
  g_signal_connect (self->consent_data_row, "notify::selected", G_CALLBACK (consent_selected_cb), self);
  g_signal_connect (self->consent_followup_row, "notify::selected", G_CALLBACK (consent_selected_cb), self);
}

/* The choices of the Summary page that are not typed in. */
void
care_case_page_fill_summary (CareCasePage *self)
{
  CareConsent *consents[] = {
    &self->draft->consent_voluntary_return, &self->draft->consent_data, &self->draft->consent_followup,
  };
  AdwComboRow *consent_rows[] = { self->consent_return_row, self->consent_data_row, self->consent_followup_row };

  adw_combo_row_set_selected (self->sex_row, self->draft->person->sex);
  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    adw_combo_row_set_selected (consent_rows[i], consents[i]->state);
}
