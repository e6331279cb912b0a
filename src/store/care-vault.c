/* care-vault.c — an encrypted vault: unlock, lock, key slots, check, backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "care-schema.h"
#include "care-store-sql.h"
#include "care-vault-io.h"
#include "care-vault-private.h"
#include "care-vault-seal.h"
#include "care-vault-vfs.h"

/* Large enough for the working set of a large programme (100,000 cases
 * make an 84 MiB file, of which searches and lists touch a small part):
 * pages in the cache cost no decryption after the first read. */
#define CACHE_SIZE_KIB 65536
#define BUSY_TIMEOUT_MS 5000
#define RECOVERY_SLOT_NAME "recovery"

struct _CareVault
{
  GObject          parent_instance;

  char            *path;
  char            *full_path;
  char            *user;
  int              fd;          /* kept open while SQLite is: closing any
                                 * descriptor of the file drops its locks */
  CareVaultHeader  header;
  CareVaultKeys   *keys;
  sqlite3         *db;
};

G_DEFINE_FINAL_TYPE (CareVault, care_vault, G_TYPE_OBJECT)

void
care_vault_slot_info_free (CareVaultSlotInfo *info)
{
  g_free (info->name);
  g_free (info);
}

CareKdfCost
care_vault_slot_info_get_cost (const CareVaultSlotInfo *info)
{
  if (info == NULL)
    return CARE_KDF_COST_MODERATE;
  for (CareKdfCost cost = CARE_KDF_COST_INTERACTIVE; cost < CARE_KDF_COST_SENSITIVE; cost++)
    {
      guint64 opslimit, memlimit;

      care_kdf_cost_get_limits (cost, &opslimit, &memlimit);
      if (info->opslimit <= opslimit && info->memlimit <= memlimit)
        return cost;
    }
  return CARE_KDF_COST_SENSITIVE;
}

char *
care_vault_get_default_path (void)
{
  const char *env = g_getenv ("CARE_VAULT");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "care", "default.care", NULL);
}

gboolean
care_vault_validate_passphrase (const char  *passphrase,
                                GError     **error)
{
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("The passphrase is not valid text."));
      return FALSE;
    }
  if (g_utf8_strlen (passphrase, -1) < CARE_VAULT_MIN_PASSPHRASE_LENGTH)
    {
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The passphrase is too short: use at least %d character.",
                                "The passphrase is too short: use at least %d characters.",
                                CARE_VAULT_MIN_PASSPHRASE_LENGTH),
                   CARE_VAULT_MIN_PASSPHRASE_LENGTH);
      return FALSE;
    }
  if (strlen (passphrase) > 1024)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("The passphrase is too long: use at most 1024 bytes."));
      return FALSE;
    }
  return TRUE;
}

gboolean
care_vault_validate_slot_name (const char  *name,
                               GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("Give the name of the person who will use this passphrase."));
      return FALSE;
    }
  if (strlen (name) > CARE_VAULT_SLOT_NAME_MAX)
    {
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                   _("The name is too long: use at most %d bytes."), CARE_VAULT_SLOT_NAME_MAX);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                             _("The name cannot contain control characters."));
        return FALSE;
      }
  stripped = g_strstrip (g_strdup (name));
  if (!g_str_equal (stripped, name))
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("The name cannot begin or end with a space."));
      return FALSE;
    }
  if (g_str_equal (name, RECOVERY_SLOT_NAME))
    {
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                   _("“%s” is the name of the recovery key; choose another name."),
                   RECOVERY_SLOT_NAME);
      return FALSE;
    }
  return TRUE;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOENT)
    /* Translators: %s is a file name. */
    g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                 _("There is no vault at %s."), display);
  else if (saved_errno == EEXIST)
    g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_EXISTS,
                 _("%s already exists: CARE will not overwrite it."), display);
  else
    /* Translators: the first %s is a file name, the second the system's reason. */
    g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_IO,
                 _("Could not open %s: %s"), display, g_strerror (saved_errno));
}

