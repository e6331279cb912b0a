/* care-validate.c — checks on what is typed or imported, with reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "care-country.h"
#include "care-issue.h"
#include "care-money.h"
#include "care-schedule.h"
#include "care-validate.h"

G_DEFINE_QUARK (care-validate-error-quark, care_validate_error)

/* Nobody in the programme's records was born before this year; an earlier
 * date is a typing error (1899 for 1999). */
#define EARLIEST_BIRTH_YEAR 1900

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

GError *
care_validate_required (const char *text,
                        const char *label)
{
  if (!is_blank (text))
    return NULL;
  return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_REQUIRED,
                      /* Translators: %s is the name of a field, such as “Family name” */
                      _("%s is required"), label);
}

/* Control characters are refused as well as over-long text: they come
 * from a file read with the wrong encoding or a paste from elsewhere, and
 * they would break the CSV export and the printed plan. */
GError *
care_validate_text (const char *text,
                    gsize       max_chars,
                    gboolean    multiline,
                    const char *label)
{
  glong length;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_INVALID_TEXT,
                        /* Translators: %s is the name of a field */
                        _("%s is not valid UTF-8 text"), label);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (multiline && (c == '\n' || c == '\t' || c == '\r'))
        continue;
      if (g_unichar_iscntrl (c))
        return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_INVALID_TEXT,
                            multiline
                            /* Translators: %s is the name of a field */
                            ? _("%s contains control characters")
                            /* Translators: %s is the name of a field */
                            : _("%s must fit on one line, without tabs or control characters"),
                            label);
    }

  length = g_utf8_strlen (text, -1);
  if ((gsize) length > max_chars)
    return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_TOO_LONG,
                        /* Translators: %1$s is the name of a field, %2$u a number of characters */
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%1$s is too long: at most %2$u character",
                                     "%1$s is too long: at most %2$u characters",
                                     max_chars),
                        label, (guint) max_chars);
  return NULL;
}

GError *
care_validate_country_code (const char *code,
                            const char *label)
{
  if (is_blank (code) || care_country_is_known (code))
    return NULL;
  return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_UNKNOWN_COUNTRY,
                      /* Translators: %1$s is the name of a field, %2$s what was typed */
                      _("%1$s: “%2$s” is not a two-letter ISO 3166-1 country code such as FR or NG"),
                      label, code);
}

GError *
care_validate_currency_code (const char *code,
                             const char *label)
{
  if (is_blank (code))
    return care_validate_required (code, label);
  if (care_currency_is_known (code))
    return NULL;
  return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_UNKNOWN_CURRENCY,
                      /* Translators: %1$s is the name of a field, %2$s what was typed */
                      _("%1$s: “%2$s” is not a three-letter ISO 4217 currency code such as EUR"),
                      label, code);
}

GError *
care_validate_date_order (const GDate *earlier,
                          const char  *earlier_label,
                          const GDate *later,
                          const char  *later_label)
{
  g_autofree char *earlier_text = NULL;
  g_autofree char *later_text = NULL;

  if (!care_date_is_set (earlier) || !care_date_is_set (later) ||
      g_date_compare (earlier, later) <= 0)
    return NULL;

  earlier_text = care_date_format (earlier);
  later_text = care_date_format (later);
  return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_DATE_ORDER,
                      /* Translators: %1$s and %3$s are names of date fields, %2$s and %4$s their dates */
                      _("%1$s (%2$s) cannot be earlier than %3$s (%4$s)"),
                      later_label, later_text, earlier_label, earlier_text);
}

GError *
care_validate_not_future (const GDate *date,
                          const GDate *today,
                          const char  *label)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (care_date_is_set (today), NULL);

  if (!care_date_is_set (date) || g_date_compare (date, today) <= 0)
    return NULL;

  text = care_date_format (date);
  return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_FUTURE_DATE,
                      /* Translators: %1$s is the name of a date field, %2$s the date */
                      _("%1$s (%2$s) is in the future"), label, text);
}

