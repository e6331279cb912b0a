/* plan-sample.c — writes the PDF of a sample plan, without a vault: for
 * build-aux/plan-images (the README's page images) and for looking at the
 * document while working on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "care-i18n.h"
#include "care-plan-pdf.h"
#include "plan-test-util.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *sample_name = NULL, *language = NULL, *output = NULL, *organisation = NULL, *logo = NULL;
  int n_measures = 0;
  gboolean draft = FALSE, letter = FALSE, empty = FALSE;
  const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_STRING, &sample_name, "arabic, cyrillic or greek", "NAME" },
    { "measures", 0, 0, G_OPTION_ARG_INT, &n_measures, "Numbered measures instead of the typical nine", "N" },
    { "empty", 0, 0, G_OPTION_ARG_NONE, &empty, "No measures at all", NULL },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft, "A draft rather than an agreed version", NULL },
    { "letter", 0, 0, G_OPTION_ARG_NONE, &letter, "US Letter rather than A4", NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, "fr or en", "LANG" },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, "Organisation name", "NAME" },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, "Organisation logo (PNG)", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "PDF to write", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a sample plan as PDF");
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCase) c = NULL;
  g_autoptr(CarePlanDocument) document = NULL;
  g_autoptr(GDateTime) generated = g_date_time_new_local (2014, 11, 30, 10, 0, 0);
  CarePlanDocumentOptions options = { 0 };
  PlanSample sample = PLAN_SAMPLE_ARABIC;

  care_i18n_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL)
    {
      g_printerr ("plan-sample: %s\n", error != NULL ? error->message : "-o FILE.pdf is required");
      return 2;
    }
  if (g_strcmp0 (sample_name, "cyrillic") == 0)
    sample = PLAN_SAMPLE_CYRILLIC;
  else if (g_strcmp0 (sample_name, "greek") == 0)
    sample = PLAN_SAMPLE_GREEK;

  c = plan_test_make_case (sample, n_measures == 0 && !empty, n_measures, draft,
                           language != NULL ? language : "fr");
  options.paper = letter ? CARE_PAPER_LETTER : CARE_PAPER_A4;
  options.organisation = organisation != NULL ? organisation : "Association Retour et Dignité";
  options.logo_path = logo;
  options.generated_at = generated;
  document = care_plan_document_new (c, 0, &options, &error);
  if (document == NULL || !care_plan_pdf_write (document, output, &error))
    {
      g_printerr ("plan-sample: %s\n", error->message);
      return 1;
    }
  return 0;
}