static void
care_vault_finalize (GObject *object)
{
  CareVault *self = CARE_VAULT (object);

  care_vault_lock (self);
  g_free (self->path);
  g_free (self->full_path);
  g_free (self->user);

  G_OBJECT_CLASS (care_vault_parent_class)->finalize (object);
}

static void
care_vault_class_init (CareVaultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = care_vault_finalize;
}

/* Before any key is derived or any guarded memory allocated; cheap and
 * idempotent. */
static void
ensure_sodium (void)
{
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
}

static void
care_vault_init (CareVault *self)
{
  self->fd = -1;
}

/* Everything that holds or leads to plaintext goes: the connection and its
 * page cache, the keys (wiped by sodium_free), the header copy. */
void
care_vault_lock (CareVault *self)
{
  g_return_if_fail (CARE_IS_VAULT (self));

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  if (self->full_path != NULL)
    care_vault_vfs_remove_keys (self->full_path);
  g_clear_pointer (&self->keys, care_vault_keys_unref);
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  sodium_memzero (&self->header, sizeof self->header);
}

gboolean
care_vault_is_locked (CareVault *self)
{
  g_return_val_if_fail (CARE_IS_VAULT (self), TRUE);

  return self->keys == NULL;
}

const char *
care_vault_get_path (CareVault *self)
{
  g_return_val_if_fail (CARE_IS_VAULT (self), NULL);

  return self->path;
}

const char *
care_vault_get_user (CareVault *self)
{
  g_return_val_if_fail (CARE_IS_VAULT (self), NULL);

  return self->user;
}

sqlite3 *
care_vault_get_db (CareVault *self)
{
  g_return_val_if_fail (CARE_IS_VAULT (self), NULL);

  return self->db;
}

int
care_vault_get_schema_version (CareVault *self)
{
  g_return_val_if_fail (CARE_IS_VAULT (self), -1);
  g_return_val_if_fail (self->db != NULL, -1);

  return care_schema_get_version (self->db, NULL);
}

static gboolean
ensure_unlocked (CareVault  *self,
                 GError    **error)
{
  if (self->keys != NULL)
    return TRUE;

  g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_LOCKED,
                       _("The vault is locked. Unlock it again to go on."));
  return FALSE;
}

static gboolean
hot_journal_present (const char *full_path)
{
  g_autofree char *journal = g_strconcat (full_path, "-journal", NULL);
  GStatBuf st;

  return g_stat (journal, &st) == 0 && st.st_size > 0;
}

static void
set_pages_tampered (GError **error)
{
  g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                       _("The vault has been tampered with or is damaged: pages were "
                         "replaced, removed or added. Restore it from a backup."));
}

/* Recomputes the tally of every page from the file and compares it with the
 * authenticated record: a page swapped for an older sealed copy of itself,
 * or a file cut short by whole pages, shows here, where per-page
 * authentication alone would accept it. */
