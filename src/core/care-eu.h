/* care-eu.h — membership of the European Union, by date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean care_eu_is_member_on        (const char  *country_code,
                                      const GDate *date);
gboolean care_eu_get_membership      (const char  *country_code,
                                      GDate       *out_joined,
                                      GDate       *out_left);
guint    care_eu_count_members_on    (const GDate *date);

G_END_DECLS
