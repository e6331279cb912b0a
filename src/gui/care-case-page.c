/* care-case-page.c — one case: summary, plan, follow-up and history
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

#include "care-application.h"
#include "care-case-page.h"
#include "care-case-documents.h"
#include "care-format.h"
#include "care-case-store.h"
#include "care-country.h"
#include "care-eligibility.h"
#include "care-followup-dialog.h"
#include "care-issue.h"
#include "care-measure-dialog.h"
#include "care-money.h"
#include "care-plan-pdf.h"
#include "care-plan-print.h"
#include "care-preferences-window.h"
#include "care-store-access.h"
#include "care-validate.h"

/* Long enough to save once per burst of typing, not once per key. */
#define SAVE_DELAY_MS 800
#define HISTORY_LIMIT 200
#define N_RISK_FACTORS 9   /* the bits of CARE_RISK_FACTOR_ALL */

typedef enum {
  FIELD_TEXT,
  FIELD_COUNTRY,
  FIELD_DATE,
  FIELD_BIRTH_DATE,
  /* an item of arrival assistance, by its kind */
  FIELD_ARRIVAL_PLANNED,
  FIELD_ARRIVAL_DONE,
  FIELD_ARRIVAL_WHO,
} FieldKind;

typedef struct {
  const char *field;      /* as care_case_validate names it */
  FieldKind   kind;
  goffset     offset;     /* of the row in CareCasePage */
  CareArrivalItemKind arrival;  /* for the FIELD_ARRIVAL_* kinds */
} FieldSpec;

typedef struct {
  CareCasePage    *page;
  const FieldSpec *spec;
  AdwEntryRow     *row;
  GtkLabel        *message;
  char            *parse_error;
  gboolean         touched;
} FieldRow;

struct _CareCasePage
{
  GtkWidget          parent_instance;

  CareVault         *vault;
  CareSettings      *settings;
  CareCase          *draft;            /* the case as edited; NULL when none is open */
  char              *reopen_number;    /* reopened when the vault is unlocked again */
  gboolean           is_new;
  gboolean           dirty;
  gboolean           valid;
  gboolean           loading;
  guint              save_id;
  FieldRow          *fields;
  GPtrArray         *added_rows;       /* GtkWidget, rows built from the case */
  GPtrArray         *plan_rows;