static gboolean
verify_page_set (CareVault  *self,
                 gboolean    cut_off_commit,
                 GError    **error)
{
  guint32 ps = self->header.page_size;
  guint8 tally[CARE_VAULT_TALLY_BYTES] = { 0 };
  guint8 trailer[CARE_VAULT_RESERVE_BYTES];
  CareVaultState state;
  CareStateCondition condition;
  struct stat st;
  guint64 pages;

  if (!care_vault_state_read (self->fd, self->keys, &state, &condition, error))
    return FALSE;

  /* Only a commit cut off part-way leaves one record torn. */
  if (condition != CARE_STATE_BOTH_VALID && !cut_off_commit)
    {
      set_pages_tampered (error);
      return FALSE;
    }

  if (fstat (self->fd, &st) != 0)
    {
      set_errno_error (error, errno, self->path);
      return FALSE;
    }
  if (st.st_size < CARE_VAULT_DATA_OFFSET || (st.st_size - CARE_VAULT_DATA_OFFSET) % ps != 0)
    {
      set_pages_tampered (error);
      return FALSE;
    }

  pages = (st.st_size - CARE_VAULT_DATA_OFFSET) / ps;
  for (guint64 i = 0; i < pages; i++)
    {
      gssize n = care_vault_pread_full (self->fd, trailer, sizeof trailer,
                                        CARE_VAULT_DATA_OFFSET + (i + 1) * ps - sizeof trailer,
                                        error);
      if (n != sizeof trailer)
        return FALSE;
      care_vault_tally_toggle (self->keys, i + 1, trailer, tally);
    }

  if (pages != state.page_count || sodium_memcmp (tally, state.tally, sizeof tally) != 0)
    {
      set_pages_tampered (error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_pragmas (sqlite3  *db,
               GError  **error)
{
  g_autofree char *cache = g_strdup_printf ("PRAGMA cache_size = -%d", CACHE_SIZE_KIB);

  /* temp_store first: nothing may spill to an unsealed file. */
  return care_sql_exec (db, "PRAGMA temp_store = MEMORY", error) &&
         care_sql_exec (db, "PRAGMA mmap_size = 0", error) &&
         care_sql_exec (db, "PRAGMA secure_delete = ON", error) &&
         care_sql_exec (db, "PRAGMA journal_mode = DELETE", error) &&
         care_sql_exec (db, "PRAGMA synchronous = FULL", error) &&
         care_sql_exec (db, "PRAGMA foreign_keys = ON", error) &&
         care_sql_exec (db, "PRAGMA trusted_schema = OFF", error) &&
         care_sql_exec (db, cache, error);
}

/* Opens SQLite over the unlocked file, checks that the page set is the one
 * last committed, and brings the schema to TARGET_VERSION. */
static gboolean
connect_database (CareVault  *self,
                  int         target_version,
                  GError    **error)
{
  gboolean cut_off_commit;
  gboolean empty;
  struct stat st;
  int rc;

  if (care_vault_vfs_register (FALSE) != SQLITE_OK)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_IO,
                           _("Could not set up the vault's encryption layer."));
      return FALSE;
    }

  self->full_path = care_vault_vfs_full_path (self->path);
  cut_off_commit = hot_journal_present (self->full_path);
  care_vault_vfs_add_keys (self->full_path, self->keys, self->header.page_size);

  rc = sqlite3_open_v2 (self->full_path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, CARE_VAULT_VFS_NAME);
  if (rc != SQLITE_OK)
    {
      care_sql_set_error (self->db, error);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* SQLite must leave room for the nonce and tag in every page from the
   * very first one it writes. */
  empty = fstat (self->fd, &st) == 0 && st.st_size == CARE_VAULT_DATA_OFFSET;
  if (empty)
    {
      int reserve = CARE_VAULT_RESERVE_BYTES;
      g_autofree char *page_size = g_strdup_printf ("PRAGMA page_size = %u", self->header.page_size);

      if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) != SQLITE_OK ||
          !care_sql_exec (self->db, page_size, error))
        {
          if (error != NULL && *error == NULL)
            care_sql_set_error (self->db, error);
          return FALSE;
        }
    }

  if (!apply_pragmas (self->db, error))
    return FALSE;

  /* The first read plays back a journal left by a crash, if any; the read
   * transaction then keeps writers out while the page set is checked. */
  if (!care_sql_exec (self->db, "BEGIN; SELECT count(*) FROM sqlite_schema", error))
    return FALSE;
  if (!verify_page_set (self, cut_off_commit, error))
    {
      care_sql_exec (self->db, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!care_sql_exec (self->db, "COMMIT", error))
    return FALSE;

  return care_schema_migrate (self->db, target_version, error);
}

static CareVault *
vault_new (const char            *path,
           int                    fd,
           const CareVaultHeader *header,
           CareVaultKeys         *keys,
           const char            *user)
{
  CareVault *self = g_object_new (CARE_TYPE_VAULT, NULL);

  self->path = g_strdup (path);
  self->fd = fd;
  self->header = *header;
  self->keys = care_vault_keys_ref (keys);
  self->user = g_strdup (user);
  return self;
}

static int
open_vault_file (const char  *path,
                 GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  if (fd < 0)
    set_errno_error (error, errno, path);
  return fd;
}

static CareVault *
open_with_secret (const char    *path,
                  CareSlotKind   kind,
                  const char    *user,
                  const char    *secret,
                  GError       **error)
{
  g_autoptr(CareVaultKeys) keys = NULL;
  g_autoptr(CareVault) self = NULL;
  CareVaultHeader header;
  CareHeaderCondition condition;
  int slot = -1;
  int fd;

  ensure_sodium ();

  fd = open_vault_file (path, error);
  if (fd < 0)
    return NULL;

  if (!care_vault_header_read (fd, &header, &condition, error))
    {
      close (fd);
      return NULL;
    }

  keys = care_vault_header_unlock (&header, kind, user, secret, &slot, error);
  if (keys == NULL)
    {
      close (fd);
      return NULL;
    }

  self = vault_new (path, fd, &header, keys, header.slots[slot].name);

  /* Finishing a header update that was cut off is the first write after a
   * successful unlock; a failed unlock has left the file untouched. */
  if (condition == CARE_HEADER_UPDATE_PENDING &&
      !care_vault_header_finish_pending (fd, &self->header, keys, error))
    return NULL;

  if (!connect_database (self, care_schema_get_latest_version (), error))
    return NULL;

  return g_steal_pointer (&self);
}

CareVault *
care_vault_open (const char  *path,
                 const char  *user,
                 const char  *passphrase,
                 GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  return open_with_secret (path, CARE_SLOT_PASSPHRASE, user, passphrase, error);
}

CareVault *
care_vault_open_with_recovery_key (const char  *path,
                                   const char  *recovery_key,
                                   GError     **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (recovery_key != NULL, NULL);

  canonical = care_recovery_key_normalize (recovery_key);
  if (canonical == NULL)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE,
                           _("This is not a recovery key: it has 32 letters and digits, "
                             "in 8 groups of 4."));
      return NULL;
    }
  return open_with_secret (path, CARE_SLOT_RECOVERY, NULL, canonical, error);
}

