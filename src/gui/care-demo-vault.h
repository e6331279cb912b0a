/* care-demo-vault.h — the throw-away vault of `care --demo`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-progress.h"
#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_DEMO_USER  "Demo"
#define CARE_DEMO_CASES 2000

/* Four common words, e.g. "amber-canal-mango-violet": readable off the
 * screen, drawn from the system's random source. */
char      *care_demo_vault_make_passphrase (void);

/* Creates the vault at PATH for CARE_DEMO_USER with PASSPHRASE and fills it
 * with COUNT invented cases. The demo programme's window is moved so that
 * it ends a few months after TODAY (NULL: the local date): the cases are
 * current, with follow-ups due this month. Runs for seconds: call it from
 * a worker thread; PROGRESS is called from that thread. */
CareVault *care_demo_vault_create          (const char       *path,
                                            const char       *passphrase,
                                            guint             count,
                                            const GDate      *today,
                                            CareProgressFunc  progress,
                                            gpointer          progress_data,
                                            GError          **error);

/* Removes the vault at PATH, what SQLite may have left beside it, and the
 * directory holding them. */
void       care_demo_vault_delete          (const char       *path);

G_END_DECLS
