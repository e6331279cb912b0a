/* care-vault-vfs.c — the SQLite VFS that seals every page of a vault
 *
 * A shim over the system's default VFS. The vault's own header regions come
 * first in the file, so every offset SQLite asks for is moved past them.
 * Database pages are sealed with the page number as associated data; the
 * rollback journal's page images are sealed the same way in the journal's
 * own domain. Any other file SQLite might want (temporary databases,
 * statement journals spilled to disk, WAL) is refused rather than written
 * in clear: vaults run with temp_store=MEMORY and a rollback journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-vault-vfs"

#include "config.h"

#include <string.h>

#include "care-vault-header.h"
#include "care-vault-seal.h"
#include "care-vault-vfs.h"

typedef struct _CareFile CareFile;

struct _CareFile
{
  sqlite3_file     base;
  sqlite3_file    *real;
  int              kind;
  CareVaultKeys   *keys;
  guint32          page_size;
  CareNonceSource  nonces;
  guint8          *scratch;      /* plaintext passes through here: guarded memory */
  CareFile        *main;         /* a journal's database */

  /* Database files only. A write session runs from the first write after
   * taking a lock to the release of the lock; its page-set record is loaded
   * at the start and written at each sync. */
  int              lock;
  gboolean         in_session;
  CareVaultState   state;
  guint8           tally[CARE_VAULT_TALLY_BYTES];
  gboolean         dirty;
  gboolean         rescan;

  /* Database files only: the trailers of pages as this handle last saw
   * them on disk, so that a write need not read back the trailer it
   * replaces, and page 1's plaintext for the 16 bytes SQLite reads at each
   * transaction. Whoever changes a page also writes a page-set record with
   * the next sequence number, so a write session that finds a sequence
   * other than the last one this handle knew drops what it remembered.
   * Every commit also rewrites page 1 with a fresh nonce: a page 1 trailer
   * other than the one remembered drops everything too, and nothing is
   * remembered while page 1's trailer is unknown. */
  guint8          *trailers;     /* CARE_VAULT_RESERVE_BYTES per page */
  guint8          *trailer_known;
  guint32          trailers_len;
  guint8          *page1;        /* plaintext: guarded memory */
  gboolean         page1_known;
  gboolean         sequence_known;
  guint64          known_sequence;
  guint64          disk_pages;   /* pages in the file, during a write session */

  /* Journals only: the page number SQLite wrote just before, which comes
   * right before the page image it numbers. */
  gboolean         pgno_known;
  sqlite3_int64    pgno_offset;
  guint32          pgno_value;
};

#define CARE_FILE_SIZE ((sizeof (CareFile) + 7) & ~(gsize) 7)
#define SECTOR_SIZE 512

static const guint8 sqlite_journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

typedef struct {
  CareVaultKeys *keys;
  guint32        page_size;
} RegistryEntry;

static sqlite3_vfs care_vfs;
static sqlite3_vfs *real_vfs;
static gboolean unlock_from_env;
static GMutex registry_mutex;
static GHashTable *registry;
static guint rescans;

static const sqlite3_io_methods care_io_methods;

static void
registry_entry_free (gpointer data)
{
  RegistryEntry *entry = data;

  care_vault_keys_unref (entry->keys);
  g_free (entry);
}

void
care_vault_vfs_add_keys (const char    *full_path,
                         CareVaultKeys *keys,
                         guint32        page_size)
{
  RegistryEntry *entry = g_new0 (RegistryEntry, 1);

  entry->keys = care_vault_keys_ref (keys);
  entry->page_size = page_size;

  g_mutex_lock (&registry_mutex);
  g_hash_table_replace (registry, g_strdup (full_path), entry);
  g_mutex_unlock (&registry_mutex);
}

void
care_vault_vfs_remove_keys (const char *full_path)
{
  g_mutex_lock (&registry_mutex);
  g_hash_table_remove (registry, full_path);
  g_mutex_unlock (&registry_mutex);
}

static gboolean
registry_lookup (const char     *full_path,
                 CareVaultKeys **keys,
                 guint32        *page_size)
{
  RegistryEntry *entry;

  g_mutex_lock (&registry_mutex);
  entry = g_hash_table_lookup (registry, full_path);
  if (entry != NULL)
    {
      *keys = care_vault_keys_ref (entry->keys);
      *page_size = entry->page_size;
    }
  g_mutex_unlock (&registry_mutex);

  return entry != NULL;
}

