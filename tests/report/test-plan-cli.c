/* test-plan-cli.c — care-cli plan-pdf, key export, verify and plan-scan as
 * an office uses them, with Debian's minisign as the independent judge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "care-case-store.h"
#include "care-plan-scan-store.h"
#include "cli-test-util.h"
#include "plan-test-util.h"
#include "vault-test-util.h"

#define IN TEST_PASSPHRASE "\n"

typedef struct {
  char *dir;
  char *vault;
  char *agreed;    /* case numbers */
  char *draft;
} Fixture;

static char *
save_case (CareVault *vault,
           CareCase  *c)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  care_date_set (&today, 2014, 12, 1);
  /* The store numbers cases itself. */
  memset (&c->number, 0, sizeof c->number);
  g_assert_true (care_case_store_save (vault, c, NULL, &today, &error));
  g_assert_no_error (error);
  return care_case_number_format (&c->number);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareCase) agreed = plan_test_make_case (PLAN_SAMPLE_CYRILLIC, TRUE, 0, FALSE, "en");
  g_autoptr(CareCase) draft = plan_test_make_case (PLAN_SAMPLE_ARABIC, TRUE, 0, TRUE, "fr");
  g_autofree char *recovery = NULL;

  /* In the build tree: the test PDFs, invented as they are, are what
   * CARE writes in clear, and it never writes those to /tmp. */
  f->dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                             "plan-cli-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (f->dir));
  f->vault = g_build_filename (f->dir, "office.care", NULL);
  vault = care_vault_create (f->vault, TEST_USER, TEST_PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery, &error);
  g_assert_no_error (error);
  f->agreed = save_case (vault, agreed);
  f->draft = save_case (vault, draft);
  care_vault_lock (vault);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cli_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->vault);
  g_free (f->agreed);
  g_free (f->draft);
}

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static int
run_tool (const char * const *argv,
          char              **out)
{
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, out, NULL, &wait_status, NULL));
  return g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL }, &out), ==, 0);
  return g_strdelimit (g_steal_pointer (&out), "\n\u00a0", ' ');
}

static void
test_sign_and_verify (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = in_dir (f, "plan.pdf");
  g_autofree char *sig = in_dir (f, "plan.pdf.minisig");
  g_autofree char *pub = in_dir (f, "office.pub");
  g_autofree char *tampered = in_dir (f, "tampered.pdf");
  g_autofree char *tampered_sig = in_dir (f, "tampered.pdf.minisig");
  g_autofree char *contents = NULL, *signature = NULL, *out = NULL;
  g_auto(CliRun) export = { 0 };
  g_auto(CliRun) key = { 0 };
  g_auto(CliRun) verify = { 0 };
  g_auto(CliRun) verify_bad = { 0 };
  gsize length;

  cli_run (&export, "en", IN, f->vault,
           (const char *[]) { "plan-pdf", f->agreed, "--sign", "-o", pdf, NULL });
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.err, "not encrypted"));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (sig, G_FILE_TEST_IS_REGULAR));

  cli_run (&key, "en", IN, f->vault, (const char *[]) { "key", "export", "-o", pub, NULL });
  g_assert_cmpint (key.status, ==, 0);
  g_assert_true (g_file_get_contents (pub, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "untrusted comment: minisign public key "));
  g_clear_pointer (&contents, g_free);

  /* Debian's minisign, which knows nothing of CARE, accepts it. */
  g_assert_cmpint (run_tool ((const char *[]) { "minisign", "-V", "-p", pub, "-m", pdf, NULL }, &out), ==, 0);
  g_assert_nonnull (strstr (out, f->agreed));

  cli_run (&verify, "en", IN, f->vault, (const char *[]) { "verify", pdf, NULL });
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_nonnull (strstr (verify.out, f->agreed));
  g_assert_nonnull (strstr (verify.out, "plan version 1, agreed on 2014-11-30"));
  g_assert_nonnull (strstr (verify.out, "matches the plan in the vault"));
  g_assert_nonnull (strstr (verify.out, "Signature: valid"));

  /* One byte changed: minisign and care-cli both refuse it. */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  contents[length - 10] ^= 0x20;
  g_assert_true (g_file_set_contents (tampered, contents, length, NULL));
  g_assert_true (g_file_get_contents (sig, &signature, NULL, NULL));
  g_assert_true (g_file_set_contents (tampered_sig, signature, -1, NULL));
  g_assert_cmpint (run_tool ((const char *[]) { "minisign", "-V", "-q", "-p", pub, "-m", tampered, NULL }, NULL),
                   !=, 0);
  cli_run (&verify_bad, "en", IN, f->vault, (const char *[]) { "verify", tampered, NULL });
  g_assert_cmpint (verify_bad.status, ==, 4);
  g_assert_nonnull (strstr (verify_bad.out, "INVALID"));
  g_assert_nonnull (strstr (verify_bad.out, "changed after it was signed"));
}

