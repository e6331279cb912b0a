/* bench-vault.c — what sealing every page costs: one workload through a
 * vault and through plain SQLite, and the time to open a vault
 *
 * The same workload runs twice in this process, on fresh files in a
 * temporary directory: once through a vault, once through the default VFS
 * on a plain file with the vault's own pragmas (rollback journal,
 * synchronous=FULL, secure_delete, no mmap, same page size), for the cache
 * size the application sets and for a 2 MiB cache that cannot hold the
 * database. It prints times and vault/plain ratios; it never fails on a
 * time, only when something does not work.
 *
 * CARE_BENCH_ROWS sets the number of case records (default 100000),
 * CARE_BENCH_REPEATS how many times each way the workload runs (default 3;
 * medians are printed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-bench"

#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "care-vault.h"
#include "care-vault-private.h"

#define DEFAULT_ROWS        100000
#define DEFAULT_REPEATS     3
#define INSERTS_PER_TXN     1000
#define FTS_QUERIES         300
#define RANDOM_READS        10000
#define UPDATES             10000
#define UPDATES_PER_TXN     10
#define SMALL_CACHE_KIB     2048
#define OPEN_REPEATS        5
#define USER                "bench"
#define MODERATE_USER       "bench-moderate"
#define PASSPHRASE          "correct horse battery staple"

typedef enum {
  PHASE_INSERT,
  PHASE_FTS_BUILD,
  PHASE_FTS_QUERY,
  PHASE_READ,
  PHASE_UPDATE,
  N_PHASES
} Phase;

typedef struct {
  gint64  usec[N_PHASES];
  gint64  cpu_usec;     /* user and system time of the whole workload */
  guint64 check;        /* a digest of what the queries returned */
  goffset file_size;
} RunResult;

/* The vault's connection settings, read back from an open vault so that the
 * plain run copies them rather than a list that could drift. */
static const char *const mirrored_pragmas[] = {
  "page_size",        /* first: fixed before the plain file has a table */
  "temp_store",
  "mmap_size",
  "secure_delete",
  "journal_mode",
  "synchronous",
  "foreign_keys",
  "trusted_schema",
  NULL
};

GQuark bench_error_quark (void);
G_DEFINE_QUARK (care-bench-error-quark, bench_error)

/* --- SQL helpers: the data is synthetic, so SQLite's messages may say
 * everything --- */

static gboolean
sql_fail (sqlite3     *db,
          const char  *what,
          GError     **error)
{
  g_set_error (error, bench_error_quark (), sqlite3_extended_errcode (db),
               "%s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
sql_exec (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sql_fail (db, sql, error);
  return TRUE;
}

static gboolean
sql_prepare (sqlite3       *db,
             const char    *sql,
             sqlite3_stmt **stmt,
             GError       **error)
{
  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) != SQLITE_OK)
    return sql_fail (db, sql, error);
  return TRUE;
}

static gboolean
sql_step_done (sqlite3      *db,
               sqlite3_stmt *stmt,
               GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sql_fail (db, sqlite3_sql (stmt), error);
  return TRUE;
}

static char *
sql_text (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (!sql_prepare (db, sql, &stmt, error))
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    sql_fail (db, sql, error);
  sqlite3_finalize (stmt);
  return text;
}

/* --- case-like records --- */

static const char *const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Popescu", "Ionescu", "Dumitrescu",
  "Sánchez", "García", "Saavedra", "Santos", "Müller", "Kowalska", "Wiśniewska",
  "Dvořáková", "Çelik", "Yılmaz", "Şahin", "Иванова", "Шевченко", "Коваленко",
  "Петрова", "Саенко", "حسن", "محمد", "王", "李", "张", "Okonkwo", "Adébáyọ̀",
  "Mensah", "Sarr", "Ndiaye", "Sall", "Παπαδοπούλου", "Σαμαρά", "Thapa",
  "श्रेष्ठ", "Gurung", "Hoxha", "Berisha", "Ferreira", "Sakamoto",
};