/* The names of the people who can open the vault at PATH, read from its
 * plaintext header without unlocking it: the unlock page offers them. */
GStrv
care_vault_peek_users (const char  *path,
                       GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  CareVaultHeader header;
  CareHeaderCondition condition;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  ok = care_vault_header_read (fd, &header, &condition, error);
  close (fd);
  if (!ok)
    return NULL;

  for (int i = 0; i < CARE_VAULT_MAX_SLOTS; i++)
    if (header.slots[i].kind == CARE_SLOT_PASSPHRASE)
      g_strv_builder_add (names, header.slots[i].name);
  return g_strv_builder_end (names);
}

static gboolean
write_initial_state (int             fd,
                     CareVaultKeys  *keys,
                     GError        **error)
{
  guint8 zeros[CARE_VAULT_REGION_SIZE] = { 0 };
  CareVaultState state = { 0 };

  /* Both records, so that the file at rest has two valid ones. */
  return care_vault_pwrite_full (fd, zeros, sizeof zeros, CARE_VAULT_STATE_OFFSET, error) &&
         care_vault_state_write (fd, keys, &state, error) &&
         care_vault_state_write (fd, keys, &state, error) &&
         care_vault_fsync (fd, error);
}

CareVault *
care_vault_create_at_schema_version (const char  *path,
                                     const char  *user,
                                     const char  *passphrase,
                                     CareKdfCost  cost,
                                     int          version,
                                     char       **recovery_key,
                                     GError     **error)
{
  g_autoptr(CareVaultKeys) keys = NULL;
  g_autoptr(CareVault) self = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *directory = NULL;
  CareVaultHeader header;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  ensure_sodium ();
  if (!care_vault_validate_slot_name (user, error) ||
      !care_vault_validate_passphrase (passphrase, error))
    return NULL;

  directory = g_path_get_dirname (path);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      set_errno_error (error, errno, directory);
      return NULL;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  keys = care_vault_keys_new_random ();
  care_vault_header_init (&header, CARE_VAULT_DEFAULT_PAGE_SIZE);
  recovery = care_recovery_key_generate ();
  canonical = care_recovery_key_normalize (recovery);

  if (!care_vault_slot_fill (&header, &header.slots[0], CARE_SLOT_PASSPHRASE, user, passphrase,
                             cost, keys, error) ||
      /* The recovery key has 160 random bits: the cheapest cost is plenty. */
      !care_vault_slot_fill (&header, &header.slots[1], CARE_SLOT_RECOVERY, RECOVERY_SLOT_NAME,
                             canonical, CARE_KDF_COST_INTERACTIVE, keys, error) ||
      !write_initial_state (fd, keys, error) ||
      !care_vault_header_write (fd, &header, keys, error))
    {
      close (fd);
      g_unlink (path);
      return NULL;
    }

  self = vault_new (path, fd, &header, keys, user);
  if (!connect_database (self, version, error))
    {
      care_vault_lock (self);
      g_unlink (path);
      return NULL;
    }

  if (recovery_key != NULL)
    *recovery_key = g_steal_pointer (&recovery);
  return g_steal_pointer (&self);
}

