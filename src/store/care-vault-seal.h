/* care-vault-seal.h — sealing pages, and the record of which pages exist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-vault-keys.h"

G_BEGIN_DECLS

#define CARE_VAULT_NONCE_BYTES 24
#define CARE_VAULT_TAG_BYTES   16
#define CARE_VAULT_TALLY_BYTES 32

/* Which file a page image lives in: the same page number sealed for the
 * database cannot be passed off as a journal record, or back. */
typedef enum {
  CARE_SEAL_DATABASE = 'D',
  CARE_SEAL_JOURNAL  = 'J',
} CareSealDomain;

/* Nonces are a random prefix drawn when a file is opened and a counter:
 * unique without a system call per page. */
typedef struct {
  guint8  prefix[CARE_VAULT_NONCE_BYTES - 8];
  guint64 counter;
} CareNonceSource;

void     care_nonce_source_init (CareNonceSource *source);

void     care_vault_seal_page   (CareVaultKeys   *keys,
                                 guint32          page_size,
                                 guint32          pgno,
                                 CareSealDomain   domain,
                                 CareNonceSource *nonces,
                                 guint8          *page);
gboolean care_vault_unseal_page (CareVaultKeys   *keys,
                                 guint32          page_size,
                                 guint32          pgno,
                                 CareSealDomain   domain,
                                 guint8          *page);

/* The tally: the XOR over every sealed page of a keyed hash of its number,
 * nonce and tag. Any page replaced by another sealed version of itself
 * (older or newer), removed, or added changes it. TRAILER is the page's last
 * CARE_VAULT_RESERVE_BYTES bytes; an all-zero trailer (a hole) counts nothing. */
void     care_vault_tally_toggle (CareVaultKeys *keys,
                                  guint32        pgno,
                                  const guint8  *trailer,
                                  guint8         tally[CARE_VAULT_TALLY_BYTES]);

/* The page-set record: which sequence of commits, how many pages, and their
 * tally. Two copies alternate so that one is always whole. */
typedef struct {
  guint64 sequence;
  guint64 page_count;
  guint8  tally[CARE_VAULT_TALLY_BYTES];
} CareVaultState;

typedef enum {
  CARE_STATE_BOTH_VALID,      /* at rest */
  CARE_STATE_ONE_VALID,       /* a commit was cut off while writing one */
} CareStateCondition;

#define CARE_VAULT_STATE_SLOT_BYTES 512

gboolean care_vault_state_parse (CareVaultKeys      *keys,
                                 const guint8       *region,
                                 gsize               length,
                                 CareVaultState     *latest,
                                 CareStateCondition *condition,
                                 GError            **error);
void     care_vault_state_encode_next (CareVaultKeys  *keys,
                                       CareVaultState *state,
                                       guint8         *slot,
                                       goffset        *offset);
gboolean care_vault_state_read  (int                 fd,
                                 CareVaultKeys      *keys,
                                 CareVaultState     *latest,
                                 CareStateCondition *condition,
                                 GError            **error);
gboolean care_vault_state_write (int                 fd,
                                 CareVaultKeys      *keys,
                                 CareVaultState     *state,
                                 GError            **error);

/* Journal headers carry a record, in bytes SQLite leaves zero, that binds
 * them to the vault and to the commit sequence they belong to: a journal
 * from elsewhere or from an older transaction is refused at playback. */
#define CARE_JOURNAL_RECORD_OFFSET 32
#define CARE_JOURNAL_RECORD_BYTES  48

void     care_vault_journal_record_make   (CareVaultKeys *keys,
                                           const guint8  *header,
                                           goffset        header_offset,
                                           guint64        sequence,
                                           guint8        *record);
gboolean care_vault_journal_record_verify (CareVaultKeys *keys,
                                           const guint8  *header,
                                           goffset        header_offset,
                                           const guint8  *record,
                                           guint64       *sequence);

G_END_DECLS
