/* care-vault-seal.c — sealing pages, and the record of which pages exist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-vault"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "care-vault-error.h"
#include "care-vault-header.h"
#include "care-vault-io.h"
#include "care-vault-seal.h"

G_STATIC_ASSERT (CARE_VAULT_NONCE_BYTES + CARE_VAULT_TAG_BYTES == CARE_VAULT_RESERVE_BYTES);

void
care_nonce_source_init (CareNonceSource *source)
{
  randombytes_buf (source->prefix, sizeof source->prefix);
  source->counter = 0;
}

static void
next_nonce (CareNonceSource *source,
            guint8           nonce[CARE_VAULT_NONCE_BYTES])
{
  guint64 counter = ++source->counter;

  memcpy (nonce, source->prefix, sizeof source->prefix);
  for (int i = 0; i < 8; i++)
    nonce[sizeof source->prefix + i] = (counter >> (8 * i)) & 0xff;
}

static void
page_associated_data (guint32        pgno,
                      CareSealDomain domain,
                      guint8         ad[5])
{
  ad[0] = (guint8) domain;
  for (int i = 0; i < 4; i++)
    ad[1 + i] = (pgno >> (8 * i)) & 0xff;
}

/* Seals PAGE in place: its content up to the reserved bytes is encrypted,
 * and the nonce and tag fill the reserved bytes. */
void
care_vault_seal_page (CareVaultKeys   *keys,
                      guint32          page_size,
                      guint32          pgno,
                      CareSealDomain   domain,
                      CareNonceSource *nonces,
                      guint8          *page)
{
  guint32 body = page_size - CARE_VAULT_RESERVE_BYTES;
  guint8 *nonce = page + body;
  guint8 *tag = nonce + CARE_VAULT_NONCE_BYTES;
  guint8 ad[5];

  next_nonce (nonces, nonce);
  page_associated_data (pgno, domain, ad);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached (page, tag, NULL, page, body,
                                                       ad, sizeof ad, NULL, nonce,
                                                       care_vault_keys_get (keys)->page);
}

/* Opens PAGE in place; on success the reserved bytes read as zero, as
 * SQLite expects of space it does not use. On failure PAGE is garbage and
 * must not be handed on. */
gboolean
care_vault_unseal_page (CareVaultKeys  *keys,
                        guint32         page_size,
                        guint32         pgno,
                        CareSealDomain  domain,
                        guint8         *page)
{
  guint32 body = page_size - CARE_VAULT_RESERVE_BYTES;
  guint8 *nonce = page + body;
  guint8 *tag = nonce + CARE_VAULT_NONCE_BYTES;
  guint8 ad[5];

  page_associated_data (pgno, domain, ad);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached (page, NULL, page, body, tag,
                                                           ad, sizeof ad, nonce,
                                                           care_vault_keys_get (keys)->page) != 0)
    return FALSE;

  memset (page + body, 0, CARE_VAULT_RESERVE_BYTES);
  return TRUE;
}

void
care_vault_tally_toggle (CareVaultKeys *keys,
                         guint32        pgno,
                         const guint8  *trailer,
                         guint8         tally[CARE_VAULT_TALLY_BYTES])
{
  crypto_generichash_state state;
  guint8 number[4];
  guint8 digest[CARE_VAULT_TALLY_BYTES];

  if (sodium_is_zero (trailer, CARE_VAULT_RESERVE_BYTES))
    return;

  for (int i = 0; i < 4; i++)
    number[i] = (pgno >> (8 * i)) & 0xff;

  crypto_generichash_init (&state, care_vault_keys_get (keys)->tally, CARE_VAULT_KEY_BYTES,
                           sizeof digest);
  crypto_generichash_update (&state, number, sizeof number);
  crypto_generichash_update (&state, trailer, CARE_VAULT_RESERVE_BYTES);
  crypto_generichash_final (&state, digest, sizeof digest);

  for (int i = 0; i < CARE_VAULT_TALLY_BYTES; i++)
    tally[i] ^= digest[i];
}

/* Page-set records: two 512-byte slots at the start of the state region;
 * the rest of the region is zero. A single sector each, so a record is
 * written whole or not at all on common disks, and the other copy covers
 * the rest. */
#define STATE_SLOT_BYTES CARE_VAULT_STATE_SLOT_BYTES
#define STATE_RECORD_BYTES 88

static const guint8 state_magic[8] = { 'C', 'A', 'R', 'E', 'S', 'T', 'A', '1' };

static void
state_encode (CareVaultKeys        *keys,
              const CareVaultState *state,
              guint8                slot[STATE_SLOT_BYTES])
{
  memset (slot, 0, STATE_SLOT_BYTES);
  memcpy (slot, state_magic, sizeof state_magic);
  care_vault_put_u64 (slot + 8, state->sequence);
  care_vault_put_u64 (slot + 16, state->page_count);
  memcpy (slot + 24, state->tally, CARE_VAULT_TALLY_BYTES);
  crypto_generichash (slot + 56, 32, slot, 56,
                      care_vault_keys_get (keys)->state, CARE_VAULT_KEY_BYTES);
}

