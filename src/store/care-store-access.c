/* care-store-access.c — one thread at a time on a vault's connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include "care-store-access.h"

struct _CareStoreAccess
{
  GRecMutex mutex;
};

static void
access_free (gpointer data)
{
  CareStoreAccess *access = data;

  g_rec_mutex_clear (&access->mutex);
  g_free (access);
}

/* The lock lives as long as the vault object: whoever holds it also holds
 * a reference to the vault. */
CareStoreAccess *
care_store_access_lock (CareVault *vault)
{
  static GMutex creation;
  CareStoreAccess *access;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  g_mutex_lock (&creation);
  access = g_object_get_data (G_OBJECT (vault), "care-store-access");
  if (access == NULL)
    {
      access = g_new0 (CareStoreAccess, 1);
      g_rec_mutex_init (&access->mutex);
      g_object_set_data_full (G_OBJECT (vault), "care-store-access", access, access_free);
    }
  g_mutex_unlock (&creation);

  g_rec_mutex_lock (&access->mutex);
  return access;
}

void
care_store_access_unlock (CareStoreAccess *access)
{
  g_return_if_fail (access != NULL);

  g_rec_mutex_unlock (&access->mutex);
}
