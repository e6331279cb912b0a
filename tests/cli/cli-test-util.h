/* cli-test-util.h — running care-cli as a script would, for the cli tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct {
  char *out;
  char *err;
  int   status;
} CliRun;

void cli_run_clear (CliRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs $CARE_CLI --vault VAULT ARGS… in LANGUAGE ("en" or "fr") with INPUT
 * on standard input (NULL for none). */
void cli_run (CliRun      *run,
              const char  *language,
              const char  *input,
              const char  *vault,
              const char **args);

char *cli_make_dir    (void);
void  cli_remove_dir  (const char *dir);
