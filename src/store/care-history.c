/* care-history.c — who changed what, as a hash chain
 *
 * Each entry stores the hash of the one before it and its own hash,
 * BLAKE2b-256 (prev_hash || canonical encoding of its fields), so that an
 * entry edited afterwards no longer matches its hash, and an entry deleted
 * or slipped in breaks the link of the next one. `history_head` keeps the
 * newest link, so that deleting the newest entries shows too. The chain is
 * not keyed: it cannot stop someone who holds the passphrase and rewrites
 * the whole chain, it shows the quiet edit of one line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-history"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "care-case-store.h"
#include "care-history.h"
#include "care-store-cache.h"
#include "care-store-sql.h"

#define HASH_BYTES crypto_generichash_BYTES  /* 32: BLAKE2b-256 */

G_STATIC_ASSERT (HASH_BYTES == 32);

void
care_history_entry_free (CareHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->who);
  g_free (entry->case_number);
  g_free (entry->record);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

void
care_history_writer_init (CareHistoryWriter *writer,
                          CareVault         *vault,
                          const char        *case_number)
{
  const char *who = care_vault_get_user (vault);

  writer->vault = vault;
  writer->who = who != NULL ? who : "";
  writer->at = care_store_now_utc ();
  writer->case_number = case_number;
}

void
care_history_writer_clear (CareHistoryWriter *writer)
{
  g_clear_pointer (&writer->at, g_free);
}

static void
hash_int (crypto_generichash_state *state,
          gint64                    value)
{
  guint64 be = GUINT64_TO_BE ((guint64) value);

  crypto_generichash_update (state, (const guint8 *) &be, sizeof be);
}

/* Length-prefixed, with NULL distinct from "": no two different entries
 * encode alike. */
static void
hash_text (crypto_generichash_state *state,
           const char               *text)
{
  guint8 present = text != NULL;

  crypto_generichash_update (state, &present, 1);
  if (text != NULL)
    {
      gsize len = strlen (text);
      hash_int (state, (gint64) len);
      crypto_generichash_update (state, (const guint8 *) text, len);
    }
}

static void
compute_hash (const guint8            *prev_hash,
              const CareHistoryEntry  *e,
              guint8                  *out_hash)
{
  crypto_generichash_state state;

  crypto_generichash_init (&state, NULL, 0, HASH_BYTES);
  crypto_generichash_update (&state, prev_hash, HASH_BYTES);
  hash_int (&state, e->id);
  hash_text (&state, e->at);
  hash_text (&state, e->who);
  hash_text (&state, e->case_number);
  hash_text (&state, e->record);
  hash_int (&state, e->record_id);
  hash_text (&state, e->action);
  hash_text (&state, e->field);
  hash_text (&state, e->old_value);
  hash_text (&state, e->new_value);
  crypto_generichash_final (&state, out_hash, HASH_BYTES);
}

static gboolean
read_head (CareVault *vault,
           gint64    *out_seq,
           guint8    *out_hash,
           gboolean  *out_found,
           GError   **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "SELECT seq, hash FROM history_head WHERE id = 1", error);
  gboolean row;

  *out_seq = 0;
  memset (out_hash, 0, HASH_BYTES);
  *out_found = FALSE;
  if (stmt == NULL || !care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return FALSE;
  if (row && sqlite3_column_bytes (stmt, 1) == HASH_BYTES)
    {
      *out_seq = sqlite3_column_int64 (stmt, 0);
      memcpy (out_hash, sqlite3_column_blob (stmt, 1), HASH_BYTES);
      *out_found = TRUE;
    }
  return TRUE;
}

