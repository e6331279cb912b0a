/* care-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_APPLICATION (care_application_get_type())

G_DECLARE_FINAL_TYPE (CareApplication, care_application, CARE, APPLICATION, AdwApplication)

CareApplication *care_application_new                (void);
GSettings       *care_application_get_settings       (CareApplication *self);

CareVault       *care_application_get_vault          (CareApplication *self);
void             care_application_set_vault          (CareApplication *self,
                                                      CareVault       *vault);
void             care_application_lock               (CareApplication *self);
char            *care_application_dup_vault_path     (CareApplication *self);
void             care_application_note_activity      (CareApplication *self);
gboolean         care_application_lock_if_idle       (CareApplication *self,
                                                      gint64           now_usec);

gboolean         care_application_is_demo            (CareApplication *self);
gboolean         care_application_start_demo         (CareApplication *self,
                                                      guint            cases,
                                                      GError         **error);
void             care_application_end_demo           (CareApplication *self);
guint            care_application_get_demo_cases     (CareApplication *self);
const char      *care_application_get_demo_passphrase (CareApplication *self);
double           care_application_get_demo_progress  (CareApplication *self);
const GError    *care_application_get_demo_error     (CareApplication *self);

G_END_DECLS
