/* care-plan-verify.h — whether a plan PDF still says what the vault holds,
 * and whether its detached signature is the office's: the check behind
 * `care-cli verify` and the window's Verify a Plan…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-plan-pdf.h"
#include "care-vault.h"

G_BEGIN_DECLS

typedef enum
{
  CARE_PLAN_SIGNATURE_ABSENT,
  CARE_PLAN_SIGNATURE_VALID,
  CARE_PLAN_SIGNATURE_INVALID,
} CarePlanSignature;

typedef struct
{
  gboolean           found;             /* the case and version exist */
  gboolean           case_found;
  gboolean           code_matches;
  char              *vault_code;
  GPtrArray         *differences;       /* char *, translated */
  CarePlanSignature  signature;
  char              *signature_problem;
  char              *agreed_on;         /* YYYY-MM-DD, "" for a draft */
} CarePlanVerdict;

void      care_plan_verdict_clear (CarePlanVerdict     *verdict);
gboolean  care_plan_verdict_is_ok (const CarePlanVerdict *verdict);

/* Compares the plan STAMP (read from the PDF at PDF_PATH) describes with
 * the one in VAULT, and checks SIGNATURE_TEXT (the .minisig's contents,
 * NULL when there is none) against the file. FALSE only when the vault
 * could not be read; a missing case or a bad signature is a verdict. */
gboolean  care_plan_verify        (CareVault           *vault,
                                   const char          *pdf_path,
                                   const CarePlanStamp *stamp,
                                   const char          *signature_text,
                                   CarePlanVerdict     *out_verdict,
                                   GError             **error);

G_END_DECLS
