/* vault-test-util.c — shared helpers of the vault tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "care-store-sql.h"
#include "vault-test-util.h"

char *
vault_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("care-vault-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
vault_fixture_set_up (VaultFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = vault_test_make_dir ();
  f->path = g_build_filename (f->dir, "test.care", NULL);
  f->vault = care_vault_create (f->path, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE,
                                NULL, &error);
  g_assert_no_error (error);
  f->today = vault_test_date (2016, 6, 1);
}

void
vault_fixture_tear_down (VaultFixture  *f,
                         gconstpointer  data)
{
  g_clear_object (&f->vault);
  vault_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

GDate
vault_test_date (int y,
                 int m,
                 int d)
{
  GDate out;

  g_date_clear (&out, 1);
  g_date_set_dmy (&out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return out;
}

void
vault_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

GBytes *
vault_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
vault_test_write_file (const char *path,
                       GBytes     *contents)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

char *
vault_test_checksum (const char *path)
{
  g_autoptr(GBytes) bytes = vault_test_read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

gboolean
vault_test_file_contains (const char *path,
                          const char *needle)
{
  g_autoptr(GBytes) bytes = vault_test_read_file (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return memmem (data, length, needle, strlen (needle)) != NULL;
}

void
vault_test_exec (CareVault  *vault,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;

  care_sql_exec (care_vault_get_db (vault), sql, &error);
  g_assert_no_error (error);
}

gint64
vault_test_query_int (CareVault  *vault,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (care_vault_get_db (vault), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Rows long enough to fill several pages, each holding a marker. */
void
vault_test_insert_markers (CareVault *vault,
                           int        first,
                           int        count)
{
  sqlite3 *db = care_vault_get_db (vault);
  sqlite3_stmt *stmt = NULL;

  vault_test_exec (vault, "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  vault_test_exec (vault, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO notes (id, body) VALUES (?, ?)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  for (int i = first; i < first + count; i++)
    {
      g_autofree char *body = g_strdup_printf ("%s%06d Chloé Saïd Ολυμπία Наталья محمد %0200d",
                                               MARKER_PREFIX, i, i);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, body, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  vault_test_exec (vault, "COMMIT");
}

/* Everything the vault holds in its notes table, or NULL with the error
 * that reading it met. */
char *
vault_test_dump (CareVault  *vault,
                 GError    **error)
{
  sqlite3 *db = care_vault_get_db (vault);
  sqlite3_stmt *stmt = NULL;
  GString *dump = g_string_new (NULL);
  int rc;

  if (!care_sql_prepare (db, "SELECT id, body FROM notes ORDER BY id", &stmt, error))
    {
      g_string_free (dump, TRUE);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (dump, "%d|%s\n", sqlite3_column_int (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    care_sql_set_error (db, error);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_string_free (dump, TRUE);
      return NULL;
    }
  return g_string_free (dump, FALSE);
}