CareVault *
care_vault_create (const char  *path,
                   const char  *user,
                   const char  *passphrase,
                   CareKdfCost  cost,
                   char       **recovery_key,
                   GError     **error)
{
  return care_vault_create_at_schema_version (path, user, passphrase, cost,
                                              care_schema_get_latest_version (),
                                              recovery_key, error);
}

/* Header updates from two programs at once must not interleave: each takes
 * an exclusive flock (separate from SQLite's fcntl locks), re-reads the
 * header, changes it and writes it. */
typedef gboolean (*HeaderChange) (CareVault        *self,
                                  CareVaultHeader  *header,
                                  gconstpointer     data,
                                  GError          **error);

static gboolean
update_header (CareVault     *self,
               HeaderChange   change,
               gconstpointer  data,
               GError       **error)
{
  CareVaultHeader header;
  CareHeaderCondition condition;
  gboolean ok = FALSE;

  if (!ensure_unlocked (self, error))
    return FALSE;

  while (flock (self->fd, LOCK_EX) != 0)
    if (errno != EINTR)
      {
        set_errno_error (error, errno, self->path);
        return FALSE;
      }

  if (care_vault_header_read (self->fd, &header, &condition, error))
    {
      if (!care_vault_header_verify_mac (&header, self->keys))
        g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                             _("The vault has been tampered with: its header was changed "
                               "after it was written. Restore it from a backup."));
      else if (change (self, &header, data, error) &&
               care_vault_header_write (self->fd, &header, self->keys, error))
        {
          self->header = header;
          ok = TRUE;
        }
    }

  flock (self->fd, LOCK_UN);
  sodium_memzero (&header, sizeof header);
  return ok;
}

typedef struct {
  const char  *name;
  const char  *passphrase;
  CareKdfCost  cost;
} SlotChange;

static gboolean
change_passphrase (CareVault        *self,
                   CareVaultHeader  *header,
                   gconstpointer     data,
                   GError          **error)
{
  const SlotChange *c = data;
  int index = care_vault_header_find_slot (header, c->name);

  if (index < 0 || header->slots[index].kind != CARE_SLOT_PASSPHRASE)
    {
      /* Translators: %s is the name of a person who may open the vault. */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                   _("No one called “%s” can open this vault."), c->name);
      return FALSE;
    }
  return care_vault_slot_fill (header, &header->slots[index], CARE_SLOT_PASSPHRASE, c->name,
                               c->passphrase, c->cost, self->keys, error);
}

gboolean
care_vault_set_passphrase (CareVault    *self,
                           const char   *name,
                           const char   *passphrase,
                           CareKdfCost   cost,
                           GError      **error)
{
  SlotChange change = { name, passphrase, cost };

  g_return_val_if_fail (CARE_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!care_vault_validate_passphrase (passphrase, error))
    return FALSE;
  return update_header (self, change_passphrase, &change, error);
}