char *
care_vault_vfs_full_path (const char *path)
{
  char *full = g_malloc0 (real_vfs->mxPathname + 1);

  if (real_vfs->xFullPathname (real_vfs, path, real_vfs->mxPathname + 1, full) != SQLITE_OK)
    {
      g_free (full);
      return g_canonicalize_filename (path, NULL);
    }
  return full;
}

guint
care_vault_vfs_get_rescans (void)
{
  return g_atomic_int_get (&rescans);
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static int
real_read (CareFile *f, void *buf, int amount, sqlite3_int64 offset)
{
  return f->real->pMethods->xRead (f->real, buf, amount, offset);
}

static int
real_write (CareFile *f, const void *buf, int amount, sqlite3_int64 offset)
{
  return f->real->pMethods->xWrite (f->real, buf, amount, offset);
}

static int
real_size (CareFile *f, sqlite3_int64 *size)
{
  return f->real->pMethods->xFileSize (f->real, size);
}

static int
count_pages (CareFile *f, guint64 *pages)
{
  sqlite3_int64 size;
  int rc = real_size (f, &size);

  if (rc != SQLITE_OK)
    return rc;
  if (size < CARE_VAULT_DATA_OFFSET || (size - CARE_VAULT_DATA_OFFSET) % f->page_size != 0)
    {
      sqlite3_log (SQLITE_IOERR_DATA, "care-vault: the database is not a whole number of pages");
      return SQLITE_IOERR_DATA;
    }
  *pages = (size - CARE_VAULT_DATA_OFFSET) / f->page_size;
  return SQLITE_OK;
}

static int
read_trailer (CareFile *f, guint64 index, guint8 trailer[CARE_VAULT_RESERVE_BYTES])
{
  int rc = real_read (f, trailer, CARE_VAULT_RESERVE_BYTES,
                      CARE_VAULT_DATA_OFFSET + (index + 1) * f->page_size - CARE_VAULT_RESERVE_BYTES);

  /* Past the end: a page not written yet, which counts for nothing. */
  return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_OK : rc;
}

static void
trailers_forget (CareFile *f)
{
  if (f->trailer_known != NULL)
    memset (f->trailer_known, 0, f->trailers_len);
  f->page1_known = FALSE;
}

static const guint8 *
trailer_lookup (CareFile *f, guint32 pgno)
{
  if (pgno == 0 || pgno > f->trailers_len || !f->trailer_known[pgno - 1])
    return NULL;
  return f->trailers + (gsize) (pgno - 1) * CARE_VAULT_RESERVE_BYTES;
}

/* Records that page PGNO now ends in TRAILER on disk. */
static void
trailer_remember (CareFile *f, guint32 pgno, const guint8 *trailer)
{
  if (pgno == 0)
    return;
  /* Without page 1's trailer there is no way to notice others' commits. */
  if (pgno != 1 && trailer_lookup (f, 1) == NULL)
    return;

  if (pgno > f->trailers_len)
    {
      guint32 len = MAX (pgno, MAX (f->trailers_len * 2, 256));

      f->trailers = g_realloc (f->trailers, (gsize) len * CARE_VAULT_RESERVE_BYTES);
      f->trailer_known = g_realloc (f->trailer_known, len);
      memset (f->trailer_known + f->trailers_len, 0, len - f->trailers_len);
      f->trailers_len = len;
    }
  memcpy (f->trailers + (gsize) (pgno - 1) * CARE_VAULT_RESERVE_BYTES, trailer,
          CARE_VAULT_RESERVE_BYTES);
  f->trailer_known[pgno - 1] = TRUE;
}

/* Page 1 as found on disk ends in TRAILER: if that is not the trailer this
 * handle last saw, another connection has committed since. */
static void
trailer_check_page1 (CareFile *f, const guint8 *trailer)
{
  const guint8 *known = trailer_lookup (f, 1);

  if (known == NULL || memcmp (known, trailer, CARE_VAULT_RESERVE_BYTES) != 0)
    {
      trailers_forget (f);
      trailer_remember (f, 1, trailer);
    }
}

static int
tally_all_pages (CareFile *f, guint8 tally[CARE_VAULT_TALLY_BYTES], guint64 *pages)
{
  guint8 trailer[CARE_VAULT_RESERVE_BYTES];
  int rc = count_pages (f, pages);

  memset (tally, 0, CARE_VAULT_TALLY_BYTES);
  for (guint64 i = 0; rc == SQLITE_OK && i < *pages; i++)
    {
      rc = read_trailer (f, i, trailer);
      if (rc == SQLITE_OK)
        care_vault_tally_toggle (f->keys, i + 1, trailer, tally);
    }
  return rc;
}

/* Loads the page-set record when a write session begins: another process
 * may have committed since this one last wrote. */
static int
begin_session (CareFile *f)
{
  guint8 region[CARE_VAULT_REGION_SIZE];
  CareStateCondition condition;
  sqlite3_int64 size;
  int rc;

  if (f->in_session)
    return SQLITE_OK;

  rc = real_read (f, region, sizeof region, CARE_VAULT_STATE_OFFSET);
  if (rc != SQLITE_OK)
    return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : rc;
  if (!care_vault_state_parse (f->keys, region, sizeof region, &f->state, &condition, NULL))
    {
      sqlite3_log (SQLITE_IOERR_DATA, "care-vault: the page-set record does not authenticate");
      return SQLITE_IOERR_DATA;
    }

  rc = real_size (f, &size);
  if (rc != SQLITE_OK)
    return rc;
  f->disk_pages = size > CARE_VAULT_DATA_OFFSET ? (size - CARE_VAULT_DATA_OFFSET) / f->page_size : 0;

  if (!f->sequence_known || f->state.sequence != f->known_sequence)
    trailers_forget (f);
  f->sequence_known = TRUE;
  f->known_sequence = f->state.sequence;

  memcpy (f->tally, f->state.tally, sizeof f->tally);
  f->in_session = TRUE;
  f->dirty = FALSE;
  f->rescan = FALSE;
  return SQLITE_OK;
}

static int
flush_state (CareFile *f)
{
  guint8 slot[CARE_VAULT_STATE_SLOT_BYTES];
  goffset offset;
  guint64 pages;
  int rc;

  /* After a journal was played back, the pages written are the old
   * contents sealed anew, and the record loaded may describe either side
   * of the interrupted commit: count from the disk. */
  if (f->rescan)
    {
      rc = tally_all_pages (f, f->tally, &pages);
      g_atomic_int_inc (&rescans);
    }
  else
    rc = count_pages (f, &pages);
  if (rc != SQLITE_OK)
    return rc;

  f->state.page_count = pages;
  memcpy (f->state.tally, f->tally, sizeof f->tally);
  care_vault_state_encode_next (f->keys, &f->state, slot, &offset);
  rc = real_write (f, slot, sizeof slot, offset);
  if (rc == SQLITE_OK)
    {
      f->dirty = FALSE;
      f->rescan = FALSE;
      f->known_sequence = f->state.sequence;
    }
  else
    f->sequence_known = FALSE;
  return rc;
}

/* --- the database file --- */

static int
database_read (CareFile *f, void *buf, int amount, sqlite3_int64 offset)
{
  guint32 ps = f->page_size;
  guint8 *out = buf;
  sqlite3_int64 end = offset + amount;
  gboolean short_read = FALSE;

  /* The 16 bytes at 24 that SQLite reads at each transaction: page 1
   * unchanged since it was last opened here is answered from memory. The
   * trailer is what was authenticated then; a fresh nonce for every seal
   * means the same trailer is the same sealed page. */
  if (end <= ps && amount < (int) ps && f->page1_known)
    {
      guint8 trailer[CARE_VAULT_RESERVE_BYTES];
      int rc = read_trailer (f, 0, trailer);
      const guint8 *known = trailer_lookup (f, 1);

      if (rc != SQLITE_OK)
        return rc;
      if (known != NULL && memcmp (known, trailer, sizeof trailer) == 0)
        {
          memcpy (out, f->page1 + offset, amount);
          return SQLITE_OK;
        }
    }

  for (sqlite3_int64 page = offset / ps; page * ps < end; page++)
    {
      sqlite3_int64 page_start = page * ps;
      sqlite3_int64 from = MAX (offset, page_start);
      sqlite3_int64 to = MIN (end, page_start + ps);
      guint8 trailer[CARE_VAULT_RESERVE_BYTES];
      int rc = real_read (f, f->scratch, ps, CARE_VAULT_DATA_OFFSET + page_start);

      if (rc == SQLITE_IOERR_SHORT_READ)
        {
          sqlite3_int64 size;

          /* A page wholly past the end is one SQLite has not written yet;
           * a page cut in the middle is damage. */
          if (real_size (f, &size) != SQLITE_OK || size > CARE_VAULT_DATA_OFFSET + page_start)
            {
              sqlite3_log (SQLITE_IOERR_DATA, "care-vault: page %lld is cut short", page + 1);
              return SQLITE_IOERR_DATA;
            }
          memset (out + (from - offset), 0, to - from);
          short_read = TRUE;
          continue;
        }
      if (rc != SQLITE_OK)
        return rc;

      memcpy (trailer, f->scratch + ps - CARE_VAULT_RESERVE_BYTES, sizeof trailer);
      if (!care_vault_unseal_page (f->keys, ps, page + 1, CARE_SEAL_DATABASE, f->scratch))
        {
          sqlite3_log (SQLITE_IOERR_DATA, "care-vault: page %lld fails authentication", page + 1);
          return SQLITE_IOERR_DATA;
        }
      if (page == 0)
        {
          trailer_check_page1 (f, trailer);
          memcpy (f->page1, f->scratch, ps);
          f->page1_known = TRUE;
        }
      else
        trailer_remember (f, page + 1, trailer);
      memcpy (out + (from - offset), f->scratch + (from - page_start), to - from);
    }

  return short_read ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

static int
database_write (CareFile *f, const void *buf, int amount, sqlite3_int64 offset)
{
  guint32 ps = f->page_size;
  guint32 pgno = offset / ps + 1;
  guint8 trailer[CARE_VAULT_RESERVE_BYTES];
  const guint8 *old;
  int rc;

  if ((guint32) amount != ps || offset % ps != 0)
    {
      sqlite3_log (SQLITE_IOERR_WRITE, "care-vault: refusing a write that is not one whole page");
      return SQLITE_IOERR_WRITE;
    }

  rc = begin_session (f);
  if (rc != SQLITE_OK)
    return rc;

  /* The trailer being replaced leaves the tally: past the end of the file
   * there is none, and one seen on disk since the last commit by anyone
   * else need not be read again. */
  if (pgno > f->disk_pages)
    old = NULL;
  else if ((old = trailer_lookup (f, pgno)) == NULL)
    {
      rc = read_trailer (f, pgno - 1, trailer);
      if (rc != SQLITE_OK)
        return rc;
      old = trailer;
    }
  if (old != NULL)
    care_vault_tally_toggle (f->keys, pgno, old, f->tally);

  memcpy (f->scratch, buf, ps);
  care_vault_seal_page (f->keys, ps, pgno, CARE_SEAL_DATABASE, &f->nonces, f->scratch);
  rc = real_write (f, f->scratch, ps, CARE_VAULT_DATA_OFFSET + offset);
  if (rc != SQLITE_OK)
    {
      /* What is on disk now is unknown. */
      trailers_forget (f);
      return rc;
    }

  care_vault_tally_toggle (f->keys, pgno, f->scratch + ps - CARE_VAULT_RESERVE_BYTES, f->tally);
  f->disk_pages = MAX (f->disk_pages, pgno);
  /* This handle holds the write lock: what it remembered still holds, and
   * page 1's new trailer is the one to expect from now on. */
  trailer_remember (f, pgno, f->scratch + ps - CARE_VAULT_RESERVE_BYTES);
  if (pgno == 1)
    {
      memcpy (f->page1, buf, ps);
      memset (f->page1 + ps - CARE_VAULT_RESERVE_BYTES, 0, CARE_VAULT_RESERVE_BYTES);
      f->page1_known = TRUE;
    }
  f->dirty = TRUE;
  return SQLITE_OK;
}

static int
database_truncate (CareFile *f, sqlite3_int64 size)
{
  guint8 trailer[CARE_VAULT_RESERVE_BYTES];
  guint64 pages;
  int rc;

  if (size % f->page_size != 0)
    return SQLITE_IOERR_TRUNCATE;

  rc = begin_session (f);
  if (rc == SQLITE_OK)
    rc = count_pages (f, &pages);
  for (guint64 i = size / f->page_size; rc == SQLITE_OK && i < pages; i++)
    {
      rc = read_trailer (f, i, trailer);
      if (rc == SQLITE_OK)
        care_vault_tally_toggle (f->keys, i + 1, trailer, f->tally);
    }
  if (rc != SQLITE_OK)
    return rc;

  f->dirty = TRUE;
  rc = f->real->pMethods->xTruncate (f->real, CARE_VAULT_DATA_OFFSET + size);
  if (rc != SQLITE_OK || size == 0)
    trailers_forget (f);
  else if (f->trailer_known != NULL && size / f->page_size < f->trailers_len)
    memset (f->trailer_known + size / f->page_size, 0, f->trailers_len - size / f->page_size);
  f->disk_pages = MIN (f->disk_pages, (guint64) (size / f->page_size));
  return rc;
}

/* --- the rollback journal --- */

static int
journal_page_number (CareFile *f, sqlite3_int64 offset, guint32 *pgno)
{
  guint8 number[4];
  int rc = real_read (f, number, sizeof number, offset - 4);

  if (rc != SQLITE_OK)
    return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : rc;
  *pgno = read_be32 (number);
  return SQLITE_OK;
}

static int
journal_read (CareFile *f, void *buf, int amount, sqlite3_int64 offset)
{
  guint32 pgno;
  int rc;

  /* A page image: [page number][image][checksum]. */
  if ((guint32) amount == f->page_size && offset >= 4)
    {
      rc = journal_page_number (f, offset, &pgno);
      if (rc == SQLITE_OK)
        rc = real_read (f, f->scratch, amount, offset);
      if (rc == SQLITE_IOERR_SHORT_READ)
        {
          /* A record cut off by a crash: SQLite stops its playback there. */
          memset (buf, 0, amount);
          return rc;
        }
      if (rc != SQLITE_OK)
        return rc;
      if (!care_vault_unseal_page (f->keys, f->page_size, pgno, CARE_SEAL_JOURNAL, f->scratch))
        {
          sqlite3_log (SQLITE_IOERR_DATA, "care-vault: a journal record fails authentication");
          return SQLITE_IOERR_DATA;
        }
      memcpy (buf, f->scratch, amount);
      f->main->rescan = TRUE;
      return SQLITE_OK;
    }

  rc = real_read (f, buf, amount, offset);

  /* SQLite reads a journal header's magic before anything else in it: the
   * moment to check that the header is ours and of this commit sequence. */
  if (rc == SQLITE_OK && amount == 8 && offset % SECTOR_SIZE == 0 &&
      memcmp (buf, sqlite_journal_magic, sizeof sqlite_journal_magic) == 0)
    {
      guint8 header[SECTOR_SIZE];
      guint64 sequence;

      rc = real_read (f, header, sizeof header, offset);
      if (rc == SQLITE_OK)
        rc = begin_session (f->main);
      if (rc != SQLITE_OK)
        return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : rc;

      if (!care_vault_journal_record_verify (f->keys, header, offset,
                                             header + CARE_JOURNAL_RECORD_OFFSET, &sequence) ||
          (sequence != f->main->state.sequence && sequence + 1 != f->main->state.sequence))
        {
          sqlite3_log (SQLITE_IOERR_DATA, "care-vault: the journal does not belong to this vault's last commit");
          return SQLITE_IOERR_DATA;
        }
    }

  return rc;
}

static int
journal_write (CareFile *f, const void *buf, int amount, sqlite3_int64 offset)
{
  gboolean pgno_known = f->pgno_known && f->pgno_offset == offset - 4;
  guint32 pgno;
  int rc;

  f->pgno_known = FALSE;

  if ((guint32) amount == f->page_size && offset >= 4)
    {
      /* SQLite writes a record's page number just before its image. */
      if (pgno_known)
        pgno = f->pgno_value;
      else
        {
          rc = journal_page_number (f, offset, &pgno);
          if (rc != SQLITE_OK)
            return rc;
        }
      memcpy (f->scratch, buf, amount);
      care_vault_seal_page (f->keys, f->page_size, pgno, CARE_SEAL_JOURNAL, &f->nonces, f->scratch);
      return real_write (f, f->scratch, amount, offset);
    }

  if (amount == SECTOR_SIZE && offset % SECTOR_SIZE == 0)
    {
      guint8 header[SECTOR_SIZE];
      const guint8 *in = buf;

      /* SQLite leaves everything after its 28 bytes of header zero; the
       * record goes there. Anything else is not a journal header. */
      if (!sodium_is_zero (in + 28, SECTOR_SIZE - 28))
        {
          sqlite3_log (SQLITE_IOERR_WRITE, "care-vault: unexpected journal header layout");
          return SQLITE_IOERR_WRITE;
        }
      rc = begin_session (f->main);
      if (rc != SQLITE_OK)
        return rc;
      memcpy (header, in, sizeof header);
      care_vault_journal_record_make (f->keys, header, offset, f->main->state.sequence,
                                      header + CARE_JOURNAL_RECORD_OFFSET);
      return real_write (f, header, sizeof header, offset);
    }

  rc = real_write (f, buf, amount, offset);
  if (rc == SQLITE_OK && amount == 4)
    {
      f->pgno_known = TRUE;
      f->pgno_offset = offset;
      f->pgno_value = read_be32 (buf);
    }
  return rc;
}

/* --- io methods --- */

static int
care_close (sqlite3_file *file)
{
  CareFile *f = (CareFile *) file;
  int rc = f->real->pMethods->xClose (f->real);

  g_clear_pointer (&f->scratch, sodium_free);
  g_clear_pointer (&f->page1, sodium_free);
  g_clear_pointer (&f->trailers, g_free);
  g_clear_pointer (&f->trailer_known, g_free);
  g_clear_pointer (&f->keys, care_vault_keys_unref);
  return rc;
}

static int
care_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  CareFile *f = (CareFile *) file;

  if (f->kind == SQLITE_OPEN_MAIN_DB)
    return database_read (f, buf, amount, offset);
  return journal_read (f, buf, amount, offset);
}

static int
care_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  CareFile *f = (CareFile *) file;

  if (f->kind == SQLITE_OPEN_MAIN_DB)
    return database_write (f, buf, amount, offset);
  return journal_write (f, buf, amount, offset);
}

