/* main.c — the CARE desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care"

#include "config.h"

#include <glib/gi18n.h>

#include "care-application.h"
#include "care-i18n.h"
#include "care-language.h"
#include "care-process.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CareApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  if (!care_process_forbid_core_dumps (&error))
    g_warning ("Could not forbid core dumps: %s", error->message);

  care_i18n_init ();
  /* Before any thread: the interface language is switched in-process. */
  care_language_init_process ();

  app = care_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
