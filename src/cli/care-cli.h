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

G_END_DECLS
