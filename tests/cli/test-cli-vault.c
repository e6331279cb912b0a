/* test-cli-vault.c — care-cli's vault commands as a script uses them:
 * passphrases on standard input, exit statuses, messages in both languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <string.h>

#include "care-store-sql.h"
#include "care-vault-private.h"
#include "cli-test-util.h"

#define PASS "correct horse battery staple"

typedef struct {
  char *dir;
  char *vault;
  char *recovery_key;
} Fixture;

static char *
extract_recovery_key (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("[0-9A-Z]{4}(-[0-9A-Z]{4}){7}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_auto(CliRun) run = { 0 };

  f->dir = cli_make_dir ();
  f->vault = g_build_filename (f->dir, "office.care", NULL);
  cli_run (&run, "en", PASS "\n", f->vault,
           (const char *[]) { "init", "--user", "amina", "--kdf-cost", "interactive", NULL });
  g_assert_cmpint (run.status, ==, 0);
  f->recovery_key = extract_recovery_key (run.out);
  g_assert_nonnull (f->recovery_key);
  g_assert_nonnull (strstr (run.out, "will not be shown again"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cli_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->vault);
  g_free (f->recovery_key);
}

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_init_and_check (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(CliRun) again = { 0 };
  g_auto(CliRun) check = { 0 };
  g_auto(CliRun) json = { 0 };
  g_autofree char *before = checksum_of (f->vault);
  g_autofree char *after = NULL;

  /* It refuses before asking for anything. */
  cli_run (&again, "en", NULL, f->vault, (const char *[]) { "init", NULL });
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "will not overwrite"));
  after = checksum_of (f->vault);
  g_assert_cmpstr (before, ==, after);

  cli_run (&check, "en", PASS "\n", f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "sound"));

  cli_run (&json, "en", PASS "\n", f->vault, (const char *[]) { "--format", "json", "check", NULL });
  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.out, "\"ok\" : true"));
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(CliRun) en = { 0 };
  g_auto(CliRun) fr = { 0 };
  g_autofree char *before = checksum_of (f->vault);
  g_autofree char *after = NULL;

  cli_run (&en, "en", "not the passphrase\n", f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (en.status, ==, 3);
  g_assert_nonnull (strstr (en.err, "Wrong passphrase"));

  cli_run (&fr, "fr", "not the passphrase\n", f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (fr.status, ==, 3);
  g_assert_nonnull (strstr (fr.err, "Phrase secrète erronée"));

  after = checksum_of (f->vault);
  g_assert_cmpstr (before, ==, after);
}

static void
test_tampered_and_foreign_files (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *letter = g_build_filename (f->dir, "letter.care", NULL);
  g_auto(CliRun) tampered = { 0 };
  g_auto(CliRun) foreign = { 0 };
  g_auto(CliRun) missing = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (f->vault, &contents, &length, NULL));
  contents[length - 3000] ^= 0x01;
  g_assert_true (g_file_set_contents (f->vault, contents, length, NULL));
  cli_run (&tampered, "fr", PASS "\n", f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (tampered.status, ==, 4);
  g_assert_nonnull (strstr (tampered.err, "authentification"));

  g_assert_true (g_file_set_contents (letter, "Dear colleague, …", -1, NULL));
  cli_run (&foreign, "en", PASS "\n", letter, (const char *[]) { "check", NULL });
  g_assert_cmpint (foreign.status, ==, 1);
  g_assert_nonnull (strstr (foreign.err, "not a CARE vault"));

  cli_run (&missing, "en", NULL, "/nonexistent/x.care", (const char *[]) { "check", NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "care-cli init"));
}

static void
test_slots_passwd_and_recover (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(CliRun) add = { 0 };
  g_auto(CliRun) list = { 0 };
  g_auto(CliRun) passwd = { 0 };
  g_auto(CliRun) old = { 0 };
  g_auto(CliRun) remove = { 0 };
  g_auto(CliRun) recover = { 0 };
  g_auto(CliRun) after = { 0 };
  g_auto(CliRun) short_pass = { 0 };
  g_autofree char *recover_input = g_strdup_printf ("%s\nrecovered passphrase\n", f->recovery_key);

  cli_run (&add, "en", PASS "\nbenedikt's passphrase\n", f->vault,
           (const char *[]) { "slots", "add", "Benedikt", "--kdf-cost", "interactive", NULL });
  g_assert_cmpint (add.status, ==, 0);

  cli_run (&list, "en", "benedikt's passphrase\n", f->vault,
           (const char *[]) { "--format", "json", "slots", "list", NULL });
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "\"name\" : \"amina\""));
  g_assert_nonnull (strstr (list.out, "\"name\" : \"Benedikt\""));
  g_assert_nonnull (strstr (list.out, "\"kind\" : \"recovery\""));

  cli_run (&short_pass, "en", PASS "\nshort\n", f->vault, (const char *[]) { "passwd", NULL });
  g_assert_cmpint (short_pass.status, ==, 1);
  g_assert_nonnull (strstr (short_pass.err, "too short"));

  cli_run (&passwd, "en", PASS "\namina's new passphrase\n", f->vault,
           (const char *[]) { "passwd", "--kdf-cost", "interactive", NULL });
  g_assert_cmpint (passwd.status, ==, 0);
  cli_run (&old, "en", PASS "\n", f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (old.status, ==, 3);

  cli_run (&remove, "en", "amina's new passphrase\n", f->vault,
           (const char *[]) { "slots", "remove", "Benedikt", NULL });
  g_assert_cmpint (remove.status, ==, 0);

  cli_run (&recover, "en", recover_input, f->vault,
           (const char *[]) { "recover", "--kdf-cost", "interactive", NULL });
  g_assert_cmpint (recover.status, ==, 0);
  cli_run (&after, "en", "recovered passphrase\n", f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (after.status, ==, 0);
}

static void
test_backup_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.care", NULL);
  g_auto(CliRun) made = { 0 };
  g_auto(CliRun) again = { 0 };
  g_auto(CliRun) restored = { 0 };
  g_auto(CliRun) check = { 0 };

  cli_run (&made, "en", PASS "\n", f->vault, (const char *[]) { "backup", backup, NULL });
  g_assert_cmpint (made.status, ==, 0);
  g_assert_nonnull (strstr (made.err, "verified"));

  cli_run (&again, "en", PASS "\n", f->vault, (const char *[]) { "backup", backup, NULL });
  g_assert_cmpint (again.status, ==, 1);

  cli_run (&restored, "en", PASS "\n", f->vault, (const char *[]) { "restore", backup, NULL });
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_nonnull (strstr (restored.err, "before-restore"));

  cli_run (&check, "en", PASS "\n", f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (check.status, ==, 0);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) holder = care_vault_open (f->vault, NULL, PASS, &error);
  g_auto(CliRun) run = { 0 };

  g_assert_no_error (error);
  care_sql_exec (care_vault_get_db (holder), "BEGIN EXCLUSIVE", &error);
  g_assert_no_error (error);

  cli_run (&run, "en", PASS "\n", f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (run.status, ==, 5);
  g_assert_nonnull (strstr (run.err, "busy"));

  care_sql_exec (care_vault_get_db (holder), "COMMIT", &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A command that refuses before reading its input closes the pipe. */
  signal (SIGPIPE, SIG_IGN);

#define ADD(path, func) \
  g_test_add ("/cli-vault/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("init-and-check", test_init_and_check);
  ADD ("wrong-passphrase", test_wrong_passphrase);
  ADD ("tampered-and-foreign-files", test_tampered_and_foreign_files);
  ADD ("slots-passwd-and-recover", test_slots_passwd_and_recover);
  ADD ("backup-and-restore", test_backup_and_restore);
  ADD ("busy", test_busy);
#undef ADD

  return g_test_run ();
}
