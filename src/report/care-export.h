/* care-export.h — every case to a CSV file that import reads back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "care-progress.h"
#include "care-vault.h"

G_BEGIN_DECLS

/* Writes every case, ordered by case number, with the columns of
 * care-import.h (care_case_column_get_name), so that importing the file
 * into an empty vault gives the same cases. The file is replaced
 * atomically, readable by its owner only (it holds everything the vault
 * protects), and left untouched when anything fails. */
gboolean   care_export_cases           (CareVault         *vault,
                                        const char        *path,
                                        CareProgressFunc   progress,
                                        gpointer           progress_data,
                                        guint             *out_n_cases,
                                        GError           **error);

/* The same into STREAM, which is left open. */
gboolean   care_export_cases_to_stream (CareVault         *vault,
                                        GOutputStream     *stream,
                                        CareProgressFunc   progress,
                                        gpointer           progress_data,
                                        guint             *out_n_cases,
                                        GError           **error);

G_END_DECLS