static gboolean
add_slot (CareVault        *self,
          CareVaultHeader  *header,
          gconstpointer     data,
          GError          **error)
{
  const SlotChange *c = data;
  int index;

  if (care_vault_header_find_slot (header, c->name) >= 0)
    {
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_EXISTS,
                   _("“%s” can already open this vault."), c->name);
      return FALSE;
    }
  index = care_vault_header_free_slot (header);
  if (index < 0)
    {
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                   _("A vault has room for %d people; remove someone first."),
                   CARE_VAULT_MAX_SLOTS - 1);
      return FALSE;
    }
  return care_vault_slot_fill (header, &header->slots[index], CARE_SLOT_PASSPHRASE, c->name,
                               c->passphrase, c->cost, self->keys, error);
}

gboolean
care_vault_add_slot (CareVault    *self,
                     const char   *name,
                     const char   *passphrase,
                     CareKdfCost   cost,
                     GError      **error)
{
  SlotChange change = { name, passphrase, cost };

  g_return_val_if_fail (CARE_IS_VAULT (self), FALSE);

  if (!care_vault_validate_slot_name (name, error) ||
      !care_vault_validate_passphrase (passphrase, error))
    return FALSE;
  return update_header (self, add_slot, &change, error);
}

static gboolean
remove_slot (CareVault        *self,
             CareVaultHeader  *header,
             gconstpointer     data,
             GError          **error)
{
  const char *name = data;
  int index = care_vault_header_find_slot (header, name);

  if (index < 0 || header->slots[index].kind != CARE_SLOT_PASSPHRASE)
    {
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                   _("No one called “%s” can open this vault."), name);
      return FALSE;
    }
  if (care_vault_header_count_slots (header, CARE_SLOT_PASSPHRASE) == 1)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("This is the only person who can open the vault: add someone "
                             "else before removing them."));
      return FALSE;
    }
  memset (&header->slots[index], 0, sizeof header->slots[index]);
  return TRUE;
}

gboolean
care_vault_remove_slot (CareVault   *self,
                        const char  *name,
                        GError     **error)
{
  g_return_val_if_fail (CARE_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return update_header (self, remove_slot, name, error);
}

GPtrArray *
care_vault_list_slots (CareVault *self)
{
  GPtrArray *slots = g_ptr_array_new_with_free_func ((GDestroyNotify) care_vault_slot_info_free);

  g_return_val_if_fail (CARE_IS_VAULT (self), slots);

  for (int i = 0; i < CARE_VAULT_MAX_SLOTS; i++)
    {
      const CareVaultSlot *slot = &self->header.slots[i];
      CareVaultSlotInfo *info;

      if (slot->kind == CARE_SLOT_EMPTY)
        continue;
      info = g_new0 (CareVaultSlotInfo, 1);
      info->name = g_strdup (slot->name);
      info->kind = slot->kind;
      info->opslimit = slot->opslimit;
      info->memlimit = slot->memlimit;
      g_ptr_array_add (slots, info);
    }
  return slots;
}

static void
check_header (CareVault *self,
              GPtrArray *problems)
{
  g_autoptr(GError) error = NULL;
  CareVaultHeader header;
  CareHeaderCondition condition;

  if (!care_vault_header_read (self->fd, &header, &condition, &error))
    g_ptr_array_add (problems, g_strdup (error->message));
  else if (!care_vault_header_verify_mac (&header, self->keys))
    g_ptr_array_add (problems, g_strdup (_("The header's authentication code does not match: "
                                           "a field was changed.")));
  else if (condition != CARE_HEADER_CLEAN)
    g_ptr_array_add (problems, g_strdup (_("A header update was left unfinished.")));
  sodium_memzero (&header, sizeof header);
}

static void
check_pages (CareVault *self,
             GPtrArray *problems)
{
  guint32 ps = self->header.page_size;
  guint8 *page = sodium_malloc (ps);
  struct stat st;
  guint64 pages, bad = 0, first_bad = 0;

  if (fstat (self->fd, &st) != 0 || st.st_size < CARE_VAULT_DATA_OFFSET)
    {
      g_ptr_array_add (problems, g_strdup (_("The vault file is cut short.")));
      sodium_free (page);
      return;
    }
  if ((st.st_size - CARE_VAULT_DATA_OFFSET) % ps != 0)
    g_ptr_array_add (problems, g_strdup (_("The vault ends in the middle of a page.")));

  pages = (st.st_size - CARE_VAULT_DATA_OFFSET) / ps;
  for (guint64 i = 0; i < pages; i++)
    {
      gssize n = care_vault_pread_full (self->fd, page, ps, CARE_VAULT_DATA_OFFSET + i * ps, NULL);

      /* The page at SQLite's 1 GiB lock byte is never written: a hole. */
      if (n == ps && sodium_is_zero (page, ps))
        continue;
      if (n != ps || !care_vault_unseal_page (self->keys, ps, i + 1, CARE_SEAL_DATABASE, page))
        {
          if (bad++ == 0)
            first_bad = i + 1;
        }
    }
  sodium_free (page);

  if (bad > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, bad);
      g_autofree char *first = g_strdup_printf ("%" G_GUINT64_FORMAT, first_bad);

      g_ptr_array_add (problems,
                       /* Translators: %1$s is a number of pages, %2$s a page number. */
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%1$s page fails authentication (first: page %2$s).",
                                                     "%1$s pages fail authentication (first: page %2$s).",
                                                     bad),
                                        count, first));
    }
}

