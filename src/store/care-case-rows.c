/* care-case-rows.c — how each record of a case maps onto a row
 *
 * One table per record kind says, for each field, its column, its type and
 * where it lives in the C struct. Binding, reading, comparing and the
 * history's old and new values all come from that one table, so a field
 * added to a record is a line here and a column in a migration, and can
 * never be saved but not compared, or loaded into the wrong member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <string.h>

#include "care-case.h"
#include "care-case-rows.h"
#include "care-date.h"
#include "care-enums.h"
#include "care-partner.h"
#include "care-store-cache.h"

#define CASE(col, type, member) \
  { col, type, -1, G_STRUCT_OFFSET (CareCase, member), NULL }
#define CASE_ENUM(col, member, gtype) \
  { col, CARE_FIELD_ENUM, -1, G_STRUCT_OFFSET (CareCase, member), gtype }
#define SECTION(col, type, section, stype, member) \
  { col, type, G_STRUCT_OFFSET (CareCase, section), G_STRUCT_OFFSET (stype, member), NULL }
#define SECTION_ENUM(col, section, stype, member, gtype) \
  { col, CARE_FIELD_ENUM, G_STRUCT_OFFSET (CareCase, section), G_STRUCT_OFFSET (stype, member), gtype }
#define FIELD(col, type, stype, member) \
  { col, type, -1, G_STRUCT_OFFSET (stype, member), NULL }
#define FIELD_ENUM(col, stype, member, gtype) \
  { col, CARE_FIELD_ENUM, -1, G_STRUCT_OFFSET (stype, member), gtype }

/* Column names follow the CSV columns where there is one, so that the
 * history, the import's errors and the validation name a field alike. */
