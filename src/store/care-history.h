/* care-history.h — appending to the hash-chained history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-vault.h"

G_BEGIN_DECLS

/* Who and when, shared by every entry that one save writes. */
typedef struct {
  CareVault  *vault;
  const char *who;
  char       *at;
  const char *case_number;
} CareHistoryWriter;

void     care_history_writer_init  (CareHistoryWriter *writer,
                                    CareVault         *vault,
                                    const char        *case_number);
void     care_history_writer_clear (CareHistoryWriter *writer);

gboolean care_history_append       (CareHistoryWriter *writer,
                                    const char        *record,
                                    gint64             record_id,
                                    const char        *action,
                                    const char        *field,
                                    const char        *old_value,
                                    const char        *new_value,
                                    GError           **error);

G_END_DECLS
