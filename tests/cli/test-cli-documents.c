/* test-cli-documents.c — care-cli documents as a script uses it: attach,
 * list (text and JSON), save a copy atomically with a warning, remove;
 * refusals with their exit status and nothing changed; the file's text
 * never in clear in the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

#define PASS   "correct horse battery staple"
#define IN     PASS "\n"
#define MARKER "ZEPHYRINE-MARKER-CLI-DOC-5521"

typedef struct {
  char *dir;
  char *vault;
  char *case_number;
} Fixture;

static const char person_csv[] =
  "family_name,given_names,sex,host_country,return_country,referral_date\n"
  "Martin,Chloé,F,FR,MA,2014-03-02\n";

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_auto(CliRun) init = { 0 };
  g_auto(CliRun) import = { 0 };
  g_auto(CliRun) list = { 0 };

  /* In the build tree, as the plan tests do: a saved copy is written in
   * clear, invented as it is, and CARE's tests write none of those to /tmp. */
  f->dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                             "documents-cli-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (f->dir));
  f->vault = in_dir (f, "office.care");
  csv = in_dir (f, "person.csv");
  g_assert_true (g_file_set_contents (csv, person_csv, -1, NULL));
  cli_run (&init, "en", IN, f->vault,
           (const char *[]) { "init", "--user", "amina", "--kdf-cost", "interactive", NULL });
  g_assert_cmpint (init.status, ==, 0);
  cli_run (&import, "en", IN, f->vault, (const char *[]) { "import", csv, NULL });
  g_assert_cmpint (import.status, ==, 0);
  cli_run (&list, "en", IN, f->vault, (const char *[]) { "list", NULL });
  g_assert_cmpint (list.status, ==, 0);
  f->case_number = g_strndup (list.out, strcspn (list.out, "\t"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cli_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->vault);
  g_free (f->case_number);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static JsonArray *
list_json (Fixture   *f,
           JsonNode **keep)
{
  g_auto(CliRun) run = { 0 };
  g_autoptr(GError) error = NULL;

  cli_run (&run, "en", IN, f->vault, (const char *[]) { "--format", "json", "documents", f->case_number, NULL });
  g_assert_cmpint (run.status, ==, 0);
  *keep = json_from_string (run.out, &error);
  g_assert_no_error (error);
  return json_node_get_array (*keep);
}

static void
test_attach_list_save_remove (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *letter = in_dir (f, "letter.txt");
  g_autofree char *copy = in_dir (f, "copy.txt");
  g_autofree char *copied = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliRun) attach = { 0 };
  g_auto(CliRun) list = { 0 };
  g_auto(CliRun) save = { 0 };
  g_auto(CliRun) remove = { 0 };
  g_auto(CliRun) after = { 0 };
  static const char text[] = "Letter from the association. " MARKER "\n";
  JsonArray *documents;
  JsonObject *d;
  char *id;

  g_assert_true (g_file_set_contents (letter, text, -1, NULL));
  cli_run (&attach, "en", IN, f->vault,
           (const char *[]) { "documents", f->case_number, "--attach", letter, "--title", "Referral letter", NULL });
  g_assert_cmpint (attach.status, ==, 0);
  id = g_strstrip (attach.out);
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), >, 0);
  g_assert_nonnull (strstr (attach.err, "encrypted"));
  g_assert_false (file_contains (f->vault, MARKER));

  cli_run (&list, "en", IN, f->vault, (const char *[]) { "documents", f->case_number, NULL });
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, id));
  g_assert_nonnull (strstr (list.out, "\tReferral letter\tletter.txt\ttext/plain\t"));
  g_assert_nonnull (strstr (list.out, "\tamina\n"));

  documents = list_json (f, &root);
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);
  d = json_array_get_object_element (documents, 0);
  g_assert_cmpint (json_object_get_int_member (d, "id"), ==, g_ascii_strtoll (id, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (d, "title"), ==, "Referral letter");
  g_assert_cmpstr (json_object_get_string_member (d, "file_name"), ==, "letter.txt");
  g_assert_cmpint (json_object_get_int_member (d, "size"), ==, strlen (text));
  g_assert_cmpstr (json_object_get_string_member (d, "attached_by"), ==, "amina");

  /* A copy, whole, with the warning that it is not encrypted, in both
   * languages; nothing left beside it. */
  cli_run (&save, "fr", IN, f->vault,
           (const char *[]) { "documents", f->case_number, "--save", id, "--output", copy, NULL });
  g_assert_cmpint (save.status, ==, 0);
  g_assert_nonnull (strstr (save.err, "chiffrée"));
  g_assert_true (g_file_get_contents (copy, &copied, NULL, NULL));
  g_assert_cmpstr (copied, ==, text);
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 4);   /* office.care, person.csv, letter.txt, copy.txt */
  }

  cli_run (&remove, "en", IN, f->vault, (const char *[]) { "documents", f->case_number, "--remove", id, NULL });
  g_assert_cmpint (remove.status, ==, 0);
  cli_run (&after, "en", IN, f->vault, (const char *[]) { "documents", f->case_number, NULL });
  g_assert_cmpint (after.status, ==, 0);
  g_assert_cmpstr (after.out, ==, "");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *empty = in_dir (f, "empty.txt");
  g_autofree char *letter = in_dir (f, "letter.txt");
  g_autofree char *copy = in_dir (f, "copy.txt");
  g_auto(CliRun) run_empty = { 0 };
  g_auto(CliRun) unknown = { 0 };
  g_auto(CliRun) no_output = { 0 };
  g_auto(CliRun) two = { 0 };
  g_auto(CliRun) missing = { 0 };
  g_auto(CliRun) not_there = { 0 };
  g_auto(CliRun) list = { 0 };

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (letter, "A letter\n", -1, NULL));

  cli_run (&run_empty, "en", IN, f->vault, (const char *[]) { "documents", f->case_number, "--attach", empty, NULL });
  g_assert_cmpint (run_empty.status, ==, 1);
  g_assert_nonnull (strstr (run_empty.err, "empty"));
  cli_run (&unknown, "en", IN, f->vault, (const char *[]) { "documents", "CARE-FR-2014-9999", "--attach", letter, NULL });
  g_assert_cmpint (unknown.status, ==, 1);
  cli_run (&missing, "en", IN, f->vault,
           (const char *[]) { "documents", f->case_number, "--attach", "no-such-file.pdf", NULL });
  g_assert_cmpint (missing.status, ==, 1);
  cli_run (&no_output, "en", NULL, f->vault, (const char *[]) { "documents", f->case_number, "--save", "1", NULL });
  g_assert_cmpint (no_output.status, ==, 2);
  cli_run (&two, "en", NULL, f->vault,
           (const char *[]) { "documents", f->case_number, "--attach", letter, "--remove", "1", NULL });
  g_assert_cmpint (two.status, ==, 2);
  cli_run (&not_there, "en", IN, f->vault,
           (const char *[]) { "documents", f->case_number, "--save", "42", "-o", copy, NULL });
  g_assert_cmpint (not_there.status, ==, 1);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  cli_run (&list, "en", IN, f->vault, (const char *[]) { "documents", f->case_number, NULL });
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-documents/attach-list-save-remove", Fixture, NULL, fixture_set_up,
              test_attach_list_save_remove, fixture_tear_down);
  g_test_add ("/cli-documents/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);

  return g_test_run ();
}
