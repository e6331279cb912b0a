/* care-vault-header.h — the plaintext, authenticated head of a vault file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-vault-keys.h"

G_BEGIN_DECLS

/* File layout:
 *   [0, 4096)        pending copy of the header: all zero at rest; holds the
 *                    next header while an update is under way
 *   [4096, 8192)     the header
 *   [8192, 12288)    two page-set records (see care-vault-seal.h)
 *   [12288, …)       SQLite's pages, each sealed
 */
#define CARE_VAULT_REGION_SIZE     4096
#define CARE_VAULT_PENDING_OFFSET  0
#define CARE_VAULT_HEADER_OFFSET   4096
#define CARE_VAULT_STATE_OFFSET    8192
#define CARE_VAULT_DATA_OFFSET     12288

#define CARE_VAULT_FORMAT_VERSION  1
#define CARE_VAULT_RESERVE_BYTES   40
#define CARE_VAULT_DEFAULT_PAGE_SIZE 4096
#define CARE_VAULT_MAX_SLOTS       16
#define CARE_VAULT_SLOT_NAME_MAX   63
#define CARE_VAULT_SALT_BYTES      16

typedef enum {
  CARE_SLOT_EMPTY      = 0,
  CARE_SLOT_PASSPHRASE = 1,
  CARE_SLOT_RECOVERY   = 2,
} CareSlotKind;

typedef enum {
  CARE_KDF_COST_INTERACTIVE,
  CARE_KDF_COST_MODERATE,
  CARE_KDF_COST_SENSITIVE,
} CareKdfCost;

typedef struct {
  guint8  kind;
  char    name[CARE_VAULT_SLOT_NAME_MAX + 1];
  guint64 opslimit;
  guint64 memlimit;
  guint8  salt[CARE_VAULT_SALT_BYTES];
  guint8  nonce[24];
  guint8  wrapped[CARE_VAULT_KEY_BYTES + 16];
} CareVaultSlot;

typedef struct {
  guint32       format_version;
  guint64       sequence;
  guint32       page_size;
  guint32       reserve;
  guint8        vault_id[16];
  CareVaultSlot slots[CARE_VAULT_MAX_SLOTS];
  guint8        mac[32];
} CareVaultHeader;

/* What reading the head of the file found out. */
typedef enum {
  CARE_HEADER_CLEAN,            /* at rest */
  CARE_HEADER_UPDATE_PENDING,   /* an update was cut off: finish it once unlocked */
} CareHeaderCondition;

gboolean care_vault_header_read        (int                  fd,
                                        CareVaultHeader     *header,
                                        CareHeaderCondition *condition,
                                        GError             **error);
gboolean care_vault_header_parse       (const guint8        *head,
                                        gsize                length,
                                        CareVaultHeader     *header,
                                        CareHeaderCondition *condition,
                                        GError             **error);
gboolean care_vault_header_write       (int                    fd,
                                        CareVaultHeader       *header,
                                        CareVaultKeys         *keys,
                                        GError               **error);
gboolean care_vault_header_finish_pending (int              fd,
                                           CareVaultHeader *header,
                                           CareVaultKeys   *keys,
                                           GError         **error);
gboolean care_vault_header_verify_mac  (const CareVaultHeader *header,
                                        CareVaultKeys         *keys);
void     care_vault_header_init        (CareVaultHeader       *header,
                                        guint32                page_size);

/* Key slots */
void     care_kdf_cost_get_limits      (CareKdfCost cost,
                                        guint64    *opslimit,
                                        guint64    *memlimit);
gboolean care_kdf_cost_from_string     (const char  *text,
                                        CareKdfCost *cost);
const char *care_kdf_cost_describe     (guint64 opslimit,
                                        guint64 memlimit);
int      care_vault_header_find_slot   (const CareVaultHeader *header,
                                        const char            *name);
int      care_vault_header_free_slot   (const CareVaultHeader *header);
guint    care_vault_header_count_slots (const CareVaultHeader *header,
                                        CareSlotKind           kind);
gboolean care_vault_slot_fill          (const CareVaultHeader *header,
                                        CareVaultSlot         *slot,
                                        CareSlotKind           kind,
                                        const char            *name,
                                        const char            *secret,
                                        CareKdfCost            cost,
                                        CareVaultKeys         *keys,
                                        GError               **error);
CareVaultKeys *care_vault_header_unlock (const CareVaultHeader *header,
                                         CareSlotKind           kind,
                                         const char            *user,
                                         const char            *secret,
                                         int                   *slot_index,
                                         GError               **error);
CareVaultKeys *care_vault_slot_open    (const CareVaultHeader *header,
                                        const CareVaultSlot   *slot,
                                        const char            *secret);

/* Recovery key: 160 random bits written as 8 groups of 4 characters of
 * Crockford's base 32, which has no I, L, O or U to misread. */
char    *care_recovery_key_generate    (void);
char    *care_recovery_key_normalize   (const char *typed);

G_END_DECLS