  /* Template widgets */
  AdwWindowTitle    *case_title;
  GtkLabel          *save_state_label;
  AdwToastOverlay   *toast_overlay;
  AdwViewStack      *page_stack;
  AdwPreferencesPage *summary_page;
  AdwPreferencesGroup *problems_group;
  AdwEntryRow       *family_name_row;
  AdwEntryRow       *given_names_row;
  AdwComboRow       *sex_row;
  AdwEntryRow       *birth_row;
  AdwEntryRow       *nationality_row;
  AdwEntryRow       *phone_row;
  AdwEntryRow       *host_row;
  AdwEntryRow       *return_row;
  AdwEntryRow       *destination_row;
  AdwEntryRow       *referral_date_row;
  AdwEntryRow       *planned_return_row;
  AdwEntryRow       *arrival_row;
  AdwEntryRow       *caseworker_row;
  AdwEntryRow       *organisation_row;
  AdwEntryRow       *contact_row;
  AdwComboRow       *consent_return_row;
  AdwEntryRow       *consent_return_date_row;
  AdwComboRow       *consent_data_row;
  AdwEntryRow       *consent_data_date_row;
  AdwComboRow       *consent_followup_row;
  AdwEntryRow       *consent_followup_date_row;
  AdwPreferencesGroup *eligibility_group;
  AdwActionRow      *status_row;
  AdwActionRow      *minor_row;
  AdwActionRow      *eligible_row;
  AdwComboRow       *version_row;
  AdwComboRow       *language_row;
  AdwActionRow      *add_measure_row;
  CareMeasure       *removed_measure;  /* kept for Undo */
  guint              removed_index;
  AdwActionRow      *objectives_row;
  AdwActionRow      *totals_row;
  AdwPreferencesGroup *economic_group;
  AdwPreferencesGroup *social_group;
  AdwPreferencesGroup *psychosocial_group;
  AdwPreferencesGroup *other_group;
  AdwPreferencesGroup *followups_group;
  AdwPreferencesGroup *history_group;
  CareCaseDocuments *documents;
  /* assessment */
  AdwComboRow       *risk_level_row;
  AdwEntryRow       *assessed_on_row;
  AdwPreferencesGroup *factors_group;
  AdwEntryRow       *other_factor_row;
  AdwEntryRow       *mitigation_row;
  GtkCheckButton    *factor_checks[N_RISK_FACTORS];
  GtkSwitch         *airport_switch;
  GtkSpinButton     *nights_spin;
  GtkSwitch         *health_switch;
  GtkSwitch         *transport_switch;
  GtkSwitch         *escort_switch;
  AdwEntryRow       *needs_notes_row;
  AdwEntryRow       *education_row;
  AdwEntryRow       *languages_row;
  AdwEntryRow       *work_row;
  AdwEntryRow       *vocational_row;
  AdwEntryRow       *aspirations_row;
  AdwEntryRow       *preferred_row;
  GtkSwitch         *contacted_switch;
  AdwPreferencesGroup *minor_group;
  AdwEntryRow       *guardian_row;
  AdwEntryRow       *best_interests_row;
  AdwEntryRow       *minor_notes_row;
  /* arrival */
  AdwPreferencesGroup *arrival_airport_group;
  AdwPreferencesGroup *arrival_accommodation_group;
  AdwPreferencesGroup *arrival_health_group;
  AdwPreferencesGroup *arrival_transport_group;
  AdwEntryRow       *arrival_airport_planned_row;
  AdwEntryRow       *arrival_airport_done_row;
  AdwEntryRow       *arrival_airport_who_row;
  AdwEntryRow       *arrival_accommodation_planned_row;
  AdwEntryRow       *arrival_accommodation_done_row;
  AdwEntryRow       *arrival_accommodation_who_row;
  AdwEntryRow       *arrival_health_planned_row;
  AdwEntryRow       *arrival_health_done_row;
  AdwEntryRow       *arrival_health_who_row;
  AdwEntryRow       *arrival_transport_planned_row;
  AdwEntryRow       *arrival_transport_done_row;
  AdwEntryRow       *arrival_transport_who_row;
};