/* A year-only date of birth is in the future only if its whole year is. */
GError *
care_validate_birth_date (const CareBirthDate *birth,
                          const GDate         *today)
{
  GDate earliest;
  g_autofree char *text = NULL;

  g_return_val_if_fail (care_date_is_set (today), NULL);

  if (!care_birth_date_is_set (birth))
    return NULL;

  care_birth_date_get_earliest (birth, &earliest);
  text = care_birth_date_format (birth);
  if (g_date_compare (&earliest, today) > 0)
    return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_FUTURE_DATE,
                        /* Translators: %s is a date of birth */
                        _("The date of birth (%s) is in the future"), text);
  if (birth->year < EARLIEST_BIRTH_YEAR)
    return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE,
                        /* Translators: %1$s is a date of birth, %2$u a year */
                        _("The date of birth (%1$s) is before %2$u"), text, EARLIEST_BIRTH_YEAR);
  return NULL;
}

GError *
care_validate_amount (gint64      cents,
                      const char *label)
{
  g_autoptr(GError) error = NULL;

  if (care_money_check (cents, &error))
    return NULL;
  return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_AMOUNT,
                      /* Translators: %1$s is the name of an amount field, %2$s why it is refused */
                      _("%1$s: %2$s"), label, error->message);
}

GError *
care_validate_score (guint       score,
                     const char *label)
{
  if (score == CARE_SCORE_NONE || (score >= 1 && score <= 5))
    return NULL;
  return g_error_new (CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE,
                      /* Translators: %1$s is the name of a score, %2$u the score given */
                      _("%1$s: %2$u is not a score from 1 to 5"), label, score);
}

static void
check_line (GPtrArray  *issues,
            const char *field,
            const char *text,
            gsize       max_chars,
            const char *label)
{
  care_issues_take_error (issues, field, care_validate_text (text, max_chars, FALSE, label));
}

static void
check_notes (GPtrArray  *issues,
             const char *field,
             const char *text,
             const char *label)
{
  care_issues_take_error (issues, field, care_validate_text (text, CARE_NOTES_MAX_CHARS, TRUE, label));
}

static void
check_required_line (GPtrArray  *issues,
                     const char *field,
                     const char *text,
                     gsize       max_chars,
                     const char *label)
{
  GError *error = care_validate_required (text, label);

  if (error != NULL)
    care_issues_take_error (issues, field, error);
  else
    check_line (issues, field, text, max_chars, label);
}

static void
append_issues (GPtrArray *issues,
               GPtrArray *more)
{
  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (issues, care_issue_copy (g_ptr_array_index (more, i)));
  g_ptr_array_unref (more);
}

GPtrArray *
care_measure_validate (const CareMeasure *m)
{
  GPtrArray *issues = care_issues_new ();

  g_return_val_if_fail (m != NULL, issues);

  care_issues_take_error (issues, "description",
                          care_validate_required (m->description, C_("field", "Description of the measure")));
  check_notes (issues, "description", m->description, C_("field", "Description of the measure"));
  check_line (issues, "provider", m->provider, CARE_TEXT_MAX_CHARS, C_("field", "Provider"));
  care_issues_take_error (issues, "planned_end",
                          care_validate_date_order (&m->planned_start, C_("field", "Planned start"),
                                                    &m->planned_end, C_("field", "Planned end")));
  care_issues_take_error (issues, "budget", care_validate_amount (m->budget_cents, C_("field", "Budget")));
  care_issues_take_error (issues, "actual_cost",
                          care_validate_amount (m->actual_cost_cents, C_("field", "Actual cost")));
  care_issues_take_error (issues, "currency", care_validate_currency_code (m->currency, C_("field", "Currency")));
  return issues;
}

GPtrArray *
care_partner_validate (const CarePartner *p)
{
  GPtrArray *issues = care_issues_new ();

  g_return_val_if_fail (p != NULL, issues);

  check_required_line (issues, "name", p->name, CARE_TEXT_MAX_CHARS, C_("field", "Organisation name"));
  care_issues_take_error (issues, "country", care_validate_country_code (p->country, C_("field", "Country")));
  check_line (issues, "contact", p->contact, CARE_TEXT_MAX_CHARS, C_("field", "Contact"));
  check_line (issues, "phone", p->phone, CARE_NAME_MAX_CHARS, C_("field", "Phone"));
  check_line (issues, "email", p->email, CARE_TEXT_MAX_CHARS, C_("field", "Email"));
  check_notes (issues, "notes", p->notes, C_("field", "Notes"));
  return issues;
}