static void
check_database (CareVault *self,
                GPtrArray *problems)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(20)", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_ptr_array_add (problems, g_strdup (_("SQLite's integrity check could not run.")));
      return;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        /* Translators: %s is a line of SQLite's integrity report (in English). */
        g_ptr_array_add (problems, g_strdup_printf (_("SQLite integrity check: %s"), line));
    }
  if (rc != SQLITE_DONE)
    g_ptr_array_add (problems, g_strdup (_("SQLite's integrity check could not read every page.")));
  sqlite3_finalize (stmt);
}

/* Runs every check and lists what is wrong in PROBLEMS (empty when the
 * vault is sound). Returns FALSE only when the checks could not run. */
gboolean
care_vault_check (CareVault  *self,
                  GPtrArray **problems,
                  GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CARE_IS_VAULT (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!ensure_unlocked (self, error))
    return FALSE;

  if (!care_sql_exec (self->db, "BEGIN; SELECT count(*) FROM sqlite_schema", error))
    return FALSE;

  check_header (self, found);
  check_pages (self, found);
  if (!verify_page_set (self, FALSE, &local_error))
    g_ptr_array_add (found, g_strdup (local_error->message));
  check_database (self, found);

  care_sql_exec (self->db, "COMMIT", NULL);

  *problems = g_steal_pointer (&found);
  return TRUE;
}

static gboolean
copy_file_contents (int          from,
                    int          to,
                    const char  *to_path,
                    GError     **error)
{
  g_autofree guint8 *buffer = g_malloc (1 << 20);
  goffset offset = 0;

  for (;;)
    {
      gssize n = care_vault_pread_full (from, buffer, 1 << 20, offset, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (!care_vault_pwrite_full (to, buffer, n, offset, error))
        return FALSE;
      offset += n;
    }
  return care_vault_fsync (to, error);
}

static gboolean
sync_directory_of (const char  *path,
                   GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  int fd = g_open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    {
      set_errno_error (error, errno, directory);
      return FALSE;
    }
  ok = care_vault_fsync (fd, error);
  close (fd);
  return ok;
}

/* Copies FROM to a new file under a temporary name beside DESTINATION and
 * returns that name: the caller links it into place, so DESTINATION
 * appears whole or not at all. */
static char *
copy_beside (int          from,
             const char  *destination,
             GError     **error)
{
  g_autofree char *tmp = g_strconcat (destination, ".partial-XXXXXX", NULL);
  gboolean ok;
  int to;

  to = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (to < 0)
    {
      set_errno_error (error, errno, destination);
      return NULL;
    }

  ok = copy_file_contents (from, to, destination, error);
  close (to);
  if (!ok)
    {
      g_unlink (tmp);
      return NULL;
    }
  return g_steal_pointer (&tmp);
}

/* link() never replaces an existing file, unlike rename(). */
static gboolean
link_into_place (const char  *tmp,
                 const char  *destination,
                 GError     **error)
{
  gboolean ok = link (tmp, destination) == 0;

  if (!ok)
    set_errno_error (error, errno, destination);
  g_unlink (tmp);
  return ok && sync_directory_of (destination, error);
}

static gboolean
copy_into_place (int          from,
                 const char  *destination,
                 GError     **error)
{
  g_autofree char *tmp = copy_beside (from, destination, error);

  return tmp != NULL && link_into_place (tmp, destination, error);
}

static gboolean
backup_problems_to_error (GPtrArray  *problems,
                          GError    **error)
{
  g_autofree char *joined = NULL;

  if (problems->len == 0)
    return TRUE;

  g_ptr_array_add (problems, NULL);
  joined = g_strjoinv ("\n", (char **) problems->pdata);
  g_ptr_array_remove_index (problems, problems->len - 1);
  /* Translators: %s lists the problems found, one per line. */
  g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
               _("The backup failed verification:\n%s"), joined);
  return FALSE;
}

