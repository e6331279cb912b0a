/* care-plan-code.h — the short verification code printed on a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-case.h"

G_BEGIN_DECLS

/* Eight base32 characters (40 bits) of a BLAKE2b-256 over a canonical
 * serialization of what the paper states: the case number, the version,
 * its state and agreement date, the beneficiary, the parties and every
 * measure. The printing date and the document's language are left out,
 * so every copy of one version carries the same code, and an auditor can
 * type it in to find out whether the paper matches the records. */
#define CARE_PLAN_CODE_LENGTH 8

typedef enum
{
  CARE_PLAN_PART_VERSION,
  CARE_PLAN_PART_BENEFICIARY,
  CARE_PLAN_PART_PARTIES,
  CARE_PLAN_PART_OBJECTIVES,
  CARE_PLAN_PART_MEASURES,
  CARE_PLAN_N_PARTS,
} CarePlanPart;

char       *care_plan_code_compute        (const CareCase        *care_case,
                                           const CarePlanVersion *version);

/* Short hashes of each part, "1a2b3c4d.…", kept in the PDF's properties
 * so that a mismatch can be pinned to a part of the plan. */
char       *care_plan_code_compute_parts  (const CareCase        *care_case,
                                           const CarePlanVersion *version);
/* The CarePlanPart values that differ between two such strings. */
GArray     *care_plan_code_compare_parts  (const char            *expected,
                                           const char            *actual);
/* In the interface's language, to fit "… differs: %s". */
const char *care_plan_part_get_label      (CarePlanPart           part);

/* "ABCD-EFGH", as printed; care_plan_code_normalize undoes it (and
 * forgives lower case and the letters people confuse with digits). */
char *care_plan_code_format    (const char *code);
char *care_plan_code_normalize (const char *text);

G_END_DECLS
