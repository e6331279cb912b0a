/* care-eligibility.c — the programme's rules on who it helps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-eligibility"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "care-country.h"
#include "care-date.h"
#include "care-eligibility.h"
#include "care-eu.h"
#include "care-issue.h"

G_DEFINE_QUARK (care-eligibility-error-quark, care_eligibility_error)
G_DEFINE_QUARK (care-safeguard-error-quark, care_safeguard_error)

static const char *
country_name (const char *code)
{
  const char *name = care_country_get_name (code);
  return name != NULL ? name : code;
}

/* Every reason is listed, not only the first, so that a coordinator sees
 * at once everything that keeps a case out of the programme. */
GPtrArray *
care_case_check_eligibility (const CareCase     *c,
                             const CareSettings *settings)
{
  GPtrArray *issues = care_issues_new ();
  const GDate *return_date;

  g_return_val_if_fail (c != NULL, issues);
  g_return_val_if_fail (settings != NULL, issues);

  return_date = care_case_get_return_date (c);

  if (!care_settings_is_host_country (settings, c->host_country))
    {
      if (c->host_country == NULL || *c->host_country == '\0')
        care_issues_add (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_HOST_COUNTRY,
                         "host_country", "%s", _("The host country is not recorded"));
      else
        care_issues_add (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_HOST_COUNTRY,
                         "host_country",
                         /* Translators: %s is a country name */
                         _("%s is not one of the programme’s host countries"),
                         country_name (c->host_country));
    }

  if (c->return_country == NULL || *c->return_country == '\0')
    care_issues_add (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_NO_RETURN_COUNTRY,
                     "return_country", "%s", _("The country of return is not recorded"));
  else if (return_date != NULL && care_eu_is_member_on (c->return_country, return_date))
    {
      g_autofree char *date = care_date_format (return_date);
      care_issues_add (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_RETURN_COUNTRY_EU,
                       "return_country",
                       /* Translators: %1$s is a country name, %2$s a date; the programme only helps returns to countries outside the EU */
                       _("%1$s is in the European Union on the return date (%2$s)"),
                       country_name (c->return_country), date);
    }

  if (return_date == NULL)
    care_issues_add (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_NO_RETURN_DATE,
                     "planned_return_date", "%s",
                     _("Neither a planned return date nor an arrival date is recorded"));
  else if (g_date_compare (return_date, &settings->window_start) < 0 ||
           g_date_compare (return_date, &settings->window_end) > 0)
    {
      g_autofree char *date = care_date_format (return_date);
      g_autofree char *start = care_date_format (&settings->window_start);
      g_autofree char *end = care_date_format (&settings->window_end);
      care_issues_add (issues, CARE_ELIGIBILITY_ERROR, CARE_ELIGIBILITY_ERROR_OUTSIDE_WINDOW,
                       care_date_is_set (&c->planned_return_date) ? "planned_return_date" : "arrival_date",
                       /* Translators: %1$s is the return date, %2$s and %3$s the first and last dates of the programme */
                       _("The return date %1$s is outside the programme’s window, %2$s to %3$s"),
                       date, start, end);
    }

  return issues;
}

gboolean
care_case_is_eligible (const CareCase     *c,
                       const CareSettings *settings)
{
  g_autoptr(GPtrArray) issues = care_case_check_eligibility (c, settings);

  return issues->len == 0;
}

/* Under 18 on @date: the 18th birthday itself is the first day of
 * adulthood (and 1 March for a 29 February birthday in a common year).
 * When only the year of birth is known, the person is taken as born on 31
 * December of that year — as young as they can be — so that a child is
 * never denied a minor's safeguards for want of a document: the cost of
 * the opposite mistake is a child sent home without a guardian or escort. */
gboolean
care_birth_date_is_minor_on (const CareBirthDate *birth,
                             const GDate         *date)
{
  GDate majority;

  g_return_val_if_fail (care_date_is_set (date), FALSE);

  if (!care_birth_date_is_set (birth))
    return FALSE;

  care_birth_date_get_anniversary (birth, CARE_AGE_OF_MAJORITY, &majority);
  return g_date_compare (date, &majority) < 0;
}

/* On the planned (else actual) return date. A case without a return date
 * or a date of birth is not counted as a minor's; validation asks for the
 * date of birth. */
gboolean
care_case_is_minor (const CareCase *c)
{
  const GDate *return_date;

  g_return_val_if_fail (c != NULL, FALSE);

  return_date = care_case_get_return_date (c);
  if (return_date == NULL)
    return FALSE;
  return care_birth_date_is_minor_on (&c->person->date_of_birth, return_date);
}

GPtrArray *
care_case_check_plan_agreement (const CareCase *c)
{
  GPtrArray *issues = care_issues_new ();

  g_return_val_if_fail (c != NULL, issues);

  if (!care_case_is_minor (c))
    return issues;

  if (!care_minor_section_has_guardian (c->minor))
    care_issues_add (issues, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_GUARDIAN,
                     "guardian", "%s",
                     _("A minor’s plan needs a guardian or legal representative before it is agreed"));
  if (!care_date_is_set (&c->minor->best_interests_assessed_on))
    care_issues_add (issues, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_BEST_INTERESTS_ASSESSMENT,
                     "best_interests_date", "%s",
                     _("A minor’s plan needs a best-interests assessment before it is agreed"));
  if (!c->arrival_needs->escort)
    care_issues_add (issues, CARE_SAFEGUARD_ERROR, CARE_SAFEGUARD_ERROR_NO_ESCORT,
                     "escort", "%s",
                     _("A minor travels with an escort: plan one before agreeing the plan"));
  return issues;
}

/* Freezes the current draft once the case allows it; on refusal the error
 * carries every reason, one per line, and nothing changes. */
gboolean
care_case_agree_plan (CareCase     *c,
                      const GDate  *agreed_on,
                      GError      **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (c != NULL, FALSE);
  g_return_val_if_fail (care_date_is_set (agreed_on), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  issues = care_case_check_plan_agreement (c);
  if (!care_issues_to_error (issues, error))
    return FALSE;

  return care_plan_freeze_current (c->plan, agreed_on, error);
}
