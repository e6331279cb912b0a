/* bench-plans.c — plan documents to PDF (issue 6): one typical three-page
 * plan must take at most 100 ms, a batch of 100 plans at most 10 s.
 * Prints the figures; never fails on a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "care-i18n.h"
#include "care-plan-pdf.h"
#include "plan-test-util.h"

static double
render (CareCase   *c,
        const char *path,
        guint      *out_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarePlanDocument) document = NULL;
  gint64 start = g_get_monotonic_time ();

  document = care_plan_document_new (c, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (care_plan_pdf_write (document, path, &error));
  g_assert_no_error (error);
  if (out_pages != NULL)
    *out_pages = care_plan_document_get_n_pages (document);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir != NULL ? builddir : ".", "bench-plans-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(CareCase) typical = NULL;
  double best = G_MAXDOUBLE, total = 0, batch_ms;
  guint pages = 0, batch_pages = 0;
  const int runs = 20;
  gint64 start;

  care_i18n_init ();
  /* The PDFs (invented people) stay in the build tree. */
  g_assert_nonnull (g_mkdtemp (dir));
  path = g_build_filename (dir, "plan.pdf", NULL);

  /* A typical plan: nine measures with long descriptions and thirteen
   * more, which runs to three pages. */
  typical = plan_test_make_case (PLAN_SAMPLE_ARABIC, FALSE, 26, FALSE, "fr");
  render (typical, path, &pages);   /* fonts and catalogue loaded once */
  for (int i = 0; i < runs; i++)
    {
      double ms = render (typical, path, NULL);

      best = MIN (best, ms);
      total += ms;
    }
  g_print ("plan to PDF, %u pages: %.1f ms on average, %.1f ms at best (limit 100 ms)\n",
           pages, total / runs, best);

  start = g_get_monotonic_time ();
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(CareCase) c = plan_test_make_case ((PlanSample) (i % 3), i % 4 == 0, (i % 4 == 0) ? 0 : 10 + i % 30,
                                                   i % 5 == 0, i % 2 == 0 ? "fr" : "en");
      g_autofree char *batch_path = g_strdup_printf ("%s/plan-%03d.pdf", dir, i);
      guint n = 0;

      render (c, batch_path, &n);
      batch_pages += n;
      g_unlink (batch_path);
    }
  batch_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("100 plans to PDF (%u pages): %.2f s (limit 10 s)\n", batch_pages, batch_ms / 1000.0);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
