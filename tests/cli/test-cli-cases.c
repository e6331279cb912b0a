/* test-cli-cases.c — care-cli's case commands as a script uses them: JSON
 * shapes, accent-blind search, all-or-nothing import, round trip, stats,
 * history and its chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "care-store-sql.h"
#include "care-vault-private.h"
#include "cli-test-util.h"

#define PASS "correct horse battery staple"
#define IN   PASS "\n"

typedef struct {
  char *dir;
  char *vault;
  char *csv;
} Fixture;

static const char people_csv[] =
  "family_name;given_names;sex;date_of_birth;host_country;return_country;destination;referral_date;"
  "planned_return_date;consent_data;consent_followup;plan_language\r\n"
  "Martin;Chloé;F;1990-05-17;FR;MA;Casablanca;2014-03-02;2014-06-01;yes;yes;fr\r\n"
  "Benali;Saïd;M;1987-11-02;ES;DZ;Oran;2014-04-11;2014-07-20;yes;no;fr\r\n"
  "Ковальчук;Наталья;F;2001;PL;UA;\"Львів, Lviv\";2015-01-20;2015-03-15;yes;yes;en\r\n";

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_auto(CliRun) init = { 0 };
  g_auto(CliRun) import = { 0 };

  f->dir = cli_make_dir ();
  f->vault = g_build_filename (f->dir, "office.care", NULL);
  f->csv = g_build_filename (f->dir, "people.csv", NULL);
  g_assert_true (g_file_set_contents (f->csv, people_csv, -1, NULL));

  cli_run (&init, "en", IN, f->vault,
           (const char *[]) { "init", "--user", "amina", "--kdf-cost", "interactive", NULL });
  g_assert_cmpint (init.status, ==, 0);
  cli_run (&import, "en", IN, f->vault, (const char *[]) { "import", f->csv, NULL });
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.err, "3 cases imported"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cli_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->vault);
  g_free (f->csv);
}

static JsonArray *
list_json (Fixture    *f,
           JsonNode  **keep,
           const char *search)
{
  g_auto(CliRun) run = { 0 };

  if (search != NULL)
    cli_run (&run, "en", IN, f->vault, (const char *[]) { "--format", "json", "list", "--search", search, NULL });
  else
    cli_run (&run, "en", IN, f->vault, (const char *[]) { "--format", "json", "list", NULL });
  g_assert_cmpint (run.status, ==, 0);
  *keep = parse_json (run.out);
  return json_node_get_array (*keep);
}

static void
test_list_json (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *cases = list_json (f, &root, NULL);
  const char *keys[] = { "case_number", "family_name", "given_names", "status", "host_country",
                         "return_country", "minor", "next_followup" };

  g_assert_cmpuint (json_array_get_length (cases), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);

      g_assert_cmpuint (json_object_get_size (c), ==, G_N_ELEMENTS (keys));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (c, keys[k]));
      g_assert_true (g_regex_match_simple ("^CARE-[A-Z]{2}-20[0-9]{2}-[0-9]{4}$",
                                           json_object_get_string_member (c, "case_number"), 0, 0));
    }

  /* Born 2001, returned 2015: a minor (by the latest possible birthday). */
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);

      g_assert_cmpint (json_object_get_boolean_member (c, "minor"), ==,
                       g_str_equal (json_object_get_string_member (c, "return_country"), "UA"));
    }
}

static const char *
only_family_name (Fixture    *f,
                  const char *search,
                  JsonNode  **keep)
{
  JsonArray *cases = list_json (f, keep, search);

  g_assert_cmpuint (json_array_get_length (cases), ==, 1);
  return json_object_get_string_member (json_array_get_object_element (cases, 0), "family_name");
}

static void
test_search_ignores_accents (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL;
  JsonArray *none;

  g_assert_cmpstr (only_family_name (f, "chloe", &a), ==, "Martin");
  g_assert_cmpstr (only_family_name (f, "sa", &b), ==, "Benali");
  g_assert_cmpstr (only_family_name (f, "ната", &c), ==, "Ковальчук");
  g_assert_cmpstr (only_family_name (f, "lviv", &d), ==, "Ковальчук");

  /* Search syntax typed by a person is just text. */
  none = list_json (f, &e, "\"OR* NEAR(");
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
}

