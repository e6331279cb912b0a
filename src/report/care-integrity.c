/* care-integrity.c — every check of a vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-report"

#include "config.h"

#include "care-case-store.h"
#include "care-integrity.h"

gboolean
care_integrity_check (CareVault  *vault,
                      GPtrArray **problems,
                      GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  g_autoptr(GPtrArray) totals = NULL;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!care_vault_check (vault, &found, error))
    return FALSE;

  /* The change log is hash-chained: an entry edited, removed or slipped in
   * breaks the chain, and that is an integrity failure like a bad page. */
  if (!care_history_verify (vault, &broken, error))
    return FALSE;
  for (guint i = 0; i < broken->len; i++)
    g_ptr_array_add (found, g_strdup (g_ptr_array_index (broken, i)));

  /* The programme's running totals must equal a recount of the cases. */
  if (!care_case_store_verify_totals (vault, &totals, error))
    return FALSE;
  for (guint i = 0; i < totals->len; i++)
    g_ptr_array_add (found, g_strdup (g_ptr_array_index (totals, i)));

  *problems = g_steal_pointer (&found);
  return TRUE;
}