static void
test_verify_amended (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *pdf = in_dir (f, "draft.pdf");
  g_auto(CliRun) export = { 0 };
  g_auto(CliRun) before = { 0 };
  g_auto(CliRun) after = { 0 };
  g_auto(CliRun) json = { 0 };
  g_autoptr(GError) error = NULL;

  cli_run (&export, "en", IN, f->vault, (const char *[]) { "plan-pdf", f->draft, "-o", pdf, NULL });
  g_assert_cmpint (export.status, ==, 0);
  cli_run (&before, "en", IN, f->vault, (const char *[]) { "verify", pdf, NULL });
  g_assert_cmpint (before.status, ==, 0);
  g_assert_nonnull (strstr (before.out, "a draft (not agreed)"));
  g_assert_nonnull (strstr (before.out, "Signature: none"));

  /* The draft is amended after it was printed: one more measure. */
  {
    g_autoptr(CareVault) vault = care_vault_open (f->vault, NULL, TEST_PASSPHRASE, &error);
    g_autoptr(CareCase) c = NULL;
    CareMeasure *m;
    GDate today;

    g_assert_no_error (error);
    c = care_case_store_load (vault, f->draft, &error);
    g_assert_no_error (error);
    m = care_measure_new (CARE_MEASURE_LEGAL_ASSISTANCE, "Lawyer for the trial of the recruiters");
    m->budget_cents = 50000;
    g_assert_true (care_plan_version_add_measure (care_plan_edit (c->plan), m, NULL));
    care_date_set (&today, 2014, 12, 2);
    g_assert_true (care_case_store_save (vault, c, NULL, &today, &error));
    g_assert_no_error (error);
    care_vault_lock (vault);
  }

  cli_run (&after, "en", IN, f->vault, (const char *[]) { "verify", pdf, NULL });
  g_assert_cmpint (after.status, ==, 4);
  g_assert_nonnull (strstr (after.out, "MISMATCH"));
  g_assert_nonnull (strstr (after.out, "Differs: the measures."));
  g_assert_null (strstr (after.out, "Differs: the beneficiary"));

  cli_run (&json, "en", IN, f->vault, (const char *[]) { "--format", "json", "verify", pdf, NULL });
  g_assert_cmpint (json.status, ==, 4);
  {
    g_autoptr(JsonNode) root = json_from_string (json.out, &error);
    JsonObject *o;

    g_assert_no_error (error);
    o = json_node_get_object (root);
    g_assert_false (json_object_get_boolean_member (o, "ok"));
    g_assert_false (json_object_get_boolean_member (o, "code_matches"));
    g_assert_cmpstr (json_object_get_string_member (o, "case_number"), ==, f->draft);
    g_assert_cmpstr (json_object_get_string_member (o, "signature"), ==, "absent");
  }
}

