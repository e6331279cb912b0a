/* care-case-page.c — one case: summary, plan, follow-up and history
 *
 * This file is the shell: the type and its template, loading and saving
 * the case, closing and deleting it, and the helpers every page uses; each
 * page of the view stack has its own care-case-page-*.c (see
 * care-case-page-private.h).
 *
 * Edits are saved as they are made (GNOME style): each change is checked
 * at once against the same rules the store applies (care_case_validate),
 * the reason shown beside the field, and the case saved shortly after the
 * last keystroke only when nothing is wrong — so nothing invalid ever
 * reaches the vault, and nothing valid is lost on lock (the page saves
 * when the application is about to lock).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "care-case-page-private.h"
#include "care-case-store.h"
#include "care-country-row.h"
#include "care-store-access.h"
#include "care-toast.h"

/* Long enough to save once per burst of typing, not once per key. */
#define SAVE_DELAY_MS 800

G_DEFINE_FINAL_TYPE (CareCasePage, care_case_page, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
care_case_page_get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

GtkWidget *
care_case_page_new_row (const char *title,
                        const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and notes are the case's own text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

void
care_case_page_add_row (CareCasePage        *self,
                        GPtrArray           *rows,
                        AdwPreferencesGroup *group,
                        GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, g_object_ref (row));
  g_object_set_data (G_OBJECT (row), "care-group", group);
}

void
care_case_page_clear_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "care-group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (rows, 0);
}

void
care_case_page_show_toast (CareCasePage *self,
                           const char   *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
care_case_page_update_save_state (CareCasePage *self)
{
  const char *text = "";
  const char *tooltip = NULL;
  gboolean error = FALSE;

  if (self->draft == NULL)
    text = "";
  else if (self->is_new && (!self->dirty || !self->valid))
    {
      text = _("Not Saved Yet");
      tooltip = _("A new case is saved as soon as its required fields are filled in correctly");
      error = self->dirty;
    }
  else if (self->dirty && !self->valid)
    {
      text = _("Not Saved");
      tooltip = _("Correct the fields marked in red: the last changes are saved once they are valid");
      error = TRUE;
    }
  else if (self->dirty)
    text = _("Saving…");
  else
    {
      text = _("Saved");
      tooltip = _("Every change is saved as it is made");
    }

  gtk_label_set_label (self->save_state_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_state_label), tooltip);
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->save_state_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_state_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_state_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_state_label), "dim-label");
    }
}

/* --- loading and saving --- */

static void
fill_form (CareCasePage *self)
{
  self->loading = TRUE;
  care_case_page_fill_fields (self);
  care_case_page_fill_summary (self);
  care_case_page_fill_assessment_controls (self, self->draft);
  self->loading = FALSE;

  care_case_page_revalidate (self);
  care_case_page_update_derived (self);
  care_case_page_fill_plan (self);
  care_case_page_fill_followups (self);
  care_case_page_fill_history (self);
  care_case_page_hand_case_to_documents (self);
  care_case_page_update_plan_actions (self);
}

static void
take_case (CareCasePage *self,
           CareCase     *care_case,
           gboolean      is_new)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->draft, care_case_free);
  /* Undo belongs to the case the measure was removed from. */
  g_clear_pointer (&self->removed_measure, care_measure_free);
  self->draft = care_case;
  self->is_new = is_new;
  self->dirty = FALSE;
  g_clear_pointer (&self->reopen_number, g_free);
  if (!is_new)
    self->reopen_number = care_case_number_format (&care_case->number);
  fill_form (self);
  adw_view_stack_set_visible_child_name (self->page_stack, "summary");
}

static void
load_settings (CareCasePage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->settings, care_settings_free);
  if (self->vault != NULL)
    {
      g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

      self->settings = care_settings_store_load (self->vault, &error);
    }
  if (self->settings == NULL)
    {
      if (error != NULL)
        g_warning ("Could not read the programme settings (%s %d)", g_quark_to_string (error->domain), error->code);
      self->settings = care_settings_new ();
    }
}