G_DEFINE_FINAL_TYPE (CareCasePage, care_case_page, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void note_change          (CareCasePage *self);
static void update_arrival_needs (CareCasePage *self);

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

static void
get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

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

/* The case's item of arrival assistance of KIND; made when CREATE. */
static CareArrivalItem *
find_arrival_item (CareCase            *c,
                   CareArrivalItemKind  kind,
                   gboolean             create)
{
  CareArrivalItem *item;

  for (guint i = 0; i < c->arrival_items->len; i++)
    {
      item = g_ptr_array_index (c->arrival_items, i);
      if (item->kind == kind)
        return item;
    }
  if (!create)
    return NULL;
  item = care_arrival_item_new (kind);
  g_ptr_array_add (c->arrival_items, item);
  return item;
}

/* An item emptied of everything is no item: nothing was planned. */
static void
prune_arrival_item (CareCase        *c,
                    CareArrivalItem *item)
{
  if (!care_date_is_set (&item->planned_on) && !care_date_is_set (&item->done_on) &&
      item->who == NULL && (item->notes == NULL || *item->notes == '\0'))
    g_ptr_array_remove (c->arrival_items, item);
}

static char *
dup_field_text (CareCase       *c,
                const FieldRow *fr)
{
  switch (fr->spec->kind)
    {
    case FIELD_TEXT:
    case FIELD_COUNTRY:
      return g_strdup (*text_slot (c, fr->spec->field) != NULL ? *text_slot (c, fr->spec->field) : "");
    case FIELD_DATE:
      return care_date_format (date_slot (c, fr->spec->field));
    case FIELD_BIRTH_DATE:
      return care_birth_date_format (&c->person->date_of_birth);
    case FIELD_ARRIVAL_PLANNED:
    case FIELD_ARRIVAL_DONE:
    case FIELD_ARRIVAL_WHO:
      {
        CareArrivalItem *item = find_arrival_item (c, fr->spec->arrival, FALSE);

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
        const char *canonical = *value != '\0' ? care_country_canonical_code (value) : NULL;

        g_free (*slot);
        if (*value == '\0')
          *slot = NULL;
        else
          *slot = canonical != NULL ? g_strdup (canonical) : g_ascii_strup (value, -1);
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
        CareArrivalItem *item = find_arrival_item (self->draft, fr->spec->arrival, TRUE);
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
        prune_arrival_item (self->draft, item);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The store names every item's problem "arrival_assistance": the row's
 * own reason is worked out here, so that it shows beside that row only. */
static char *
check_arrival_field (CareCasePage   *self,
                     const FieldRow *fr,
                     const GDate    *today)
{
  CareArrivalItem *item = find_arrival_item (self->draft, fr->spec->arrival, FALSE);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return NULL;
  if (fr->spec->kind == FIELD_ARRIVAL_DONE)
    error = care_validate_not_future (&item->done_on, today, C_("field", "Date of assistance"));
  else if (fr->spec->kind == FIELD_ARRIVAL_WHO)
    error = care_validate_text (item->who, CARE_TEXT_MAX_CHARS, FALSE, C_("field", "Who"));
  return error != NULL ? g_strdup (error->message) : NULL;
}

static void
show_field_message (CareCasePage *self,
                    FieldRow     *fr,
                    const char   *error_message)
{
  const char *note = NULL;

  if (error_message == NULL && fr->spec->kind == FIELD_COUNTRY && self->draft != NULL)
    {
      const char *code = *text_slot (self->draft, fr->spec->field);

      if (code != NULL && care_country_is_known (code))
        note = care_country_get_name (code);
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

static GtkWidget *
new_row (const char *title,
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

static void
add_row (CareCasePage        *self,
         GPtrArray           *rows,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, g_object_ref (row));
  g_object_set_data (G_OBJECT (row), "care-group", group);
}

static void
clear_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "care-group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (rows, 0);
}

static void
update_save_state (CareCasePage *self)
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
static void
revalidate (CareCasePage *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  GDate today;
  gboolean blocked = FALSE;
  GPtrArray *problems = g_object_get_data (G_OBJECT (self->problems_group), "care-rows");

  if (self->draft == NULL)
    return;

  get_today (&today);
  issues = care_case_validate (self->draft, self->settings, &today);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldRow *fr = &self->fields[i];
      const char *message = fr->parse_error;
      g_autofree char *own = NULL;

      if (fr->spec->kind >= FIELD_ARRIVAL_PLANNED)
        {
          if (message == NULL)
            message = own = check_arrival_field (self, fr, &today);
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

  clear_rows (problems);
  for (guint j = 0; j < issues->len; j++)
    {
      CareIssue *issue = g_ptr_array_index (issues, j);

      blocked = TRUE;
      if (!field_is_shown (issue->field))
        {
          GtkWidget *row = new_row (issue->message, NULL);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          add_row (self, problems, self->problems_group, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);

  self->valid = !blocked;
  update_save_state (self);
}

/* What is derived from the case: its title, status and eligibility. */
static void
update_derived (CareCasePage *self)
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
  update_arrival_needs (self);
  adw_action_row_set_subtitle (self->minor_row,
                               care_case_is_minor (self->draft)
                               ? _("Yes: a guardian, a best-interests assessment and an escort are required")
                               : _("No"));

  clear_rows (g_object_get_data (G_OBJECT (self->eligibility_group), "care-rows"));
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
          GtkWidget *row = new_row (reason->message, NULL);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          add_row (self, g_object_get_data (G_OBJECT (self->eligibility_group), "care-rows"),
                   self->eligibility_group, row);
        }
    }
}

/* --- plan --- */

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

static void
update_plan_actions (CareCasePage *self)
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

  clear_rows (self->plan_rows);
  version = self->draft != NULL ? get_shown_version (self) : NULL;
  if (version == NULL)
    {
      adw_action_row_set_subtitle (self->objectives_row, _("No plan has been drafted yet"));
      adw_action_row_set_subtitle (self->totals_row, "");
      for (guint g = 0; g < CARE_MEASURE_GROUP_COUNT; g++)
        gtk_widget_set_visible (GTK_WIDGET (groups[g]), FALSE);
      update_plan_actions (self);
      return;
    }

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
      row = new_row (m->description != NULL ? m->description : "", subtitle);
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
      add_row (self, self->plan_rows, groups[group], row);
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
  update_plan_actions (self);
}

static void
fill_plan (CareCasePage *self)
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

/* --- follow-ups and history --- */

static void
fill_followups (CareCasePage *self)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->followups_group), "care-rows");
  GDate today;

  clear_rows (rows);
  if (self->draft == NULL)
    return;

  get_today (&today);
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

      row = new_row (title, subtitle);
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
      add_row (self, rows, self->followups_group, row);
    }
  if (self->draft->followups->len == 0)
    add_row (self, rows, self->followups_group,
             new_row (_("None scheduled yet"), _("Follow-ups are scheduled once the arrival date is known and the beneficiary consents to them.")));
}

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
  /* Translators: %1$s is a field of the records, %2$s a person */
  return g_strdup_printf (_("%1$s changed by %2$s"), field, e->who);
}