gboolean
care_history_append (CareHistoryWriter  *writer,
                     const char         *record,
                     gint64              record_id,
                     const char         *action,
                     const char         *field,
                     const char         *old_value,
                     const char         *new_value,
                     GError            **error)
{
  CareHistoryEntry e = {
    .at = writer->at, .who = (char *) writer->who, .case_number = (char *) writer->case_number,
    .record = (char *) record, .record_id = record_id, .action = (char *) action,
    .field = (char *) field, .old_value = (char *) old_value, .new_value = (char *) new_value,
  };
  guint8 prev[HASH_BYTES], hash[HASH_BYTES];
  gint64 seq;
  gboolean found;
  sqlite3_stmt *stmt;

  if (!read_head (writer->vault, &seq, prev, &found, error))
    return FALSE;
  e.id = seq + 1;
  compute_hash (prev, &e, hash);

  {
    g_autoptr(CareStoreStmt) insert =
      care_store_stmt (writer->vault,
                       "INSERT INTO history (seq, at, who, case_number, record, record_id, action, "
                       "field, old_value, new_value, prev_hash, hash) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
    if ((stmt = insert) == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, e.id);
    care_store_bind_text (stmt, 2, e.at);
    care_store_bind_text (stmt, 3, e.who);
    care_store_bind_text (stmt, 4, e.case_number);
    care_store_bind_text (stmt, 5, e.record);
    sqlite3_bind_int64 (stmt, 6, e.record_id);
    care_store_bind_text (stmt, 7, e.action);
    care_store_bind_text (stmt, 8, e.field);
    care_store_bind_text (stmt, 9, e.old_value);
    care_store_bind_text (stmt, 10, e.new_value);
    sqlite3_bind_blob (stmt, 11, prev, HASH_BYTES, SQLITE_TRANSIENT);
    sqlite3_bind_blob (stmt, 12, hash, HASH_BYTES, SQLITE_TRANSIENT);
    if (!care_sql_step_done (sqlite3_db_handle (stmt), stmt, error))
      return FALSE;
  }
  {
    g_autoptr(CareStoreStmt) head =
      care_store_stmt (writer->vault,
                       "INSERT INTO history_head (id, seq, hash) VALUES (1, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash", error);
    if ((stmt = head) == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, e.id);
    sqlite3_bind_blob (stmt, 2, hash, HASH_BYTES, SQLITE_TRANSIENT);
    return care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
  }
}

#define ENTRY_COLUMNS "seq, at, who, case_number, record, record_id, action, field, old_value, new_value"

static CareHistoryEntry *
read_entry (sqlite3_stmt *stmt)
{
  CareHistoryEntry *e = g_new0 (CareHistoryEntry, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->at = care_store_column_dup (stmt, 1);
  e->who = care_store_column_dup (stmt, 2);
  e->case_number = care_store_column_dup (stmt, 3);
  e->record = care_store_column_dup (stmt, 4);
  e->record_id = sqlite3_column_int64 (stmt, 5);
  e->action = care_store_column_dup (stmt, 6);
  e->field = care_store_column_dup (stmt, 7);
  e->old_value = care_store_column_dup (stmt, 8);
  e->new_value = care_store_column_dup (stmt, 9);
  return e;
}

GPtrArray *
care_history_list (CareVault   *vault,
                   const char  *case_number,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) care_history_entry_free);
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  stmt = care_store_stmt (vault, case_number != NULL
                          ? "SELECT " ENTRY_COLUMNS " FROM history WHERE case_number = ?1 ORDER BY seq DESC LIMIT ?2"
                          : "SELECT " ENTRY_COLUMNS " FROM history ORDER BY seq DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  if (case_number != NULL)
    care_store_bind_text (stmt, 1, case_number);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  while (TRUE)
    {
      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (entries, read_entry (stmt));
    }
  return g_steal_pointer (&entries);
}

static void
add_problem (GPtrArray  *problems,
             char       *text)
{
  g_ptr_array_add (problems, text);
}

/* Walks the whole chain once, in order, and says for each broken link what
 * most likely happened, by entry number (never by content: the problems
 * are shown and may be pasted into a support request). */
gboolean
care_history_verify (CareVault   *vault,
                     GPtrArray  **problems,
                     GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CareStoreStmt) stmt = NULL;
  guint8 prev[HASH_BYTES] = { 0 };
  guint8 head_hash[HASH_BYTES];
  gint64 expected_seq = 1, head_seq, last_seq = 0;
  gboolean head_found, row, any = FALSE;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);

  if (!read_head (vault, &head_seq, head_hash, &head_found, error))
    return FALSE;

  stmt = care_store_stmt (vault, "SELECT " ENTRY_COLUMNS ", prev_hash, hash FROM history ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;

  while (TRUE)
    {
      g_autoptr(CareHistoryEntry) e = NULL;
      guint8 computed[HASH_BYTES];
      const guint8 *stored_prev, *stored_hash;
      gboolean intact, gap;

      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return FALSE;
      if (!row)
        break;

      any = TRUE;
      e = read_entry (stmt);
      stored_prev = sqlite3_column_bytes (stmt, 10) == HASH_BYTES ? sqlite3_column_blob (stmt, 10) : NULL;
      stored_hash = sqlite3_column_bytes (stmt, 11) == HASH_BYTES ? sqlite3_column_blob (stmt, 11) : NULL;

      intact = stored_prev != NULL && stored_hash != NULL;
      if (intact)
        {
          compute_hash (stored_prev, e, computed);
          intact = sodium_memcmp (computed, stored_hash, HASH_BYTES) == 0;
        }
      gap = e->id > expected_seq;

      if (!intact)
        add_problem (found, g_strdup_printf (_("History entry %lld does not match its hash: it was "
                                               "edited, or added outside CARE."), (long long) e->id));
      else if (gap && e->id == expected_seq + 1)
        add_problem (found, g_strdup_printf (_("History entry %lld is missing: it was deleted."),
                                             (long long) expected_seq));
      else if (gap)
        add_problem (found, g_strdup_printf (_("History entries %lld to %lld are missing: they were deleted."),
                                             (long long) expected_seq, (long long) e->id - 1));
      else if (sodium_memcmp (stored_prev, prev, HASH_BYTES) != 0)
        add_problem (found, g_strdup_printf (_("History entry %lld does not follow the entry before it: "
                                               "an entry was deleted or added before it."),
                                             (long long) e->id));

      if (stored_hash != NULL)
        memcpy (prev, stored_hash, HASH_BYTES);
      else
        memset (prev, 0, HASH_BYTES);
      expected_seq = MAX (expected_seq, e->id + 1);
      last_seq = e->id;
    }

  if (head_found && head_seq > last_seq)
    add_problem (found, g_strdup_printf (_("The newest history entries, from entry %lld on, are missing: "
                                           "they were deleted."), (long long) last_seq + 1));
  else if (head_found && (head_seq != last_seq || sodium_memcmp (head_hash, prev, HASH_BYTES) != 0))
    add_problem (found, g_strdup_printf (_("The history ends with entry %lld, which CARE did not write last: "
                                           "entries were added outside CARE."), (long long) last_seq));
  else if (!head_found && any)
    add_problem (found, g_strdup (_("The history's record of its newest entry is missing: "
                                    "the history was changed outside CARE.")));

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}