static int
care_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  CareFile *f = (CareFile *) file;

  if (f->kind == SQLITE_OPEN_MAIN_DB)
    return database_truncate (f, size);
  f->pgno_known = FALSE;
  return f->real->pMethods->xTruncate (f->real, size);
}

static int
care_sync (sqlite3_file *file, int flags)
{
  CareFile *f = (CareFile *) file;

  if (f->kind == SQLITE_OPEN_MAIN_DB && f->dirty)
    {
      int rc = flush_state (f);
      if (rc != SQLITE_OK)
        return rc;
    }
  return f->real->pMethods->xSync (f->real, flags);
}

static int
care_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  CareFile *f = (CareFile *) file;
  int rc = real_size (f, size);

  if (rc == SQLITE_OK && f->kind == SQLITE_OPEN_MAIN_DB)
    *size = MAX (*size - CARE_VAULT_DATA_OFFSET, 0);
  return rc;
}

static int
care_lock (sqlite3_file *file, int level)
{
  CareFile *f = (CareFile *) file;
  int rc = f->real->pMethods->xLock (f->real, level);

  if (rc == SQLITE_OK)
    f->lock = level;
  return rc;
}

static int
care_unlock (sqlite3_file *file, int level)
{
  CareFile *f = (CareFile *) file;

  if (f->kind == SQLITE_OPEN_MAIN_DB && level <= SQLITE_LOCK_SHARED)
    {
      /* A rollback that rewrote pages without a sync still has to leave a
       * record that matches the disk before others may write. */
      if (f->dirty)
        {
          int rc = flush_state (f);
          if (rc == SQLITE_OK)
            rc = f->real->pMethods->xSync (f->real, SQLITE_SYNC_FULL);
          if (rc != SQLITE_OK)
            return rc;
        }
      f->in_session = FALSE;
    }

  f->lock = level;
  return f->real->pMethods->xUnlock (f->real, level);
}

