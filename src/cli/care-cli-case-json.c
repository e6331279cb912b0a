/* care-cli-case-json.c — a whole case as JSON, for care-cli show
 *
 * Field names follow the CSV columns where there is one; enumerations are
 * written as their stable nicks, dates as ISO 8601, money in cents and as
 * a decimal string, so that scripts never parse translated text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include "care-cli-case-json.h"
#include "care-date.h"
#include "care-eligibility.h"
#include "care-issue.h"
#include "care-money.h"

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_date (JsonBuilder *b,
          const char  *name,
          const GDate *date)
{
  g_autofree char *text = care_date_is_set (date) ? care_date_format (date) : NULL;

  add_string (b, name, text);
}

static void
add_enum (JsonBuilder *b,
          const char  *name,
          GType        type,
          int          value)
{
  add_string (b, name, care_enum_to_nick (type, value));
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
add_money (JsonBuilder *b,
           const char  *name,
           gint64       cents)
{
  g_autofree char *text = care_money_format (cents);

  add_string (b, name, text);
}

static void
add_consent (JsonBuilder       *b,
             const char        *name,
             const CareConsent *consent)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_enum (b, "state", CARE_TYPE_CONSENT_STATE, consent->state);
  add_date (b, "decided_on", &consent->decided_on);
  add_date (b, "withdrawn_on", &consent->withdrawn_on);
  json_builder_end_object (b);
}

static void
add_person (JsonBuilder      *b,
            const CarePerson *person)
{
  g_autofree char *birth = care_birth_date_is_set (&person->date_of_birth)
                             ? care_birth_date_format (&person->date_of_birth) : NULL;

  add_string (b, "family_name", person->family_name);
  add_string (b, "given_names", person->given_names);
  add_enum (b, "sex", CARE_TYPE_SEX, person->sex);
  add_string (b, "date_of_birth", birth);
  add_string (b, "nationality", person->nationality);
  add_string (b, "phone", person->phone);
}

static void
add_assessment (JsonBuilder    *b,
                const CareCase *c)
{
  g_autofree char *factors = care_risk_factors_to_string (c->risk->factors);

  json_builder_set_member_name (b, "risk");
  json_builder_begin_object (b);
  add_enum (b, "level", CARE_TYPE_RISK_LEVEL, c->risk->level);
  add_string (b, "factors", factors);
  add_string (b, "other_factor", c->risk->other_factor);
  add_string (b, "mitigation", c->risk->mitigation);
  add_date (b, "assessed_on", &c->risk->assessed_on);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "arrival_needs");
  json_builder_begin_object (b);
  add_bool (b, "airport_reception", c->arrival_needs->airport_reception);
  add_int (b, "secure_accommodation_nights", c->arrival_needs->secure_accommodation_nights);
  add_bool (b, "health_check", c->arrival_needs->health_check);
  add_bool (b, "secondary_transport", c->arrival_needs->secondary_transport);
  add_bool (b, "escort", c->arrival_needs->escort);
  add_string (b, "notes", c->arrival_needs->notes);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "skills");
  json_builder_begin_object (b);
  add_string (b, "education", c->skills->education);
  add_string (b, "languages", c->skills->languages);
  add_string (b, "work_experience", c->skills->work_experience);
  add_string (b, "vocational_skills", c->skills->vocational_skills);
  add_string (b, "aspirations", c->skills->aspirations);
  add_string (b, "preferred_option", c->skills->preferred_option);
  add_bool (b, "contact_in_return_country", c->skills->contact_in_return_country);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "minor_section");
  json_builder_begin_object (b);
  add_string (b, "guardian", c->minor->guardian);
  add_date (b, "best_interests_assessed_on", &c->minor->best_interests_assessed_on);
  add_string (b, "notes", c->minor->notes);
  json_builder_end_object (b);
}

static void
add_measure (JsonBuilder       *b,
             const CareMeasure *m)
{
  json_builder_begin_object (b);
  add_int (b, "id", m->id);
  add_enum (b, "category", CARE_TYPE_MEASURE_CATEGORY, m->category);
  add_enum (b, "group", CARE_TYPE_MEASURE_GROUP, care_measure_category_get_group (m->category));
  add_string (b, "description", m->description);
  add_string (b, "provider", m->provider);
  add_date (b, "planned_start", &m->planned_start);
  add_date (b, "planned_end", &m->planned_end);
  add_money (b, "budget", m->budget_cents);
  add_string (b, "currency", m->currency);
  add_enum (b, "status", CARE_TYPE_MEASURE_STATUS, m->status);
  add_money (b, "actual_cost", m->actual_cost_cents);
  json_builder_end_object (b);
}

static void
add_plan (JsonBuilder        *b,
          const CarePlan     *plan,
          const CareSettings *settings)
{
  json_builder_set_member_name (b, "plan_versions");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->versions->len; i++)
    {
      const CarePlanVersion *v = g_ptr_array_index (plan->versions, i);
      CarePlanTotals totals;

      care_plan_version_get_totals (v, settings->currency, &totals);
      json_builder_begin_object (b);
      add_int (b, "number", v->number);
      add_enum (b, "state", CARE_TYPE_PLAN_STATE, v->state);
      add_date (b, "agreed_on", &v->agreed_on);
      add_string (b, "objectives", v->objectives);
      add_string (b, "language", v->language);
      add_money (b, "planned_total", totals.planned_total);
      add_money (b, "actual_total", totals.actual_total);
      json_builder_set_member_name (b, "measures");
      json_builder_begin_array (b);
      for (guint j = 0; j < v->measures->len; j++)
        add_measure (b, g_ptr_array_index (v->measures, j));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_followups (JsonBuilder    *b,
               const CareCase *c)
{
  json_builder_set_member_name (b, "followups");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->followups->len; i++)
    {
      const CareFollowUp *f = g_ptr_array_index (c->followups, i);

      json_builder_begin_object (b);
      add_int (b, "id", f->id);
      add_int (b, "months_after_arrival", f->months_after_arrival);
      add_date (b, "due_on", &f->due_on);
      add_date (b, "done_on", &f->done_on);
      add_date (b, "cancelled_on", &f->cancelled_on);
      add_enum (b, "mode", CARE_TYPE_FOLLOW_UP_MODE, f->mode);
      add_string (b, "who", f->who);
      add_string (b, "notes", f->notes);
      add_int (b, "economic_score", f->economic_score);
      add_int (b, "social_score", f->social_score);
      add_int (b, "psychosocial_score", f->psychosocial_score);
      add_enum (b, "reexploitation_risk", CARE_TYPE_RISK_LEVEL, f->reexploitation_risk);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_arrival_items (JsonBuilder    *b,
                   const CareCase *c)
{
  json_builder_set_member_name (b, "arrival_items");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->arrival_items->len; i++)
    {
      const CareArrivalItem *item = g_ptr_array_index (c->arrival_items, i);

      json_builder_begin_object (b);
      add_int (b, "id", item->id);
      add_enum (b, "kind", CARE_TYPE_ARRIVAL_ITEM_KIND, item->kind);
      add_date (b, "planned_on", &item->planned_on);
      add_date (b, "done_on", &item->done_on);
      add_string (b, "who", item->who);
      add_string (b, "notes", item->notes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_eligibility (JsonBuilder        *b,
                 const CareCase     *c,
                 const CareSettings *settings)
{
  g_autoptr(GPtrArray) reasons = care_case_check_eligibility (c, settings);

  add_bool (b, "eligible", reasons->len == 0);
  json_builder_set_member_name (b, "ineligibility_reasons");
  json_builder_begin_array (b);
  for (guint i = 0; i < reasons->len; i++)
    json_builder_add_string_value (b, ((CareIssue *) g_ptr_array_index (reasons, i))->message);
  json_builder_end_array (b);
}

JsonNode *
care_cli_case_to_json (const CareCase     *c,
                       const CareSettings *settings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *number = care_case_number_format (&c->number);

  json_builder_begin_object (b);
  add_string (b, "case_number", number);
  add_enum (b, "status", CARE_TYPE_CASE_STATUS, care_case_get_status (c));
  add_bool (b, "minor", care_case_is_minor (c));
  add_eligibility (b, c, settings);
  add_person (b, c->person);
  add_string (b, "host_country", c->host_country);
  add_string (b, "return_country", c->return_country);
  add_string (b, "destination", c->destination);
  add_string (b, "referring_organisation", c->referring_organisation);
  add_string (b, "referral_contact", c->referral_contact);
  add_string (b, "caseworker", c->caseworker);
  add_date (b, "referral_date", &c->referral_date);
  add_date (b, "planned_return_date", &c->planned_return_date);
  add_date (b, "arrival_date", &c->arrival_date);
  add_string (b, "plan_language", c->plan_language);
  add_consent (b, "consent_voluntary_return", &c->consent_voluntary_return);
  add_consent (b, "consent_data", &c->consent_data);
  add_consent (b, "consent_followup", &c->consent_followup);
  add_string (b, "notes", c->notes);
  add_assessment (b, c);
  add_plan (b, c->plan, settings);
  add_arrival_items (b, c);
  add_followups (b, c);

  json_builder_set_member_name (b, "closure");
  if (c->closure != NULL)
    {
      json_builder_begin_object (b);
      add_enum (b, "reason", CARE_TYPE_CLOSURE_REASON, c->closure->reason);
      add_date (b, "closed_on", &c->closure->closed_on);
      add_string (b, "notes", c->closure->notes);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}