static const CareFieldSpec case_fields[] = {
  SECTION ("family_name", CARE_FIELD_TEXT, person, CarePerson, family_name),
  SECTION ("given_names", CARE_FIELD_TEXT, person, CarePerson, given_names),
  SECTION_ENUM ("sex", person, CarePerson, sex, care_sex_get_type),
  SECTION ("date_of_birth", CARE_FIELD_BIRTH, person, CarePerson, date_of_birth),
  SECTION ("nationality", CARE_FIELD_TEXT, person, CarePerson, nationality),
  SECTION ("phone", CARE_FIELD_TEXT, person, CarePerson, phone),
  CASE ("host_country", CARE_FIELD_TEXT, host_country),
  CASE ("return_country", CARE_FIELD_TEXT, return_country),
  CASE ("destination", CARE_FIELD_TEXT, destination),
  CASE ("referring_partner_id", CARE_FIELD_ID, referring_partner_id),
  CASE ("referring_organisation", CARE_FIELD_TEXT, referring_organisation),
  CASE ("referral_contact", CARE_FIELD_TEXT, referral_contact),
  CASE ("caseworker", CARE_FIELD_TEXT, caseworker),
  CASE ("referral_date", CARE_FIELD_DATE, referral_date),
  CASE ("planned_return_date", CARE_FIELD_DATE, planned_return_date),
  CASE ("arrival_date", CARE_FIELD_DATE, arrival_date),
  CASE ("plan_language", CARE_FIELD_TEXT, plan_language),
  CASE_ENUM ("consent_voluntary_return", consent_voluntary_return.state, care_consent_state_get_type),
  CASE ("consent_voluntary_return_on", CARE_FIELD_DATE, consent_voluntary_return.decided_on),
  CASE ("consent_voluntary_return_withdrawn_on", CARE_FIELD_DATE, consent_voluntary_return.withdrawn_on),
  CASE_ENUM ("consent_data", consent_data.state, care_consent_state_get_type),
  CASE ("consent_data_on", CARE_FIELD_DATE, consent_data.decided_on),
  CASE ("consent_data_withdrawn_on", CARE_FIELD_DATE, consent_data.withdrawn_on),
  CASE_ENUM ("consent_followup", consent_followup.state, care_consent_state_get_type),
  CASE ("consent_followup_on", CARE_FIELD_DATE, consent_followup.decided_on),
  CASE ("consent_followup_withdrawn_on", CARE_FIELD_DATE, consent_followup.withdrawn_on),
  CASE ("notes", CARE_FIELD_TEXT, notes),
  SECTION_ENUM ("risk_level", risk, CareRiskAssessment, level, care_risk_level_get_type),
  SECTION ("risk_factors", CARE_FIELD_FLAGS, risk, CareRiskAssessment, factors),
  SECTION ("other_factor", CARE_FIELD_TEXT, risk, CareRiskAssessment, other_factor),
  SECTION ("mitigation", CARE_FIELD_TEXT, risk, CareRiskAssessment, mitigation),
  SECTION ("assessed_on", CARE_FIELD_DATE, risk, CareRiskAssessment, assessed_on),
  SECTION ("airport_reception", CARE_FIELD_BOOL, arrival_needs, CareArrivalNeeds, airport_reception),
  SECTION ("secure_accommodation_nights", CARE_FIELD_UINT, arrival_needs, CareArrivalNeeds,
           secure_accommodation_nights),
  SECTION ("health_check", CARE_FIELD_BOOL, arrival_needs, CareArrivalNeeds, health_check),
  SECTION ("secondary_transport", CARE_FIELD_BOOL, arrival_needs, CareArrivalNeeds, secondary_transport),
  SECTION ("escort", CARE_FIELD_BOOL, arrival_needs, CareArrivalNeeds, escort),
  SECTION ("arrival_needs", CARE_FIELD_TEXT, arrival_needs, CareArrivalNeeds, notes),
  SECTION ("education", CARE_FIELD_TEXT, skills, CareSkills, education),
  SECTION ("languages", CARE_FIELD_TEXT, skills, CareSkills, languages),
  SECTION ("work_experience", CARE_FIELD_TEXT, skills, CareSkills, work_experience),
  SECTION ("vocational_skills", CARE_FIELD_TEXT, skills, CareSkills, vocational_skills),
  SECTION ("aspirations", CARE_FIELD_TEXT, skills, CareSkills, aspirations),
  SECTION ("preferred_option", CARE_FIELD_TEXT, skills, CareSkills, preferred_option),
  SECTION ("contact_in_return_country", CARE_FIELD_BOOL, skills, CareSkills, contact_in_return_country),
  SECTION ("guardian", CARE_FIELD_TEXT, minor, CareMinorSection, guardian),
  SECTION ("best_interests_date", CARE_FIELD_DATE, minor, CareMinorSection, best_interests_assessed_on),
  SECTION ("minor_notes", CARE_FIELD_TEXT, minor, CareMinorSection, notes),
};

static const char * const case_extra[] = {
  "case_number", "number_country", "number_year", "number_sequence",
  "status", "is_minor", "is_eligible", "next_followup", "name_key", NULL
};

const CareRecordSpec care_case_spec = {
  "cases", "case", NULL, FALSE, case_extra, case_fields, G_N_ELEMENTS (case_fields), 2
};

static const CareFieldSpec closure_fields[] = {
  FIELD_ENUM ("reason", CareClosure, reason, care_closure_reason_get_type),
  FIELD ("closed_on", CARE_FIELD_DATE, CareClosure, closed_on),
  FIELD ("notes", CARE_FIELD_TEXT, CareClosure, notes),
};

const CareRecordSpec care_closure_spec = {
  "closures", "closure", "case_id", FALSE, NULL, closure_fields, G_N_ELEMENTS (closure_fields), 2
};

static const CareFieldSpec plan_version_fields[] = {
  FIELD ("number", CARE_FIELD_UINT, CarePlanVersion, number),
  FIELD_ENUM ("state", CarePlanVersion, state, care_plan_state_get_type),
  FIELD ("agreed_on", CARE_FIELD_DATE, CarePlanVersion, agreed_on),
  FIELD ("objectives", CARE_FIELD_TEXT, CarePlanVersion, objectives),
  FIELD ("language", CARE_FIELD_TEXT, CarePlanVersion, language),
};