static const char *const given_names[] = {
  "Marie", "María José", "Anaïs", "Élodie", "Sakura", "Samira", "Saïda",
  "Aminata", "Fatoumata", "Ngọc Anh", "Thị Hương", "Bích Ngọc", "Olena",
  "Оксана", "Наталія", "Ioana", "Mihaela", "Zoë", "Chloé", "Aisha", "عائشة",
  "Fatima", "Sabitha", "सीता", "Grace", "Blessing", "Joy", "Esperanza",
  "Łucja", "Elira", "Sara", "Salomé", "Mai", "Lan", "Ewa", "Ελένη",
};

static const char *const host_countries[] = {
  "FR", "BE", "DE", "IT", "ES", "NL", "GB", "CH", "PT", "AT",
};

static const struct {
  const char *country;
  const char *city;
} destinations[] = {
  { "NG", "Benin City" }, { "NG", "Lagos" }, { "VN", "Hà Nội" }, { "VN", "Nghệ An" },
  { "VN", "Hải Phòng" }, { "RO", "București" }, { "RO", "Iași" }, { "RO", "Constanța" },
  { "AL", "Tirana" }, { "AL", "Shkodër" }, { "UA", "Київ" }, { "UA", "Одеса" },
  { "MD", "Chișinău" }, { "BG", "Пловдив" }, { "CN", "福州" }, { "NP", "Kathmandu" },
  { "NP", "Pokhara" }, { "BR", "São Paulo" }, { "BR", "Goiânia" }, { "TH", "เชียงใหม่" },
  { "PH", "Cebu" }, { "SN", "Dakar" }, { "SN", "Saint-Louis" }, { "MA", "Casablanca" },
  { "ER", "Asmara" },
};

static const char *const note_sentences[] = {
  "Première rencontre au centre d'accueil ; la personne souhaite rentrer auprès de sa famille. ",
  "Passeport retrouvé, en attente du laissez-passer consulaire. ",
  "Rendez-vous médical pris : santé stable, suivi psychologique recommandé. ",
  "Formation professionnelle envisagée (couture, coiffure ou cuisine). ",
  "Risque de représailles signalé : éviter tout contact avec l'ancien employeur. ",
  "Logement temporaire trouvé, loyer pris en charge pendant trois mois. ",
  "Billet réservé ; accompagnement jusqu'à l'aéroport prévu le samedi. ",
  "Scolarisation des enfants à organiser après le retour. ",
  "Dette envers le réseau évoquée ; orientation vers une aide juridique. ",
  "Entretien mené avec une interprète, la personne s'exprime avec aisance. ",
  "Documents d'état civil demandés à la mairie ; délai estimé à six semaines. ",
  "Microcrédit accordé pour une petite activité commerciale. ",
  "Visite de suivi à domicile : situation stable, pas de nouvelle menace. ",
  "Hébergée chez une cousine à Saint-Denis en attendant le départ. ",
  "Case reviewed by the return committee; reintegration plan approved. ",
  "Counselling sessions continue weekly; sleep has improved. ",
  "Rückkehrberatung abgeschlossen, Übergabe an die Partnerorganisation. ",
};

static const char *const fts_queries[] = {
  "sa*", "ng*", "mar*", "nguyen", "tran*", "иван*", "ко*", "hu*", "family_name : sa*",
  "given_names : anh", "destination : lagos", "notes : famille", "sante", "logement AND benin",
  "\"thi huong\"", "ha noi", "ecole OR formation", "pop* NOT ro", "2014", "dvorak*", "σα*",
  "王", "sall OR sarr", "passeport", "micro*", "reintegration", "chisinau", "sao paulo",
};

static const char *
pick (GRand              *rand,
      const char *const  *items,
      gsize               n_items)
{
  return items[g_rand_int_range (rand, 0, n_items)];
}

#define PICK(rand, array) pick ((rand), (array), G_N_ELEMENTS (array))

