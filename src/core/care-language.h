/* care-language.h — the language of the interface, switched live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CARE_LANGUAGE_SYSTEM,
  CARE_LANGUAGE_FRENCH,
  CARE_LANGUAGE_ENGLISH,
} CareLanguage;

void          care_language_init_process     (void);
gboolean      care_language_set              (CareLanguage  language);
CareLanguage  care_language_get              (void);
const char   *care_language_get_code         (void);
void          care_language_use_in_thread    (void);
void          care_language_run_in_thread    (GTask           *task,
                                              GTaskThreadFunc  func);

CareLanguage  care_language_from_string      (const char   *text);
const char   *care_language_to_string        (CareLanguage  language);

G_END_DECLS
