/* care-cli.c — the scriptable twin of the CARE application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "care-cli.h"
#include "care-i18n.h"
#include "care-process.h"

static const CareCliCommand commands[] = {
  { "init", "[--user NAME] [--kdf-cost COST]", N_("Create a new vault and print its recovery key"), care_cli_init },
  { "check", "", N_("Authenticate every page and check the database"), care_cli_check },
  { "passwd", "[--user NAME]", N_("Change a passphrase"), care_cli_passwd },
  { "slots", "list|add NAME|remove NAME", N_("Manage who can open the vault"), care_cli_slots },
  { "recover", "[--user NAME]", N_("Set a new passphrase with the recovery key"), care_cli_recover },
  { "backup", "FILE", N_("Write a sealed, verified copy of the vault"), care_cli_backup },
  { "restore", "FILE", N_("Replace the vault with a verified backup"), care_cli_restore },
  { "import", "FILE.csv", N_("Import cases from CSV, all or nothing"), care_cli_import },
  { "export", "FILE.csv", N_("Export every case to CSV"), care_cli_export },
  { "list", "[--search TEXT] [--status S] [--minors] [--overdue]", N_("List cases"), care_cli_list },
  { "show", "CASE_NUMBER", N_("Show one case"), care_cli_show },
  { "followups", "[--from DATE] [--to DATE] [--overdue]", N_("List follow-ups by due date"), care_cli_followups },
  { "stats", "", N_("The programme's numbers against its targets"), care_cli_stats },
  { "history", "[CASE_NUMBER]", N_("The change log, newest first"), care_cli_history },
  { "demo", "--count N [--seed S]", N_("Add an invented programme, to try CARE"), care_cli_demo },
  { "plan-pdf", "CASE_NUMBER [--version N] [--lang fr|en] [--sign] -o FILE.pdf",
    N_("Write a plan as a PDF to print and sign (not encrypted)"), care_cli_plan_pdf },
  { "plan-scan", "CASE_NUMBER [--attach FILE --version N]", N_("List or attach scans of signed plans"), care_cli_plan_scan },
  { "documents", "CASE_NUMBER [--attach FILE [--title T] | --save ID -o FILE | --remove ID]",
    N_("List, attach, save a copy of or remove a case’s documents"), care_cli_documents },
  { "key", "export [-o FILE]", N_("Export the office’s public key for minisign"), care_cli_key },
  { "verify", "FILE.pdf", N_("Check a plan PDF against the vault and its signature"), care_cli_verify },
  { NULL }
};

static const CareCliCommand *
find_command (const char *name)
{
  for (const CareCliCommand *c = commands; c->name != NULL; c++)
    if (g_str_equal (c->name, name))
      return c;

  return NULL;
}

static char *
describe_commands (void)
{
  GString *s = g_string_new (_("Commands:"));

  for (const CareCliCommand *c = commands; c->name != NULL; c++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", c->name, c->parameters);
      g_string_append_printf (s, "\n  %-28s %s", usage, _(c->summary));
    }

  g_string_append_c (s, '\n');
  g_string_append_printf (s, _("Exit status: 0 done, 1 invalid input (nothing changed), "
                               "2 usage, 3 wrong passphrase, 4 integrity failure, "
                               "5 vault busy."));
  return g_string_free (s, FALSE);
}

static gboolean
parse_format (const char *option_name,
              const char *value,
              gpointer    data,
              GError    **error)
{
  CareCliGlobals *globals = data;

  if (g_str_equal (value, "text"))
    globals->format = CARE_FORMAT_TEXT;
  else if (g_str_equal (value, "json"))
    globals->format = CARE_FORMAT_JSON;
  else
    {
      /* Translators: %s is what the user typed after --format. */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown output format “%s”: use text or json"), value);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GOptionGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vault_path = NULL;
  g_autofree char *description = NULL;
  CareCliGlobals globals = { NULL, CARE_FORMAT_TEXT };
  gboolean show_version = FALSE;
  const CareCliCommand *command;

  care_i18n_init ();

  if (!care_process_forbid_core_dumps (&error))
    {
      g_printerr ("care-cli: %s\n", error->message);
      g_clear_error (&error);
    }

  const GOptionEntry entries[] = {
    { "vault", 0, 0, G_OPTION_ARG_FILENAME, &vault_path,
      N_("Vault to open (default: $CARE_VAULT, else the default vault)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) parse_format,
      N_("Output format: text or json"), N_("FORMAT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  /* Translators: the synopsis of care-cli, shown by care-cli --help. */
  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Keep CARE's encrypted case records from the command line."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  group = g_option_group_new (NULL, NULL, NULL, &globals, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, g_steal_pointer (&group));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("care-cli: %s\n", error->message);
      g_printerr (_("Run “care-cli --help” to see the commands.\n"));
      return CARE_EXIT_USAGE;
    }

  if (show_version)
    {
      g_print ("care-cli %s\n", PACKAGE_VERSION);
      return CARE_EXIT_OK;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return CARE_EXIT_USAGE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      /* Translators: %s is the command the user typed. */
      g_printerr (_("care-cli: unknown command “%s”\n"), argv[1]);
      g_printerr (_("Run “care-cli --help” to see the commands.\n"));
      return CARE_EXIT_USAGE;
    }

  globals.vault_path = vault_path;
  return command->run (&globals, argc - 1, argv + 1);
}