gboolean
care_case_page_save_now (CareCasePage *self)
{
  g_autoptr(CareCase) copy = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->draft == NULL || self->vault == NULL || !self->dirty || !self->valid)
    return FALSE;

  copy = care_case_copy (self->draft);
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    saved = care_case_store_save (self->vault, copy, self->settings, NULL, &error);
  }
  if (!saved)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why */
      text = g_strdup_printf (_("The case could not be saved: %s"), error->message);
      care_case_page_show_toast (self, text);
      g_warning ("Could not save a case (%s %d)", g_quark_to_string (error->domain), error->code);
      return FALSE;
    }

  /* The store gave the case its number, ids and follow-up schedule. */
  care_case_free (self->draft);
  self->draft = g_steal_pointer (&copy);
  self->is_new = FALSE;
  self->dirty = FALSE;
  g_free (self->reopen_number);
  self->reopen_number = care_case_number_format (&self->draft->number);
  care_case_page_touch_fields (self);

  care_case_page_update_save_state (self);
  care_case_page_update_derived (self);
  care_case_page_fill_followups (self);
  care_case_page_fill_history (self);
  care_case_page_hand_case_to_documents (self);
  care_case_page_update_plan_actions (self);
  g_signal_emit (self, signals[SAVED], 0, self->reopen_number);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CareCasePage *self = user_data;

  self->save_id = 0;
  care_case_page_save_now (self);
  return G_SOURCE_REMOVE;
}

void
care_case_page_note_change (CareCasePage *self)
{
  self->dirty = TRUE;
  care_case_page_revalidate (self);
  care_case_page_update_derived (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->valid)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* --- public API --- */

void
care_case_page_set_vault (CareCasePage *self,
                          CareVault    *vault)
{
  g_autofree char *reopen = NULL;

  g_return_if_fail (CARE_IS_CASE_PAGE (self));
  g_return_if_fail (vault == NULL || CARE_IS_VAULT (vault));

  if (self->vault == vault)
    return;

  /* Locked: nothing of the case stays in the widgets. */
  reopen = g_strdup (self->reopen_number);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->draft, care_case_free);
  self->dirty = FALSE;
  self->loading = TRUE;
  care_case_page_clear_fields (self);
  self->loading = FALSE;
  {
    g_autoptr(CareCase) blank = care_case_new ();

    care_case_page_fill_assessment_controls (self, blank);
  }
  care_case_page_clear_rows (self->plan_rows);
  care_case_page_clear_rows (g_object_get_data (G_OBJECT (self->history_group), "care-rows"));
  care_case_page_clear_rows (g_object_get_data (G_OBJECT (self->followups_group), "care-rows"));
  care_case_page_clear_rows (g_object_get_data (G_OBJECT (self->eligibility_group), "care-rows"));
  care_case_page_clear_rows (g_object_get_data (G_OBJECT (self->problems_group), "care-rows"));
  adw_window_title_set_title (self->case_title, "");
  adw_window_title_set_subtitle (self->case_title, "");

  g_set_object (&self->vault, vault);
  care_case_page_hand_case_to_documents (self);
  load_settings (self);

  /* Unlocked again: back to the case that was open. */
  if (vault != NULL && reopen != NULL && !care_case_page_open (self, reopen, NULL))
    g_clear_pointer (&self->reopen_number, g_free);
  care_case_page_update_save_state (self);
}

gboolean
care_case_page_open (CareCasePage *self,
                     const char   *case_number,
                     GError      **error)
{
  CareCase *care_case;

  g_return_val_if_fail (CARE_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (case_number != NULL, FALSE);
  g_return_val_if_fail (self->vault != NULL, FALSE);

  care_case_page_flush (self);
  /* Preferences may have changed the programme since the last case. */
  load_settings (self);
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    care_case = care_case_store_load (self->vault, case_number, error);
  }
  if (care_case == NULL)
    return FALSE;
  take_case (self, care_case, FALSE);
  return TRUE;
}