static void
fill_history (CareCasePage *self)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->history_group), "care-rows");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  clear_rows (rows);
  if (self->draft == NULL || self->vault == NULL || self->is_new)
    return;

  number = care_case_number_format (&self->draft->number);
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    entries = care_history_list (self->vault, number, HISTORY_LIMIT, &error);
  }
  if (entries == NULL)
    {
      add_row (self, rows, self->history_group, new_row (_("The history could not be read"), error->message));
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CareHistoryEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *title = describe_change (e);
      g_autofree char *subtitle = NULL;
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (e->at, NULL);
      g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%x %X") : g_strdup (e->at);
      GtkWidget *row, *label;

      if (g_strcmp0 (e->action, "update") == 0)
        /* Translators: an old value and the new one */
        subtitle = g_strdup_printf (_("%1$s → %2$s"),
                                    e->old_value != NULL && *e->old_value != '\0' ? e->old_value : _("(empty)"),
                                    e->new_value != NULL && *e->new_value != '\0' ? e->new_value : _("(empty)"));
      row = new_row (title, subtitle);
      label = gtk_label_new (when);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      add_row (self, rows, self->history_group, row);
    }
  if (entries->len == 0)
    add_row (self, rows, self->history_group, new_row (_("No changes recorded"), NULL));
}

/* --- assessment: the rows that are not typed in --- */

/* Shows C's choices in the switches, checks and spin buttons of the
 * Assessment page (a blank case clears them when the vault locks). */
static void
fill_assessment_controls (CareCasePage   *self,
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

      get_today (&self->draft->risk->assessed_on);
      text = care_date_format (&self->draft->risk->assessed_on);
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->assessed_on_row), text);
      self->loading = FALSE;
    }
  note_change (self);
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
  note_change (self);
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
  note_change (self);
}

/* What the assessment asked for, said above each kind of arrival assistance. */
static void
update_arrival_needs (CareCasePage *self)
{
  AdwPreferencesGroup *groups[] = {
    self->arrival_airport_group, self->arrival_accommodation_group,
    self->arrival_health_group, self->arrival_transport_group,
  };
  const CareArrivalNeeds *needs = self->draft->arrival_needs;
  gboolean needed[] = {
    needs->airport_reception, needs->secure_accommodation_nights > 0,
    needs->health_check, needs->secondary_transport,
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    adw_preferences_group_set_description (groups[i],
                                           needed[i] ? _("Needed, according to the assessment")
                                                     : _("Not asked for in the assessment"));
  if (needs->secure_accommodation_nights > 0)
    {
      g_autofree char *text =
        /* Translators: %u is a number of nights */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Needed, according to the assessment: %u night",
                                      "Needed, according to the assessment: %u nights",
                                      needs->secure_accommodation_nights),
                         needs->secure_accommodation_nights);

      adw_preferences_group_set_description (self->arrival_accommodation_group, text);
    }
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

static void
init_assessment (CareCasePage *self)
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

/* --- the Documents page (care-case-documents.c) --- */

/* The Documents page shows the case once it is saved (a new case has no
 * number yet), and nothing while the vault is locked. */
static void
hand_case_to_documents (CareCasePage *self)
{
  g_autofree char *number = NULL;

  if (self->draft != NULL && !self->is_new)
    number = care_case_number_format (&self->draft->number);
  care_case_documents_set_case (self->documents, self->vault, number);
}

/* Each change of a document is an entry in the case's history. */
static void
documents_changed_cb (CareCasePage *self)
{
  fill_history (self);
}

