/* plan-test-util.h — sample plans for the document tests, the page images
 * of the README and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "care-case.h"

G_BEGIN_DECLS

typedef enum
{
  PLAN_SAMPLE_ARABIC,      /* أمل حداد, returning to Morocco */
  PLAN_SAMPLE_CYRILLIC,    /* Олена Коваленко, returning to Ukraine */
  PLAN_SAMPLE_GREEK,       /* a Latin name with accents, a Greek contact */
} PlanSample;

/* A realistic case whose current plan version has N_MEASURES measures
 * (the nine of a typical plan when N_MEASURES is 0 and TYPICAL is TRUE,
 * none at all when both are 0), agreed on 30 November 2014 unless DRAFT.
 * LANGUAGE is the plan's: "fr" or "en". */
CareCase *plan_test_make_case (PlanSample  sample,
                               gboolean    typical,
                               guint       n_measures,
                               gboolean    draft,
                               const char *language);

G_END_DECLS
