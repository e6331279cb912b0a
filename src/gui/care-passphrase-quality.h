/* care-passphrase-quality.h — how hard a new passphrase is to guess
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <pwquality.h>

G_BEGIN_DECLS

pwquality_settings_t *care_passphrase_quality_new    (void);
char                 *care_passphrase_quality_assess (pwquality_settings_t *quality,
                                                      const char           *passphrase,
                                                      const char           *user,
                                                      int                  *level);

G_END_DECLS
