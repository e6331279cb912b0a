/* care-case-page-assessment.c — the Assessment page: risk, needs at arrival, skills, minors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-page-private.h"

/* Shows C's choices in the switches, checks and spin buttons of the
 * Assessment page (a blank case clears them when the vault locks). */
void
care_case_page_fill_assessment_controls (CareCasePage   *self,
                                         const CareCase *c)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  adw_combo_row_set_selected (self->risk_level_row, c->risk->level);
  for (guint i = 0; i < N_RISK_FACTORS; i++)
    gtk_check_button_set_active (self->factor_checks[i], (c->risk->factors & (1u << i)) != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->other_factor_row),
                            (c->risk->factors & CARE_RISK_FACTOR_OTHER) != 0 || c->risk->other_factor != NULL);
  gtk_switch_set_active (self->airport_switch, c->arrival_needs->airport_reception);
  gtk_spin_button_set_value (self->nights_spin, c->arrival_needs->secure_accommodation_nights);
  gtk_switch_set_active (self->health_switch, c->arrival_needs->health_check);
  gtk_switch_set_active (self->transport_switch, c->arrival_needs->secondary_transport);
  gtk_switch_set_active (self->escort_switch, c->arrival_needs->escort);
  gtk_switch_set_active (self->contacted_switch, c->skills->contact_in_return_country);
  self->loading = was_loading;
}

static void
risk_level_selected_cb (CareCasePage *self)
{
  guint selected = adw_combo_row_get_selected (self->risk_level_row);

  if (self->loading || self->draft == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->draft->risk->level = (CareRiskLevel) selected;
  /* The date the risk was assessed, unless one was typed. */
  if (self->draft->risk->level != CARE_RISK_NOT_ASSESSED && !care_date_is_set (&self->draft->risk->assessed_on))
    {
      g_autofree char *text = NULL;

      care_case_page_get_today (&self->draft->risk->assessed_on);
      text = care_date_format (&self->draft->risk->assessed_on);
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->assessed_on_row), text);
      self->loading = FALSE;
    }
  care_case_page_note_change (self);
}

static void
factor_toggled_cb (GtkCheckButton *check,
                   CareCasePage   *self)
{
  CareRiskFactor factor = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "care-factor"));

  if (self->loading || self->draft == NULL)
    return;
  if (gtk_check_button_get_active (check))
    self->draft->risk->factors |= factor;
  else
    self->draft->risk->factors &= ~factor;
  gtk_widget_set_sensitive (GTK_WIDGET (self->other_factor_row),
                            (self->draft->risk->factors & CARE_RISK_FACTOR_OTHER) != 0 ||
                            self->draft->risk->other_factor != NULL);
  care_case_page_note_change (self);
}

static void
needs_changed_cb (CareCasePage *self)
{
  CareArrivalNeeds *needs;

  if (self->loading || self->draft == NULL)
    return;
  needs = self->draft->arrival_needs;
  needs->airport_reception = gtk_switch_get_active (self->airport_switch);
  needs->secure_accommodation_nights = (guint) gtk_spin_button_get_value_as_int (self->nights_spin);
  needs->health_check = gtk_switch_get_active (self->health_switch);
  needs->secondary_transport = gtk_switch_get_active (self->transport_switch);
  needs->escort = gtk_switch_get_active (self->escort_switch);
  self->draft->skills->contact_in_return_country = gtk_switch_get_active (self->contacted_switch);
  care_case_page_note_change (self);
}

static void
name_after_row (GtkWidget *control)
{
  GtkWidget *row = gtk_widget_get_ancestor (control, ADW_TYPE_PREFERENCES_ROW);
  GString *title = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  /* Screen readers announce the row's title, not its mnemonic. */
  g_string_replace (title, "_", "", 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title->str, -1);
  g_string_free (title, TRUE);
}

void
care_case_page_init_assessment (CareCasePage *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  GtkWidget *after[] = { GTK_WIDGET (self->other_factor_row), GTK_WIDGET (self->mitigation_row) };
  GtkWidget *controls[] = {
    GTK_WIDGET (self->airport_switch), GTK_WIDGET (self->nights_spin), GTK_WIDGET (self->health_switch),
    GTK_WIDGET (self->transport_switch), GTK_WIDGET (self->escort_switch), GTK_WIDGET (self->contacted_switch),
  };

  for (int level = CARE_RISK_NOT_ASSESSED; level <= CARE_RISK_HIGH; level++)
    gtk_string_list_append (levels, care_risk_level_get_label ((CareRiskLevel) level));
  adw_combo_row_set_model (self->risk_level_row, G_LIST_MODEL (levels));
  g_signal_connect_swapped (self->risk_level_row, "notify::selected", G_CALLBACK (risk_level_selected_cb), self);

  /* One check row a factor, the "other" and mitigation rows after them. */
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      g_object_ref (after[i]);
      adw_preferences_group_remove (self->factors_group, after[i]);
    }
  for (guint i = 0; i < N_RISK_FACTORS; i++)
    {
      CareRiskFactor factor = 1u << i;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), care_risk_factor_get_label (factor));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      care_risk_factor_get_label (factor), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "care-factor", GUINT_TO_POINTER (factor));
      g_signal_connect (check, "toggled", G_CALLBACK (factor_toggled_cb), self);
      adw_preferences_group_add (self->factors_group, row);
      self->factor_checks[i] = GTK_CHECK_BUTTON (check);
    }
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      adw_preferences_group_add (self->factors_group, after[i]);
      g_object_unref (after[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      name_after_row (controls[i]);
      if (GTK_IS_SWITCH (controls[i]))
        g_signal_connect_swapped (controls[i], "notify::active", G_CALLBACK (needs_changed_cb), self);
      else
        g_signal_connect_swapped (controls[i], "value-changed", G_CALLBACK (needs_changed_cb), self);
    }
}
