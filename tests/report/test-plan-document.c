/* test-plan-document.c — the plan document: its text in both languages and
 * in every script, pagination, the PDF as Debian's tools see it, the
 * verification code and the minisign signature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sodium.h>
#include <string.h>

#include "care-i18n.h"
#include "care-minisign.h"
#include "care-plan-code.h"
#include "care-plan-document.h"
#include "care-plan-pdf.h"
#include "plan-test-util.h"

static char *test_dir;

/* Runs ARGV and returns its standard output; asserts it exited with 0
 * unless STATUS is given. */
static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (status != NULL)
    *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  else if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
make_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static char *
write_pdf (CareCase                      *c,
           const CarePlanDocumentOptions *options,
           const char                    *name,
           CarePlanDocument             **out_document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarePlanDocument) document = care_plan_document_new (c, 0, options, &error);
  char *path = make_path (name);

  g_assert_no_error (error);
  g_assert_true (care_plan_pdf_write (document, path, &error));
  g_assert_no_error (error);
  if (out_document != NULL)
    *out_document = g_steal_pointer (&document);
  return path;
}

/* pdftotext's text with every run of white space made one space, so
 * that words wrapped by the layout are still found. */
static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 10000);
  g_autofree char *text = run ((const char *[]) { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", last,
                                                  path, "-", NULL }, NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("[\\s\u00a0\u202f]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      { g_printerr ("%s\n", (haystack)); g_error ("“%s” not found (text on stderr)", (needle)); } \
  } G_STMT_END

#define assert_not_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) != NULL) \
      { g_printerr ("%s\n", (haystack)); g_error ("“%s” unexpectedly found (text on stderr)", (needle)); } \
  } G_STMT_END

static void
test_text_scripts (void)
{
  g_autoptr(CareCase) arabic = plan_test_make_case (PLAN_SAMPLE_ARABIC, TRUE, 0, FALSE, "en");
  g_autoptr(CareCase) cyrillic = plan_test_make_case (PLAN_SAMPLE_CYRILLIC, TRUE, 0, FALSE, "en");
  g_autoptr(CareCase) greek = plan_test_make_case (PLAN_SAMPLE_GREEK, TRUE, 0, FALSE, "en");
  g_autofree char *p1 = write_pdf (arabic, NULL, "arabic.pdf", NULL);
  g_autofree char *p2 = write_pdf (cyrillic, NULL, "cyrillic.pdf", NULL);
  g_autofree char *p3 = write_pdf (greek, NULL, "greek.pdf", NULL);
  g_autofree char *t1 = pdf_text (p1, 0);
  g_autofree char *t2 = pdf_text (p2, 0);
  g_autofree char *t3 = pdf_text (p3, 0);

  /* Names, shaped Arabic included: poppler maps the glyphs back to the
   * characters through the ToUnicode tables cairo writes. */
  assert_contains (t1, "حداد");
  assert_contains (t1, "أمل");
  assert_contains (t1, "Marie-Hélène Lefèvre");
  assert_contains (t1, "Morocco");
  assert_contains (t2, "Коваленко");
  assert_contains (t2, "Олена");
  assert_contains (t2, "Львів");
  assert_contains (t2, "Małgorzata Wiśniewska");
  assert_contains (t3, "Nguyễn");
  assert_contains (t3, "Hải Phòng");
  assert_contains (t3, "Ελένη Παπαδοπούλου");
  assert_contains (t3, "Søren Åkesson");

  /* Measures, group subtotals and the total; the cancelled measure is
   * shown but not counted. */
  assert_contains (t1, "Sewing workshop: two machines");
  assert_contains (t1, "Income-generating activity");
  assert_contains (t1, "Mediation sessions with her mother and sisters");
  assert_contains (t1, "Subtotal, Economic €3,250.00");
  assert_contains (t1, "Subtotal, Social €2,284.00");
  assert_contains (t1, "Subtotal, Psychosocial €900.00");
  assert_contains (t1, "Total budget €6,614.00");
  assert_contains (t1, "€1,234.00");
  assert_contains (t1, "The beneficiary");
  assert_contains (t1, "The referring association");
}

static void
test_pdf_tools (void)
{
  g_autoptr(CareCase) c = plan_test_make_case (PLAN_SAMPLE_ARABIC, TRUE, 0, FALSE, "fr");
  CarePlanDocumentOptions letter = { .paper = CARE_PAPER_LETTER };
  g_autofree char *a4 = write_pdf (c, NULL, "tools-a4.pdf", NULL);
  g_autofree char *us = write_pdf (c, &letter, "tools-letter.pdf", NULL);
  g_autofree char *info = run ((const char *[]) { "pdfinfo", a4, NULL }, NULL);
  g_autofree char *info_us = run ((const char *[]) { "pdfinfo", us, NULL }, NULL);
  g_autofree char *fonts = run ((const char *[]) { "pdffonts", a4, NULL }, NULL);
  g_autofree char *check = run ((const char *[]) { "qpdf", "--check", a4, NULL }, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  assert_contains (info, "Page size:       595.276 x 841.89 pts (A4)");
  assert_contains (info, "Title:           Plan de réintégration CARE-FR-2014-0007");
  assert_contains (info_us, "612 x 792 pts (letter)");
  assert_contains (check, "No syntax or stream encoding errors found");

  /* name type encoding emb sub uni object ID: every font embedded. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      fields = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (fields);
      g_assert_cmpuint (n, >=, 7);
      if (!g_str_equal (fields[n - 5], "yes"))
        g_error ("font not embedded: %s", lines[i]);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  /* Arabic needs its own font: it is embedded too. */
  assert_contains (fonts, "Arabic");
}

static void
test_pagination (void)
{
  g_autoptr(CareCase) c = plan_test_make_case (PLAN_SAMPLE_CYRILLIC, FALSE, 60, FALSE, "en");
  g_autoptr(CarePlanDocument) document = NULL;
  g_autofree char *path = write_pdf (c, NULL, "sixty.pdf", &document);
  const CarePlanBlockPlacement *placements;
  guint n_placements, n_pages = care_plan_document_get_n_pages (document);
  double width, height;
  int seen[60] = { 0 };
  guint order[60], n_order = 0;
  guint headers_per_page[32] = { 0 };

  care_plan_document_get_page_size (document, &width, &height);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (n_pages, <, G_N_ELEMENTS (headers_per_page));

  /* Every block is whole on one page, above the footer. */
  placements = care_plan_document_get_placements (document, &n_placements);
  for (guint i = 0; i < n_placements; i++)
    {
      const CarePlanBlockPlacement *p = &placements[i];

      g_assert_cmpuint (p->page, <, n_pages);
      g_assert_cmpfloat (p->y, >=, 0);
      g_assert_cmpfloat (p->y + p->height, <=, height - 60);
      if (p->kind == CARE_PLAN_BLOCK_MEASURE)
        {
          g_assert_cmpint (p->measure, >=, 0);
          g_assert_cmpint (p->measure, <, 60);
          seen[p->measure]++;
          order[n_order++] = p->measure + 1;
        }
      if (p->kind == CARE_PLAN_BLOCK_TABLE_HEADER)
        headers_per_page[p->page]++;
    }
  for (guint i = 0; i < 60; i++)
    g_assert_cmpint (seen[i], ==, 1);
  /* The table's header opens it and is repeated on each page it runs onto. */
  for (guint page = 0; page < n_pages; page++)
    {
      gboolean has_row = FALSE;

      for (guint i = 0; i < n_placements; i++)
        if (placements[i].page == page && placements[i].kind == CARE_PLAN_BLOCK_MEASURE)
          has_row = TRUE;
      if (has_row)
        g_assert_cmpuint (headers_per_page[page], ==, 1);
    }
  /* The signatures come last, whole. */
  g_assert_cmpint (placements[n_placements - 1].kind, ==, CARE_PLAN_BLOCK_SIGNATURES);
  g_assert_cmpuint (placements[n_placements - 1].page, ==, n_pages - 1);

  /* The PDF agrees: each measure's text on exactly one page, in the
   * layout's order (by group), and "Page N of M" on every page. */
  {
    g_autofree char *info = run ((const char *[]) { "pdfinfo", path, NULL }, NULL);
    g_autofree char *pages_line = g_strdup_printf ("Pages:           %u\n", n_pages);
    guint next = 0;
    guint previous_page_last = 0;

    assert_contains (info, pages_line);
    for (guint page = 1; page <= n_pages; page++)
      {
        g_autofree char *text = pdf_text (path, page);
        g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

        assert_contains (text, footer);
        /* The measures of this page are the next ones of the layout,
         * and no other measure shows on it. */
        previous_page_last = next;
        while (next < n_order)
          {
            g_autofree char *needle = g_strdup_printf ("Measure number %u of a long plan", order[next]);

            if (strstr (text, needle) == NULL)
              break;
            next++;
          }
        for (guint i = 0; i < n_order; i++)
          {
            g_autofree char *needle = g_strdup_printf ("Measure number %u of a long plan", order[i]);

            if (i < previous_page_last || i >= next)
              assert_not_contains (text, needle);
          }
      }
    g_assert_cmpuint (next, ==, 60);
  }
}

static void
test_languages (void)
{
  g_autoptr(CareCase) fr = plan_test_make_case (PLAN_SAMPLE_ARABIC, TRUE, 0, FALSE, "fr");
  CarePlanDocumentOptions english = { .language = "en" };
  g_autoptr(CarePlanDocument) document_fr = NULL, document_en = NULL;
  g_autofree char *pfr = write_pdf (fr, NULL, "lang-fr.pdf", &document_fr);
  g_autofree char *pen = write_pdf (fr, &english, "lang-en.pdf", &document_en);
  g_autofree char *tfr = pdf_text (pfr, 0);
  g_autofree char *ten = pdf_text (pen, 0);

  /* The interface speaks French (main() sets LANGUAGE=fr): the English
   * document must not. */
  g_assert_cmpstr (care_plan_document_get_language (document_fr), ==, "fr");
  g_assert_cmpstr (care_plan_document_get_language (document_en), ==, "en");

  assert_contains (tfr, "Plan individuel de réintégration");
  assert_contains (tfr, "Convenu le 30 novembre 2014");
  assert_contains (tfr, "23 avril 1991");
  assert_contains (tfr, "Maroc");
  assert_contains (tfr, "Activité génératrice de revenus");
  assert_contains (tfr, "Sous-total, Économique 3 250,00 €");
  assert_contains (tfr, "Budget total 6 614,00 €");
  assert_contains (tfr, "1 234,00 €");
  assert_contains (tfr, "Le ou la bénéficiaire");
  assert_contains (tfr, "Page 1 sur");
  assert_contains (tfr, "Édité le ");
  assert_contains (tfr, "Code de vérification ");
  assert_not_contains (tfr, "Individual reintegration plan");
  assert_not_contains (tfr, "Total budget");

  assert_contains (ten, "Individual reintegration plan");
  assert_contains (ten, "Agreed on 30 November 2014");
  assert_contains (ten, "23 April 1991");
  assert_contains (ten, "Morocco");
  assert_contains (ten, "Income-generating activity");
  assert_contains (ten, "Total budget €6,614.00");
  assert_contains (ten, "Page 1 of");
  assert_not_contains (ten, "Plan individuel");
  assert_not_contains (ten, "Maroc");

  /* One plan, one code, whatever the language. */
  g_assert_cmpstr (care_plan_document_get_code (document_fr), ==, care_plan_document_get_code (document_en));
}

static void
test_draft (void)
{
  g_autoptr(CareCase) draft = plan_test_make_case (PLAN_SAMPLE_GREEK, FALSE, 40, TRUE, "en");
  g_autoptr(CareCase) draft_fr = plan_test_make_case (PLAN_SAMPLE_GREEK, TRUE, 0, TRUE, "fr");
  g_autoptr(CareCase) agreed = plan_test_make_case (PLAN_SAMPLE_GREEK, TRUE, 0, FALSE, "en");
  g_autoptr(CarePlanDocument) document = NULL;
  g_autofree char *pd = write_pdf (draft, NULL, "draft.pdf", &document);
  g_autofree char *pf = write_pdf (draft_fr, NULL, "draft-fr.pdf", NULL);
  g_autofree char *pa = write_pdf (agreed, NULL, "agreed.pdf", NULL);
  g_autofree char *tf = pdf_text (pf, 1);
  g_autofree char *ta = pdf_text (pa, 0);

  g_assert_true (care_plan_document_is_draft (document));
  g_assert_cmpuint (care_plan_document_get_n_pages (document), >=, 2);
  for (guint page = 1; page <= care_plan_document_get_n_pages (document); page++)
    {
      g_autofree char *text = pdf_text (pd, page);

      assert_contains (text, "DRAFT");
    }
  assert_contains (tf, "PROJET");
  assert_contains (tf, "Projet, pas encore convenu");
  assert_not_contains (ta, "DRAFT");
  assert_contains (ta, "Agreed on 30 November 2014");
}

static void
test_empty_plan (void)
{
  g_autoptr(CareCase) c = plan_test_make_case (PLAN_SAMPLE_ARABIC, FALSE, 0, TRUE, "fr");
  g_autoptr(CareCase) no_plan = plan_test_make_case (PLAN_SAMPLE_ARABIC, FALSE, 0, TRUE, "fr");
  g_autoptr(CarePlanDocument) document = NULL, document2 = NULL;
  g_autofree char *path = write_pdf (c, NULL, "empty.pdf", &document);
  g_autofree char *path2 = NULL;
  g_autofree char *text = pdf_text (path, 0);
  const CarePlanBlockPlacement *placements;
  guint n, blank = 0;

  placements = care_plan_document_get_placements (document, &n);
  for (guint i = 0; i < n; i++)
    if (placements[i].kind == CARE_PLAN_BLOCK_BLANK_ROW)
      blank++;
  g_assert_cmpuint (blank, >=, 5);
  assert_contains (text, "PROJET");
  assert_contains (text, "Budget total");
  assert_contains (text, "Signatures");

  /* A case with no plan at all prints the same blank draft. */
  g_ptr_array_set_size (no_plan->plan->versions, 0);
  path2 = write_pdf (no_plan, NULL, "no-plan.pdf", &document2);
  g_assert_true (care_plan_document_is_draft (document2));
  g_assert_cmpuint (care_plan_document_get_version (document2), ==, 1);
}

static void
test_code (void)
{
  g_autoptr(CareCase) c = plan_test_make_case (PLAN_SAMPLE_ARABIC, TRUE, 0, TRUE, "fr");
  CarePlanVersion *v = care_plan_get_current (c->plan);
  g_autofree char *code1 = care_plan_code_compute (c, v);
  g_autofree char *code2 = care_plan_code_compute (c, v);
  g_autofree char *parts1 = care_plan_code_compute_parts (c, v);
  g_autofree char *code3 = NULL, *parts3 = NULL, *formatted = NULL, *normalized = NULL;
  g_autoptr(GArray) differ = NULL;

  g_assert_cmpuint (strlen (code1), ==, CARE_PLAN_CODE_LENGTH);
  g_assert_true (g_regex_match_simple ("^[A-Z2-7]{8}$", code1, 0, 0));
  g_assert_cmpstr (code1, ==, code2);

  /* A cent more on one measure changes the code, and says where. */
  ((CareMeasure *) g_ptr_array_index (v->measures, 3))->budget_cents += 1;
  code3 = care_plan_code_compute (c, v);
  parts3 = care_plan_code_compute_parts (c, v);
  g_assert_cmpstr (code1, !=, code3);
  differ = care_plan_code_compare_parts (parts1, parts3);
  g_assert_cmpuint (differ->len, ==, 1);
  g_assert_cmpint (g_array_index (differ, CarePlanPart, 0), ==, CARE_PLAN_PART_MEASURES);

  formatted = care_plan_code_format (code1);
  g_assert_cmpuint (strlen (formatted), ==, 9);
  g_assert_cmpint (formatted[4], ==, '-');
  normalized = care_plan_code_normalize (formatted);
  g_assert_cmpstr (normalized, ==, code1);
}

static void
test_formats (void)
{
  GDate d;
  struct { gint64 cents; const char *currency; const char *lang; const char *expected; } money[] = {
    { 123456, "EUR", "fr", "1\u202f234,56\u00a0€" },
    { 123456, "EUR", "en", "€1,234.56" },
    { 5, "EUR", "en", "€0.05" },
    { 100000000, "EUR", "fr", "1\u202f000\u202f000,00\u00a0€" },
    { 99900, "USD", "en", "USD\u00a0999.00" },
    { 99900, "USD", "fr", "999,00\u00a0USD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    {
      g_autofree char *s = care_plan_document_format_money (money[i].cents, money[i].currency, money[i].lang);

      g_assert_cmpstr (s, ==, money[i].expected);
    }

  care_date_set (&d, 2026, 11, 30);
  {
    g_autofree char *fr = care_plan_document_format_date (&d, "fr");
    g_autofree char *en = care_plan_document_format_date (&d, "en");

    g_assert_cmpstr (fr, ==, "30\u00a0novembre 2026");
    g_assert_cmpstr (en, ==, "30\u00a0November 2026");
  }
  care_date_set (&d, 2015, 5, 1);
  {
    g_autofree char *fr = care_plan_document_format_date (&d, "fr");

    g_assert_cmpstr (fr, ==, "1er\u00a0mai 2015");
  }
}

static void
test_stamp_and_atomic_write (void)
{
  g_autoptr(CareCase) c = plan_test_make_case (PLAN_SAMPLE_CYRILLIC, TRUE, 0, FALSE, "en");
  g_autoptr(CarePlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_path ("atomic");
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *missing = make_path ("no-such-dir/plan.pdf");
  g_autoptr(GDir) listing = NULL;
  CarePlanStamp stamp = { 0 };
  GStatBuf st;
  const char *name;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  document = care_plan_document_new (c, 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (care_plan_pdf_write (document, missing, &error));
  g_assert_error (error, CARE_PLAN_PDF_ERROR, CARE_PLAN_PDF_ERROR_IO);
  g_clear_error (&error);

  /* Over an existing file: replaced whole, nothing left beside it, and
   * readable by its owner only. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (care_plan_pdf_write (document, path, &error));
  g_assert_no_error (error);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "plan.pdf");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  g_assert_true (care_plan_pdf_read_stamp (path, &stamp, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stamp.case_number, ==, "CARE-PL-2014-0003");
  g_assert_cmpuint (stamp.version, ==, 1);
  g_assert_cmpuint (g_date_get_day (&stamp.agreed_on), ==, 30);
  g_assert_cmpstr (stamp.code, ==, care_plan_document_get_code (document));
  g_assert_cmpstr (stamp.parts, ==, care_plan_document_get_parts (document));
  g_assert_cmpstr (stamp.language, ==, "en");
  care_plan_stamp_clear (&stamp);

  g_assert_true (g_file_set_contents (path, "%PDF-1.5\nnothing of CARE here\n", -1, NULL));
  g_assert_false (care_plan_pdf_read_stamp (path, &stamp, &error));
  g_assert_error (error, CARE_PLAN_PDF_ERROR, CARE_PLAN_PDF_ERROR_NOT_A_PLAN);
}

static void
test_minisign (void)
{
  g_autoptr(CareCase) c = plan_test_make_case (PLAN_SAMPLE_ARABIC, TRUE, 0, FALSE, "fr");
  g_autofree char *pdf = write_pdf (c, NULL, "signed.pdf", NULL);
  g_autofree char *sig_path = g_strconcat (pdf, ".minisig", NULL);
  g_autofree char *pub_path = make_path ("office.pub");
  g_autofree char *tampered = make_path ("tampered.pdf");
  g_autofree char *tampered_sig = g_strconcat (tampered, ".minisig", NULL);
  g_autofree char *signature = NULL, *pub = NULL, *contents = NULL, *comment = NULL, *out = NULL;
  g_autoptr(GError) error = NULL;
  CareOfficeKey key = { 0 };
  gsize length;
  int status;

  key.secret_key = sodium_malloc (CARE_OFFICE_KEY_SECRET_BYTES);
  crypto_sign_keypair (key.public_key, key.secret_key);
  randombytes_buf (key.key_id, sizeof key.key_id);

  signature = care_minisign_sign_file (&key, pdf, "timestamp:0\tfile:signed.pdf\tcase:CARE-FR-2014-0007", &error);
  g_assert_no_error (error);
  pub = care_minisign_format_public_key (&key);
  g_assert_true (g_file_set_contents (sig_path, signature, -1, NULL));
  g_assert_true (g_file_set_contents (pub_path, pub, -1, NULL));

  /* Debian's minisign accepts it… */
  out = run ((const char *[]) { "minisign", "-V", "-p", pub_path, "-m", pdf, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "case:CARE-FR-2014-0007");
  g_assert_true (care_minisign_verify_file (&key, pdf, signature, &comment, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, "timestamp:0\tfile:signed.pdf\tcase:CARE-FR-2014-0007");

  /* …and refuses the file once one byte changed, as CARE does. */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  contents[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (tampered, contents, length, NULL));
  g_assert_true (g_file_set_contents (tampered_sig, signature, -1, NULL));
  g_free (run ((const char *[]) { "minisign", "-V", "-q", "-p", pub_path, "-m", tampered, NULL }, &status));
  g_assert_cmpint (status, !=, 0);
  g_assert_false (care_minisign_verify_file (&key, tampered, signature, NULL, &error));
  g_assert_error (error, CARE_MINISIGN_ERROR, CARE_MINISIGN_ERROR_BAD_FILE);
  g_clear_error (&error);

  /* An edited trusted comment is caught by the global signature. */
  {
    g_autoptr(GString) edited = g_string_new (signature);

    g_string_replace (edited, "CARE-FR-2014-0007", "CARE-FR-2014-0008", 1);
    g_assert_false (care_minisign_verify_file (&key, pdf, edited->str, NULL, &error));
    g_assert_error (error, CARE_MINISIGN_ERROR, CARE_MINISIGN_ERROR_BAD_COMMENT);
    g_clear_error (&error);
  }

  sodium_free (key.secret_key);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *template = NULL;
  int status;

  /* The interface in French: documents in English must not follow it. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  care_i18n_init ();
  g_assert_cmpint (sodium_init (), >=, 0);
  g_test_init (&argc, &argv, NULL);

  /* Test PDFs hold invented people only, in the build tree. */
  template = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                               "plan-document-XXXXXX", NULL);
  test_dir = g_mkdtemp (template);
  g_assert_nonnull (test_dir);

  g_test_add_func ("/plan-document/text/scripts", test_text_scripts);
  g_test_add_func ("/plan-document/pdf-tools", test_pdf_tools);
  g_test_add_func ("/plan-document/pagination", test_pagination);
  g_test_add_func ("/plan-document/languages", test_languages);
  g_test_add_func ("/plan-document/draft", test_draft);
  g_test_add_func ("/plan-document/empty-plan", test_empty_plan);
  g_test_add_func ("/plan-document/code", test_code);
  g_test_add_func ("/plan-document/formats", test_formats);
  g_test_add_func ("/plan-document/stamp-and-atomic-write", test_stamp_and_atomic_write);
  g_test_add_func ("/plan-document/minisign", test_minisign);

  status = g_test_run ();
  remove_tree (test_dir);
  return status;
}