static void
append_notes (GRand      *rand,
              GString    *notes,
              const char *city)
{
  int sentences = g_rand_int_range (rand, 3, 7);

  g_string_truncate (notes, 0);
  g_string_append_printf (notes, "Retour prévu vers %s. ", city);
  for (int i = 0; i < sentences; i++)
    g_string_append (notes, PICK (rand, note_sentences));
}

static char *
random_date (GRand *rand,
             int    first_year,
             int    last_year)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, first_year, last_year + 1),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

/* --- the workload --- */

static const char schema_sql[] =
  "CREATE TABLE bench_case ("
  "  id             INTEGER PRIMARY KEY,"
  "  case_number    TEXT NOT NULL UNIQUE,"
  "  family_name    TEXT NOT NULL,"
  "  given_names    TEXT NOT NULL,"
  "  birth_date     TEXT,"
  "  opened_on      TEXT NOT NULL,"
  "  host_country   TEXT NOT NULL,"
  "  return_country TEXT NOT NULL,"
  "  destination    TEXT NOT NULL,"
  "  notes          TEXT NOT NULL,"
  "  updated_on     TEXT"
  ") STRICT;"
  "CREATE INDEX bench_case_by_return ON bench_case (return_country, opened_on);";

/* An external-content index, so that the text is stored once. The vault
 * runs with trusted_schema=OFF, under which SQLite 3.40 refuses FTS5 inside
 * a trigger ("unsafe use of virtual table"): the update phase keeps the
 * index in step itself, as the application will have to. */
static const char fts_sql[] =
  "BEGIN;"
  "CREATE VIRTUAL TABLE bench_case_fts USING fts5 ("
  "  case_number, family_name, given_names, destination, notes,"
  "  content = 'bench_case', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "INSERT INTO bench_case_fts (bench_case_fts) VALUES ('rebuild');"
  "COMMIT;";

static gboolean
phase_insert (sqlite3  *db,
              guint     rows,
              GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2014);
  g_autoptr(GString) notes = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sql_exec (db, schema_sql, error) &&
       sql_prepare (db, "INSERT INTO bench_case (id, case_number, family_name, given_names,"
                        " birth_date, opened_on, host_country, return_country, destination, notes)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &stmt, error);

  for (guint i = 0; ok && i < rows; i++)
    {
      guint n_hosts = G_N_ELEMENTS (host_countries);
      /* (host, year, sequence) is a bijection of i: case numbers are unique. */
      const char *host = host_countries[i % n_hosts];
      int year = 2005 + (i / n_hosts) % 20;
      guint sequence = i / (n_hosts * 20) + 1;
      guint d = g_rand_int_range (rand, 0, G_N_ELEMENTS (destinations));
      g_autofree char *case_number = g_strdup_printf ("CARE-%s-%d-%04u", host, year, sequence);
      g_autofree char *birth = random_date (rand, 1975, 2006);
      g_autofree char *opened = g_strdup_printf ("%04d-%02d-%02d", year,
                                                 g_rand_int_range (rand, 1, 13),
                                                 g_rand_int_range (rand, 1, 29));

      append_notes (rand, notes, destinations[d].city);
      if (i % INSERTS_PER_TXN == 0)
        ok = sql_exec (db, "BEGIN", error);

      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, case_number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, PICK (rand, family_names), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, PICK (rand, given_names), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, birth, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, opened, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, host, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, destinations[d].country, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, destinations[d].city, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, notes->str, notes->len, SQLITE_STATIC);
      ok = ok && sql_step_done (db, stmt, error);

      if (ok && (i % INSERTS_PER_TXN == INSERTS_PER_TXN - 1 || i == rows - 1))
        ok = sql_exec (db, "COMMIT", error);
    }

  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