static gboolean
state_decode (CareVaultKeys  *keys,
              const guint8   *slot,
              CareVaultState *state)
{
  guint8 mac[32];

  if (memcmp (slot, state_magic, sizeof state_magic) != 0)
    return FALSE;
  crypto_generichash (mac, sizeof mac, slot, 56,
                      care_vault_keys_get (keys)->state, CARE_VAULT_KEY_BYTES);
  if (sodium_memcmp (mac, slot + 56, sizeof mac) != 0)
    return FALSE;
  if (!sodium_is_zero (slot + STATE_RECORD_BYTES, STATE_SLOT_BYTES - STATE_RECORD_BYTES))
    return FALSE;

  state->sequence = care_vault_get_u64 (slot + 8);
  state->page_count = care_vault_get_u64 (slot + 16);
  memcpy (state->tally, slot + 24, CARE_VAULT_TALLY_BYTES);
  return TRUE;
}

gboolean
care_vault_state_parse (CareVaultKeys      *keys,
                        const guint8       *region,
                        gsize               length,
                        CareVaultState     *latest,
                        CareStateCondition *condition,
                        GError            **error)
{
  CareVaultState copies[2];
  gboolean valid[2] = { FALSE, FALSE };

  if (length == CARE_VAULT_REGION_SIZE)
    {
      valid[0] = state_decode (keys, region, &copies[0]);
      valid[1] = state_decode (keys, region + STATE_SLOT_BYTES, &copies[1]);
    }

  if (length != CARE_VAULT_REGION_SIZE || (!valid[0] && !valid[1]) ||
      !sodium_is_zero (region + 2 * STATE_SLOT_BYTES, length - 2 * STATE_SLOT_BYTES))
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                           _("The vault has been tampered with or is damaged: its record "
                             "of pages does not authenticate. Restore it from a backup."));
      return FALSE;
    }

  if (valid[0] && valid[1])
    {
      *latest = copies[0].sequence > copies[1].sequence ? copies[0] : copies[1];
      *condition = CARE_STATE_BOTH_VALID;
    }
  else
    {
      *latest = valid[0] ? copies[0] : copies[1];
      *condition = CARE_STATE_ONE_VALID;
    }
  return TRUE;
}

gboolean
care_vault_state_read (int                 fd,
                       CareVaultKeys      *keys,
                       CareVaultState     *latest,
                       CareStateCondition *condition,
                       GError            **error)
{
  guint8 region[CARE_VAULT_REGION_SIZE];
  gssize n;

  n = care_vault_pread_full (fd, region, sizeof region, CARE_VAULT_STATE_OFFSET, error);
  if (n < 0)
    return FALSE;
  return care_vault_state_parse (keys, region, n, latest, condition, error);
}

/* Encodes STATE as the next record; *OFFSET is where it goes in the file,
 * over the older copy. */
void
care_vault_state_encode_next (CareVaultKeys  *keys,
                              CareVaultState *state,
                              guint8         *slot,
                              goffset        *offset)
{
  state->sequence++;
  state_encode (keys, state, slot);
  *offset = CARE_VAULT_STATE_OFFSET + (state->sequence % 2) * STATE_SLOT_BYTES;
}

/* The caller syncs. */
gboolean
care_vault_state_write (int              fd,
                        CareVaultKeys   *keys,
                        CareVaultState  *state,
                        GError         **error)
{
  guint8 slot[STATE_SLOT_BYTES];
  goffset offset;

  care_vault_state_encode_next (keys, state, slot, &offset);
  return care_vault_pwrite_full (fd, slot, sizeof slot, offset, error);
}

static const guint8 journal_magic[8] = { 'C', 'A', 'R', 'E', 'J', 'N', 'L', '1' };

static void
journal_mac (CareVaultKeys *keys,
             const guint8  *header,
             goffset        header_offset,
             guint64        sequence,
             guint8         mac[32])
{
  crypto_generichash_state state;
  guint8 numbers[16];

  care_vault_put_u64 (numbers, (guint64) header_offset);
  care_vault_put_u64 (numbers + 8, sequence);

  /* Bytes 12–27 of SQLite's journal header: checksum seed, database size,
   * sector and page size. The magic and record count are rewritten later by
   * SQLite and stay out. */
  crypto_generichash_init (&state, care_vault_keys_get (keys)->journal, CARE_VAULT_KEY_BYTES, 32);
  crypto_generichash_update (&state, header + 12, 16);
  crypto_generichash_update (&state, numbers, sizeof numbers);
  crypto_generichash_final (&state, mac, 32);
}

void
care_vault_journal_record_make (CareVaultKeys *keys,
                                const guint8  *header,
                                goffset        header_offset,
                                guint64        sequence,
                                guint8        *record)
{
  memcpy (record, journal_magic, sizeof journal_magic);
  care_vault_put_u64 (record + 8, sequence);
  journal_mac (keys, header, header_offset, sequence, record + 16);
}

gboolean
care_vault_journal_record_verify (CareVaultKeys *keys,
                                  const guint8  *header,
                                  goffset        header_offset,
                                  const guint8  *record,
                                  guint64       *sequence)
{
  guint8 mac[32];

  if (memcmp (record, journal_magic, sizeof journal_magic) != 0)
    return FALSE;

  *sequence = care_vault_get_u64 (record + 8);
  journal_mac (keys, header, header_offset, *sequence, mac);
  return sodium_memcmp (mac, record + 16, sizeof mac) == 0;
}
