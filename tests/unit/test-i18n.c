/* test-i18n.c — the compiled French catalogue is found and used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "care-i18n.h"

static void
test_localedir_override (void)
{
  const char *dir = g_getenv ("CARE_LOCALEDIR");

  g_assert_nonnull (dir);
  g_assert_cmpstr (care_i18n_get_localedir (), ==, dir);
}

static void
test_french_catalogue (void)
{
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  care_i18n_init ();

  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "fr_FR.UTF-8") != 0)
    {
      g_test_fail_printf ("the fr_FR.UTF-8 locale is missing: build-aux/setup generates it");
      return;
    }

  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Main Menu"), ==, "Menu principal");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "_Quit"), ==, "_Quitter");

  /* glibc looks LANGUAGE up again only when the locale is set anew. */
  g_setenv ("LANGUAGE", "en", TRUE);
  care_i18n_init ();
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Main Menu"), ==, "Main Menu");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/localedir-override", test_localedir_override);
  g_test_add_func ("/i18n/french-catalogue", test_french_catalogue);
  return g_test_run ();
}
