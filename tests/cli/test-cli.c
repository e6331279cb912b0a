/* test-cli.c — care-cli as a script sees it: output, exit status, language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

typedef struct {
  char *out;
  char *err;
  int   status;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs care-cli with ARGS (NULL-terminated) in an environment where
 * LANGUAGE is LANGUAGE_, and returns its exit status and output. */
static void
run_cli (CliRun      *run,
         const char  *language,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("CARE_CLI"));
  for (const char **a = args; *a != NULL; a++)
    g_ptr_array_add (argv, (char *) *a);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", g_str_equal (language, "fr") ? "fr_FR.UTF-8" : "en_GB.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_version (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "en", (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "care-cli " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "en", (const char *[]) { "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage:"));
  g_assert_nonnull (strstr (run.out, "--vault=FILE"));
  g_assert_nonnull (strstr (run.out, "--format=FORMAT"));
  g_assert_nonnull (strstr (run.out, "Commands:"));
  g_assert_nonnull (strstr (run.out, "Exit status:"));
}

static void
test_help_in_french (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "fr", (const char *[]) { "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Commandes :"));
  g_assert_null (strstr (run.out, "Commands:"));
}

static void
test_usage_errors (void)
{
  g_auto(CliRun) none = { 0 };
  g_auto(CliRun) unknown = { 0 };
  g_auto(CliRun) bad_option = { 0 };
  g_auto(CliRun) bad_format = { 0 };

  run_cli (&none, "en", (const char *[]) { NULL });
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "Usage:"));

  run_cli (&unknown, "en", (const char *[]) { "frobnicate", NULL });
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command “frobnicate”"));
  g_assert_cmpstr (unknown.out, ==, "");

  run_cli (&bad_option, "en", (const char *[]) { "--no-such-option", NULL });
  g_assert_cmpint (bad_option.status, ==, 2);

  run_cli (&bad_format, "fr", (const char *[]) { "--format", "xml", "list", NULL });
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "xml"));
  g_assert_null (strstr (bad_format.err, "Unknown output format"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help-in-french", test_help_in_french);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  return g_test_run ();
}