static void
test_show_stats_followups_history (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(JsonNode) list_root = NULL;
  g_autoptr(JsonNode) show_root = NULL;
  g_autoptr(JsonNode) stats_root = NULL;
  g_autoptr(JsonNode) history_root = NULL;
  g_autoptr(JsonNode) followups_root = NULL;
  g_auto(CliRun) show = { 0 };
  g_auto(CliRun) stats = { 0 };
  g_auto(CliRun) history = { 0 };
  g_auto(CliRun) followups = { 0 };
  g_auto(CliRun) missing = { 0 };
  JsonArray *cases = list_json (f, &list_root, "chloe");
  const char *number = json_object_get_string_member (json_array_get_object_element (cases, 0), "case_number");
  JsonObject *o;
  JsonArray *entries;

  cli_run (&show, "en", IN, f->vault, (const char *[]) { "--format", "json", "show", number, NULL });
  g_assert_cmpint (show.status, ==, 0);
  show_root = parse_json (show.out);
  o = json_node_get_object (show_root);
  g_assert_cmpstr (json_object_get_string_member (o, "case_number"), ==, number);
  g_assert_cmpstr (json_object_get_string_member (o, "given_names"), ==, "Chloé");
  g_assert_cmpstr (json_object_get_string_member (o, "destination"), ==, "Casablanca");
  g_assert_true (json_object_get_boolean_member (o, "eligible"));

  cli_run (&missing, "fr", IN, f->vault, (const char *[]) { "show", "CARE-FR-2014-9999", NULL });
  g_assert_cmpint (missing.status, ==, 1);

  cli_run (&stats, "en", IN, f->vault, (const char *[]) { "--format", "json", "stats", NULL });
  g_assert_cmpint (stats.status, ==, 0);
  stats_root = parse_json (stats.out);
  o = json_node_get_object (stats_root);
  g_assert_cmpint (json_object_get_int_member (o, "beneficiaries"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "minors"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "target_beneficiaries"), ==, 130);
  g_assert_cmpint (json_object_get_int_member (o, "target_minors"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "by_host_country"), "FR"), ==, 1);
  g_assert_true (json_object_has_member (o, "by_return_country"));
  g_assert_true (json_object_has_member (o, "by_status"));
  g_assert_true (json_object_has_member (o, "by_measure_category"));
  g_assert_true (json_object_has_member (o, "followups_overdue"));
  g_assert_true (json_object_has_member (o, "budget_planned"));

  cli_run (&followups, "en", IN, f->vault, (const char *[]) { "--format", "json", "followups", "--overdue", NULL });
  g_assert_cmpint (followups.status, ==, 0);
  followups_root = parse_json (followups.out);
  entries = json_node_get_array (followups_root);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, i), "state"), ==, "overdue");

  cli_run (&history, "en", IN, f->vault, (const char *[]) { "--format", "json", "history", number, NULL });
  g_assert_cmpint (history.status, ==, 0);
  history_root = parse_json (history.out);
  entries = json_node_get_array (history_root);
  g_assert_cmpuint (json_array_get_length (entries), >=, 1);
  o = json_array_get_object_element (entries, json_array_get_length (entries) - 1);
  g_assert_cmpstr (json_object_get_string_member (o, "action"), ==, "create");
  g_assert_cmpstr (json_object_get_string_member (o, "who"), ==, "amina");
}

static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) fr = { 0 };
  const char *text =
    "family_name,given_names,host_country,return_country,referral_date\n"
    "Okafor,Blessing,IT,NG,2014-02-01\n"
    "Weber,Anna,AT,DE,2014-02-03\n"          /* back to the EU: refused */
    "Mensah,,FR,GH,2014-02-05\n";           /* given names missing */

  g_assert_true (g_file_set_contents (bad, text, -1, NULL));
  cli_run (&run, "en", IN, f->vault, (const char *[]) { "import", bad, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "3"));
  g_assert_nonnull (strstr (run.err, "return_country"));
  g_assert_nonnull (strstr (run.err, "given_names"));

  cli_run (&fr, "fr", IN, f->vault, (const char *[]) { "import", bad, NULL });
  g_assert_cmpint (fr.status, ==, 1);
  g_assert_nonnull (strstr (fr.err, "ligne"));

  /* Nothing of the good row either. */
  g_assert_cmpuint (json_array_get_length (list_json (f, &root, NULL)), ==, 3);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = g_build_filename (f->dir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.csv", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.care", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_auto(CliRun) demo = { 0 }, out1 = { 0 }, init = { 0 }, in = { 0 }, out2 = { 0 };

  cli_run (&demo, "en", IN, f->vault, (const char *[]) { "demo", "--count", "150", "--seed", "11", NULL });
  g_assert_cmpint (demo.status, ==, 0);
  cli_run (&out1, "en", IN, f->vault, (const char *[]) { "export", first, NULL });
  g_assert_cmpint (out1.status, ==, 0);

  cli_run (&init, "en", IN, other, (const char *[]) { "init", "--kdf-cost", "interactive", NULL });
  g_assert_cmpint (init.status, ==, 0);
  cli_run (&in, "en", IN, other, (const char *[]) { "import", "--allow-duplicates", first, NULL });
  g_assert_cmpint (in.status, ==, 0);
  cli_run (&out2, "en", IN, other, (const char *[]) { "export", second, NULL });
  g_assert_cmpint (out2.status, ==, 0);

  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
}

static void
test_check_finds_forged_history (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) sound = { 0 };
  g_auto(CliRun) forged = { 0 };
  CareVault *vault;

  cli_run (&sound, "en", IN, f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (sound.status, ==, 0);

  /* Someone with the passphrase rewrites the log behind CARE's back. */
  vault = care_vault_open (f->vault, NULL, PASS, &error);
  g_assert_no_error (error);
  care_sql_exec (care_vault_get_db (vault),
                 "UPDATE history SET who = 'someone else' WHERE seq = (SELECT min(seq) FROM history)", &error);
  g_assert_no_error (error);
  g_object_unref (vault);

  cli_run (&forged, "en", IN, f->vault, (const char *[]) { "check", NULL });
  g_assert_cmpint (forged.status, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  signal (SIGPIPE, SIG_IGN);

#define ADD(path, func) \
  g_test_add ("/cli-cases/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list-json", test_list_json);
  ADD ("search-ignores-accents", test_search_ignores_accents);
  ADD ("show-stats-followups-history", test_show_stats_followups_history);
  ADD ("import-all-or-nothing", test_import_all_or_nothing);
  ADD ("round-trip", test_round_trip);
  ADD ("check-finds-forged-history", test_check_finds_forged_history);
#undef ADD

  return g_test_run ();
}
