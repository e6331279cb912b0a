/* test-crash.c — a vault killed at any moment opens afterwards, passes its
 * check, and holds every commit that was reported done
 *
 * The test runs itself as a child process that commits numbered
 * transactions (or changes its passphrase over and over) and reports each
 * one on standard output once it returns; the parent kills it with SIGKILL
 * at a random moment, then opens the vault and compares.
 *
 * CARE_CRASH_ROUNDS sets how many kills each test makes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "care-vault-vfs.h"
#include "vault-test-util.h"

#define OTHER_PASSPHRASE "a second, different passphrase"

static int
child_commit (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = care_vault_open (path, NULL, TEST_PASSPHRASE, &error);
  gint64 next;

  if (vault == NULL)
    g_error ("child: %s", error->message);

  /* A tiny cache makes SQLite spill pages to the database before commits,
   * so kills land in every phase of a transaction. */
  vault_test_exec (vault, "PRAGMA cache_size = 8");
  vault_test_exec (vault, "CREATE TABLE IF NOT EXISTS t (n INTEGER PRIMARY KEY, pad BLOB NOT NULL)");
  next = vault_test_query_int (vault, "SELECT coalesce(max(n), 0) + 1 FROM t");

  for (;; next++)
    {
      g_autofree char *sql = g_strdup_printf (
        "BEGIN;"
        "INSERT INTO t (n, pad) VALUES (%" G_GINT64_FORMAT ", randomblob(abs(random()) %% 6000 + 100));"
        "UPDATE t SET pad = randomblob(abs(random()) %% 3000 + 100) WHERE n = abs(random()) %% %" G_GINT64_FORMAT " + 1;"
        "COMMIT;",
        next, next);

      vault_test_exec (vault, sql);
      printf ("%" G_GINT64_FORMAT "\n", next);
      fflush (stdout);
    }
  return 0;
}

static int
child_passwd (const char *path)
{
  const char *passphrases[] = { TEST_PASSPHRASE, OTHER_PASSPHRASE };
  g_autoptr(CareVault) vault = NULL;
  int current;

  for (current = 0; current < 2 && vault == NULL; current++)
    vault = care_vault_open (path, NULL, passphrases[current], NULL);
  if (vault == NULL)
    g_error ("child: neither passphrase opens the vault");
  current--;

  for (;;)
    {
      g_autoptr(GError) error = NULL;

      current = 1 - current;
      if (!care_vault_set_passphrase (vault, TEST_USER, passphrases[current],
                                      CARE_KDF_COST_INTERACTIVE, &error))
        g_error ("child: %s", error->message);
      printf ("%d\n", current);
      fflush (stdout);
    }
  return 0;
}

/* Starts this program as a child in MODE, kills it after DELAY_MS, and
 * returns the lines it printed. */
static char **
run_and_kill (const char *mode,
              const char *path,
              guint       delay_ms)
{
  const char *argv[] = { "/proc/self/exe", mode, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  GPid pid;
  int out_fd;
  char buffer[4096];
  gssize n;
  int status;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* The random moment is the point of this test, not a wait for a state. */
  g_usleep (delay_ms * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n);
  close (out_fd);

  return g_strsplit (output->str, "\n", -1);
}

static guint
rounds (void)
{
  const char *value = g_getenv ("CARE_CRASH_ROUNDS");

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : 25;
}

static void
assert_sound (CareVault *vault)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (care_vault_check (vault, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_kill_during_commits (void)
{
  g_autofree char *dir = vault_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.care", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  gint64 reported_max = 0;
  guint hot_journals = 0;
  CareVault *vault;

  vault = care_vault_create (path, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (vault);

  for (guint round = 0; round < rounds (); round++)
    {
      /* Unlocking takes a good part of this; the rest is commits. */
      g_auto(GStrv) lines = run_and_kill ("--child-commit", path, g_test_rand_int_range (150, 600));

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          reported_max = MAX (reported_max, g_ascii_strtoll (lines[i], NULL, 10));
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        hot_journals++;

      vault = care_vault_open (path, NULL, TEST_PASSPHRASE, &error);
      g_assert_no_error (error);
      assert_sound (vault);
      if (reported_max > 0)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM t WHERE n <= %" G_GINT64_FORMAT,
                                                  reported_max);
          g_assert_cmpint (vault_test_query_int (vault, sql), ==, reported_max);
        }
      g_object_unref (vault);
    }

  g_test_message ("%u kills, %" G_GINT64_FORMAT " commits reported, %u left a journal to play back, "
                  "%u page sets recounted after playback",
                  rounds (), reported_max, hot_journals, care_vault_vfs_get_rescans ());
  g_assert_cmpint (reported_max, >, 0);
  vault_test_remove_dir (dir);
}

static void
test_kill_during_passwd (void)
{
  g_autofree char *dir = vault_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "passwd.care", NULL);
  g_autoptr(GError) error = NULL;
  guint changes = 0;
  CareVault *vault;

  vault = care_vault_create (path, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (vault);

  for (guint round = 0; round < MAX (rounds () / 2, 1); round++)
    {
      g_auto(GStrv) lines = run_and_kill ("--child-passwd", path, g_test_rand_int_range (300, 1200));
      CareVault *with_first, *with_second;

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          changes++;

      /* The old or the new passphrase opens it: exactly one of the two. */
      with_first = care_vault_open (path, NULL, TEST_PASSPHRASE, NULL);
      with_second = care_vault_open (path, NULL, OTHER_PASSPHRASE, NULL);
      g_assert_true ((with_first != NULL) != (with_second != NULL));
      assert_sound (with_first != NULL ? with_first : with_second);
      g_clear_object (&with_first);
      g_clear_object (&with_second);
    }

  g_test_message ("%u passphrase changes reported across the kills", changes);
  vault_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_assert_cmpint (sodium_init (), >=, 0);

  if (argc == 3 && g_str_equal (argv[1], "--child-commit"))
    return child_commit (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--child-passwd"))
    return child_passwd (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-commits", test_kill_during_commits);
  g_test_add_func ("/crash/kill-during-passwd", test_kill_during_passwd);
  return g_test_run ();
}