phase_fts_query (sqlite3  *db,
                 guint64  *check,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_DONE;

  /* What the search field of the application would run: best matches first,
   * one screenful. */
  if (!sql_prepare (db, "SELECT c.id, c.case_number, c.family_name, c.given_names"
                        " FROM bench_case_fts JOIN bench_case AS c ON c.id = bench_case_fts.rowid"
                        " WHERE bench_case_fts MATCH ? ORDER BY rank LIMIT 20", &stmt, error))
    return FALSE;

  for (guint q = 0; q < FTS_QUERIES && rc == SQLITE_DONE; q++)
    {
      sqlite3_bind_text (stmt, 1, fts_queries[q % G_N_ELEMENTS (fts_queries)], -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        *check = *check * 31 + sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_fail (db, "full-text query", error);
  return TRUE;
}

/* Each read is its own transaction, as when a person opens one case. */
static gboolean
phase_read (sqlite3  *db,
            guint     rows,
            guint64  *check,
            GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_ROW;

  if (!sql_prepare (db, "SELECT case_number, family_name, given_names, birth_date, opened_on,"
                        " host_country, return_country, destination, notes"
                        " FROM bench_case WHERE id = ?", &stmt, error))
    return FALSE;

  for (guint i = 0; i < RANDOM_READS && rc == SQLITE_ROW; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, rows + 1));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *check += sqlite3_column_bytes (stmt, 8);
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return sql_fail (db, "reading a case by its key", error);
  return TRUE;
}

static gboolean
phase_update (sqlite3  *db,
              guint     rows,
              GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autoptr(GString) notes = g_string_new (NULL);
  sqlite3_stmt *unindex = NULL, *update = NULL, *reindex = NULL;
  gboolean ok;

  ok = sql_prepare (db, "INSERT INTO bench_case_fts (bench_case_fts, rowid, case_number,"
                        " family_name, given_names, destination, notes)"
                        " SELECT 'delete', id, case_number, family_name, given_names,"
                        " destination, notes FROM bench_case WHERE id = ?", &unindex, error) &&
       sql_prepare (db, "UPDATE bench_case SET notes = ?, updated_on = ? WHERE id = ?",
                    &update, error) &&
       sql_prepare (db, "INSERT INTO bench_case_fts (rowid, case_number, family_name,"
                        " given_names, destination, notes)"
                        " SELECT id, case_number, family_name, given_names, destination, notes"
                        " FROM bench_case WHERE id = ?", &reindex, error);

  for (guint i = 0; ok && i < UPDATES; i++)
    {
      g_autofree char *updated = random_date (rand, 2015, 2024);
      guint d = g_rand_int_range (rand, 0, G_N_ELEMENTS (destinations));
      gint64 id = g_rand_int_range (rand, 1, rows + 1);

      append_notes (rand, notes, destinations[d].city);
      if (i % UPDATES_PER_TXN == 0)
        ok = sql_exec (db, "BEGIN", error);

      sqlite3_bind_int64 (unindex, 1, id);
      sqlite3_bind_text (update, 1, notes->str, notes->len, SQLITE_STATIC);
      sqlite3_bind_text (update, 2, updated, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 3, id);
      sqlite3_bind_int64 (reindex, 1, id);
      ok = ok && sql_step_done (db, unindex, error) && sql_step_done (db, update, error) &&
           sql_step_done (db, reindex, error);

      if (ok && i % UPDATES_PER_TXN == UPDATES_PER_TXN - 1)
        ok = sql_exec (db, "COMMIT", error);
    }

  sqlite3_finalize (unindex);
  sqlite3_finalize (update);
  sqlite3_finalize (reindex);
  return ok;
}

/* Time on the processor, which waiting for the disk does not count: much
 * steadier from run to run than wall time when fsync latency wanders. */
static gint64
cpu_time (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gboolean
run_workload (sqlite3    *db,
              guint       rows,
              RunResult  *result,
              GError    **error)
{
  gint64 cpu_start = cpu_time ();
  gint64 start;

  memset (result, 0, sizeof *result);

#define TIMED(phase, call) \
  G_STMT_START { \
    start = g_get_monotonic_time (); \
    if (!(call)) \
      return FALSE; \
    result->usec[phase] = g_get_monotonic_time () - start; \
  } G_STMT_END

  TIMED (PHASE_INSERT, phase_insert (db, rows, error));
  TIMED (PHASE_FTS_BUILD, sql_exec (db, fts_sql, error));
  TIMED (PHASE_FTS_QUERY, phase_fts_query (db, &result->check, error));
  TIMED (PHASE_READ, phase_read (db, rows, &result->check, error));
  TIMED (PHASE_UPDATE, phase_update (db, rows, error));

#undef TIMED

  result->cpu_usec = cpu_time () - cpu_start;

  /* The updates must have kept the index whole, in both runs alike. */
  return sql_exec (db, "INSERT INTO bench_case_fts (bench_case_fts) VALUES ('integrity-check')",
                   error);
}

/* --- the two ways of storing --- */

typedef struct {
  char *names[G_N_ELEMENTS (mirrored_pragmas)];
  char *values[G_N_ELEMENTS (mirrored_pragmas)];
} PragmaSet;

static void
pragma_set_clear (PragmaSet *set)
{
  for (gsize i = 0; i < G_N_ELEMENTS (set->values); i++)
    {
      g_clear_pointer (&set->names[i], g_free);
      g_clear_pointer (&set->values[i], g_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PragmaSet, pragma_set_clear)

static gboolean
pragma_set_read (PragmaSet  *set,
                 sqlite3    *db,
                 GError    **error)
{
  for (gsize i = 0; mirrored_pragmas[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA %s", mirrored_pragmas[i]);

      set->names[i] = g_strdup (mirrored_pragmas[i]);
      set->values[i] = sql_text (db, sql, error);
      if (set->values[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
pragma_set_apply (const PragmaSet  *set,
                  sqlite3          *db,
                  GError          **error)
{
  for (gsize i = 0; set->names[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %s", set->names[i], set->values[i]);

      if (!sql_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_cache_size (sqlite3     *db,
                const char  *kib,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%s", kib);

  return sql_exec (db, sql, error);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static gboolean
run_vault (const char  *path,
           guint        rows,
           const char  *cache_kib,
           RunResult   *result,
           GError     **error)
{
  g_autoptr(CareVault) vault = NULL;
  g_autofree char *recovery = NULL;

  vault = care_vault_create (path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery, error);
  if (vault == NULL ||
      !set_cache_size (care_vault_get_db (vault), cache_kib, error) ||
      !run_workload (care_vault_get_db (vault), rows, result, error))
    return FALSE;

  care_vault_lock (vault);
  result->file_size = file_size (path);
  return TRUE;
}

/* Reads the vault's settings and the application's cache size (in KiB)
 * from a new, empty vault. */
static gboolean
probe_vault (const char  *path,
             PragmaSet   *pragmas,
             char       **app_cache_kib,
             GError     **error)
{
  g_autoptr(CareVault) vault = NULL;
  g_autofree char *recovery = NULL;

  vault = care_vault_create (path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery, error);
  if (vault == NULL || !pragma_set_read (pragmas, care_vault_get_db (vault), error))
    return FALSE;
  *app_cache_kib = sql_text (care_vault_get_db (vault), "SELECT -cache_size FROM pragma_cache_size",
                             error);
  care_vault_lock (vault);
  g_remove (path);
  return *app_cache_kib != NULL;
}

static gboolean
run_plain (const char       *path,
           guint             rows,
           const char       *cache_kib,
           const PragmaSet  *pragmas,
           RunResult        *result,
           GError          **error)
{
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK)
    ok = sql_fail (db, "opening a plain database", error);
  else
    ok = pragma_set_apply (pragmas, db, error) &&
         set_cache_size (db, cache_kib, error) &&
         run_workload (db, rows, result, error);

  sqlite3_close_v2 (db);
  result->file_size = file_size (path);
  return ok;
}

/* --- opening --- */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts SAMPLES. */
static gint64
median (gint64 *samples,
        gsize   n)
{
  qsort (samples, n, sizeof *samples, compare_gint64);
  return n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static gboolean
time_open (const char  *path,
           const char  *user,
           gint64      *usec,
           GError     **error)
{
  g_autoptr(CareVault) vault = NULL;
  gint64 start = g_get_monotonic_time ();

  vault = care_vault_open (path, user, PASSPHRASE, error);
  *usec = g_get_monotonic_time () - start;
  return vault != NULL;
}

/* The part of an open that Argon2id takes: reading the header and opening
 * USER's key slot, which derives the slot key and unwraps the master key. */
static gboolean
time_slot_unlock (const char  *path,
                  const char  *user,
                  gint64      *usec,
                  GError     **error)
{
  g_autoptr(CareVaultKeys) keys = NULL;
  CareVaultHeader header;
  CareHeaderCondition condition;
  gint64 start;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, bench_error_quark (), 0, "cannot open %s", path);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  if (care_vault_header_read (fd, &header, &condition, error))
    keys = care_vault_header_unlock (&header, CARE_SLOT_PASSPHRASE, user, PASSPHRASE, NULL, error);
  *usec = g_get_monotonic_time () - start;

  close (fd);
  sodium_memzero (&header, sizeof header);
  return keys != NULL;
}

static gint64
time_pwhash_interactive (void)
{
  guint8 key[32];
  guint8 salt[crypto_pwhash_SALTBYTES] = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (crypto_pwhash (key, sizeof key, PASSPHRASE, strlen (PASSPHRASE), salt,
                     crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    return -1;
  return g_get_monotonic_time () - start;
}

/* PATH holds the workload's data behind an INTERACTIVE slot; a MODERATE
 * slot is added so that both costs open the same file. The measurements
 * are interleaved so that a slow moment of the machine hits them alike. */
static gboolean
measure_open (const char  *path,
              guint        rows,
              GError     **error)
{
  gint64 open_interactive[OPEN_REPEATS], open_moderate[OPEN_REPEATS];
  gint64 unlock_interactive[OPEN_REPEATS], pwhash[OPEN_REPEATS];
  gint64 open_med, unlock_med;

  {
    g_autoptr(CareVault) vault = care_vault_open (path, USER, PASSPHRASE, error);

    if (vault == NULL ||
        !care_vault_add_slot (vault, MODERATE_USER, PASSPHRASE, CARE_KDF_COST_MODERATE, error))
      return FALSE;
  }

  for (int i = 0; i < OPEN_REPEATS; i++)
    {
      if (!time_open (path, MODERATE_USER, &open_moderate[i], error) ||
          !time_open (path, USER, &open_interactive[i], error) ||
          !time_slot_unlock (path, USER, &unlock_interactive[i], error))
        return FALSE;
      pwhash[i] = time_pwhash_interactive ();
      if (pwhash[i] < 0)
        {
          g_set_error_literal (error, bench_error_quark (), 0, "crypto_pwhash failed");
          return FALSE;
        }
    }

  open_med = median (open_interactive, OPEN_REPEATS);
  unlock_med = median (unlock_interactive, OPEN_REPEATS);

  g_print ("\nOpening a vault of %u rows (%.1f MiB), median of %d, file in the OS cache\n",
           rows, file_size (path) / 1048576.0, OPEN_REPEATS);
  g_print ("  %-52s %9.1f ms\n", "unlock at the default cost (MODERATE slot)",
           median (open_moderate, OPEN_REPEATS) / 1000.0);
  g_print ("  %-52s %9.1f ms\n", "unlock at INTERACTIVE cost", open_med / 1000.0);
  g_print ("  %-52s %9.1f ms\n", "  of which key slot (Argon2id INTERACTIVE, unwrap)",
           unlock_med / 1000.0);
  g_print ("  %-52s %9.1f ms   (goal: at most 50 ms)\n", "  open apart from Argon2id",
           (open_med - unlock_med) / 1000.0);
  g_print ("  %-52s %9.1f ms\n", "crypto_pwhash alone, INTERACTIVE (for reference)",
           median (pwhash, OPEN_REPEATS) / 1000.0);
  return TRUE;
}

/* --- report --- */

static const char *const phase_names[N_PHASES] = {
  [PHASE_INSERT] = "insert rows (1000 per transaction)",
  [PHASE_FTS_BUILD] = "FTS5 index build",
  [PHASE_FTS_QUERY] = "FTS5 queries (300, prefix and words)",
  [PHASE_READ] = "random reads by key (10000)",
  [PHASE_UPDATE] = "updates (10000, 10 per transaction)",
};

static gint64
run_total (const RunResult *run)
{
  gint64 total = 0;

  for (int p = 0; p < N_PHASES; p++)
    total += run->usec[p];
  return total;
}

/* Medians over the repeats: one slow fsync or a neighbour on the machine
 * should not decide a ratio. */
static void
print_table (const char      *title,
             const RunResult *vault,
             const RunResult *plain,
             guint            repeats)
{
  g_autofree gint64 *v = g_new (gint64, repeats);
  g_autofree gint64 *w = g_new (gint64, repeats);
  gint64 vault_med, plain_med;

  g_print ("\n%s, median of %u run%s\n", title, repeats, repeats == 1 ? "" : "s");
  g_print ("  %-38s %10s %10s %8s\n", "phase", "vault (s)", "plain (s)", "ratio");
  for (int p = 0; p < N_PHASES; p++)
    {
      for (guint r = 0; r < repeats; r++)
        {
          v[r] = vault[r].usec[p];
          w[r] = plain[r].usec[p];
        }
      vault_med = median (v, repeats);
      plain_med = median (w, repeats);
      g_print ("  %-38s %10.3f %10.3f %8.2f\n", phase_names[p], vault_med / 1e6,
               plain_med / 1e6, (double) vault_med / MAX (plain_med, 1));
    }
  for (guint r = 0; r < repeats; r++)
    {
      v[r] = run_total (&vault[r]);
      w[r] = run_total (&plain[r]);
    }
  vault_med = median (v, repeats);
  plain_med = median (w, repeats);
  g_print ("  %-38s %10.3f %10.3f %8.2f\n", "whole workload", vault_med / 1e6,
           plain_med / 1e6, (double) vault_med / MAX (plain_med, 1));
  for (guint r = 0; r < repeats; r++)
    {
      v[r] = vault[r].cpu_usec;
      w[r] = plain[r].cpu_usec;
    }
  vault_med = median (v, repeats);
  plain_med = median (w, repeats);
  g_print ("  %-38s %10.3f %10.3f %8.2f\n", "whole workload, CPU time (user+sys)",
           vault_med / 1e6, plain_med / 1e6, (double) vault_med / MAX (plain_med, 1));
  g_print ("  %-38s %10.1f %10.1f\n", "file size (MiB)", vault[0].file_size / 1048576.0,
           plain[0].file_size / 1048576.0);
  if (repeats > 1)
    {
      g_print ("  %-38s", "whole-workload ratio of each run");
      for (guint r = 0; r < repeats; r++)
        g_print (" %.2f", (double) run_total (&vault[r]) / MAX (run_total (&plain[r]), 1));
      g_print ("\n");
    }
}

static guint
number_from_environment (const char *variable,
                         guint       fallback)
{
  const char *text = g_getenv (variable);
  guint64 value;

  if (text == NULL || *text == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT32, &value, NULL))
    {
      g_printerr ("%s must be a positive number; using %u\n", variable, fallback);
      return fallback;
    }
  return value;
}

static void
remove_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}

/* Runs the workload REPEATS times each way with a cache of CACHE_KIB,
 * alternating which goes first so that a drift of the machine (a filling
 * disk cache, a busy neighbour) falls on both alike. The vault of the last
 * run stays at KEEP_VAULT, if given. */
static gboolean
compare (const char       *dir,
         guint             rows,
         guint             repeats,
         const char       *cache_kib,
         const PragmaSet  *pragmas,
         const char       *title,
         const char       *keep_vault,
         GError          **error)
{
  g_autofree RunResult *vault = g_new0 (RunResult, repeats);
  g_autofree RunResult *plain = g_new0 (RunResult, repeats);

  for (guint r = 0; r < repeats; r++)
    {
      g_autofree char *vault_path = g_build_filename (dir, "bench.care", NULL);
      g_autofree char *plain_path = g_build_filename (dir, "bench.db", NULL);
      gboolean ok;

      if (r % 2 == 0)
        ok = run_vault (vault_path, rows, cache_kib, &vault[r], error) &&
             run_plain (plain_path, rows, cache_kib, pragmas, &plain[r], error);
      else
        ok = run_plain (plain_path, rows, cache_kib, pragmas, &plain[r], error) &&
             run_vault (vault_path, rows, cache_kib, &vault[r], error);
      if (!ok)
        return FALSE;

      if (vault[r].check != plain[r].check)
        {
          g_set_error_literal (error, bench_error_quark (), 0,
                               "the vault and plain SQLite returned different results");
          return FALSE;
        }

      g_remove (plain_path);
      if (keep_vault != NULL && r == repeats - 1)
        {
          if (g_rename (vault_path, keep_vault) != 0)
            {
              g_set_error (error, bench_error_quark (), 0, "cannot rename %s", vault_path);
              return FALSE;
            }
        }
      else
        g_remove (vault_path);
    }

  print_table (title, vault, plain, repeats);
  return TRUE;
}

static gboolean
run_all (const char  *dir,
         guint        rows,
         guint        repeats,
         GError     **error)
{
  g_autofree char *probe_path = g_build_filename (dir, "probe.care", NULL);
  g_autofree char *kept_path = g_build_filename (dir, "workload.care", NULL);
  g_autofree char *small_kib = g_strdup_printf ("%d", SMALL_CACHE_KIB);
  g_autofree char *app_kib = NULL;
  g_autofree char *app_title = NULL;
  g_autofree char *small_title = NULL;
  g_auto(PragmaSet) pragmas = { 0 };

  if (!probe_vault (probe_path, &pragmas, &app_kib, error))
    return FALSE;

  app_title = g_strdup_printf ("Cache %s KiB (the application's)", app_kib);
  small_title = g_strdup_printf ("Cache %s KiB", small_kib);

  return compare (dir, rows, repeats, app_kib, &pragmas, app_title, kept_path, error) &&
         compare (dir, rows, repeats, small_kib, &pragmas, small_title, NULL, error) &&
         measure_open (kept_path, rows, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  guint rows = number_from_environment ("CARE_BENCH_ROWS", DEFAULT_ROWS);
  guint repeats = number_from_environment ("CARE_BENCH_REPEATS", DEFAULT_REPEATS);
  gboolean ok;

  if (sodium_init () < 0)
    {
      g_printerr ("libsodium could not start\n");
      return 1;
    }

  dir = g_dir_make_tmp ("care-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("CARE vault benchmark: %u rows, %u run%s each way; SQLite %s, libsodium %s; "
           "files in %s\n", rows, repeats, repeats == 1 ? "" : "s", sqlite3_libversion (),
           sodium_version_string (), dir);
  g_print ("Both runs: rollback journal, synchronous=FULL, secure_delete=ON, no mmap, "
           "temp_store=MEMORY, same page size.\n");

  ok = run_all (dir, rows, repeats, &error);
  remove_directory (dir);

  if (!ok)
    {
      g_printerr ("bench-vault: %s\n", error->message);
      return 1;
    }
  return 0;
}