void
care_case_page_new_case (CareCasePage *self)
{
  CareCase *care_case;

  g_return_if_fail (CARE_IS_CASE_PAGE (self));

  care_case_page_flush (self);
  load_settings (self);
  care_case = care_case_new ();
  care_case_page_get_today (&care_case->referral_date);
  take_case (self, care_case, TRUE);
  self->fields[0].touched = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->family_name_row));
}

void
care_case_page_flush (CareCasePage *self)
{
  g_return_if_fail (CARE_IS_CASE_PAGE (self));

  care_case_page_save_now (self);
}

const CareCase *
care_case_page_get_case (CareCasePage *self)
{
  g_return_val_if_fail (CARE_IS_CASE_PAGE (self), NULL);

  return self->draft;
}

gboolean
care_case_page_has_unsaved_changes (CareCasePage *self)
{
  g_return_val_if_fail (CARE_IS_CASE_PAGE (self), FALSE);

  return self->dirty;
}

/* Which of Summary, Plan, Follow-up, History is shown: kept across a
 * change of interface language. */
const char *
care_case_page_get_visible_page (CareCasePage *self)
{
  g_return_val_if_fail (CARE_IS_CASE_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->page_stack);
}

void
care_case_page_set_visible_page (CareCasePage *self,
                                 const char   *name)
{
  g_return_if_fail (CARE_IS_CASE_PAGE (self));

  if (name != NULL && adw_view_stack_get_child_by_name (self->page_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->page_stack, name);
}

/* --- actions --- */

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);

  care_case_page_flush (self);
  g_clear_pointer (&self->reopen_number, g_free);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CareCasePage     *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  gboolean deleted;

  if (g_strcmp0 (response, "delete") != 0 || self->draft == NULL || self->vault == NULL)
    return;

  number = care_case_number_format (&self->draft->number);
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    deleted = care_case_store_delete (self->vault, number, &error);
  }
  if (!deleted)
    {
      g_autofree char *text = g_strdup_printf (_("The case could not be deleted: %s"), error->message);

      care_case_page_show_toast (self, text);
      return;
    }

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->draft, care_case_free);
  g_clear_pointer (&self->reopen_number, g_free);
  self->dirty = FALSE;
  g_signal_emit (self, signals[DELETED], 0, number);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CareCasePage *self = CARE_CASE_PAGE (widget);
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->draft == NULL || self->is_new)
    return;

  number = care_case_number_format (&self->draft->number);
  name = care_person_get_display_name (self->draft->person);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete This Case?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %1$s is a case number, %2$s a person's name */
                                  _("Case %1$s of %2$s, with its plan, follow-ups and documents, will be deleted. Only its history remains. This cannot be undone."),
                                  number, name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- life cycle --- */

static void
care_case_page_dispose (GObject *object)
{
  CareCasePage *self = CARE_CASE_PAGE (object);

  care_toast_forget (&self->undo_toast);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_CASE_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (care_case_page_parent_class)->dispose (object);
}

static void
care_case_page_finalize (GObject *object)
{
  CareCasePage *self = CARE_CASE_PAGE (object);

  g_clear_pointer (&self->draft, care_case_free);
  g_clear_pointer (&self->removed_measure, care_measure_free);
  g_clear_pointer (&self->settings, care_settings_free);
  g_free (self->reopen_number);
  care_case_page_free_fields (self);
  g_ptr_array_unref (self->added_rows);
  g_ptr_array_unref (self->plan_rows);

  G_OBJECT_CLASS (care_case_page_parent_class)->finalize (object);
}