static int
care_check_reserved_lock (sqlite3_file *file, int *out)
{
  CareFile *f = (CareFile *) file;

  return f->real->pMethods->xCheckReservedLock (f->real, out);
}

static gboolean
pragma_value_is (const char *value, const char *const *allowed)
{
  for (; *allowed != NULL; allowed++)
    if (g_ascii_strcasecmp (value, *allowed) == 0)
      return TRUE;
  return FALSE;
}

/* Settings that would make SQLite write something the VFS cannot seal, or
 * break the layout of sealed pages, are refused with a reason. */
static int
filter_pragma (CareFile *f, char **args)
{
  const char *name = args[1];
  const char *value = args[2];
  static const char *const journal_modes[] = { "delete", "truncate", NULL };
  static const char *const temp_stores[] = { "memory", "2", NULL };

  if (value == NULL)
    return SQLITE_NOTFOUND;

  if (g_ascii_strcasecmp (name, "page_size") == 0 &&
      g_ascii_strtoull (value, NULL, 10) != f->page_size)
    {
      args[0] = sqlite3_mprintf ("the page size of a CARE vault is fixed when it is created");
      return SQLITE_ERROR;
    }
  if (g_ascii_strcasecmp (name, "journal_mode") == 0 && !pragma_value_is (value, journal_modes))
    {
      args[0] = sqlite3_mprintf ("a CARE vault keeps a rollback journal (DELETE or TRUNCATE)");
      return SQLITE_ERROR;
    }
  if (g_ascii_strcasecmp (name, "temp_store") == 0 && !pragma_value_is (value, temp_stores))
    {
      args[0] = sqlite3_mprintf ("a CARE vault keeps temporary data in memory only");
      return SQLITE_ERROR;
    }
  return SQLITE_NOTFOUND;
}