/* --- loading and saving --- */

static void
fill_form (CareCasePage *self)
{
  CareConsent *consents[] = {
    &self->draft->consent_voluntary_return, &self->draft->consent_data, &self->draft->consent_followup,
  };
  AdwComboRow *consent_rows[] = { self->consent_return_row, self->consent_data_row, self->consent_followup_row };

  self->loading = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldRow *fr = &self->fields[i];
      g_autofree char *text = dup_field_text (self->draft, fr);

      g_clear_pointer (&fr->parse_error, g_free);
      fr->touched = !self->is_new;
      gtk_editable_set_text (GTK_EDITABLE (fr->row), text);
    }
  adw_combo_row_set_selected (self->sex_row, self->draft->person->sex);
  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    adw_combo_row_set_selected (consent_rows[i], consents[i]->state);
  fill_assessment_controls (self, self->draft);
  self->loading = FALSE;

  revalidate (self);
  update_derived (self);
  fill_plan (self);
  fill_followups (self);
  fill_history (self);
  hand_case_to_documents (self);
  update_plan_actions (self);
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
        g_warning ("Could not read the programme settings: %s", error->message);
      self->settings = care_settings_new ();
    }
}

static void
show_toast (CareCasePage *self,
            const char   *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
save_now (CareCasePage *self)
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
      show_toast (self, text);
      g_warning ("Could not save a case: %s", error->message);
      return FALSE;
    }

  /* The store gave the case its number, ids and follow-up schedule. */
  care_case_free (self->draft);
  self->draft = g_steal_pointer (&copy);
  self->is_new = FALSE;
  self->dirty = FALSE;
  g_free (self->reopen_number);
  self->reopen_number = care_case_number_format (&self->draft->number);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].touched = TRUE;

  update_save_state (self);
  update_derived (self);
  fill_followups (self);
  fill_history (self);
  hand_case_to_documents (self);
  update_plan_actions (self);
  g_signal_emit (self, signals[SAVED], 0, self->reopen_number);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CareCasePage *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
note_change (CareCasePage *self)
{
  self->dirty = TRUE;
  revalidate (self);
  update_derived (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->valid)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
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
  note_change (self);
}

static void
sex_selected_cb (CareCasePage *self)
{
  guint selected = adw_combo_row_get_selected (self->sex_row);

  if (self->loading || self->draft == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->draft->person->sex = (CareSex) selected;
  note_change (self);
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

  get_today (&today);
  consent->state = (CareConsentState) selected;
  if (consent->state == CARE_CONSENT_WITHDRAWN)
    {
      if (!care_date_is_set (&consent->withdrawn_on))
        consent->withdrawn_on = today;
    }
  else
    care_date_unset (&consent->withdrawn_on);
  note_change (self);
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
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->fields[i].row), "");
      show_field_message (self, &self->fields[i], NULL);
    }
  self->loading = FALSE;
  {
    g_autoptr(CareCase) blank = care_case_new ();

    fill_assessment_controls (self, blank);
  }
  clear_rows (self->plan_rows);
  clear_rows (g_object_get_data (G_OBJECT (self->history_group), "care-rows"));
  clear_rows (g_object_get_data (G_OBJECT (self->followups_group), "care-rows"));
  clear_rows (g_object_get_data (G_OBJECT (self->eligibility_group), "care-rows"));
  clear_rows (g_object_get_data (G_OBJECT (self->problems_group), "care-rows"));
  adw_window_title_set_title (self->case_title, "");
  adw_window_title_set_subtitle (self->case_title, "");

  g_set_object (&self->vault, vault);
  hand_case_to_documents (self);
  load_settings (self);

  /* Unlocked again: back to the case that was open. */
  if (vault != NULL && reopen != NULL && !care_case_page_open (self, reopen, NULL))
    g_clear_pointer (&self->reopen_number, g_free);
  update_save_state (self);
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
  get_today (&care_case->referral_date);
  take_case (self, care_case, TRUE);
  self->fields[0].touched = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->family_name_row));
}