static void
check_consent (GPtrArray         *issues,
               const char        *field,
               const CareConsent *consent,
               const GDate       *today,
               const char        *date_label,
               const char        *withdrawn_label)
{
  if (consent->state == CARE_CONSENT_NOT_RECORDED)
    return;

  if (!care_date_is_set (&consent->decided_on))
    care_issues_take_error (issues, field, care_validate_required (NULL, date_label));
  care_issues_take_error (issues, field, care_validate_not_future (&consent->decided_on, today, date_label));

  if (consent->state == CARE_CONSENT_WITHDRAWN)
    {
      if (!care_date_is_set (&consent->withdrawn_on))
        care_issues_take_error (issues, field, care_validate_required (NULL, withdrawn_label));
      care_issues_take_error (issues, field,
                              care_validate_not_future (&consent->withdrawn_on, today, withdrawn_label));
      care_issues_take_error (issues, field,
                              care_validate_date_order (&consent->decided_on, date_label,
                                                        &consent->withdrawn_on, withdrawn_label));
    }
}

static void
check_followup (GPtrArray          *issues,
                const CareCase     *c,
                const CareFollowUp *f,
                const CareSettings *settings,
                const GDate        *today)
{
  if (!care_date_is_set (&f->due_on))
    care_issues_take_error (issues, "followup", care_validate_required (NULL, C_("field", "Follow-up due date")));

  if (care_date_is_set (&c->arrival_date) && care_date_is_set (&f->due_on))
    {
      GDate end;

      care_issues_take_error (issues, "followup",
                              care_validate_date_order (&c->arrival_date, C_("field", "Arrival date"),
                                                        &f->due_on, C_("field", "Follow-up due date")));
      care_schedule_get_end (&c->arrival_date, settings->followup_max_months, &end);
      if (g_date_compare (&f->due_on, &end) > 0 && !care_follow_up_is_cancelled (f))
        {
          g_autofree char *due = care_date_format (&f->due_on);
          g_autofree char *last = care_date_format (&end);
          care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE, "followup",
                           /* Translators: %1$s is a due date, %2$s the last day of follow-up, %3$u a number of months (12) */
                           g_dngettext (GETTEXT_PACKAGE,
                                        "A follow-up is due on %1$s, after the end of follow-up on %2$s, %3$u month after arrival",
                                        "A follow-up is due on %1$s, after the end of follow-up on %2$s, %3$u months after arrival",
                                        settings->followup_max_months),
                           due, last, settings->followup_max_months);
        }
    }

  if (care_date_is_set (&f->done_on))
    {
      care_issues_take_error (issues, "followup",
                              care_validate_not_future (&f->done_on, today, C_("field", "Follow-up date")));
      care_issues_take_error (issues, "followup",
                              care_validate_date_order (&c->arrival_date, C_("field", "Arrival date"),
                                                        &f->done_on, C_("field", "Follow-up date")));
      if (!care_consent_is_given_on (&c->consent_followup, &f->done_on))
        {
          g_autofree char *done = care_date_format (&f->done_on);
          care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE, "consent_followup",
                           /* Translators: %s is the date of a follow-up contact */
                           _("The follow-up of %s took place without the beneficiary’s consent to follow-up"),
                           done);
        }
    }
  else if (care_follow_up_is_pending (f) && !care_consent_is_given (&c->consent_followup))
    care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE, "consent_followup", "%s",
                     _("Follow-up contacts can only be planned with the beneficiary’s consent to follow-up"));

  check_line (issues, "followup", f->who, CARE_TEXT_MAX_CHARS, C_("field", "Who"));
  check_notes (issues, "followup", f->notes, C_("field", "Follow-up notes"));
  care_issues_take_error (issues, "followup",
                          care_validate_score (f->economic_score, C_("field", "Economic score")));
  care_issues_take_error (issues, "followup",
                          care_validate_score (f->social_score, C_("field", "Social score")));
  care_issues_take_error (issues, "followup",
                          care_validate_score (f->psychosocial_score, C_("field", "Psychosocial score")));
  for (guint i = 0; i < f->progress->len; i++)
    {
      const CareMeasureProgress *p = g_ptr_array_index (f->progress, i);
      check_notes (issues, "followup", p->note, C_("field", "Progress of a measure"));
    }
}

