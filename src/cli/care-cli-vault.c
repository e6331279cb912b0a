/* care-cli-vault.c — care-cli commands that look after the vault itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "care-case-store.h"
#include "care-cli.h"
#include "care-cli-secret.h"
#include "care-integrity.h"
#include "care-vault.h"

static gboolean
parse_cost (const char   *text,
            CareKdfCost  *cost,
            int          *exit_code)
{
  if (text == NULL)
    {
      *cost = CARE_KDF_COST_MODERATE;
      return TRUE;
    }
  if (care_kdf_cost_from_string (text, cost))
    return TRUE;

  /* Translators: %s is what was typed after --kdf-cost. */
  g_printerr (_("care-cli: unknown key-derivation cost “%s”: use interactive, moderate or sensitive\n"),
              text);
  *exit_code = CARE_EXIT_USAGE;
  return FALSE;
}

static void
print_recovery_key (const CareCliGlobals *globals,
                    const char           *path,
                    const char           *user,
                    const char           *recovery_key)
{
  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "vault");
      json_builder_add_string_value (b, path);
      json_builder_set_member_name (b, "user");
      json_builder_add_string_value (b, user);
      json_builder_set_member_name (b, "recovery_key");
      json_builder_add_string_value (b, recovery_key);
      json_builder_end_object (b);
      care_cli_print_json (json_builder_get_root (b));
      return;
    }

  g_print (_("The vault is ready. Its recovery key is:\n\n    %s\n\n"
             "Write it down or print it now and keep it locked away: it opens the vault when "
             "every passphrase is forgotten, and it will not be shown again.\n"),
           recovery_key);
}

int
care_cli_init (const CareCliGlobals *globals,
               int                   argc,
               char                **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *cost_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *recovery_key = NULL;
  g_autoptr(CareSecret) passphrase = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  CareKdfCost cost;
  int exit_code;
  const GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("Name of the first person who can open the vault (default: your login name)"), N_("NAME") },
    CARE_CLI_KDF_COST_OPTION (cost_text),
    { NULL }
  };

  if (!care_cli_parse_options ("init", "", _("Create a new vault and print its recovery key."),
                               entries, &argc, &argv, 0, 0, &exit_code) ||
      !parse_cost (cost_text, &cost, &exit_code))
    return exit_code;

  if (user == NULL)
    user = g_strdup (g_get_user_name ());

  path = care_cli_get_vault_path (globals);
  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("care-cli: %s already exists: CARE will not overwrite it.\n"), display);
      return CARE_EXIT_INVALID;
    }

  /* Translators: %s is the name of a person. */
  prompt = g_strdup_printf (_("New passphrase for %s:"), user);
  passphrase = care_cli_read_new_secret (prompt, _("Type it again:"), &error);
  if (passphrase == NULL)
    return care_cli_report_error (error);

  vault = care_vault_create (path, user, passphrase, cost, &recovery_key, &error);
  if (vault == NULL)
    return care_cli_report_error (error);

  print_recovery_key (globals, path, user, recovery_key);
  return CARE_EXIT_OK;
}

int
care_cli_check (const CareCliGlobals *globals,
                int                   argc,
                char                **argv)
{
  g_autofree char *user = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("check", "",
                               _("Authenticate every page, check the database's integrity, "
                                 "verify the header and the history's chain."),
                               entries, &argc, &argv, 0, 0, &exit_code))
    return exit_code;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL || !care_integrity_check (vault, &problems, &error))
    {
      if (globals->format == CARE_FORMAT_JSON && error->domain == CARE_VAULT_ERROR &&
          error->code == CARE_VAULT_ERROR_TAMPERED)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "ok");
          json_builder_add_boolean_value (b, FALSE);
          json_builder_set_member_name (b, "problems");
          json_builder_begin_array (b);
          json_builder_add_string_value (b, error->message);
          json_builder_end_array (b);
          json_builder_end_object (b);
          care_cli_print_json (json_builder_get_root (b));
        }
      return care_cli_report_error (error);
    }

  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "ok");
      json_builder_add_boolean_value (b, problems->len == 0);
      json_builder_set_member_name (b, "problems");
      json_builder_begin_array (b);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (problems, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      care_cli_print_json (json_builder_get_root (b));
    }
  else if (problems->len == 0)
    g_print (_("The vault is sound: its header, every page, the database and the history check out.\n"));
  else
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("care-cli: %s\n", (const char *) g_ptr_array_index (problems, i));

  return problems->len == 0 ? CARE_EXIT_OK : CARE_EXIT_INTEGRITY;
}

