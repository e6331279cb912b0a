/* care-settings.c — the programme's parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-settings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "care-country.h"
#include "care-date.h"
#include "care-issue.h"
#include "care-money.h"
#include "care-settings.h"
#include "care-validate.h"

G_DEFINE_BOXED_TYPE (CareSettings, care_settings, care_settings_copy, care_settings_free)

static const char * const default_host_countries[] = {
  "AT", "ES", "FR", "GR", "IT", "PL", "PT", "GB", NULL
};

static const guint default_followup_months[] = { 1, 3, 6, 9, 12 };

CareSettings *
care_settings_new (void)
{
  CareSettings *settings = g_new0 (CareSettings, 1);

  settings->host_countries = g_ptr_array_new_with_free_func (g_free);
  care_settings_set_host_countries (settings, default_host_countries);
  care_date_set (&settings->window_start, 2013, G_DATE_SEPTEMBER, 1);
  care_date_set (&settings->window_end, 2015, G_DATE_DECEMBER, 31);
  settings->target_beneficiaries = 130;
  settings->target_minors = 10;
  settings->followup_months = g_array_new (FALSE, FALSE, sizeof (guint));
  care_settings_set_followup_months (settings, default_followup_months,
                                     G_N_ELEMENTS (default_followup_months));
  settings->followup_max_months = 12;
  settings->currency = g_strdup (CARE_MONEY_DEFAULT_CURRENCY);
  return settings;
}

CareSettings *
care_settings_copy (const CareSettings *settings)
{
  CareSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = g_new0 (CareSettings, 1);
  copy->host_countries = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < settings->host_countries->len; i++)
    g_ptr_array_add (copy->host_countries,
                     g_strdup (g_ptr_array_index (settings->host_countries, i)));
  copy->window_start = settings->window_start;
  copy->window_end = settings->window_end;
  copy->target_beneficiaries = settings->target_beneficiaries;
  copy->target_minors = settings->target_minors;
  copy->followup_months = g_array_copy (settings->followup_months);
  copy->followup_max_months = settings->followup_max_months;
  copy->currency = g_strdup (settings->currency);
  return copy;
}

void
care_settings_free (CareSettings *settings)
{
  if (settings == NULL)
    return;
  g_ptr_array_unref (settings->host_countries);
  g_array_unref (settings->followup_months);
  g_free (settings->currency);
  g_free (settings);
}

gboolean
care_settings_is_host_country (const CareSettings *settings,
                               const char         *country_code)
{
  const char *canonical;

  g_return_val_if_fail (settings != NULL, FALSE);

  canonical = care_country_canonical_code (country_code);
  if (canonical == NULL)
    return FALSE;
  for (guint i = 0; i < settings->host_countries->len; i++)
    if (g_str_equal (g_ptr_array_index (settings->host_countries, i), canonical))
      return TRUE;
  return FALSE;
}

/* Unknown codes are kept as typed, so that care_settings_validate() can
 * name them instead of their silently vanishing. */
void
care_settings_set_host_countries (CareSettings       *settings,
                                  const char * const *codes)
{
  g_return_if_fail (settings != NULL);

  g_ptr_array_set_size (settings->host_countries, 0);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *canonical = care_country_canonical_code (codes[i]);
      g_ptr_array_add (settings->host_countries,
                       g_strdup (canonical != NULL ? canonical : codes[i]));
    }
}

void
care_settings_set_followup_months (CareSettings *settings,
                                   const guint  *months,
                                   gsize         n_months)
{
  g_return_if_fail (settings != NULL);

  g_array_set_size (settings->followup_months, 0);
  g_array_append_vals (settings->followup_months, months, (guint) n_months);
}

GPtrArray *
care_settings_validate (const CareSettings *settings)
{
  GPtrArray *issues = care_issues_new ();
  guint previous = 0;

  g_return_val_if_fail (settings != NULL, issues);

  if (settings->host_countries->len == 0)
    care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_REQUIRED,
                     "host_countries", "%s", _("The programme needs at least one host country"));
  for (guint i = 0; i < settings->host_countries->len; i++)
    care_issues_take_error (issues, "host_countries",
                            care_validate_country_code (g_ptr_array_index (settings->host_countries, i),
                                                        C_("field", "Host country")));

  if (!care_date_is_set (&settings->window_start) || !care_date_is_set (&settings->window_end))
    care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_REQUIRED,
                     "window", "%s", _("The programme’s return window needs a first and a last date"));
  else
    care_issues_take_error (issues, "window_end",
                            care_validate_date_order (&settings->window_start, C_("field", "Start of the return window"),
                                                      &settings->window_end, C_("field", "End of the return window")));

  if (settings->target_minors > settings->target_beneficiaries)
    care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE,
                     "target_minors", "%s", _("The target for minors cannot exceed the target for all beneficiaries"));

  if (settings->followup_max_months < 1 || settings->followup_max_months > 12)
    care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE,
                     "followup_max_months", "%s", _("Follow-up lasts between 1 and 12 months after arrival"));

  for (guint i = 0; i < settings->followup_months->len; i++)
    {
      guint month = g_array_index (settings->followup_months, guint, i);
      if (month < 1 || month > settings->followup_max_months || month <= previous)
        {
          care_issues_add (issues, CARE_VALIDATE_ERROR, CARE_VALIDATE_ERROR_OUT_OF_RANGE,
                           "followup_months",
                           /* Translators: %u is the last month of follow-up, normally 12 */
                           _("Follow-up months must be in increasing order, from 1 to %u"),
                           settings->followup_max_months);
          break;
        }
      previous = month;
    }

  care_issues_take_error (issues, "currency",
                          care_validate_currency_code (settings->currency, C_("field", "Currency")));
  return issues;
}