/* Every check of a case at once, so that a form or an imported row shows
 * all its problems together. @today is passed in rather than read from
 * the clock, for tests and for imports that must not change their verdict
 * at midnight. */
GPtrArray *
care_case_validate (const CareCase     *c,
                    const CareSettings *settings,
                    const GDate        *today)
{
  GPtrArray *issues = care_issues_new ();
  const CarePerson *person;

  g_return_val_if_fail (c != NULL, issues);
  g_return_val_if_fail (settings != NULL, issues);
  g_return_val_if_fail (care_date_is_set (today), issues);

  person = c->person;

  /* Person */
  check_required_line (issues, "family_name", person->family_name, CARE_NAME_MAX_CHARS,
                       C_("field", "Family name"));
  check_required_line (issues, "given_names", person->given_names, CARE_NAME_MAX_CHARS,
                       C_("field", "Given names"));
  care_issues_take_error (issues, "date_of_birth", care_validate_birth_date (&person->date_of_birth, today));
  care_issues_take_error (issues, "nationality",
                          care_validate_country_code (person->nationality, C_("field", "Nationality")));
  check_line (issues, "phone", person->phone, CARE_NAME_MAX_CHARS, C_("field", "Phone"));

  /* Referral */
  care_issues_take_error (issues, "host_country",
                          care_validate_required (c->host_country, C_("field", "Host country")));
  care_issues_take_error (issues, "host_country",
                          care_validate_country_code (c->host_country, C_("field", "Host country")));
  care_issues_take_error (issues, "return_country",
                          care_validate_required (c->return_country, C_("field", "Country of return")));
  care_issues_take_error (issues, "return_country",
                          care_validate_country_code (c->return_country, C_("field", "Country of return")));
  check_line (issues, "destination", c->destination, CARE_TEXT_MAX_CHARS, C_("field", "Destination"));
  check_line (issues, "referring_organisation", c->referring_organisation, CARE_TEXT_MAX_CHARS,
              C_("field", "Referring organisation"));
  check_line (issues, "referral_contact", c->referral_contact, CARE_TEXT_MAX_CHARS,
              C_("field", "Referral contact"));
  check_line (issues, "caseworker", c->caseworker, CARE_TEXT_MAX_CHARS, C_("field", "Caseworker"));
  check_line (issues, "plan_language", c->plan_language, 16, C_("field", "Language of the plan"));
  check_notes (issues, "notes", c->notes, C_("field", "Notes"));

  /* Dates of the referral and the return, in the order they happen */
  if (!care_date_is_set (&c->referral_date))
    care_issues_take_error (issues, "referral_date", care_validate_required (NULL, C_("field", "Referral date")));
  care_issues_take_error (issues, "referral_date",
                          care_validate_not_future (&c->referral_date, today, C_("field", "Referral date")));
  if (care_birth_date_is_set (&person->date_of_birth))
    {
      GDate born;
      care_birth_date_get_earliest (&person->date_of_birth, &born);
      care_issues_take_error (issues, "referral_date",
                              care_validate_date_order (&born, C_("field", "Date of birth"),
                                                        &c->referral_date, C_("field", "Referral date")));
    }
  care_issues_take_error (issues, "planned_return_date",
                          care_validate_date_order (&c->referral_date, C_("field", "Referral date"),
                                                    &c->planned_return_date, C_("field", "Planned return date")));
  care_issues_take_error (issues, "arrival_date",
                          care_validate_date_order (&c->referral_date, C_("field", "Referral date"),
                                                    &c->arrival_date, C_("field", "Arrival date")));
  care_issues_take_error (issues, "arrival_date",
                          care_validate_not_future (&c->arrival_date, today, C_("field", "Arrival date")));

  check_consent (issues, "consent_voluntary_return", &c->consent_voluntary_return, today,
                 C_("field", "Date of the consent to voluntary return"),
                 C_("field", "Date the consent to voluntary return was withdrawn"));
  check_consent (issues, "consent_data", &c->consent_data, today,
                 C_("field", "Date of the consent to data processing"),
                 C_("field", "Date the consent to data processing was withdrawn"));
  check_consent (issues, "consent_followup", &c->consent_followup, today,
                 C_("field", "Date of the consent to follow-up"),
                 C_("field", "Date the consent to follow-up was withdrawn"));

  /* Assessment */
  care_issues_take_error (issues, "assessed_on",
                          care_validate_not_future (&c->risk->assessed_on, today, C_("field", "Assessment date")));
  care_issues_take_error (issues, "assessed_on",
                          care_validate_date_order (&c->referral_date, C_("field", "Referral date"),
                                                    &c->risk->assessed_on, C_("field", "Assessment date")));
  check_line (issues, "other_factor", c->risk->other_factor, CARE_TEXT_MAX_CHARS, C_("field", "Other risk factor"));
  check_notes (issues, "mitigation", c->risk->mitigation, C_("field", "Mitigation"));
  if (c->arrival_needs->secure_accommodation_nights > 366)
    care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE, "secure_accommodation_nights",
                     "%s", _("Secure accommodation at arrival is for a year at most"));
  check_notes (issues, "arrival_needs", c->arrival_needs->notes, C_("field", "Needs at arrival"));
  check_notes (issues, "education", c->skills->education, C_("field", "Education"));
  check_notes (issues, "languages", c->skills->languages, C_("field", "Languages"));
  check_notes (issues, "work_experience", c->skills->work_experience, C_("field", "Work experience"));
  check_notes (issues, "vocational_skills", c->skills->vocational_skills, C_("field", "Vocational skills"));
  check_notes (issues, "aspirations", c->skills->aspirations, C_("field", "Aspirations"));
  check_notes (issues, "preferred_option", c->skills->preferred_option, C_("field", "Preferred reintegration option"));
  check_line (issues, "guardian", c->minor->guardian, CARE_TEXT_MAX_CHARS,
              C_("field", "Guardian or legal representative"));
  care_issues_take_error (issues, "best_interests_date",
                          care_validate_not_future (&c->minor->best_interests_assessed_on, today,
                                                    C_("field", "Best-interests assessment date")));
  check_notes (issues, "minor_notes", c->minor->notes, C_("field", "Notes on the minor"));

  /* Plan */
  for (guint v = 0; v < c->plan->versions->len; v++)
    {
      const CarePlanVersion *version = g_ptr_array_index (c->plan->versions, v);

      check_notes (issues, "objectives", version->objectives, C_("field", "Objectives"));
      care_issues_take_error (issues, "agreed_on",
                              care_validate_not_future (&version->agreed_on, today, C_("field", "Date of agreement")));
      for (guint i = 0; i < version->measures->len; i++)
        append_issues (issues, care_measure_validate (g_ptr_array_index (version->measures, i)));
    }

  /* Arrival and follow-up */
  for (guint i = 0; i < c->arrival_items->len; i++)
    {
      const CareArrivalItem *item = g_ptr_array_index (c->arrival_items, i);
      care_issues_take_error (issues, "arrival_assistance",
                              care_validate_not_future (&item->done_on, today, C_("field", "Date of assistance")));
      check_line (issues, "arrival_assistance", item->who, CARE_TEXT_MAX_CHARS, C_("field", "Who"));
      check_notes (issues, "arrival_assistance", item->notes, C_("field", "Notes"));
    }
  for (guint i = 0; i < c->followups->len; i++)
    check_followup (issues, c, g_ptr_array_index (c->followups, i), settings, today);

  /* Closure */
  if (c->closure != NULL)
    {
      if (!care_date_is_set (&c->closure->closed_on))
        care_issues_take_error (issues, "closed_on", care_validate_required (NULL, C_("field", "Closure date")));
      care_issues_take_error (issues, "closed_on",
                              care_validate_not_future (&c->closure->closed_on, today, C_("field", "Closure date")));
      care_issues_take_error (issues, "closed_on",
                              care_validate_date_order (&c->referral_date, C_("field", "Referral date"),
                                                        &c->closure->closed_on, C_("field", "Closure date")));
      check_notes (issues, "closure_notes", c->closure->notes, C_("field", "Notes"));
    }

  return issues;
}