int
care_cli_passwd (const CareCliGlobals *globals,
                 int                   argc,
                 char                **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *cost_text = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSecret) passphrase = NULL;
  g_autoptr(GError) error = NULL;
  CareKdfCost cost;
  int exit_code;
  const GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("Whose passphrase to change"), N_("NAME") },
    CARE_CLI_KDF_COST_OPTION (cost_text),
    { NULL }
  };

  if (!care_cli_parse_options ("passwd", "",
                               _("Change a passphrase. The current one is asked first, then the new one."),
                               entries, &argc, &argv, 0, 0, &exit_code) ||
      !parse_cost (cost_text, &cost, &exit_code))
    return exit_code;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL)
    return care_cli_report_error (error);

  passphrase = care_cli_read_new_secret (_("New passphrase:"), _("Type it again:"), &error);
  if (passphrase == NULL ||
      !care_vault_set_passphrase (vault, care_vault_get_user (vault), passphrase, cost, &error))
    return care_cli_report_error (error);

  /* Translators: %s is the name of a person. */
  g_printerr (_("The passphrase of %s has changed.\n"), care_vault_get_user (vault));
  return CARE_EXIT_OK;
}

static int
list_slots (const CareCliGlobals *globals,
            CareVault            *vault)
{
  g_autoptr(GPtrArray) slots = care_vault_list_slots (vault);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < slots->len; i++)
    {
      CareVaultSlotInfo *info = g_ptr_array_index (slots, i);
      const char *kind = info->kind == CARE_SLOT_RECOVERY ? "recovery" : "passphrase";
      const char *cost = care_kdf_cost_describe (info->opslimit, info->memlimit);

      if (globals->format == CARE_FORMAT_JSON)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, info->name);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, kind);
          json_builder_set_member_name (b, "kdf_cost");
          json_builder_add_string_value (b, cost);
          json_builder_set_member_name (b, "memory_mib");
          json_builder_add_int_value (b, info->memlimit >> 20);
          json_builder_set_member_name (b, "passes");
          json_builder_add_int_value (b, info->opslimit);
          json_builder_end_object (b);
        }
      else if (info->kind == CARE_SLOT_RECOVERY)
        /* Translators: %s is a cost (interactive, moderate, sensitive). */
        g_print ("%-24s %s\n", _("(recovery key)"), cost);
      else
        g_print ("%-24s %s\n", info->name, cost);
    }
  json_builder_end_array (b);

  if (globals->format == CARE_FORMAT_JSON)
    care_cli_print_json (json_builder_get_root (b));
  return CARE_EXIT_OK;
}

int
care_cli_slots (const CareCliGlobals *globals,
                int                   argc,
                char                **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *cost_text = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSecret) passphrase = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  CareKdfCost cost;
  int exit_code;
  const GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("Whose passphrase unlocks the vault"), N_("NAME") },
    CARE_CLI_KDF_COST_OPTION (cost_text),
    { NULL }
  };

  if (!care_cli_parse_options ("slots", "list|add NAME|remove NAME",
                               _("List, add or remove the people who can open the vault."),
                               entries, &argc, &argv, 1, 2, &exit_code) ||
      !parse_cost (cost_text, &cost, &exit_code))
    return exit_code;

  action = argv[1];
  if (!((g_str_equal (action, "list") && argc == 2) ||
        (g_str_equal (action, "add") && argc == 3) ||
        (g_str_equal (action, "remove") && argc == 3)))
    {
      g_printerr (_("Usage: care-cli slots list|add NAME|remove NAME\n"));
      return CARE_EXIT_USAGE;
    }

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL)
    return care_cli_report_error (error);

  if (g_str_equal (action, "list"))
    return list_slots (globals, vault);

  if (g_str_equal (action, "remove"))
    {
      if (!care_vault_remove_slot (vault, argv[2], &error))
        return care_cli_report_error (error);
      /* Translators: %s is the name of a person. */
      g_printerr (_("%s can no longer open the vault.\n"), argv[2]);
      return CARE_EXIT_OK;
    }

  {
    g_autofree char *prompt = g_strdup_printf (_("New passphrase for %s:"), argv[2]);

    passphrase = care_cli_read_new_secret (prompt, _("Type it again:"), &error);
  }
  if (passphrase == NULL || !care_vault_add_slot (vault, argv[2], passphrase, cost, &error))
    return care_cli_report_error (error);

  g_printerr (_("%s can now open the vault.\n"), argv[2]);
  return CARE_EXIT_OK;
}