static int
care_file_control (sqlite3_file *file, int op, void *arg)
{
  CareFile *f = (CareFile *) file;
  int rc;

  switch (op)
    {
    case SQLITE_FCNTL_PRAGMA:
      rc = filter_pragma (f, arg);
      if (rc != SQLITE_NOTFOUND)
        return rc;
      break;

    case SQLITE_FCNTL_SIZE_HINT:
      if (f->kind == SQLITE_OPEN_MAIN_DB)
        {
          sqlite3_int64 hint = *(sqlite3_int64 *) arg + CARE_VAULT_DATA_OFFSET;
          return f->real->pMethods->xFileControl (f->real, op, &hint);
        }
      break;

    case SQLITE_FCNTL_VFSNAME:
      rc = f->real->pMethods->xFileControl (f->real, op, arg);
      if (rc == SQLITE_OK)
        *(char **) arg = sqlite3_mprintf ("%s/%z", CARE_VAULT_VFS_NAME, *(char **) arg);
      return rc;

    default:
      break;
    }

  return f->real->pMethods->xFileControl (f->real, op, arg);
}

static int
care_sector_size (sqlite3_file *file)
{
  /* Fixed, so that journal headers are one sector and never look like a
   * page image. */
  return SECTOR_SIZE;
}

static int
care_device_characteristics (sqlite3_file *file)
{
  /* No atomic-write or sub-page-read promises: every write is a whole
   * sealed page, every read opens whole pages. */
  return SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

/* Version 1: no shared memory (so no WAL) and no memory-mapped reads, which
 * would hand SQLite the sealed bytes. */
static const sqlite3_io_methods care_io_methods = {
  .iVersion = 1,
  .xClose = care_close,
  .xRead = care_read,
  .xWrite = care_write,
  .xTruncate = care_truncate,
  .xSync = care_sync,
  .xFileSize = care_file_size,
  .xLock = care_lock,
  .xUnlock = care_unlock,
  .xCheckReservedLock = care_check_reserved_lock,
  .xFileControl = care_file_control,
  .xSectorSize = care_sector_size,
  .xDeviceCharacteristics = care_device_characteristics,
};

/* --- opening files --- */

static CareVaultKeys *
unlock_with_environment (CareFile *f, guint32 *page_size)
{
  guint8 head[CARE_VAULT_DATA_OFFSET];
  CareVaultHeader header;
  CareHeaderCondition condition;
  g_autoptr(GError) error = NULL;
  const char *passphrase = g_getenv ("CARE_VAULT_PASSPHRASE");
  CareVaultKeys *keys;

  if (passphrase == NULL)
    {
      sqlite3_log (SQLITE_AUTH, "care-vault: set CARE_VAULT_PASSPHRASE to open a vault");
      return NULL;
    }
  if (real_read (f, head, sizeof head, 0) != SQLITE_OK ||
      !care_vault_header_parse (head, sizeof head, &header, &condition, &error))
    {
      sqlite3_log (SQLITE_NOTADB, "care-vault: %s", error ? error->message : "not a vault");
      return NULL;
    }

  keys = care_vault_header_unlock (&header, CARE_SLOT_PASSPHRASE, g_getenv ("CARE_VAULT_USER"),
                                   passphrase, NULL, &error);
  if (keys == NULL)
    {
      sqlite3_log (SQLITE_AUTH, "care-vault: %s", error->message);
      return NULL;
    }
  *page_size = header.page_size;
  return keys;
}

static int
care_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  CareFile *f = (CareFile *) file;
  int kind = flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_TEMP_DB |
                      SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_TRANSIENT_DB |
                      SQLITE_OPEN_SUBJOURNAL | SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL);
  CareVaultKeys *keys = NULL;
  guint32 page_size = 0;
  CareFile *main_file = NULL;
  int rc;

  memset (f, 0, CARE_FILE_SIZE);
  f->real = (sqlite3_file *) ((char *) f + CARE_FILE_SIZE);

  if (name == NULL || (kind != SQLITE_OPEN_MAIN_DB && kind != SQLITE_OPEN_MAIN_JOURNAL))
    {
      sqlite3_log (SQLITE_CANTOPEN, "care-vault: refusing a file that could not be sealed "
                   "(temporary file, statement journal or WAL)");
      return SQLITE_CANTOPEN;
    }

  if (kind == SQLITE_OPEN_MAIN_JOURNAL)
    {
      main_file = (CareFile *) sqlite3_database_file_object (name);
      if (main_file == NULL || main_file->base.pMethods != &care_io_methods)
        return SQLITE_CANTOPEN;
      keys = care_vault_keys_ref (main_file->keys);
      page_size = main_file->page_size;
    }
  else if (!registry_lookup (name, &keys, &page_size) && !unlock_from_env)
    {
      sqlite3_log (SQLITE_CANTOPEN, "care-vault: the vault is locked");
      return SQLITE_CANTOPEN;
    }

  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&keys, care_vault_keys_unref);
      return rc;
    }

  f->kind = kind;
  f->main = main_file;

  if (keys == NULL)
    keys = unlock_with_environment (f, &page_size);
  if (keys == NULL)
    {
      f->real->pMethods->xClose (f->real);
      return SQLITE_AUTH;
    }

  f->keys = keys;
  f->page_size = page_size;
  f->scratch = sodium_malloc (page_size);
  care_nonce_source_init (&f->nonces);
  f->base.pMethods = &care_io_methods;

  if (kind == SQLITE_OPEN_MAIN_DB)
    {
      sqlite3_int64 size;

      f->page1 = sodium_malloc (page_size);
      if (f->page1 == NULL)
        {
          care_close (file);
          f->base.pMethods = NULL;
          return SQLITE_NOMEM;
        }

      /* A vault always has its header: SQLite must never create one. */
      if (real_size (f, &size) != SQLITE_OK || size < CARE_VAULT_DATA_OFFSET)
        {
          care_close (file);
          f->base.pMethods = NULL;
          return SQLITE_NOTADB;
        }
    }

  return SQLITE_OK;
}

