/* care-settings.h — the programme's parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Defaults come from the programme leaflet; coordinators may change every
 * one of them in Preferences, so the rules take a CareSettings rather than
 * reading constants. */
typedef struct
{
  GPtrArray *host_countries;         /* ISO 3166-1 alpha-2 codes, owned */
  GDate      window_start;           /* first return date of the programme */
  GDate      window_end;             /* last return date, included */
  guint      target_beneficiaries;
  guint      target_minors;
  GArray    *followup_months;        /* guint, ascending, each 1..followup_max_months */
  guint      followup_max_months;    /* nothing is scheduled after this */
  char      *currency;               /* ISO 4217 */
} CareSettings;

#define CARE_TYPE_SETTINGS (care_settings_get_type ())

GType         care_settings_get_type          (void) G_GNUC_CONST;
CareSettings *care_settings_new               (void);
CareSettings *care_settings_copy              (const CareSettings *settings);
void          care_settings_free              (CareSettings       *settings);

gboolean      care_settings_is_host_country   (const CareSettings *settings,
                                               const char         *country_code);
void          care_settings_set_host_countries (CareSettings      *settings,
                                                const char * const *codes);
void          care_settings_set_followup_months (CareSettings     *settings,
                                                 const guint      *months,
                                                 gsize             n_months);
GPtrArray    *care_settings_validate          (const CareSettings *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareSettings, care_settings_free)

G_END_DECLS