static void
care_case_page_class_init (CareCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_case_page_dispose;
  object_class->finalize = care_case_page_finalize;

  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CareCasePage::saved:
   * @case_number: the case saved
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CARE_TYPE_COUNTRY_ROW);
  g_type_ensure (CARE_TYPE_CASE_DOCUMENTS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-case-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CareCasePage, name)
  BIND (case_title);
  BIND (save_state_label);
  BIND (toast_overlay);
  BIND (page_stack);
  BIND (summary_page);
  BIND (problems_group);
  BIND (family_name_row);
  BIND (given_names_row);
  BIND (sex_row);
  BIND (birth_row);
  BIND (nationality_row);
  BIND (phone_row);
  BIND (host_row);
  BIND (return_row);
  BIND (destination_row);
  BIND (referral_date_row);
  BIND (planned_return_row);
  BIND (arrival_row);
  BIND (caseworker_row);
  BIND (organisation_row);
  BIND (contact_row);
  BIND (consent_return_row);
  BIND (consent_return_date_row);
  BIND (consent_data_row);
  BIND (consent_data_date_row);
  BIND (consent_followup_row);
  BIND (consent_followup_date_row);
  BIND (eligibility_group);
  BIND (status_row);
  BIND (minor_row);
  BIND (eligible_row);
  BIND (version_row);
  BIND (language_row);
  BIND (add_measure_row);
  BIND (objectives_row);
  BIND (totals_row);
  BIND (economic_group);
  BIND (social_group);
  BIND (psychosocial_group);
  BIND (other_group);
  BIND (followups_group);
  BIND (history_group);
  BIND (risk_level_row);
  BIND (assessed_on_row);
  BIND (factors_group);
  BIND (other_factor_row);
  BIND (mitigation_row);
  BIND (airport_switch);
  BIND (nights_spin);
  BIND (health_switch);
  BIND (transport_switch);
  BIND (escort_switch);
  BIND (needs_notes_row);
  BIND (education_row);
  BIND (languages_row);
  BIND (work_row);
  BIND (vocational_row);
  BIND (aspirations_row);
  BIND (preferred_row);
  BIND (contacted_switch);
  BIND (minor_group);
  BIND (guardian_row);
  BIND (best_interests_row);
  BIND (minor_notes_row);
  BIND (arrival_airport_group);
  BIND (arrival_accommodation_group);
  BIND (arrival_health_group);
  BIND (arrival_transport_group);
  BIND (arrival_airport_planned_row);
  BIND (arrival_airport_done_row);
  BIND (arrival_airport_who_row);
  BIND (arrival_accommodation_planned_row);
  BIND (arrival_accommodation_done_row);
  BIND (arrival_accommodation_who_row);
  BIND (arrival_health_planned_row);
  BIND (arrival_health_done_row);
  BIND (arrival_health_who_row);
  BIND (arrival_transport_planned_row);
  BIND (arrival_transport_done_row);
  BIND (arrival_transport_who_row);
#undef BIND

  gtk_widget_class_install_action (widget_class, "case.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "case.delete", NULL, delete_action);
  care_case_page_class_init_plan (widget_class);
  care_case_page_class_init_followups (widget_class);
  care_case_page_class_init_documents (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "case.close", NULL);
}

static void
care_case_page_init (CareCasePage *self)
{
  AdwPreferencesGroup *groups_with_rows[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->added_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->plan_rows = g_ptr_array_new_with_free_func (g_object_unref);

  groups_with_rows[0] = self->problems_group;
  groups_with_rows[1] = self->eligibility_group;
  groups_with_rows[2] = self->followups_group;
  groups_with_rows[3] = self->history_group;
  for (guint i = 0; i < G_N_ELEMENTS (groups_with_rows); i++)
    g_object_set_data_full (G_OBJECT (groups_with_rows[i]), "care-rows",
                            g_ptr_array_new_with_free_func (g_object_unref),
                            (GDestroyNotify) g_ptr_array_unref);

  care_case_page_init_fields (self);
  care_case_page_init_summary (self);
  care_case_page_init_assessment (self);

  self->settings = care_settings_new ();
  care_case_page_update_plan_actions (self);
  care_case_page_update_save_state (self);
}