static const char * const plan_version_extra[] = { "is_current", NULL };

const CareRecordSpec care_plan_version_spec = {
  "plan_versions", "plan_version", "case_id", FALSE, plan_version_extra,
  plan_version_fields, G_N_ELEMENTS (plan_version_fields), 2
};

static const CareFieldSpec measure_fields[] = {
  FIELD_ENUM ("category", CareMeasure, category, care_measure_category_get_type),
  FIELD ("description", CARE_FIELD_TEXT, CareMeasure, description),
  FIELD ("budget_cents", CARE_FIELD_INT64, CareMeasure, budget_cents),
  FIELD ("currency", CARE_FIELD_TEXT, CareMeasure, currency),
  FIELD ("provider", CARE_FIELD_TEXT, CareMeasure, provider),
  FIELD ("provider_id", CARE_FIELD_ID, CareMeasure, provider_id),
  FIELD ("planned_start", CARE_FIELD_DATE, CareMeasure, planned_start),
  FIELD ("planned_end", CARE_FIELD_DATE, CareMeasure, planned_end),
  FIELD_ENUM ("status", CareMeasure, status, care_measure_status_get_type),
  FIELD ("actual_cost_cents", CARE_FIELD_INT64, CareMeasure, actual_cost_cents),
};

const CareRecordSpec care_measure_spec = {
  "measures", "measure", "version_id", TRUE, NULL, measure_fields, G_N_ELEMENTS (measure_fields), 4
};

static const CareFieldSpec arrival_item_fields[] = {
  FIELD_ENUM ("kind", CareArrivalItem, kind, care_arrival_item_kind_get_type),
  FIELD ("planned_on", CARE_FIELD_DATE, CareArrivalItem, planned_on),
  FIELD ("done_on", CARE_FIELD_DATE, CareArrivalItem, done_on),
  FIELD ("who", CARE_FIELD_TEXT, CareArrivalItem, who),
  FIELD ("notes", CARE_FIELD_TEXT, CareArrivalItem, notes),
};

const CareRecordSpec care_arrival_item_spec = {
  "arrival_items", "arrival_item", "case_id", TRUE, NULL,
  arrival_item_fields, G_N_ELEMENTS (arrival_item_fields), 3
};

static const CareFieldSpec followup_fields[] = {
  FIELD ("months_after_arrival", CARE_FIELD_UINT, CareFollowUp, months_after_arrival),
  FIELD ("due_on", CARE_FIELD_DATE, CareFollowUp, due_on),
  FIELD ("done_on", CARE_FIELD_DATE, CareFollowUp, done_on),
  FIELD ("cancelled_on", CARE_FIELD_DATE, CareFollowUp, cancelled_on),
  FIELD_ENUM ("mode", CareFollowUp, mode, care_follow_up_mode_get_type),
  FIELD ("who", CARE_FIELD_TEXT, CareFollowUp, who),
  FIELD ("notes", CARE_FIELD_TEXT, CareFollowUp, notes),
  FIELD ("economic_score", CARE_FIELD_UINT, CareFollowUp, economic_score),
  FIELD ("social_score", CARE_FIELD_UINT, CareFollowUp, social_score),
  FIELD ("psychosocial_score", CARE_FIELD_UINT, CareFollowUp, psychosocial_score),
  FIELD_ENUM ("reexploitation_risk", CareFollowUp, reexploitation_risk, care_risk_level_get_type),
};

const CareRecordSpec care_followup_spec = {
  "followups", "followup", "case_id", FALSE, NULL, followup_fields, G_N_ELEMENTS (followup_fields), 2
};