/* --- the rest of the VFS passes through --- */

static int
care_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
care_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
care_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
care_dl_open (sqlite3_vfs *vfs, const char *path)
{
  return real_vfs->xDlOpen (real_vfs, path);
}

static void
care_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*care_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
care_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
care_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
care_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
care_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
care_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
care_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

int
care_vault_vfs_register (gboolean unlock_from_environment)
{
  static gsize initialised = 0;
  static int result = SQLITE_OK;

  if (g_once_init_enter (&initialised))
    {
      if (sodium_init () < 0)
        result = SQLITE_ERROR;

      real_vfs = sqlite3_vfs_find (NULL);
      if (real_vfs == NULL || real_vfs->iVersion < 2)
        result = SQLITE_ERROR;

      if (result == SQLITE_OK)
        {
          registry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, registry_entry_free);
          unlock_from_env = unlock_from_environment;

          care_vfs = (sqlite3_vfs) {
            .iVersion = 2,
            .szOsFile = CARE_FILE_SIZE + real_vfs->szOsFile,
            .mxPathname = real_vfs->mxPathname,
            .zName = CARE_VAULT_VFS_NAME,
            .pAppData = real_vfs,
            .xOpen = care_open,
            .xDelete = care_delete,
            .xAccess = care_access,
            .xFullPathname = care_full_pathname,
            .xDlOpen = care_dl_open,
            .xDlError = care_dl_error,
            .xDlSym = care_dl_sym,
            .xDlClose = care_dl_close,
            .xRandomness = care_randomness,
            .xSleep = care_sleep,
            .xCurrentTime = care_current_time,
            .xGetLastError = care_get_last_error,
            .xCurrentTimeInt64 = care_current_time_int64,
          };
          result = sqlite3_vfs_register (&care_vfs, 0);
        }

      g_once_init_leave (&initialised, 1);
    }

  return result;
}
