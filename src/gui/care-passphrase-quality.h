/* care-passphrase-quality.h — how hard a new passphrase is to guess
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <pwquality.h>

G_BEGIN_DECLS

pwquality_settings_t *care_passphrase_quality_new    (void);
char                 *care_passphrase_quality_assess (pwquality_settings_t *quality,
                                                      const char           *passphrase,
                                                      const char           *user,
                                                      int                  *level);
/* What the form under a new passphrase says: BAR shows its strength, and
 * *MESSAGE why it cannot be used (*PROBLEM TRUE: too weak, or CONFIRM typed
 * and different) or how strong it is. Returns whether it can be used:
 * accepted, and CONFIRM the same. */
gboolean              care_passphrase_quality_judge  (pwquality_settings_t *quality,
                                                      const char           *passphrase,
                                                      const char           *confirm,
                                                      const char           *user,
                                                      GtkLevelBar          *bar,
                                                      char                **message,
                                                      gboolean             *problem);
/* MESSAGE under the passphrase, in the colour of a problem or dimmed. */
void                  care_passphrase_quality_show_hint (GtkLabel          *hint,
                                                         const char        *message,
                                                         gboolean           problem);

G_END_DECLS