int
care_cli_recover (const CareCliGlobals *globals,
                  int                   argc,
                  char                **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *cost_text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSecret) recovery_key = NULL;
  g_autoptr(CareSecret) passphrase = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  CareKdfCost cost;
  int exit_code;
  const GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("Whose passphrase to set (needed when several people can open the vault)"), N_("NAME") },
    CARE_CLI_KDF_COST_OPTION (cost_text),
    { NULL }
  };

  if (!care_cli_parse_options ("recover", "",
                               _("Open the vault with its recovery key and set a new passphrase."),
                               entries, &argc, &argv, 0, 0, &exit_code) ||
      !parse_cost (cost_text, &cost, &exit_code))
    return exit_code;

  path = care_cli_get_vault_path (globals);
  recovery_key = care_cli_read_secret (_("Recovery key:"), &error);
  if (recovery_key == NULL)
    return care_cli_report_error (error);

  vault = care_vault_open_with_recovery_key (path, recovery_key, &error);
  if (vault == NULL)
    return care_cli_report_error (error);

  if (user == NULL)
    {
      slots = care_vault_list_slots (vault);
      for (guint i = 0; i < slots->len; i++)
        {
          CareVaultSlotInfo *info = g_ptr_array_index (slots, i);

          if (info->kind != CARE_SLOT_PASSPHRASE)
            continue;
          if (user != NULL)
            {
              g_printerr (_("care-cli: several people can open this vault: say whose passphrase "
                            "to set with --user NAME.\n"));
              return CARE_EXIT_USAGE;
            }
          user = g_strdup (info->name);
        }
    }

  {
    /* Translators: %s is the name of a person. */
    g_autofree char *prompt = g_strdup_printf (_("New passphrase for %s:"), user);

    passphrase = care_cli_read_new_secret (prompt, _("Type it again:"), &error);
  }
  if (passphrase == NULL)
    return care_cli_report_error (error);

  if (!care_vault_set_passphrase (vault, user, passphrase, cost, &error))
    {
      /* Someone whose slot was removed comes back. */
      if (!g_error_matches (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND))
        return care_cli_report_error (error);
      g_clear_error (&error);
      if (!care_vault_add_slot (vault, user, passphrase, cost, &error))
        return care_cli_report_error (error);
    }

  g_printerr (_("The passphrase of %s has changed.\n"), user);
  return CARE_EXIT_OK;
}

int
care_cli_backup (const CareCliGlobals *globals,
                 int                   argc,
                 char                **argv)
{
  g_autofree char *user = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("backup", "FILE",
                               _("Write a sealed, verified copy of the vault, even while it is in use."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL || !care_vault_backup (vault, argv[1], &error))
    return care_cli_report_error (error);

  /* Translators: %s is a file name. */
  g_printerr (_("Backup written and verified: %s\n"), argv[1]);
  return CARE_EXIT_OK;
}

int
care_cli_restore (const CareCliGlobals *globals,
                  int                   argc,
                  char                **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *prompt = NULL;
  g_autoptr(CareSecret) passphrase = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("Whose passphrase opens the backup"), N_("NAME") },
    { NULL }
  };

  if (!care_cli_parse_options ("restore", "FILE",
                               _("Verify a backup, then put it in the vault's place, keeping the "
                                 "current vault beside it."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;

  path = care_cli_get_vault_path (globals);
  display = g_filename_display_name (argv[1]);
  /* Translators: %s is the backup's file name. */
  prompt = g_strdup_printf (_("Passphrase for %s:"), display);
  passphrase = care_cli_read_secret (prompt, &error);
  if (passphrase == NULL ||
      !care_vault_restore (path, argv[1], user, passphrase, &previous, &error))
    return care_cli_report_error (error);

  if (previous != NULL)
    {
      g_autofree char *previous_display = g_filename_display_name (previous);
      /* Translators: %s is a file name. */
      g_printerr (_("The vault was restored; the one it replaced is kept as %s\n"), previous_display);
    }
  else
    g_printerr (_("The vault was restored.\n"));
  return CARE_EXIT_OK;
}
