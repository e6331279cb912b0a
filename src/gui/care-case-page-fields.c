/* care-case-page-fields.c — the rows typed into, on every page of a case
 *
 * Each entry row is tied to one field of the case as care_case_validate
 * names it: what is typed goes into the draft at once, or the reason it
 * cannot is kept and shown beside the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-page-private.h"
#include "care-country.h"
#include "care-issue.h"
#include "care-validate.h"

#define ROW(member) G_STRUCT_OFFSET (CareCasePage, member)

static const FieldSpec field_specs[] = {
  { "family_name", FIELD_TEXT, ROW (family_name_row) },
  { "given_names", FIELD_TEXT, ROW (given_names_row) },
  { "date_of_birth", FIELD_BIRTH_DATE, ROW (birth_row) },
  { "nationality", FIELD_COUNTRY, ROW (nationality_row) },
  { "phone", FIELD_TEXT, ROW (phone_row) },
  { "host_country", FIELD_COUNTRY, ROW (host_row) },
  { "return_country", FIELD_COUNTRY, ROW (return_row) },
  { "destination", FIELD_TEXT, ROW (destination_row) },
  { "referral_date", FIELD_DATE, ROW (referral_date_row) },
  { "planned_return_date", FIELD_DATE, ROW (planned_return_row) },
  { "arrival_date", FIELD_DATE, ROW (arrival_row) },
  { "caseworker", FIELD_TEXT, ROW (caseworker_row) },
  { "referring_organisation", FIELD_TEXT, ROW (organisation_row) },
  { "referral_contact", FIELD_TEXT, ROW (contact_row) },
  { "consent_voluntary_return", FIELD_DATE, ROW (consent_return_date_row) },
  { "consent_data", FIELD_DATE, ROW (consent_data_date_row) },
  { "consent_followup", FIELD_DATE, ROW (consent_followup_date_row) },
  { "assessed_on", FIELD_DATE, ROW (assessed_on_row) },
  { "other_factor", FIELD_TEXT, ROW (other_factor_row) },
  { "mitigation", FIELD_TEXT, ROW (mitigation_row) },
  { "arrival_needs", FIELD_TEXT, ROW (needs_notes_row) },
  { "education", FIELD_TEXT, ROW (education_row) },
  { "languages", FIELD_TEXT, ROW (languages_row) },
  { "work_experience", FIELD_TEXT, ROW (work_row) },
  { "vocational_skills", FIELD_TEXT, ROW (vocational_row) },
  { "aspirations", FIELD_TEXT, ROW (aspirations_row) },
  { "preferred_option", FIELD_TEXT, ROW (preferred_row) },
  { "guardian", FIELD_TEXT, ROW (guardian_row) },
  { "best_interests_date", FIELD_DATE, ROW (best_interests_row) },
  { "minor_notes", FIELD_TEXT, ROW (minor_notes_row) },
  { "arrival_assistance", FIELD_ARRIVAL_PLANNED, ROW (arrival_airport_planned_row), CARE_ARRIVAL_AIRPORT_RECEPTION },
  { "arrival_assistance", FIELD_ARRIVAL_DONE, ROW (arrival_airport_done_row), CARE_ARRIVAL_AIRPORT_RECEPTION },
  { "arrival_assistance", FIELD_ARRIVAL_WHO, ROW (arrival_airport_who_row), CARE_ARRIVAL_AIRPORT_RECEPTION },
  { "arrival_assistance", FIELD_ARRIVAL_PLANNED, ROW (arrival_accommodation_planned_row), CARE_ARRIVAL_SECURE_ACCOMMODATION },
  { "arrival_assistance", FIELD_ARRIVAL_DONE, ROW (arrival_accommodation_done_row), CARE_ARRIVAL_SECURE_ACCOMMODATION },
  { "arrival_assistance", FIELD_ARRIVAL_WHO, ROW (arrival_accommodation_who_row), CARE_ARRIVAL_SECURE_ACCOMMODATION },
  { "arrival_assistance", FIELD_ARRIVAL_PLANNED, ROW (arrival_health_planned_row), CARE_ARRIVAL_HEALTH_CHECK },
  { "arrival_assistance", FIELD_ARRIVAL_DONE, ROW (arrival_health_done_row), CARE_ARRIVAL_HEALTH_CHECK },
  { "arrival_assistance", FIELD_ARRIVAL_WHO, ROW (arrival_health_who_row), CARE_ARRIVAL_HEALTH_CHECK },
  { "arrival_assistance", FIELD_ARRIVAL_PLANNED, ROW (arrival_transport_planned_row), CARE_ARRIVAL_ONWARD_TRANSPORT },
  { "arrival_assistance", FIELD_ARRIVAL_DONE, ROW (arrival_transport_done_row), CARE_ARRIVAL_ONWARD_TRANSPORT },
  { "arrival_assistance", FIELD_ARRIVAL_WHO, ROW (arrival_transport_who_row), CARE_ARRIVAL_ONWARD_TRANSPORT },
};

#define N_FIELDS G_N_ELEMENTS (field_specs)

static char **
text_slot (CareCase   *c,
           const char *field)
{
  if (g_str_equal (field, "family_name"))
    return &c->person->family_name;
  if (g_str_equal (field, "given_names"))
    return &c->person->given_names;
  if (g_str_equal (field, "phone"))
    return &c->person->phone;
  if (g_str_equal (field, "nationality"))
    return &c->person->nationality;
  if (g_str_equal (field, "host_country"))
    return &c->host_country;
  if (g_str_equal (field, "return_country"))
    return &c->return_country;
  if (g_str_equal (field, "destination"))
    return &c->destination;
  if (g_str_equal (field, "caseworker"))
    return &c->caseworker;
  if (g_str_equal (field, "referring_organisation"))
    return &c->referring_organisation;
  if (g_str_equal (field, "referral_contact"))
    return &c->referral_contact;
  if (g_str_equal (field, "other_factor"))
    return &c->risk->other_factor;
  if (g_str_equal (field, "mitigation"))
    return &c->risk->mitigation;
  if (g_str_equal (field, "arrival_needs"))
    return &c->arrival_needs->notes;
  if (g_str_equal (field, "education"))
    return &c->skills->education;
  if (g_str_equal (field, "languages"))
    return &c->skills->languages;
  if (g_str_equal (field, "work_experience"))
    return &c->skills->work_experience;
  if (g_str_equal (field, "vocational_skills"))
    return &c->skills->vocational_skills;
  if (g_str_equal (field, "aspirations"))
    return &c->skills->aspirations;
  if (g_str_equal (field, "preferred_option"))
    return &c->skills->preferred_option;
  if (g_str_equal (field, "guardian"))
    return &c->minor->guardian;
  if (g_str_equal (field, "minor_notes"))
    return &c->minor->notes;
  g_assert_not_reached ();
}

static GDate *
date_slot (CareCase   *c,
           const char *field)
{
  if (g_str_equal (field, "referral_date"))
    return &c->referral_date;
  if (g_str_equal (field, "planned_return_date"))
    return &c->planned_return_date;
  if (g_str_equal (field, "arrival_date"))
    return &c->arrival_date;
  if (g_str_equal (field, "consent_voluntary_return"))
    return &c->consent_voluntary_return.decided_on;
  if (g_str_equal (field, "consent_data"))
    return &c->consent_data.decided_on;
  if (g_str_equal (field, "consent_followup"))
    return &c->consent_followup.decided_on;
  if (g_str_equal (field, "assessed_on"))
    return &c->risk->assessed_on;
  if (g_str_equal (field, "best_interests_date"))
    return &c->minor->best_interests_assessed_on;
  g_assert_not_reached ();
}

static char *
dup_field_text (CareCase       *c,
                const FieldRow *fr)
{
  switch (fr->spec->kind)
    {
    case FIELD_TEXT:
      return g_strdup (*text_slot (c, fr->spec->field) != NULL ? *text_slot (c, fr->spec->field) : "");
    case FIELD_COUNTRY:
      {
        const char *code = *text_slot (c, fr->spec->field);

        /* By name; a code that is no country's (an old import) as it is. */
        if (code != NULL && care_country_is_known (code))
          return g_strdup (care_country_get_name (code));
        return g_strdup (code != NULL ? code : "");
      }
    case FIELD_DATE:
      return care_date_format (date_slot (c, fr->spec->field));
    case FIELD_BIRTH_DATE:
      return care_birth_date_format (&c->person->date_of_birth);
    case FIELD_ARRIVAL_PLANNED:
    case FIELD_ARRIVAL_DONE:
    case FIELD_ARRIVAL_WHO:
      {
        CareArrivalItem *item = care_case_page_find_arrival_item (c, fr->spec->arrival, FALSE);

        if (item == NULL)
          return g_strdup ("");
        if (fr->spec->kind == FIELD_ARRIVAL_PLANNED)
          return care_date_format (&item->planned_on);
        if (fr->spec->kind == FIELD_ARRIVAL_DONE)
          return care_date_format (&item->done_on);
        return g_strdup (item->who != NULL ? item->who : "");
      }
    default:
      g_assert_not_reached ();
    }
}

