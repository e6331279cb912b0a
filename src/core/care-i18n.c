/* care-i18n.c — gettext set-up shared by the application and care-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "care-i18n.h"

/* An uninstalled build (build-aux/run, the tests) keeps its compiled
 * catalogues in the build tree; CARE_LOCALEDIR points there. */
const char *
care_i18n_get_localedir (void)
{
  const char *dir = g_getenv ("CARE_LOCALEDIR");

  if (dir != NULL && *dir != '\0')
    return dir;

  return LOCALEDIR;
}

void
care_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, care_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
