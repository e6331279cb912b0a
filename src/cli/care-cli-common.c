/* care-cli-common.c — what every care-cli command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "care-cli.h"
#include "care-cli-secret.h"
#include "care-vault.h"

char *
care_cli_get_vault_path (const CareCliGlobals *globals)
{
  if (globals->vault_path != NULL)
    return g_strdup (globals->vault_path);
  return care_vault_get_default_path ();
}

/* Prints ERROR for a person and returns the exit status scripts rely on. */
int
care_cli_report_error (const GError *error)
{
  g_printerr ("care-cli: %s\n", error->message);

  if (error->domain == CARE_VAULT_ERROR)
    switch ((CareVaultError) error->code)
      {
      case CARE_VAULT_ERROR_WRONG_PASSPHRASE:
        return CARE_EXIT_PASSPHRASE;
      case CARE_VAULT_ERROR_TAMPERED:
        return CARE_EXIT_INTEGRITY;
      case CARE_VAULT_ERROR_BUSY:
        return CARE_EXIT_BUSY;
      default:
        return CARE_EXIT_INVALID;
      }

  return CARE_EXIT_INVALID;
}

gboolean
care_cli_parse_options (const char          *command,
                        const char          *parameters,
                        const char          *summary,
                        const GOptionEntry  *entries,
                        int                 *argc,
                        char              ***argv,
                        int                  min_args,
                        int                  max_args,
                        int                 *exit_code)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *synopsis = g_strdup_printf ("%s %s", command, parameters);

  context = g_option_context_new (synopsis);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("care-cli %s: %s\n", command, error->message);
      *exit_code = CARE_EXIT_USAGE;
      return FALSE;
    }

  /* (*argv)[0] is the command itself. */
  if (*argc - 1 < min_args || *argc - 1 > max_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      *exit_code = CARE_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

CareVault *
care_cli_unlock (const CareCliGlobals  *globals,
                 const char            *user,
                 GError               **error)
{
  g_autofree char *path = care_cli_get_vault_path (globals);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *prompt = NULL;
  g_autoptr(CareSecret) passphrase = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name. */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                   _("There is no vault at %s. Create one with “care-cli init”."), display);
      return NULL;
    }

  /* Translators: %s is the vault's file name. */
  prompt = g_strdup_printf (_("Passphrase for %s:"), display);
  passphrase = care_cli_read_secret (prompt, error);
  if (passphrase == NULL)
    return NULL;

  return care_vault_open (path, user, passphrase, error);
}

/* Prints NODE and takes it: callers pass json_builder_get_root (). */
void
care_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) owned = node;
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, owned);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}
