/* care-cli-exchange.c — care-cli commands that move cases in and out:
 * import, export, demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "care-case-store.h"
#include "care-cli.h"
#include "care-demo.h"
#include "care-export.h"
#include "care-import.h"

/* A bar on a terminal; nothing when stderr is a file or a pipe. */
static void
show_progress (double   fraction,
               gpointer user_data)
{
  const char *what = user_data;
  int width = 30;
  int filled = (int) (fraction * width);

  if (!isatty (STDERR_FILENO))
    return;

  g_printerr ("\r%s [%-*.*s] %3d%%", what, width, filled,
              "##############################", (int) (fraction * 100));
  if (fraction >= 1.0)
    g_printerr ("\n");
}

/* What a script needs to know of an export or a demo run. */
static void
print_count_json (const char *what,
                  guint       count,
                  const char *file)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, what);
  json_builder_add_int_value (b, count);
  if (file != NULL)
    {
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, file);
    }
  json_builder_end_object (b);
  care_cli_print_json (json_builder_get_root (b));
}

static void
print_import_report (const CareCliGlobals   *globals,
                     const CareImportReport *report,
                     gboolean                ok)
{
  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "imported");
      json_builder_add_int_value (b, report->n_imported);
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, report->n_rows);
      json_builder_set_member_name (b, "partners_created");
      json_builder_add_int_value (b, report->n_partners_created);
      json_builder_set_member_name (b, "problems");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->problems->len; i++)
        {
          const CareImportProblem *p = g_ptr_array_index (report->problems, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "line");
          json_builder_add_int_value (b, p->line);
          json_builder_set_member_name (b, "column");
          json_builder_add_string_value (b, p->column);
          json_builder_set_member_name (b, "reason");
          json_builder_add_string_value (b, p->message);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "duplicates");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->duplicates->len; i++)
        {
          const CareImportDuplicate *d = g_ptr_array_index (report->duplicates, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "line");
          json_builder_add_int_value (b, d->line);
          json_builder_set_member_name (b, "case_number");
          json_builder_add_string_value (b, d->case_number);
          json_builder_set_member_name (b, "other_line");
          json_builder_add_int_value (b, d->other_line);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      care_cli_print_json (json_builder_get_root (b));
      return;
    }

  if (!ok || report->problems->len > 0 || report->duplicates->len > 0)
    {
      g_autofree char *text = care_import_report_describe (report);

      if (text != NULL && *text != '\0')
        g_printerr ("%s\n", text);
    }
  if (ok)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u case imported.\n", "%u cases imported.\n",
                             report->n_imported),
                report->n_imported);
}

int
care_cli_import (const CareCliGlobals *globals,
                 int                   argc,
                 char                **argv)
{
  g_autofree char *user = NULL;
  gboolean allow_duplicates = FALSE, check_only = FALSE;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(CareImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CareImportFlags flags = CARE_IMPORT_DEFAULT;
  gboolean ok;
  int exit_code;
  const GOptionEntry entries[] = {
    { "allow-duplicates", 0, 0, G_OPTION_ARG_NONE, &allow_duplicates,
      N_("Import rows that look like a person already in the vault"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check_only, N_("Check the file and import nothing"), NULL },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("import", "FILE.csv",
                               _("Import cases from a CSV file: all of them, or none if any row is wrong."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;

  if (allow_duplicates)
    flags |= CARE_IMPORT_ALLOW_DUPLICATES;
  if (check_only)
    flags |= CARE_IMPORT_CHECK_ONLY;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL || (settings = care_settings_store_load (vault, &error)) == NULL)
    return care_cli_report_error (error);

  ok = care_import_cases (vault, argv[1], settings, NULL, flags, show_progress, _("Importing"),
                          &report, &error);
  if (report != NULL)
    print_import_report (globals, report, ok);
  if (!ok)
    return care_cli_report_error (error);
  return CARE_EXIT_OK;
}

int
care_cli_export (const CareCliGlobals *globals,
                 int                   argc,
                 char                **argv)
{
  g_autofree char *user = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  guint n_cases = 0;
  int exit_code;
  const GOptionEntry entries[] = {
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("export", "FILE.csv",
                               _("Export every case to a CSV file, in the columns import reads. "
                                 "The file is not encrypted: keep it safe and delete it after use."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL ||
      !care_export_cases (vault, argv[1], show_progress, _("Exporting"), &n_cases, &error))
    return care_cli_report_error (error);

  if (globals->format == CARE_FORMAT_JSON)
    print_count_json ("exported", n_cases, argv[1]);

  /* Translators: %1$u is a number of cases, %2$s a file name. */
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "%1$u case exported to %2$s. The file is not encrypted.\n",
                           "%1$u cases exported to %2$s. The file is not encrypted.\n", n_cases),
              n_cases, argv[1]);
  return CARE_EXIT_OK;
}

int
care_cli_demo (const CareCliGlobals *globals,
               int                   argc,
               char                **argv)
{
  g_autofree char *user = NULL;
  int count = 0;
  gint64 seed = 1;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, N_("How many cases to make"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The same seed makes the same programme (default 1)"), N_("S") },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("demo", "--count N [--seed S]",
                               _("Fill the vault with a realistic, invented programme, to try CARE "
                                 "or to measure it."),
                               entries, &argc, &argv, 0, 0, &exit_code))
    return exit_code;

  if (count <= 0 || count > 10000000)
    {
      g_printerr (_("care-cli demo: give the number of cases with --count N (1 to 10000000)\n"));
      return CARE_EXIT_USAGE;
    }

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL ||
      (settings = care_settings_store_load (vault, &error)) == NULL ||
      !care_demo_generate (vault, count, (guint32) seed, settings, NULL, show_progress,
                           _("Making cases"), &error))
    return care_cli_report_error (error);

  if (globals->format == CARE_FORMAT_JSON)
    print_count_json ("added", count, NULL);

  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%d invented case added.\n", "%d invented cases added.\n",
                           count),
              count);
  return CARE_EXIT_OK;
}