/* Puts what the row says into the draft, or keeps why it cannot. */
static void
apply_field (CareCasePage *self,
             FieldRow     *fr)
{
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (fr->row))));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fr->parse_error, g_free);

  switch (fr->spec->kind)
    {
    case FIELD_TEXT:
      {
        char **slot = text_slot (self->draft, fr->spec->field);

        g_free (*slot);
        *slot = *value != '\0' ? g_steal_pointer (&value) : NULL;
      }
      break;

    case FIELD_COUNTRY:
      {
        char **slot = text_slot (self->draft, fr->spec->field);
        const char *code = NULL;

        /* A name or code that is not one country's leaves the case as it was. */
        if (*value != '\0' && (code = care_country_parse (value, &error)) == NULL)
          fr->parse_error = g_strdup (error->message);
        else
          {
            g_free (*slot);
            *slot = g_strdup (code);
          }
      }
      break;

    case FIELD_DATE:
      {
        GDate date;

        if (*value == '\0')
          care_date_unset (date_slot (self->draft, fr->spec->field));
        else if (care_date_parse (value, &date, &error))
          *date_slot (self->draft, fr->spec->field) = date;
        else
          fr->parse_error = g_strdup (error->message);
      }
      break;

    case FIELD_BIRTH_DATE:
      {
        CareBirthDate birth;

        if (*value == '\0')
          care_birth_date_unset (&self->draft->person->date_of_birth);
        else if (care_birth_date_parse (value, &birth, &error))
          self->draft->person->date_of_birth = birth;
        else
          fr->parse_error = g_strdup (error->message);
      }
      break;

    case FIELD_ARRIVAL_PLANNED:
    case FIELD_ARRIVAL_DONE:
    case FIELD_ARRIVAL_WHO:
      {
        CareArrivalItem *item = care_case_page_find_arrival_item (self->draft, fr->spec->arrival, TRUE);
        GDate *date = fr->spec->kind == FIELD_ARRIVAL_PLANNED ? &item->planned_on : &item->done_on;
        GDate parsed;

        if (fr->spec->kind == FIELD_ARRIVAL_WHO)
          {
            g_free (item->who);
            item->who = *value != '\0' ? g_steal_pointer (&value) : NULL;
          }
        else if (*value == '\0')
          care_date_unset (date);
        else if (care_date_parse (value, &parsed, &error))
          *date = parsed;
        else
          fr->parse_error = g_strdup (error->message);
        care_case_page_prune_arrival_item (self->draft, item);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
show_field_message (CareCasePage *self,
                    FieldRow     *fr,
                    const char   *error_message)
{
  const char *note = NULL;

  /* Beside a country: the name it was taken for while the row says
   * something else ("nigeri", "NG"), its code once the row says its name. */
  if (error_message == NULL && fr->spec->kind == FIELD_COUNTRY && self->draft != NULL)
    {
      const char *code = *text_slot (self->draft, fr->spec->field);

      if (code != NULL && care_country_is_known (code))
        {
          g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (fr->row))));

          note = g_strcmp0 (typed, care_country_get_name (code)) == 0 ? code : care_country_get_name (code);
        }
    }

  if (error_message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (fr->row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (fr->message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (fr->message), "dim-label");
      gtk_label_set_label (fr->message, error_message);
      gtk_widget_set_visible (GTK_WIDGET (fr->message), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fr->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error_message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (fr->row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (fr->row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (fr->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (fr->message), "dim-label");
      gtk_label_set_label (fr->message, note != NULL ? note : "");
      gtk_widget_set_visible (GTK_WIDGET (fr->message), note != NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (fr->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fr->row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static gboolean
field_is_shown (const char *field)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_specs[i].field, field) == 0)
      return TRUE;
  return FALSE;
}

/* Checks the whole draft and says beside each field what is wrong with it;
 * problems with parts of the case that this page does not show are listed
 * at the top. */
void
care_case_page_revalidate (CareCasePage *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  GDate today;
  gboolean blocked = FALSE;
  GPtrArray *problems = g_object_get_data (G_OBJECT (self->problems_group), "care-rows");

  if (self->draft == NULL)
    return;

  care_case_page_get_today (&today);
  issues = care_case_validate (self->draft, self->settings, &today);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldRow *fr = &self->fields[i];
      const char *message = fr->parse_error;
      g_autofree char *own = NULL;

      if (fr->spec->kind >= FIELD_ARRIVAL_PLANNED)
        {
          if (message == NULL)
            message = own = care_case_page_check_arrival_field (self, fr, &today);
          if (message != NULL)
            blocked = TRUE;
          show_field_message (self, fr, fr->touched ? message : NULL);
          continue;
        }
      for (guint j = 0; message == NULL && j < issues->len; j++)
        {
          CareIssue *issue = g_ptr_array_index (issues, j);

          if (g_strcmp0 (issue->field, fr->spec->field) == 0)
            message = issue->message;
        }
      if (message != NULL)
        blocked = TRUE;
      show_field_message (self, fr, fr->touched ? message : NULL);
    }

  care_case_page_clear_rows (problems);
  for (guint j = 0; j < issues->len; j++)
    {
      CareIssue *issue = g_ptr_array_index (issues, j);

      blocked = TRUE;
      if (!field_is_shown (issue->field))
        {
          GtkWidget *row = care_case_page_new_row (issue->message, NULL);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          care_case_page_add_row (self, problems, self->problems_group, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);

  self->valid = !blocked;
  care_case_page_update_save_state (self);
}

static void
field_changed_cb (GtkEditable *editable,
                  FieldRow    *fr)
{
  CareCasePage *self = fr->page;

  if (self->loading || self->draft == NULL)
    return;
  fr->touched = TRUE;
  apply_field (self, fr);
  care_case_page_note_change (self);
}

void
care_case_page_init_fields (CareCasePage *self)
{
  self->fields = g_new0 (FieldRow, N_FIELDS);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldRow *fr = &self->fields[i];
      GtkWidget *message = gtk_label_new (NULL);

      fr->page = self;
      fr->spec = &field_specs[i];
      fr->row = G_STRUCT_MEMBER (AdwEntryRow *, self, field_specs[i].offset);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (message), 32);
      gtk_label_set_xalign (GTK_LABEL (message), 1);
      gtk_label_set_justify (GTK_LABEL (message), GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (message, "caption");
      gtk_widget_set_visible (message, FALSE);
      adw_entry_row_add_suffix (fr->row, message);
      fr->message = GTK_LABEL (message);
      g_signal_connect (fr->row, "changed", G_CALLBACK (field_changed_cb), fr);
    }
}

/* A case already saved has had every field checked: its problems show at
 * once. A new one shows them as each field is typed in. */
void
care_case_page_fill_fields (CareCasePage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldRow *fr = &self->fields[i];
      g_autofree char *text = dup_field_text (self->draft, fr);

      g_clear_pointer (&fr->parse_error, g_free);
      fr->touched = !self->is_new;
      gtk_editable_set_text (GTK_EDITABLE (fr->row), text);
    }
}

void
care_case_page_clear_fields (CareCasePage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->fields[i].row), "");
      show_field_message (self, &self->fields[i], NULL);
    }
}

void
care_case_page_touch_fields (CareCasePage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].touched = TRUE;
}

void
care_case_page_free_fields (CareCasePage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i].parse_error);
  g_free (self->fields);
}
