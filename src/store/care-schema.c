/* care-schema.c — the vault's tables and their forward-only migrations
 *
 * Each migration runs in its own transaction and ends by setting
 * user_version, so a migration cut off by a crash is simply run again. A
 * migration, once released, is never edited: later changes are new steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-schema"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "care-schema.h"
#include "care-store-sql.h"
#include "care-vault-error.h"

typedef gboolean (*MigrationStep) (sqlite3 *db, GError **error);

typedef struct {
  const char    *sql;
  MigrationStep  step;
} Migration;

/* Ed25519 key of the office, made once with the vault: documents exported
 * from it are signed with this key (minisign's format). */
static gboolean
create_office_key (sqlite3  *db,
                   GError  **error)
{
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 *secret_key = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  guint8 key_id[8];
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  crypto_sign_keypair (public_key, secret_key);
  randombytes_buf (key_id, sizeof key_id);

  ok = care_sql_prepare (db, "INSERT INTO office_key (id, public_key, secret_key, key_id, created_at) "
                             "VALUES (1, ?, ?, ?, ?)", &stmt, error);
  if (ok)
    {
      sqlite3_bind_blob (stmt, 1, public_key, sizeof public_key, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 2, secret_key, crypto_sign_SECRETKEYBYTES, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 3, key_id, sizeof key_id, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, created, -1, SQLITE_STATIC);
      ok = care_sql_step_done (db, stmt, error);
    }

  sqlite3_finalize (stmt);
  sodium_free (secret_key);
  return ok;
}

