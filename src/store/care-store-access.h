/* care-store-access.h — one thread at a time on a vault's connection
 *
 * A vault has one SQLite connection and a cache of prepared statements
 * that are reset when handed out, so two threads using it at once would
 * step on each other's statements. Code that reads the vault off the main
 * thread (a search over 100,000 cases) holds this lock for the duration of
 * its calls, and so does the main thread around its own calls while such
 * work may run, and before locking the vault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-vault.h"

G_BEGIN_DECLS

typedef struct _CareStoreAccess CareStoreAccess;

/* Blocks until no other thread uses VAULT; recursive within a thread. */
CareStoreAccess *care_store_access_lock   (CareVault       *vault);
void             care_store_access_unlock (CareStoreAccess *access);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareStoreAccess, care_store_access_unlock)

G_END_DECLS