static const CareFieldSpec partner_fields[] = {
  FIELD_ENUM ("kind", CarePartner, kind, care_partner_kind_get_type),
  FIELD ("name", CARE_FIELD_TEXT, CarePartner, name),
  FIELD ("country", CARE_FIELD_TEXT, CarePartner, country),
  FIELD ("contact", CARE_FIELD_TEXT, CarePartner, contact),
  FIELD ("phone", CARE_FIELD_TEXT, CarePartner, phone),
  FIELD ("email", CARE_FIELD_TEXT, CarePartner, email),
  FIELD ("notes", CARE_FIELD_TEXT, CarePartner, notes),
};

const CareRecordSpec care_partner_spec = {
  "partners", "partner", NULL, FALSE, NULL, partner_fields, G_N_ELEMENTS (partner_fields), 2
};

static gpointer
field_pointer (const CareFieldSpec *f,
               gconstpointer        record)
{
  const guint8 *base = record;

  if (f->section >= 0)
    base = *(const guint8 * const *) (base + f->section);
  return (gpointer) (base + f->offset);
}

char *
care_record_get_value (const CareRecordSpec *spec,
                       gconstpointer         record,
                       guint                 field)
{
  const CareFieldSpec *f = &spec->fields[field];
  gpointer p = field_pointer (f, record);

  switch (f->type)
    {
    case CARE_FIELD_TEXT:
      return g_strdup (*(char **) p);
    case CARE_FIELD_DATE:
      return care_date_is_set (p) ? care_date_format (p) : NULL;
    case CARE_FIELD_BIRTH:
      return care_birth_date_is_set (p) ? care_birth_date_format (p) : NULL;
    case CARE_FIELD_ID:
      return *(gint64 *) p != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) p) : NULL;
    case CARE_FIELD_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) p);
    case CARE_FIELD_UINT:
      return g_strdup_printf ("%u", *(guint *) p);
    case CARE_FIELD_BOOL:
      return g_strdup (*(gboolean *) p ? "yes" : "no");
    case CARE_FIELD_ENUM:
      return g_strdup (care_enum_to_nick (f->get_type (), *(int *) p));
    case CARE_FIELD_FLAGS:
      return care_risk_factors_to_string (*(CareRiskFactor *) p);
    default:
      g_assert_not_reached ();
    }
}

gboolean
care_record_field_equal (const CareRecordSpec *spec,
                         gconstpointer         a,
                         gconstpointer         b,
                         guint                 field)
{
  const CareFieldSpec *f = &spec->fields[field];
  gpointer pa = field_pointer (f, a);
  gpointer pb = field_pointer (f, b);

  switch (f->type)
    {
    case CARE_FIELD_TEXT:
      return g_strcmp0 (*(char **) pa, *(char **) pb) == 0;
    case CARE_FIELD_DATE:
      return care_date_equal (pa, pb);
    case CARE_FIELD_BIRTH:
      {
        const CareBirthDate *ba = pa, *bb = pb;
        if (!care_birth_date_is_set (ba) || !care_birth_date_is_set (bb))
          return care_birth_date_is_set (ba) == care_birth_date_is_set (bb);
        return ba->year == bb->year && ba->month == bb->month && ba->day == bb->day;
      }
    case CARE_FIELD_ID:
    case CARE_FIELD_INT64:
      return *(gint64 *) pa == *(gint64 *) pb;
    case CARE_FIELD_UINT:
      return *(guint *) pa == *(guint *) pb;
    case CARE_FIELD_BOOL:
      return !*(gboolean *) pa == !*(gboolean *) pb;
    case CARE_FIELD_ENUM:
    case CARE_FIELD_FLAGS:
      return *(int *) pa == *(int *) pb;
    default:
      g_assert_not_reached ();
    }
}

gboolean
care_record_equal (const CareRecordSpec *spec,
                   gconstpointer         a,
                   gconstpointer         b)
{
  for (guint i = 0; i < spec->n_fields; i++)
    if (!care_record_field_equal (spec, a, b, i))
      return FALSE;
  return TRUE;
}