static const Migration migrations[] = {
  /* 1: what a vault says about itself. */
  { "CREATE TABLE vault_info ("
    "  key   TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL"
    ") STRICT;"
    "INSERT INTO vault_info (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));",
    NULL },

  /* 2: the office's document-signing key. */
  { "CREATE TABLE office_key ("
    "  id         INTEGER PRIMARY KEY CHECK (id = 1),"
    "  public_key BLOB NOT NULL,"
    "  secret_key BLOB NOT NULL,"
    "  key_id     BLOB NOT NULL,"
    "  created_at TEXT NOT NULL"
    ") STRICT;",
    create_office_key },

  /* 3: case records (issue 4). The person, the referral, the consents and
   * the assessment are one row each per case, so they are columns of
   * `cases`; what a case has many of gets a child table. `status`,
   * `is_minor`, `is_eligible`, `next_followup` and `name_key` are caches of
   * what the rules derive, written on every save, for lists and numbers
   * that must not load 100,000 cases. The search index is a plain FTS5
   * table written by the store (triggers on a virtual table are refused
   * with trusted_schema = OFF). */
  { "CREATE TABLE partners ("
    "  id      INTEGER PRIMARY KEY,"
    "  kind    TEXT NOT NULL,"
    "  name    TEXT NOT NULL COLLATE NOCASE,"
    "  country TEXT,"
    "  contact TEXT,"
    "  phone   TEXT,"
    "  email   TEXT,"
    "  notes   TEXT,"
    "  UNIQUE (kind, name)"
    ") STRICT;"
    "CREATE INDEX partners_name ON partners (name);"

    "CREATE TABLE case_sequences ("
    "  host_country TEXT NOT NULL,"
    "  year         INTEGER NOT NULL,"
    "  last         INTEGER NOT NULL,"
    "  PRIMARY KEY (host_country, year)"
    ") STRICT, WITHOUT ROWID;"

    "CREATE TABLE cases ("
    "  id                     INTEGER PRIMARY KEY,"
    "  case_number            TEXT NOT NULL UNIQUE,"
    "  number_country         TEXT NOT NULL,"
    "  number_year            INTEGER NOT NULL,"
    "  number_sequence        INTEGER NOT NULL CHECK (number_sequence > 0),"
    "  family_name            TEXT NOT NULL,"
    "  given_names            TEXT NOT NULL,"
    "  sex                    TEXT NOT NULL,"
    "  date_of_birth          TEXT,"
    "  nationality            TEXT,"
    "  phone                  TEXT,"
    "  host_country           TEXT NOT NULL,"
    "  return_country         TEXT NOT NULL,"
    "  destination            TEXT,"
    "  referring_partner_id   INTEGER REFERENCES partners (id),"
    "  referring_organisation TEXT,"
    "  referral_contact       TEXT,"
    "  caseworker             TEXT,"
    "  referral_date          TEXT NOT NULL,"
    "  planned_return_date    TEXT,"
    "  arrival_date           TEXT,"
    "  plan_language          TEXT,"
    "  consent_voluntary_return              TEXT NOT NULL,"
    "  consent_voluntary_return_on           TEXT,"
    "  consent_voluntary_return_withdrawn_on TEXT,"
    "  consent_data                          TEXT NOT NULL,"
    "  consent_data_on                       TEXT,"
    "  consent_data_withdrawn_on             TEXT,"
    "  consent_followup                      TEXT NOT NULL,"
    "  consent_followup_on                   TEXT,"
    "  consent_followup_withdrawn_on         TEXT,"
    "  notes                  TEXT,"
    "  risk_level             TEXT NOT NULL,"
    "  risk_factors           TEXT NOT NULL,"
    "  other_factor           TEXT,"
    "  mitigation             TEXT,"
    "  assessed_on            TEXT,"
    "  airport_reception      INTEGER NOT NULL,"
    "  secure_accommodation_nights INTEGER NOT NULL,"
    "  health_check           INTEGER NOT NULL,"
    "  secondary_transport    INTEGER NOT NULL,"
    "  escort                 INTEGER NOT NULL,"
    "  arrival_needs          TEXT,"
    "  education              TEXT,"
    "  languages              TEXT,"
    "  work_experience        TEXT,"
    "  vocational_skills      TEXT,"
    "  aspirations            TEXT,"
    "  preferred_option       TEXT,"
    "  contact_in_return_country INTEGER NOT NULL,"
    "  guardian               TEXT,"
    "  best_interests_date    TEXT,"
    "  minor_notes            TEXT,"
    "  status                 TEXT NOT NULL,"
    "  is_minor               INTEGER NOT NULL,"
    "  is_eligible            INTEGER NOT NULL,"
    "  next_followup          TEXT,"
    "  name_key               TEXT NOT NULL,"
    "  UNIQUE (number_country, number_year, number_sequence)"
    ") STRICT;"
    "CREATE INDEX cases_name_key ON cases (name_key, date_of_birth);"
    "CREATE INDEX cases_status ON cases (status);"
    "CREATE INDEX cases_host_country ON cases (host_country);"
    "CREATE INDEX cases_next_followup ON cases (next_followup) WHERE next_followup IS NOT NULL;"
    "CREATE INDEX cases_referring_partner ON cases (referring_partner_id) WHERE referring_partner_id IS NOT NULL;"

    "CREATE TABLE closures ("
    "  case_id   INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,"
    "  reason    TEXT NOT NULL,"
    "  closed_on TEXT,"
    "  notes     TEXT"
    ") STRICT;"

    "CREATE TABLE plan_versions ("
    "  id         INTEGER PRIMARY KEY,"
    "  case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  number     INTEGER NOT NULL CHECK (number > 0),"
    "  state      TEXT NOT NULL,"
    "  agreed_on  TEXT,"
    "  objectives TEXT,"
    "  language   TEXT,"
    "  is_current INTEGER NOT NULL,"
    "  UNIQUE (case_id, number)"
    ") STRICT;"
    "CREATE INDEX plan_versions_current ON plan_versions (case_id) WHERE is_current;"

    "CREATE TABLE measures ("
    "  id                INTEGER PRIMARY KEY,"
    "  version_id        INTEGER NOT NULL REFERENCES plan_versions (id) ON DELETE CASCADE,"
    "  position          INTEGER NOT NULL,"
    "  category          TEXT NOT NULL,"
    "  description       TEXT NOT NULL,"
    "  provider          TEXT,"
    "  provider_id       INTEGER REFERENCES partners (id),"
    "  planned_start     TEXT,"
    "  planned_end       TEXT,"
    "  budget_cents      INTEGER NOT NULL CHECK (budget_cents >= 0),"
    "  currency          TEXT NOT NULL,"
    "  status            TEXT NOT NULL,"
    "  actual_cost_cents INTEGER NOT NULL CHECK (actual_cost_cents >= 0)"
    ") STRICT;"
    "CREATE INDEX measures_version ON measures (version_id, position);"
    "CREATE INDEX measures_provider ON measures (provider_id) WHERE provider_id IS NOT NULL;"

    "CREATE TABLE arrival_items ("
    "  id         INTEGER PRIMARY KEY,"
    "  case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  position   INTEGER NOT NULL,"
    "  kind       TEXT NOT NULL,"
    "  planned_on TEXT,"
    "  done_on    TEXT,"
    "  who        TEXT,"
    "  notes      TEXT"
    ") STRICT;"
    "CREATE INDEX arrival_items_case ON arrival_items (case_id, position);"

    "CREATE TABLE followups ("
    "  id                   INTEGER PRIMARY KEY,"
    "  case_id              INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  months_after_arrival INTEGER NOT NULL,"
    "  due_on               TEXT,"
    "  done_on              TEXT,"
    "  cancelled_on         TEXT,"
    "  mode                 TEXT NOT NULL,"
    "  who                  TEXT,"
    "  notes                TEXT,"
    "  economic_score       INTEGER NOT NULL CHECK (economic_score BETWEEN 0 AND 5),"
    "  social_score         INTEGER NOT NULL CHECK (social_score BETWEEN 0 AND 5),"
    "  psychosocial_score   INTEGER NOT NULL CHECK (psychosocial_score BETWEEN 0 AND 5),"
    "  reexploitation_risk  TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX followups_case ON followups (case_id, due_on);"
    "CREATE INDEX followups_due ON followups (due_on);"

    "CREATE TABLE measure_progress ("
    "  followup_id INTEGER NOT NULL REFERENCES followups (id) ON DELETE CASCADE,"
    "  position    INTEGER NOT NULL,"
    "  measure_id  INTEGER REFERENCES measures (id) ON DELETE SET NULL,"
    "  status      TEXT NOT NULL,"
    "  note        TEXT,"
    "  PRIMARY KEY (followup_id, position)"
    ") STRICT;"
    "CREATE INDEX measure_progress_measure ON measure_progress (measure_id);"

    "CREATE TABLE settings ("
    "  id                   INTEGER PRIMARY KEY CHECK (id = 1),"
    "  host_countries       TEXT NOT NULL,"
    "  window_start         TEXT NOT NULL,"
    "  window_end           TEXT NOT NULL,"
    "  target_beneficiaries INTEGER NOT NULL,"
    "  target_minors        INTEGER NOT NULL,"
    "  followup_months      TEXT NOT NULL,"
    "  followup_max_months  INTEGER NOT NULL,"
    "  currency             TEXT NOT NULL"
    ") STRICT;"

    /* The chain: hash = BLAKE2b-256 (prev_hash || canonical fields); see
     * care-history.c. `history_head` remembers the last link, so that
     * deleting the newest entries is noticed too. */
    "CREATE TABLE history ("
    "  seq         INTEGER PRIMARY KEY,"
    "  at          TEXT NOT NULL,"
    "  who         TEXT NOT NULL,"
    "  case_number TEXT,"
    "  record      TEXT NOT NULL,"
    "  record_id   INTEGER NOT NULL,"
    "  action      TEXT NOT NULL,"
    "  field       TEXT,"
    "  old_value   TEXT,"
    "  new_value   TEXT,"
    "  prev_hash   BLOB NOT NULL,"
    "  hash        BLOB NOT NULL"
    ") STRICT;"
    "CREATE INDEX history_case ON history (case_number, seq) WHERE case_number IS NOT NULL;"
    "CREATE TABLE history_head ("
    "  id   INTEGER PRIMARY KEY CHECK (id = 1),"
    "  seq  INTEGER NOT NULL,"
    "  hash BLOB NOT NULL"
    ") STRICT;"

    "CREATE VIRTUAL TABLE case_search USING fts5 ("
    "  case_number, family_name, given_names, destination, organisation,"
    "  tokenize = 'unicode61 remove_diacritics 2',"
    "  prefix = '1 2 3'"
    ");",
    NULL },

  /* 4: the scan of each signed plan (issue 6), one per agreed version,
   * inside the vault like everything else. */
  { "CREATE TABLE plan_scans ("
    "  id          INTEGER PRIMARY KEY,"
    "  version_id  INTEGER NOT NULL UNIQUE REFERENCES plan_versions (id) ON DELETE CASCADE,"
    "  media_type  TEXT NOT NULL,"
    "  file_name   TEXT NOT NULL,"
    "  data        BLOB NOT NULL,"
    "  attached_at TEXT NOT NULL,"
    "  attached_by TEXT NOT NULL"
    ") STRICT;",
    NULL },

  /* 5: the programme's numbers and the list of cases at 100,000 cases
   * (issue 4), without making each save dearer. `cases_stats` gives every
   * count of the stats in one scan of a small index instead of the wide
   * rows, and replaces the indexes on host country and status (only those
   * counts used them: the list's filters cannot). Follow-ups are counted
   * from two partial indexes: pending ones (which also answer each listed
   * case's overdue count) and cancelled ones, done being the rest.
   * Measures are too many to add up on every call, so `measure_totals`
   * keeps, per category and currency, the count, planned budget (cancelled
   * measures left out) and actual cost of every case's current plan
   * version; the store changes it in the same savepoint as the plan, and
   * care_case_store_verify_totals compares it with a recount. Filled here
   * for existing vaults. */
  { "DROP INDEX cases_host_country;"
    "DROP INDEX cases_status;"
    "CREATE INDEX cases_stats ON cases (host_country, return_country, status, is_minor, is_eligible);"
    "CREATE INDEX followups_pending ON followups (case_id, due_on) "
    "  WHERE done_on IS NULL AND cancelled_on IS NULL;"
    "CREATE INDEX followups_cancelled ON followups (cancelled_on) WHERE cancelled_on IS NOT NULL;"
    "CREATE TABLE measure_totals ("
    "  category      TEXT NOT NULL,"
    "  currency      TEXT NOT NULL,"
    "  measures      INTEGER NOT NULL,"
    "  planned_cents INTEGER NOT NULL,"
    "  actual_cents  INTEGER NOT NULL,"
    "  PRIMARY KEY (category, currency)"
    ") STRICT, WITHOUT ROWID;"
    "INSERT INTO measure_totals (category, currency, measures, planned_cents, actual_cents) "
    "SELECT m.category, m.currency, count(*), "
    "  sum(CASE WHEN m.status <> 'cancelled' THEN m.budget_cents ELSE 0 END), sum(m.actual_cost_cents) "
    "FROM plan_versions v JOIN measures m ON m.version_id = v.id "
    "WHERE v.is_current GROUP BY m.category, m.currency;",
    NULL },

  /* 6: the list of cases (issue 4) read from one index, in case-number
   * order, holding every column the list shows: a first listing of
   * 100,000 cases then reads a seventh of the pages the wide rows of
   * `cases` take, and needs no sorting. */
  { "CREATE INDEX cases_list ON cases (number_country, number_year, number_sequence, case_number, "
    "  family_name, given_names, status, host_country, return_country, is_minor, is_eligible, next_followup);",
    NULL },

  /* 7: the files attached to a case (its Documents page): passport copies,
   * certificates, letters, kept inside the vault like everything else and
   * deleted with their case. AUTOINCREMENT, because the history names a
   * document by its id: a removed document's id is never given to another,
   * and Undo puts the document back under the id it had. */
  { "CREATE TABLE case_documents ("
    "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  title       TEXT NOT NULL CHECK (title <> ''),"
    "  file_name   TEXT NOT NULL,"
    "  media_type  TEXT NOT NULL,"
    "  size        INTEGER NOT NULL CHECK (size > 0),"
    "  attached_at TEXT NOT NULL,"
    "  attached_by TEXT NOT NULL,"
    "  data        BLOB NOT NULL"
    ") STRICT;"
    "CREATE INDEX case_documents_case ON case_documents (case_id, attached_at);",
    NULL },
};

int
care_schema_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

int
care_schema_get_version (sqlite3  *db,
                         GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (!care_sql_prepare (db, "PRAGMA user_version", &stmt, error))
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    care_sql_set_error (db, error);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
run_migration (sqlite3  *db,
               int       version,
               GError  **error)
{
  const Migration *m = &migrations[version - 1];
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!care_sql_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (care_sql_exec (db, m->sql, error) &&
      (m->step == NULL || m->step (db, error)) &&
      care_sql_exec (db, set_version, error) &&
      care_sql_exec (db, "COMMIT", error))
    return TRUE;

  care_sql_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

gboolean
care_schema_migrate (sqlite3  *db,
                     int       target_version,
                     GError  **error)
{
  int version;

  g_return_val_if_fail (target_version >= 0 && target_version <= care_schema_get_latest_version (), FALSE);

  version = care_schema_get_version (db, error);
  if (version < 0)
    return FALSE;

  if (version > care_schema_get_latest_version ())
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_VERSION,
                           _("This vault was made by a newer version of CARE. "
                             "Update CARE to open it."));
      return FALSE;
    }

  for (int v = version + 1; v <= target_version; v++)
    if (!run_migration (db, v, error))
      return FALSE;

  return TRUE;
}
