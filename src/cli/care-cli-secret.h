/* care-cli-secret.h — reading passphrases without echo or leftovers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A NUL-terminated secret in sodium_malloc()ed memory; freeing it with
 * care_cli_secret_free (or g_autoptr) wipes it. */
typedef char CareSecret;

CareSecret *care_cli_read_secret      (const char  *prompt,
                                       GError     **error);
CareSecret *care_cli_read_new_secret  (const char  *prompt,
                                       const char  *repeat_prompt,
                                       GError     **error);
void        care_cli_secret_free      (CareSecret  *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareSecret, care_cli_secret_free)

G_END_DECLS