/* What a "create" or "delete" entry of the history shows: the first few
 * fields, enough to recognise the record without copying all of it. */
char *
care_record_summarize (const CareRecordSpec *spec,
                       gconstpointer         record)
{
  GString *summary = g_string_new (NULL);

  for (guint i = 0; i < spec->n_summary && i < spec->n_fields; i++)
    {
      g_autofree char *value = care_record_get_value (spec, record, i);
      if (value == NULL || *value == '\0')
        continue;
      if (summary->len > 0)
        g_string_append (summary, "; ");
      g_string_append_printf (summary, "%s: %s", spec->fields[i].column, value);
    }
  return g_string_free (summary, FALSE);
}

int
care_record_bind (const CareRecordSpec *spec,
                  gconstpointer         record,
                  sqlite3_stmt         *stmt,
                  int                   first)
{
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const CareFieldSpec *f = &spec->fields[i];
      gpointer p = field_pointer (f, record);
      int index = first + (int) i;

      switch (f->type)
        {
        case CARE_FIELD_TEXT:
          care_store_bind_text (stmt, index, *(char **) p);
          break;
        case CARE_FIELD_DATE:
          care_store_bind_date (stmt, index, p);
          break;
        case CARE_FIELD_BIRTH:
          if (care_birth_date_is_set (p))
            sqlite3_bind_text (stmt, index, care_birth_date_format (p), -1, g_free);
          else
            sqlite3_bind_null (stmt, index);
          break;
        case CARE_FIELD_ID:
          if (*(gint64 *) p != 0)
            sqlite3_bind_int64 (stmt, index, *(gint64 *) p);
          else
            sqlite3_bind_null (stmt, index);
          break;
        case CARE_FIELD_INT64:
          sqlite3_bind_int64 (stmt, index, *(gint64 *) p);
          break;
        case CARE_FIELD_UINT:
          sqlite3_bind_int64 (stmt, index, *(guint *) p);
          break;
        case CARE_FIELD_BOOL:
          sqlite3_bind_int (stmt, index, *(gboolean *) p ? 1 : 0);
          break;
        case CARE_FIELD_ENUM:
          sqlite3_bind_text (stmt, index, care_enum_to_nick (f->get_type (), *(int *) p), -1, SQLITE_STATIC);
          break;
        case CARE_FIELD_FLAGS:
          sqlite3_bind_text (stmt, index, care_risk_factors_to_string (*(CareRiskFactor *) p), -1, g_free);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return first + (int) spec->n_fields;
}

void
care_record_read (const CareRecordSpec *spec,
                  gpointer              record,
                  sqlite3_stmt         *stmt,
                  int                   first)
{
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const CareFieldSpec *f = &spec->fields[i];
      gpointer p = field_pointer (f, record);
      int column = first + (int) i;
      const char *text;

      switch (f->type)
        {
        case CARE_FIELD_TEXT:
          g_free (*(char **) p);
          *(char **) p = care_store_column_dup (stmt, column);
          break;
        case CARE_FIELD_DATE:
          care_store_column_date (stmt, column, p);
          break;
        case CARE_FIELD_BIRTH:
          text = (const char *) sqlite3_column_text (stmt, column);
          care_birth_date_unset (p);
          if (text != NULL && !care_birth_date_parse (text, p, NULL))
            care_birth_date_unset (p);
          break;
        case CARE_FIELD_ID:
        case CARE_FIELD_INT64:
          *(gint64 *) p = sqlite3_column_int64 (stmt, column);
          break;
        case CARE_FIELD_UINT:
          *(guint *) p = (guint) sqlite3_column_int64 (stmt, column);
          break;
        case CARE_FIELD_BOOL:
          *(gboolean *) p = sqlite3_column_int (stmt, column) != 0;
          break;
        case CARE_FIELD_ENUM:
          {
            int value = 0;
            text = (const char *) sqlite3_column_text (stmt, column);
            /* Only a vault edited outside CARE holds an unknown nick; the
             * first value of the list is the one a new record has. */
            if (text == NULL || !care_enum_from_nick (f->get_type (), text, &value))
              value = 0;
            *(int *) p = value;
          }
          break;
        case CARE_FIELD_FLAGS:
          {
            CareRiskFactor factors = CARE_RISK_FACTOR_NONE;
            text = (const char *) sqlite3_column_text (stmt, column);
            if (text == NULL || !care_risk_factors_from_string (text, &factors))
              factors = CARE_RISK_FACTOR_NONE;
            *(CareRiskFactor *) p = factors;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* The SQL of each spec is made on first use and kept for the life of the
 * process (a handful of strings), so that the statement cache can key on it. */
static GMutex sql_mutex;
static GHashTable *sql_table;

static const char *
remember_sql (const CareRecordSpec *spec,
              const char           *kind,
              GString             *(*build) (const CareRecordSpec *, const char *),
              const char           *arg)
{
  g_autofree char *key = g_strdup_printf ("%p/%s/%s", (gconstpointer) spec, kind, arg ? arg : "");
  const char *sql;

  g_mutex_lock (&sql_mutex);
  if (sql_table == NULL)
    sql_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sql = g_hash_table_lookup (sql_table, key);
  if (sql == NULL)
    {
      sql = g_string_free (build (spec, arg), FALSE);
      g_hash_table_insert (sql_table, g_steal_pointer (&key), (gpointer) sql);
    }
  g_mutex_unlock (&sql_mutex);
  return sql;
}

static GString *
build_insert (const CareRecordSpec *spec,
              const char           *unused)
{
  GString *sql = g_string_new (NULL);
  guint n = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", spec->table);
  if (spec->parent != NULL)
    g_string_append_printf (sql, "%s%s", n++ ? ", " : "", spec->parent);
  if (spec->positioned)
    g_string_append_printf (sql, "%s%s", n++ ? ", " : "", "position");
  for (guint i = 0; i < spec->n_fields; i++)
    g_string_append_printf (sql, "%s%s", n++ ? ", " : "", spec->fields[i].column);
  for (guint i = 0; spec->extra != NULL && spec->extra[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s", n++ ? ", " : "", spec->extra[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");
  return sql;
}

static GString *
build_update (const CareRecordSpec *spec,
              const char           *unused)
{
  GString *sql = g_string_new (NULL);
  guint n = 0;

  g_string_append_printf (sql, "UPDATE %s SET ", spec->table);
  if (spec->positioned)
    g_string_append_printf (sql, "%s%s = ?", n++ ? ", " : "", "position");
  for (guint i = 0; i < spec->n_fields; i++)
    g_string_append_printf (sql, "%s%s = ?", n++ ? ", " : "", spec->fields[i].column);
  for (guint i = 0; spec->extra != NULL && spec->extra[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s = ?", n++ ? ", " : "", spec->extra[i]);
  g_string_append_printf (sql, " WHERE %s = ?", spec == &care_closure_spec ? "case_id" : "id");
  return sql;
}

static GString *
build_columns (const CareRecordSpec *spec,
               const char           *alias)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < spec->n_fields; i++)
    g_string_append_printf (sql, "%s%s.%s", i ? ", " : "", alias, spec->fields[i].column);
  return sql;
}

const char *
care_record_insert_sql (const CareRecordSpec *spec)
{
  return remember_sql (spec, "insert", build_insert, NULL);
}

const char *
care_record_update_sql (const CareRecordSpec *spec)
{
  return remember_sql (spec, "update", build_update, NULL);
}

const char *
care_record_columns (const CareRecordSpec *spec,
                     const char           *alias)
{
  return remember_sql (spec, "columns", build_columns, alias);
}
