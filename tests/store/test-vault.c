/* test-vault.c — the vault keeps nothing in clear, refuses what is wrong
 * with the right error, and changes nothing when it refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/wait.h>

#include "care-schema.h"
#include "care-vault-header.h"
#include "vault-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  char      *recovery_key;
  char      *reference;   /* what the notes table held when set up */
  CareVault *vault;
} Fixture;

#define N_ROWS 300

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = vault_test_make_dir ();
  f->path = g_build_filename (f->dir, "test.care", NULL);
  f->vault = care_vault_create (f->path, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE,
                                &f->recovery_key, &error);
  g_assert_no_error (error);
  vault_test_insert_markers (f->vault, 0, N_ROWS);
  f->reference = vault_test_dump (f->vault, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->vault);
  vault_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->recovery_key);
  g_free (f->reference);
}

static void
close_vault (Fixture *f)
{
  g_clear_object (&f->vault);
}

static CareVault *
open_vault (const char *path,
            GError    **error)
{
  return care_vault_open (path, NULL, TEST_PASSPHRASE, error);
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_auto(GStrv) groups = g_strsplit (f->recovery_key, "-", -1);

  g_assert_cmpstr (care_vault_get_user (f->vault), ==, TEST_USER);
  g_assert_cmpint (care_vault_get_schema_version (f->vault), ==, care_schema_get_latest_version ());

  /* Shown to a person once, copied by hand: 8 groups of 4. */
  g_assert_cmpuint (g_strv_length (groups), ==, 8);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpuint (strlen (groups[i]), ==, 4);

  close_vault (f);
  f->vault = open_vault (f->path, &error);
  g_assert_no_error (error);
  dump = vault_test_dump (f->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dump, ==, f->reference);

  /* Refuses to overwrite. */
  g_assert_null (care_vault_create (f->path, "bob", TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE,
                                    NULL, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_EXISTS);
}

static void
test_rejects_weak_input (void)
{
  g_autofree char *dir = vault_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "weak.care", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (care_vault_create (path, TEST_USER, "short", CARE_KDF_COST_INTERACTIVE, NULL, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (care_vault_create (path, " alice", TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE, NULL, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (care_vault_create (path, "recovery", TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE, NULL, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  vault_test_remove_dir (dir);
}

static void
assert_no_markers (const char *path)
{
  g_autofree char *marker = g_strdup_printf ("%s000", MARKER_PREFIX);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (vault_test_file_contains (path, MARKER_PREFIX));
  g_assert_false (vault_test_file_contains (path, "Chloé"));
  g_assert_false (vault_test_file_contains (path, marker));
}

static void
test_no_plaintext_on_disk (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "backup.care", NULL);
  g_autoptr(GError) error = NULL;

  assert_no_markers (f->path);

  /* While a write transaction is open, the journal holds the old images of
   * the pages it changes, which carry markers; a small cache makes SQLite
   * spill changed pages to the database before the commit too. */
  vault_test_exec (f->vault, "PRAGMA cache_size = 5");
  vault_test_exec (f->vault, "BEGIN IMMEDIATE");
  vault_test_exec (f->vault, "UPDATE notes SET body = body || ' ZEPHYRINE-MARKER-NEW'");
  assert_no_markers (journal);
  assert_no_markers (f->path);
  vault_test_exec (f->vault, "COMMIT");
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  assert_no_markers (f->path);

  care_vault_backup (f->vault, backup, &error);
  g_assert_no_error (error);
  assert_no_markers (backup);
}

static void
test_not_readable_by_sqlite (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "sqlite3", f->path, "SELECT count(*) FROM sqlite_schema", NULL };
  int status;

  close_vault (f);
  bytes = vault_test_read_file (f->path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 16);
  g_assert_false (memcmp (g_bytes_get_data (bytes, NULL), "SQLite format 3", 15) == 0);

  /* Debian's sqlite3, without CARE's VFS. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "not a database"));
}

static void
test_wrong_passphrase_changes_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  CareVault *vault;

  close_vault (f);
  before = vault_test_checksum (f->path);

  vault = care_vault_open (f->path, NULL, "correct horse battery stapler", &error);
  g_assert_null (vault);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  vault = care_vault_open (f->path, "mallory", TEST_PASSPHRASE, &error);
  g_assert_null (vault);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  vault = care_vault_open_with_recovery_key (f->path, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", &error);
  g_assert_null (vault);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE);

  after = vault_test_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
write_text (const char *path, const char *text, gssize length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

static void
test_not_a_vault (void)
{
  g_autofree char *dir = vault_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "other.care", NULL);
  g_autofree char *sqlite_path = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *zeros = g_malloc0 (20000);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", sqlite_path, "CREATE TABLE t (x)", NULL };
  int status;

  write_text (path, "", 0);
  g_assert_null (open_vault (path, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_A_VAULT);
  g_clear_error (&error);

  write_text (path, "Hello, this is a letter, not a vault.\n", -1);
  g_assert_null (open_vault (path, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_A_VAULT);
  g_clear_error (&error);

  write_text (path, zeros, 20000);
  g_assert_null (open_vault (path, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_A_VAULT);
  g_clear_error (&error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_null (open_vault (sqlite_path, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_A_VAULT);
  g_clear_error (&error);

  g_assert_null (open_vault (path, NULL));
  vault_test_remove_dir (dir);
}

/* Rewrites the header's checksum after an edit, as someone who knows the
 * format (but not the keys) would. */
static void
edit_header (const char *path,
             void      (*edit) (guint8 *region))
{
  g_autoptr(GBytes) bytes = vault_test_read_file (path);
  gsize length = g_bytes_get_size (bytes);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
  guint8 *region = data + CARE_VAULT_HEADER_OFFSET;
  g_autoptr(GBytes) edited = NULL;

  edit (region);
  crypto_generichash (region + CARE_VAULT_REGION_SIZE - 32, 32, region,
                      CARE_VAULT_REGION_SIZE - 32, NULL, 0);
  edited = g_bytes_new_take (data, length);
  vault_test_write_file (path, edited);
}

static void
make_newer_format (guint8 *region)
{
  region[8] = CARE_VAULT_FORMAT_VERSION + 1;
}

static void
lower_cost_below_floor (guint8 *region)
{
  /* First slot's opslimit (offset 88 + 72) down to 1 pass. */
  region[88 + 72] = 1;
}

static void
change_sequence (guint8 *region)
{
  region[16] ^= 0x40;
}

static void
test_header_edits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;

  close_vault (f);
  original = vault_test_read_file (f->path);

  edit_header (f->path, make_newer_format);
  g_assert_null (open_vault (f->path, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_VERSION);
  g_clear_error (&error);

  vault_test_write_file (f->path, original);
  edit_header (f->path, lower_cost_below_floor);
  g_assert_null (open_vault (f->path, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED);
  g_clear_error (&error);

  /* A field outside the slots: the passphrase still unwraps the key, and
   * the header's MAC catches the edit. */
  vault_test_write_file (f->path, original);
  edit_header (f->path, change_sequence);
  g_assert_null (open_vault (f->path, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED);
}

/* Opens the vault and reads everything in it. Returns the error met, and
 * asserts that whatever was read is exactly what was written. */
static GError *
open_and_read_all (const char *path,
                   const char *reference)
{
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *dump = NULL;
  GError *error = NULL;

  vault = open_vault (path, &error);
  if (vault == NULL)
    return error;

  dump = vault_test_dump (vault, &error);
  if (dump == NULL)
    return error;
  g_assert_cmpstr (dump, ==, reference);

  g_assert_true (care_vault_check (vault, &problems, &error));
  if (problems->len > 0)
    return g_error_new_literal (CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                                g_ptr_array_index (problems, 0));
  return NULL;
}

static guint
env_count (const char *name, guint fallback)
{
  const char *value = g_getenv (name);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
test_tampered_bytes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) original = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "tampered.care", NULL);
  guint count = env_count ("CARE_TAMPER_COUNT", 120);
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  const guint8 *bytes;
  gsize length;

  close_vault (f);
  original = vault_test_read_file (f->path);
  bytes = g_bytes_get_data (original, &length);

  for (guint i = 0; i < count; i++)
    {
      /* A third of the flips in the header regions, the rest in the pages. */
      gsize offset = i % 3 == 0
        ? (gsize) g_rand_int_range (rand, 0, CARE_VAULT_DATA_OFFSET)
        : (gsize) g_rand_int_range (rand, CARE_VAULT_DATA_OFFSET, length);
      guint8 *flipped = g_memdup2 (bytes, length);
      g_autoptr(GBytes) tampered = NULL;
      g_autoptr(GError) error = NULL;

      flipped[offset] ^= (guint8) g_rand_int_range (rand, 1, 256);
      tampered = g_bytes_new_take (flipped, length);
      vault_test_write_file (copy, tampered);

      error = open_and_read_all (copy, f->reference);
      if (error == NULL)
        g_error ("a byte changed at offset %" G_GSIZE_FORMAT " went unnoticed", offset);
      if (!g_error_matches (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED))
        g_error ("a byte changed at offset %" G_GSIZE_FORMAT " gave “%s” instead of the tampered error",
                 offset, error->message);
    }
  g_rand_free (rand);
}

static GBytes *
splice_bytes (GBytes       *original,
              gsize         offset,
              const guint8 *replacement,
              gsize         count)
{
  gsize length = g_bytes_get_size (original);
  guint8 *data = g_memdup2 (g_bytes_get_data (original, NULL), length);

  memcpy (data + offset, replacement, count);
  return g_bytes_new_take (data, length);
}

static void
assert_tampered (const char *path,
                 const char *reference)
{
  g_autoptr(GError) error = open_and_read_all (path, reference);

  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) original = NULL;
  gsize length;
  gsize cuts[5];

  close_vault (f);
  original = vault_test_read_file (f->path);
  length = g_bytes_get_size (original);
  cuts[0] = 6000;                                   /* inside the header */
  cuts[1] = CARE_VAULT_DATA_OFFSET;                 /* every page gone */
  cuts[2] = length - CARE_VAULT_DEFAULT_PAGE_SIZE;  /* the last page gone */
  cuts[3] = length - 100;                           /* inside the last page */
  cuts[4] = CARE_VAULT_DATA_OFFSET + 3 * CARE_VAULT_DEFAULT_PAGE_SIZE;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (original, 0, cuts[i]);

      vault_test_write_file (f->path, cut);
      assert_tampered (f->path, f->reference);
    }
}

static void
test_swapped_pages (Fixture       *f,
                    gconstpointer  data)
{
  const gsize ps = CARE_VAULT_DEFAULT_PAGE_SIZE;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) swapped = NULL;
  g_autoptr(GBytes) half = NULL;
  const guint8 *bytes;

  close_vault (f);
  original = vault_test_read_file (f->path);
  bytes = g_bytes_get_data (original, NULL);

  /* Pages 3 and 4 change places. */
  half = splice_bytes (original, CARE_VAULT_DATA_OFFSET + 2 * ps, bytes + CARE_VAULT_DATA_OFFSET + 3 * ps, ps);
  swapped = splice_bytes (half, CARE_VAULT_DATA_OFFSET + 3 * ps, bytes + CARE_VAULT_DATA_OFFSET + 2 * ps, ps);
  vault_test_write_file (f->path, swapped);
  assert_tampered (f->path, f->reference);
}

static void
test_replayed_page (Fixture       *f,
                    gconstpointer  data)
{
  const gsize ps = CARE_VAULT_DEFAULT_PAGE_SIZE;
  g_autoptr(GBytes) older = NULL;
  g_autoptr(GBytes) newer = NULL;
  g_autoptr(GBytes) replayed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  const guint8 *old_bytes;
  gsize page_offset;

  /* Keep a copy, change one row, then put the row's page back as it was:
   * a genuine, authentic page, only older. */
  close_vault (f);
  older = vault_test_read_file (f->path);
  f->vault = open_vault (f->path, &error);
  g_assert_no_error (error);
  vault_test_exec (f->vault, "UPDATE notes SET body = 'changed' WHERE id = 150");
  reference = vault_test_dump (f->vault, &error);
  g_assert_no_error (error);
  close_vault (f);

  newer = vault_test_read_file (f->path);
  old_bytes = g_bytes_get_data (older, NULL);
  for (page_offset = CARE_VAULT_DATA_OFFSET + ps; page_offset + ps <= g_bytes_get_size (older); page_offset += ps)
    if (memcmp (old_bytes + page_offset, (const guint8 *) g_bytes_get_data (newer, NULL) + page_offset, ps) != 0)
      break;
  g_assert_cmpuint (page_offset + ps, <=, g_bytes_get_size (older));

  replayed = splice_bytes (newer, page_offset, old_bytes + page_offset, ps);
  vault_test_write_file (f->path, replayed);
  assert_tampered (f->path, reference);

  /* The whole file replaced by the older copy is a rollback, which the
   * vault cannot see (see the threat model in README.md): it opens. */
  vault_test_write_file (f->path, older);
  g_assert_null (open_and_read_all (f->path, f->reference));
}

static void
test_slots (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GString) lowercase = g_string_new (NULL);
  CareVault *vault;

  care_vault_add_slot (f->vault, "bob", "bob's own passphrase", CARE_KDF_COST_INTERACTIVE, &error);
  g_assert_no_error (error);
  care_vault_add_slot (f->vault, "bob", "another passphrase", CARE_KDF_COST_INTERACTIVE, &error);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_EXISTS);
  g_clear_error (&error);

  slots = care_vault_list_slots (f->vault);
  g_assert_cmpuint (slots->len, ==, 3);

  vault = care_vault_open (f->path, "bob", "bob's own passphrase", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (care_vault_get_user (vault), ==, "bob");
  g_object_unref (vault);

  /* Without a name, each person's slot is tried. */
  vault = care_vault_open (f->path, NULL, "bob's own passphrase", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (care_vault_get_user (vault), ==, "bob");
  g_object_unref (vault);

  care_vault_set_passphrase (f->vault, TEST_USER, "a brand new passphrase", CARE_KDF_COST_INTERACTIVE, &error);
  g_assert_no_error (error);
  g_assert_null (open_vault (f->path, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = care_vault_open (f->path, TEST_USER, "a brand new passphrase", &error);
  g_assert_no_error (error);
  g_object_unref (vault);

  care_vault_remove_slot (f->vault, "bob", &error);
  g_assert_no_error (error);
  g_assert_null (care_vault_open (f->path, "bob", "bob's own passphrase", &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  care_vault_remove_slot (f->vault, TEST_USER, &error);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  /* The recovery key, as a person might copy it: lower case, spaces, an O
   * for a 0. */
  for (const char *p = f->recovery_key; *p; p++)
    {
      if (*p == '-')
        g_string_append_c (lowercase, ' ');
      else
        g_string_append_c (lowercase, *p == '0' ? 'o' : g_ascii_tolower (*p));
    }
  vault = care_vault_open_with_recovery_key (f->path, lowercase->str, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (care_vault_get_user (vault), ==, "recovery");
  care_vault_set_passphrase (vault, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &error);
  g_assert_no_error (error);
  g_object_unref (vault);

  vault = open_vault (f->path, &error);
  g_assert_no_error (error);
  g_object_unref (vault);
}

/* The states a header update can be cut off in, made by hand from the
 * files before and after. */
static void
test_interrupted_header_update (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *new_header;
  CareVault *vault;

  close_vault (f);
  before = vault_test_read_file (f->path);
  f->vault = open_vault (f->path, &error);
  g_assert_no_error (error);
  care_vault_set_passphrase (f->vault, TEST_USER, "the new passphrase", CARE_KDF_COST_INTERACTIVE, &error);
  g_assert_no_error (error);
  close_vault (f);
  after = vault_test_read_file (f->path);
  new_header = (const guint8 *) g_bytes_get_data (after, NULL) + CARE_VAULT_HEADER_OFFSET;

  /* Cut while writing the pending copy: the old passphrase opens. */
  {
    g_autoptr(GBytes) torn = splice_bytes (before, CARE_VAULT_PENDING_OFFSET, new_header, 512);
    vault_test_write_file (f->path, torn);
    vault = open_vault (f->path, &error);
    g_assert_no_error (error);
    g_object_unref (vault);
  }

  /* Cut after the pending copy was written: the new passphrase opens, and
   * opening finishes the update. */
  {
    g_autoptr(GBytes) pending = splice_bytes (before, CARE_VAULT_PENDING_OFFSET, new_header,
                                              CARE_VAULT_REGION_SIZE);
    g_autofree char *finished = NULL;
    g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, after);

    vault_test_write_file (f->path, pending);
    g_assert_null (open_vault (f->path, &error));
    g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
    vault = care_vault_open (f->path, NULL, "the new passphrase", &error);
    g_assert_no_error (error);
    g_object_unref (vault);
    finished = vault_test_checksum (f->path);
    g_assert_cmpstr (finished, ==, expected);
  }

  /* Cut while writing the main copy. */
  {
    g_autoptr(GBytes) pending = splice_bytes (before, CARE_VAULT_PENDING_OFFSET, new_header,
                                              CARE_VAULT_REGION_SIZE);
    g_autoptr(GBytes) torn = splice_bytes (pending, CARE_VAULT_HEADER_OFFSET, new_header, 1024);

    vault_test_write_file (f->path, torn);
    vault = care_vault_open (f->path, NULL, "the new passphrase", &error);
    g_assert_no_error (error);
    g_object_unref (vault);
  }
}

static void
test_backup_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.care", NULL);
  g_autofree char *previous = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *previous_dump = NULL;
  g_autoptr(GError) error = NULL;
  CareVault *vault;

  care_vault_backup (f->vault, backup, &error);
  g_assert_no_error (error);

  /* Never over an existing file. */
  care_vault_backup (f->vault, backup, &error);
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_EXISTS);
  g_clear_error (&error);

  vault_test_exec (f->vault, "DELETE FROM notes WHERE id < 100");
  changed = vault_test_dump (f->vault, &error);
  g_assert_no_error (error);
  close_vault (f);

  care_vault_restore (f->path, backup, NULL, TEST_PASSPHRASE, &previous, &error);
  g_assert_no_error (error);
  g_assert_nonnull (previous);

  vault = open_vault (f->path, &error);
  g_assert_no_error (error);
  restored = vault_test_dump (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored, ==, f->reference);
  g_object_unref (vault);

  /* The vault it replaced is kept, whole. */
  vault = open_vault (previous, &error);
  g_assert_no_error (error);
  previous_dump = vault_test_dump (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (previous_dump, ==, changed);
  g_object_unref (vault);
}

static void
test_restore_refuses_tampered_backup (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.care", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) tampered = NULL;
  g_autoptr(GError) error = NULL;
  guint8 flipped;
  gsize offset;

  care_vault_backup (f->vault, backup, &error);
  g_assert_no_error (error);
  close_vault (f);

  /* A byte in the middle of a page that opening does not need. */
  bytes = vault_test_read_file (backup);
  offset = g_bytes_get_size (bytes) - CARE_VAULT_DEFAULT_PAGE_SIZE / 2;
  flipped = ((const guint8 *) g_bytes_get_data (bytes, NULL))[offset] ^ 0x10;
  tampered = splice_bytes (bytes, offset, &flipped, 1);
  vault_test_write_file (backup, tampered);

  before = vault_test_checksum (f->path);
  g_assert_false (care_vault_restore (f->path, backup, NULL, TEST_PASSPHRASE, &previous, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED);
  g_assert_null (previous);
  after = vault_test_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_migrations (void)
{
  g_autofree char *dir = vault_test_make_dir ();
  int latest = care_schema_get_latest_version ();

  for (int version = 0; version < latest; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.care", version);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      CareVault *vault;

      vault = care_vault_create_at_schema_version (path, TEST_USER, TEST_PASSPHRASE,
                                                   CARE_KDF_COST_INTERACTIVE, version, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (care_vault_get_schema_version (vault), ==, version);
      g_object_unref (vault);

      vault = open_vault (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (care_vault_get_schema_version (vault), ==, latest);
      g_assert_cmpint (vault_test_query_int (vault, "SELECT count(*) FROM office_key"), ==, 1);
      g_assert_cmpint (vault_test_query_int (vault, "SELECT count(*) FROM vault_info"), >=, 1);
      g_assert_cmpint (vault_test_query_int (vault, "SELECT count(*) FROM case_documents"), ==, 0);
      g_object_unref (vault);
    }

  /* A vault from a newer CARE is refused, and left alone. */
  {
    g_autofree char *path = g_build_filename (dir, "v0.care", NULL);
    g_autofree char *set = g_strdup_printf ("PRAGMA user_version = %d", latest + 1);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;
    CareVault *vault = open_vault (path, &error);

    g_assert_no_error (error);
    vault_test_exec (vault, set);
    g_object_unref (vault);
    before = vault_test_checksum (path);
    g_assert_null (open_vault (path, &error));
    g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_VERSION);
    after = vault_test_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }
  vault_test_remove_dir (dir);
}

static void
assert_sql_fails (CareVault  *vault,
                  const char *sql)
{
  char *message = NULL;

  g_assert_cmpint (sqlite3_exec (care_vault_get_db (vault), sql, NULL, NULL, &message), !=, SQLITE_OK);
  sqlite3_free (message);
}

static void
test_refuses_unsealable_files (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *outside = g_build_filename (f->dir, "copy.db", NULL);

  assert_sql_fails (f->vault, "PRAGMA temp_store = FILE");
  assert_sql_fails (f->vault, "PRAGMA journal_mode = WAL");
  assert_sql_fails (f->vault, "PRAGMA page_size = 8192");

  /* A copy through the VFS to a file it has no keys for: refused, rather
   * than written in clear. */
  {
    g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s'", outside);
    assert_sql_fails (f->vault, sql);
    g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS) &&
                    vault_test_file_contains (outside, MARKER_PREFIX));
  }

  /* Sorting and vacuuming still work, in memory. */
  g_assert_cmpint (vault_test_query_int (f->vault,
                                         "SELECT count(*) FROM (SELECT body FROM notes ORDER BY body DESC)"),
                   ==, N_ROWS);
  vault_test_exec (f->vault, "VACUUM");
  g_assert_cmpint (vault_test_query_int (f->vault, "PRAGMA page_size"), ==, CARE_VAULT_DEFAULT_PAGE_SIZE);
  close_vault (f);
  g_assert_null (open_and_read_all (f->path, f->reference));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(path, func) \
  g_test_add ("/vault/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/vault/rejects-weak-input", test_rejects_weak_input);
  ADD ("no-plaintext-on-disk", test_no_plaintext_on_disk);
  ADD ("not-readable-by-sqlite", test_not_readable_by_sqlite);
  ADD ("wrong-passphrase-changes-nothing", test_wrong_passphrase_changes_nothing);
  g_test_add_func ("/vault/not-a-vault", test_not_a_vault);
  ADD ("header-edits", test_header_edits);
  ADD ("tampered-bytes", test_tampered_bytes);
  ADD ("truncated", test_truncated);
  ADD ("swapped-pages", test_swapped_pages);
  ADD ("replayed-page", test_replayed_page);
  ADD ("slots", test_slots);
  ADD ("interrupted-header-update", test_interrupted_header_update);
  ADD ("backup-and-restore", test_backup_and_restore);
  ADD ("restore-refuses-tampered-backup", test_restore_refuses_tampered_backup);
  g_test_add_func ("/vault/migrations", test_migrations);
  ADD ("refuses-unsealable-files", test_refuses_unsealable_files);
#undef ADD

  return g_test_run ();
}