/* A sealed, consistent copy: the read transaction keeps writers from
 * committing while the file is copied, and the copy is then opened with
 * the same keys and checked like the vault itself. */
gboolean
care_vault_backup (CareVault   *self,
                   const char  *destination,
                   GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CareVault) copy = NULL;
  CareVaultHeader header;
  CareHeaderCondition condition;
  gboolean copied;
  int fd;

  g_return_val_if_fail (CARE_IS_VAULT (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (!ensure_unlocked (self, error))
    return FALSE;
  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      set_errno_error (error, EEXIST, destination);
      return FALSE;
    }

  if (!care_sql_exec (self->db, "BEGIN; SELECT count(*) FROM sqlite_schema", error))
    return FALSE;
  copied = copy_into_place (self->fd, destination, error);
  care_sql_exec (self->db, "COMMIT", NULL);
  if (!copied)
    return FALSE;

  fd = open_vault_file (destination, error);
  if (fd < 0)
    return FALSE;
  if (!care_vault_header_read (fd, &header, &condition, error))
    {
      close (fd);
      return FALSE;
    }
  copy = vault_new (destination, fd, &header, self->keys, self->user);
  if (!care_vault_header_verify_mac (&header, self->keys) ||
      !connect_database (copy, care_schema_get_version (self->db, NULL), error) ||
      !care_vault_check (copy, &problems, error))
    {
      if (error != NULL && *error == NULL)
        set_pages_tampered (error);
      return FALSE;
    }
  return backup_problems_to_error (problems, error);
}

gboolean
care_vault_restore (const char  *vault_path,
                    const char  *backup_path,
                    const char  *user,
                    const char  *passphrase,
                    char       **previous_path,
                    GError     **error)
{
  g_autoptr(CareVault) backup = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *previous = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (vault_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* Nothing is touched until the backup has opened and passed every check. */
  backup = care_vault_open (backup_path, user, passphrase, error);
  if (backup == NULL || !care_vault_check (backup, &problems, error) ||
      !backup_problems_to_error (problems, error))
    return FALSE;
  care_vault_lock (backup);

  /* The copy is made first: until it is whole, the vault stays as it was. */
  fd = open_vault_file (backup_path, error);
  if (fd < 0)
    return FALSE;
  tmp = copy_beside (fd, vault_path, error);
  close (fd);
  if (tmp == NULL)
    return FALSE;

  if (g_file_test (vault_path, G_FILE_TEST_EXISTS))
    {
      previous = g_strdup_printf ("%s.before-restore-%s", vault_path, stamp);
      if (g_rename (vault_path, previous) != 0)
        {
          set_errno_error (error, errno, vault_path);
          g_unlink (tmp);
          return FALSE;
        }
      journal = g_strconcat (vault_path, "-journal", NULL);
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *previous_journal = g_strconcat (previous, "-journal", NULL);
          g_rename (journal, previous_journal);
        }
    }

  ok = link_into_place (tmp, vault_path, error);
  if (!ok && previous != NULL)
    g_rename (previous, vault_path);

  if (ok && previous_path != NULL)
    *previous_path = g_steal_pointer (&previous);
  return ok;
}