static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *en = in_dir (f, "english.pdf");
  g_autofree char *fr = in_dir (f, "french.pdf");
  g_autofree char *text_en = NULL, *text_fr = NULL;
  g_auto(CliRun) a = { 0 };
  g_auto(CliRun) b = { 0 };
  g_auto(CliRun) c = { 0 };

  /* A French interface exports an English plan, and the other way round. */
  cli_run (&a, "fr", IN, f->vault, (const char *[]) { "plan-pdf", f->agreed, "-o", en, NULL });
  g_assert_cmpint (a.status, ==, 0);
  g_assert_nonnull (strstr (a.err, "pas chiffré"));
  cli_run (&b, "en", IN, f->vault, (const char *[]) { "plan-pdf", f->agreed, "--lang", "fr", "-o", fr, NULL });
  g_assert_cmpint (b.status, ==, 0);
  text_en = pdf_text (en);
  text_fr = pdf_text (fr);
  g_assert_nonnull (strstr (text_en, "Individual reintegration plan"));
  g_assert_nonnull (strstr (text_en, "Коваленко"));
  g_assert_null (strstr (text_en, "Plan individuel"));
  g_assert_nonnull (strstr (text_fr, "Plan individuel de réintégration"));
  g_assert_nonnull (strstr (text_fr, "Коваленко"));

  cli_run (&c, "en", IN, f->vault, (const char *[]) { "plan-pdf", f->agreed, "--lang", "de", "-o", fr, NULL });
  g_assert_cmpint (c.status, ==, 2);
}

static void
test_scan (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *scan = in_dir (f, "signed-scan.pdf");
  g_autofree char *not_scan = in_dir (f, "notes.txt");
  g_auto(CliRun) attach = { 0 };
  g_auto(CliRun) list = { 0 };
  g_auto(CliRun) draft = { 0 };
  g_auto(CliRun) wrong = { 0 };
  g_autoptr(GError) error = NULL;
  static const char scan_bytes[] = "%PDF-1.4\n% a scanned signed plan, MARKER-SCAN-7731\n%%EOF\n";

  g_assert_true (g_file_set_contents (scan, scan_bytes, -1, NULL));
  g_assert_true (g_file_set_contents (not_scan, "hello", -1, NULL));

  cli_run (&attach, "en", IN, f->vault,
           (const char *[]) { "plan-scan", f->agreed, "--attach", scan, "--version", "1", NULL });
  g_assert_cmpint (attach.status, ==, 0);
  cli_run (&list, "en", IN, f->vault, (const char *[]) { "plan-scan", f->agreed, NULL });
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "1\tapplication/pdf\tsigned-scan.pdf"));

  /* A draft was never signed; a text file is not a scan. */
  cli_run (&draft, "en", IN, f->vault,
           (const char *[]) { "plan-scan", f->draft, "--attach", scan, "--version", "1", NULL });
  g_assert_cmpint (draft.status, ==, 1);
  cli_run (&wrong, "en", IN, f->vault,
           (const char *[]) { "plan-scan", f->agreed, "--attach", not_scan, "--version", "1", NULL });
  g_assert_cmpint (wrong.status, ==, 1);

  /* Kept inside the vault, encrypted, and given back whole. */
  g_assert_false (vault_test_file_contains (f->vault, "MARKER-SCAN-7731"));
  {
    g_autoptr(CareVault) vault = care_vault_open (f->vault, NULL, TEST_PASSPHRASE, &error);
    g_autoptr(CarePlanScan) s = NULL;

    g_assert_no_error (error);
    s = care_plan_scan_store_get (vault, f->agreed, 1, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (s->media_type, ==, "application/pdf");
    g_assert_cmpuint (g_bytes_get_size (s->data), ==, strlen (scan_bytes));
    g_assert_cmpmem (g_bytes_get_data (s->data, NULL), strlen (scan_bytes), scan_bytes, strlen (scan_bytes));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan-cli/sign-and-verify", Fixture, NULL, fixture_set_up, test_sign_and_verify, fixture_tear_down);
  g_test_add ("/plan-cli/verify-amended", Fixture, NULL, fixture_set_up, test_verify_amended, fixture_tear_down);
  g_test_add ("/plan-cli/languages", Fixture, NULL, fixture_set_up, test_languages, fixture_tear_down);
  g_test_add ("/plan-cli/scan", Fixture, NULL, fixture_set_up, test_scan, fixture_tear_down);

  return g_test_run ();
}
