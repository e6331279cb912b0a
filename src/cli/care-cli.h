/* care-cli.h — what every care-cli command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes, as the design brief fixes them for scripts. */
typedef enum {
  CARE_EXIT_OK        = 0,
  CARE_EXIT_INVALID   = 1,
  CARE_EXIT_USAGE     = 2,
  CARE_EXIT_PASSPHRASE = 3,
  CARE_EXIT_INTEGRITY = 4,
  CARE_EXIT_BUSY      = 5,
} CareExit;

typedef enum {
  CARE_FORMAT_TEXT,
  CARE_FORMAT_JSON,
} CareFormat;

typedef struct {
  const char *vault_path;
  CareFormat  format;
} CareCliGlobals;

typedef struct {
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (const CareCliGlobals *globals, int argc, char **argv);
} CareCliCommand;

/* Options several commands take, spelled once. */
#define CARE_CLI_USER_OPTION(variable) \
  { "user", 0, 0, G_OPTION_ARG_STRING, &(variable), N_("Whose passphrase is given"), N_("NAME") }
#define CARE_CLI_KDF_COST_OPTION(variable) \
  { "kdf-cost", 0, 0, G_OPTION_ARG_STRING, &(variable), \
    N_("Cost of deriving the key from the passphrase: interactive, moderate (default) or sensitive"), \
    N_("COST") }

/* Shared by the commands (care-cli-common.c) */
typedef struct _CareVault CareVault;
typedef struct _JsonNode JsonNode;

char      *care_cli_get_vault_path   (const CareCliGlobals *globals);
int        care_cli_report_error     (const GError         *error);
gboolean   care_cli_parse_options    (const char           *command,
                                      const char           *parameters,
                                      const char           *summary,
                                      const GOptionEntry   *entries,
                                      int                  *argc,
                                      char               ***argv,
                                      int                   min_args,
                                      int                   max_args,
                                      int                  *exit_code);
CareVault *care_cli_unlock           (const CareCliGlobals *globals,
                                      const char           *user,
                                      GError              **error);
void       care_cli_print_json       (JsonNode             *node);

/* Commands */
int care_cli_init     (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_check    (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_passwd   (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_slots    (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_recover  (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_backup   (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_restore  (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_list     (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_show     (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_followups (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_stats    (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_history  (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_import   (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_export   (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_demo     (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_plan_pdf (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_key      (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_verify   (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_plan_scan (const CareCliGlobals *globals, int argc, char **argv);
int care_cli_documents (const CareCliGlobals *globals, int argc, char **argv);

G_END_DECLS
