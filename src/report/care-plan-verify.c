/* care-plan-verify.c — whether a plan PDF still says what the vault holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-plan-verify"

#include "config.h"

#include "care-case-store.h"
#include "care-minisign.h"
#include "care-office-key.h"
#include "care-plan-code.h"
#include "care-plan-verify.h"

void
care_plan_verdict_clear (CarePlanVerdict *verdict)
{
  g_clear_pointer (&verdict->vault_code, g_free);
  g_clear_pointer (&verdict->differences, g_ptr_array_unref);
  g_clear_pointer (&verdict->signature_problem, g_free);
  g_clear_pointer (&verdict->agreed_on, g_free);
}

gboolean
care_plan_verdict_is_ok (const CarePlanVerdict *verdict)
{
  return verdict->found && verdict->code_matches && verdict->signature != CARE_PLAN_SIGNATURE_INVALID;
}

gboolean
care_plan_verify (CareVault           *vault,
                  const char          *pdf_path,
                  const CarePlanStamp *stamp,
                  const char          *signature_text,
                  CarePlanVerdict     *out_verdict,
                  GError             **error)
{
  CarePlanVerdict v = { 0 };
  g_autoptr(CareCase) care_case = NULL;
  g_autoptr(GError) local_error = NULL;
  const CarePlanVersion *version;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (pdf_path != NULL && stamp != NULL && out_verdict != NULL, FALSE);

  v.signature = CARE_PLAN_SIGNATURE_ABSENT;
  v.agreed_on = care_date_format (&stamp->agreed_on);
  v.differences = g_ptr_array_new_with_free_func (g_free);

  care_case = care_case_store_load (vault, stamp->case_number, &local_error);
  if (care_case == NULL && !g_error_matches (local_error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND))
    {
      care_plan_verdict_clear (&v);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);
  v.case_found = care_case != NULL;
  version = care_case != NULL ? care_plan_get_version (care_case->plan, stamp->version) : NULL;
  if (version != NULL)
    {
      g_autofree char *parts = care_plan_code_compute_parts (care_case, version);

      v.found = TRUE;
      v.vault_code = care_plan_code_compute (care_case, version);
      v.code_matches = g_str_equal (v.vault_code, stamp->code);
      if (!v.code_matches)
        {
          g_autoptr(GArray) differ = care_plan_code_compare_parts (stamp->parts, parts);

          for (guint i = 0; i < differ->len; i++)
            g_ptr_array_add (v.differences,
                             g_strdup (care_plan_part_get_label (g_array_index (differ, CarePlanPart, i))));
        }
    }

  if (signature_text != NULL)
    {
      g_autoptr(CareOfficeKey) key = care_office_key_load (vault, FALSE, error);

      if (key == NULL)
        {
          care_plan_verdict_clear (&v);
          return FALSE;
        }
      if (care_minisign_verify_file (key, pdf_path, signature_text, NULL, &local_error))
        v.signature = CARE_PLAN_SIGNATURE_VALID;
      else
        {
          v.signature = CARE_PLAN_SIGNATURE_INVALID;
          v.signature_problem = g_strdup (local_error->message);
        }
    }

  *out_verdict = v;
  return TRUE;
}
