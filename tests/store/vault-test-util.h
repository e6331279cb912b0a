/* vault-test-util.h — shared helpers of the vault tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "care-vault-private.h"

#define TEST_USER       "alice"
#define TEST_PASSPHRASE "correct horse battery staple"

/* Text that must never be found in clear on disk. */
#define MARKER_PREFIX   "ZEPHYRINE-MARKER-"

/* A fresh vault in a directory of its own, unlocked, and the date the
 * rules take as today. */
typedef struct {
  char      *dir;
  char      *path;
  CareVault *vault;
  GDate      today;
} VaultFixture;

void      vault_fixture_set_up       (VaultFixture  *f,
                                      gconstpointer  data);
void      vault_fixture_tear_down    (VaultFixture  *f,
                                      gconstpointer  data);
GDate     vault_test_date            (int y,
                                      int m,
                                      int d);

char     *vault_test_make_dir        (void);
void      vault_test_remove_dir      (const char *dir);
GBytes   *vault_test_read_file       (const char *path);
void      vault_test_write_file      (const char *path,
                                      GBytes     *contents);
char     *vault_test_checksum        (const char *path);
gboolean  vault_test_file_contains   (const char *path,
                                      const char *needle);
void      vault_test_exec            (CareVault  *vault,
                                      const char *sql);
gint64    vault_test_query_int       (CareVault  *vault,
                                      const char *sql);
void      vault_test_insert_markers  (CareVault  *vault,
                                      int         first,
                                      int         count);
char     *vault_test_dump            (CareVault  *vault,
                                      GError    **error);
