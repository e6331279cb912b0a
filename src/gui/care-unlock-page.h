/* care-unlock-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARE_TYPE_UNLOCK_PAGE (care_unlock_page_get_type())

G_DECLARE_FINAL_TYPE (CareUnlockPage, care_unlock_page, CARE, UNLOCK_PAGE, GtkWidget)

const char *care_unlock_page_get_path  (CareUnlockPage *self);
void        care_unlock_page_set_path  (CareUnlockPage *self,
                                        const char     *path);
void        care_unlock_page_reset     (CareUnlockPage *self);
void        care_unlock_page_set_demo  (CareUnlockPage *self,
                                        const char     *passphrase,
                                        guint           cases,
                                        double          fraction);
AdwMessageDialog *care_unlock_page_confirm_restore (CareUnlockPage *self,
                                                    GFile          *backup);

G_END_DECLS