void
care_case_page_flush (CareCasePage *self)
{
  g_return_if_fail (CARE_IS_CASE_PAGE (self));

  save_now (self);
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

      show_toast (self, text);
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
  get_today (&today);
  if (!care_case_agree_plan (self->draft, &today, &error))
    {
      show_toast (self, error->message);
      return;
    }
  note_change (self);
  save_now (self);
  fill_plan (self);
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
  note_change (self);
  save_now (self);
  fill_plan (self);
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
  note_change (self);
  save_now (self);
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
      show_toast (self, error->message);
      return;
    }
  if (version->language == NULL)
    version->language = g_strdup (self->draft->plan_language != NULL ? self->draft->plan_language : "en");
  note_change (self);
  save_now (self);
  fill_plan (self);
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
  AdwToast *toast;

  if (version == NULL || index >= version->measures->len)
    return;

  measure = care_measure_copy (g_ptr_array_index (version->measures, index));
  if (!care_plan_version_remove_measure (version, index, &error))
    {
      care_measure_free (measure);
      show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->removed_measure, care_measure_free);
  self->removed_measure = measure;
  self->removed_index = index;
  note_change (self);
  save_now (self);
  fill_measures (self);

  /* Translators: %s describes a measure of the plan */
  text = g_strdup_printf (_("Measure “%s” removed"), measure->description != NULL ? measure->description : "");
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "case.undo-remove-measure");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  note_change (self);
  save_now (self);
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
    show_toast (self, error->message);
  g_clear_pointer (&document, care_plan_document_free);
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

          show_toast (self, message);
        }
      else if (error != NULL)
        show_toast (self, error->message);
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

  get_today (&today);
  trial = care_case_copy (self->draft);
  care_follow_up_free (g_ptr_array_index (trial->followups, index));
  g_ptr_array_index (trial->followups, index) = care_follow_up_copy (recorded);
  issues = care_case_validate (trial, self->settings, &today);
  if (issues->len > 0)
    {
      CareIssue *issue = g_ptr_array_index (issues, 0);
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The follow-up was not recorded: %s"), issue->message);

      show_toast (self, text);
      return;
    }

  care_follow_up_free (g_ptr_array_index (self->draft->followups, index));
  g_ptr_array_index (self->draft->followups, index) = care_follow_up_copy (recorded);
  note_change (self);
  if (save_now (self))
    {
      AdwToast *toast = adw_toast_new (_("Follow-up recorded"));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  fill_followups (self);
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

  get_today (&today);
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

/* --- life cycle --- */

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

static void
care_case_page_dispose (GObject *object)
{
  CareCasePage *self = CARE_CASE_PAGE (object);

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
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i].parse_error);
  g_free (self->fields);
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
  BIND (documents);
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
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, documents_changed_cb);

  gtk_widget_class_install_action (widget_class, "case.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "case.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "case.agree-plan", NULL, agree_plan_action);
  gtk_widget_class_install_action (widget_class, "case.amend-plan", NULL, amend_plan_action);
  gtk_widget_class_install_action (widget_class, "case.print-plan", NULL, print_plan_action);
  gtk_widget_class_install_action (widget_class, "case.add-measure", NULL, add_measure_action);
  gtk_widget_class_install_action (widget_class, "case.edit-measure", "u", edit_measure_action);
  gtk_widget_class_install_action (widget_class, "case.remove-measure", "u", remove_measure_action);
  gtk_widget_class_install_action (widget_class, "case.undo-remove-measure", NULL, undo_remove_measure_action);
  gtk_widget_class_install_action (widget_class, "case.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "case.record-followup", "x", record_followup_action);
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

  init_assessment (self);
  fill_combo (self->sex_row, CARE_TYPE_SEX);
  fill_combo (self->consent_return_row, CARE_TYPE_CONSENT_STATE);
  fill_combo (self->consent_data_row, CARE_TYPE_CONSENT_STATE);
  fill_combo (self->consent_followup_row, CARE_TYPE_CONSENT_STATE);
  g_signal_connect_swapped (self->sex_row, "notify::selected", G_CALLBACK (sex_selected_cb), self);
  g_signal_connect (self->consent_return_row, "notify::selected", G_CALLBACK (consent_selected_cb), self);
  g_signal_connect (self->consent_data_row, "notify::selected", G_CALLBACK (consent_selected_cb), self);
  g_signal_connect (self->consent_followup_row, "notify::selected", G_CALLBACK (consent_selected_cb), self);

  self->settings = care_settings_new ();
  update_plan_actions (self);
  update_save_state (self);
}
