/* care-vault-header.c — the plaintext, authenticated head of a vault file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-vault"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "care-vault-error.h"
#include "care-vault-header.h"
#include "care-vault-io.h"

static const guint8 header_magic[8] = { 'C', 'A', 'R', 'E', 'V', 'L', 'T', 0 };

/* Offsets inside one 4096-byte header region. */
enum {
  OFF_MAGIC    = 0,
  OFF_VERSION  = 8,
  OFF_REGION   = 12,
  OFF_SEQUENCE = 16,
  OFF_PAGESIZE = 24,
  OFF_RESERVE  = 28,
  OFF_VAULT_ID = 32,
  OFF_NSLOTS   = 48,
  OFF_FLAGS    = 52,
  OFF_MAC      = 56,
  OFF_SLOTS    = 88,
  SLOT_SIZE    = 176,
  OFF_CHECKSUM = CARE_VAULT_REGION_SIZE - 32,
};

/* Offsets inside one slot. */
enum {
  SLOT_KIND     = 0,
  SLOT_NAME_LEN = 1,
  SLOT_NAME     = 4,
  SLOT_ALG      = 68,
  SLOT_OPS      = 72,
  SLOT_MEM      = 80,
  SLOT_SALT     = 88,
  SLOT_NONCE    = 104,
  SLOT_WRAPPED  = 128,
};

G_STATIC_ASSERT (OFF_SLOTS + CARE_VAULT_MAX_SLOTS * SLOT_SIZE <= OFF_CHECKSUM);
G_STATIC_ASSERT (SLOT_WRAPPED + CARE_VAULT_KEY_BYTES + 16 == SLOT_SIZE);

/* The cheapest cost a slot may have: a header that claims less was not
 * written by CARE. The dearest keeps a forged header from asking for all the
 * memory of the machine. */
#define MIN_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MIN_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE
#define MAX_OPSLIMIT 16
#define MAX_MEMLIMIT (G_GUINT64_CONSTANT (4) << 30)

static gboolean
is_all_zero (const guint8 *p, gsize n)
{
  return sodium_is_zero (p, n) == 1;
}

static void
serialize_slot (const CareVaultSlot *slot, guint8 *p)
{
  gsize name_len = strnlen (slot->name, CARE_VAULT_SLOT_NAME_MAX);

  memset (p, 0, SLOT_SIZE);
  if (slot->kind == CARE_SLOT_EMPTY)
    return;

  p[SLOT_KIND] = slot->kind;
  p[SLOT_NAME_LEN] = (guint8) name_len;
  memcpy (p + SLOT_NAME, slot->name, name_len);
  care_vault_put_u32 (p + SLOT_ALG, crypto_pwhash_ALG_ARGON2ID13);
  care_vault_put_u64 (p + SLOT_OPS, slot->opslimit);
  care_vault_put_u64 (p + SLOT_MEM, slot->memlimit);
  memcpy (p + SLOT_SALT, slot->salt, sizeof slot->salt);
  memcpy (p + SLOT_NONCE, slot->nonce, sizeof slot->nonce);
  memcpy (p + SLOT_WRAPPED, slot->wrapped, sizeof slot->wrapped);
}

/* Without the checksum and the MAC: those are computed over this. */
static void
serialize_body (const CareVaultHeader *header, guint8 *region)
{
  memset (region, 0, CARE_VAULT_REGION_SIZE);
  memcpy (region + OFF_MAGIC, header_magic, sizeof header_magic);
  care_vault_put_u32 (region + OFF_VERSION, header->format_version);
  care_vault_put_u32 (region + OFF_REGION, CARE_VAULT_REGION_SIZE);
  care_vault_put_u64 (region + OFF_SEQUENCE, header->sequence);
  care_vault_put_u32 (region + OFF_PAGESIZE, header->page_size);
  care_vault_put_u32 (region + OFF_RESERVE, header->reserve);
  memcpy (region + OFF_VAULT_ID, header->vault_id, sizeof header->vault_id);
  care_vault_put_u32 (region + OFF_NSLOTS, CARE_VAULT_MAX_SLOTS);
  care_vault_put_u32 (region + OFF_FLAGS, 0);
  for (int i = 0; i < CARE_VAULT_MAX_SLOTS; i++)
    serialize_slot (&header->slots[i], region + OFF_SLOTS + i * SLOT_SIZE);
}

static void
compute_mac (const CareVaultHeader *header,
             CareVaultKeys         *keys,
             guint8                 mac[32])
{
  guint8 region[CARE_VAULT_REGION_SIZE];

  serialize_body (header, region);
  crypto_generichash (mac, 32, region, OFF_CHECKSUM,
                      care_vault_keys_get (keys)->header, CARE_VAULT_KEY_BYTES);
}

static void
serialize (const CareVaultHeader *header, guint8 *region)
{
  serialize_body (header, region);
  memcpy (region + OFF_MAC, header->mac, sizeof header->mac);
  crypto_generichash (region + OFF_CHECKSUM, 32, region, OFF_CHECKSUM, NULL, 0);
}

typedef enum {
  PARSE_OK,
  PARSE_NO_MAGIC,
  PARSE_BAD_CHECKSUM,
  PARSE_NEWER,
  PARSE_INVALID,
} ParseResult;

static gboolean
slot_is_sane (const CareVaultSlot *slot, guint8 name_len)
{
  if (slot->kind == CARE_SLOT_EMPTY)
    return TRUE;
  if (slot->kind != CARE_SLOT_PASSPHRASE && slot->kind != CARE_SLOT_RECOVERY)
    return FALSE;
  if (name_len == 0 || name_len > CARE_VAULT_SLOT_NAME_MAX || strlen (slot->name) != name_len)
    return FALSE;
  if (!g_utf8_validate (slot->name, -1, NULL))
    return FALSE;
  return slot->opslimit >= MIN_OPSLIMIT && slot->opslimit <= MAX_OPSLIMIT &&
         slot->memlimit >= MIN_MEMLIMIT && slot->memlimit <= MAX_MEMLIMIT;
}

static ParseResult
parse (const guint8 *region, CareVaultHeader *header)
{
  guint8 checksum[32];

  if (memcmp (region + OFF_MAGIC, header_magic, sizeof header_magic) != 0)
    return PARSE_NO_MAGIC;

  crypto_generichash (checksum, sizeof checksum, region, OFF_CHECKSUM, NULL, 0);
  if (sodium_memcmp (checksum, region + OFF_CHECKSUM, sizeof checksum) != 0)
    return PARSE_BAD_CHECKSUM;

  memset (header, 0, sizeof *header);
  header->format_version = care_vault_get_u32 (region + OFF_VERSION);
  if (header->format_version > CARE_VAULT_FORMAT_VERSION)
    return PARSE_NEWER;
  if (header->format_version != CARE_VAULT_FORMAT_VERSION ||
      care_vault_get_u32 (region + OFF_REGION) != CARE_VAULT_REGION_SIZE ||
      care_vault_get_u32 (region + OFF_NSLOTS) != CARE_VAULT_MAX_SLOTS ||
      care_vault_get_u32 (region + OFF_FLAGS) != 0)
    return PARSE_INVALID;

  header->sequence = care_vault_get_u64 (region + OFF_SEQUENCE);
  header->page_size = care_vault_get_u32 (region + OFF_PAGESIZE);
  header->reserve = care_vault_get_u32 (region + OFF_RESERVE);
  if (header->page_size < 1024 || header->page_size > 65536 ||
      (header->page_size & (header->page_size - 1)) != 0 ||
      header->reserve != CARE_VAULT_RESERVE_BYTES)
    return PARSE_INVALID;

  memcpy (header->vault_id, region + OFF_VAULT_ID, sizeof header->vault_id);
  memcpy (header->mac, region + OFF_MAC, sizeof header->mac);

  for (int i = 0; i < CARE_VAULT_MAX_SLOTS; i++)
    {
      const guint8 *p = region + OFF_SLOTS + i * SLOT_SIZE;
      CareVaultSlot *slot = &header->slots[i];
      guint8 name_len = p[SLOT_NAME_LEN];

      slot->kind = p[SLOT_KIND];
      if (slot->kind == CARE_SLOT_EMPTY)
        {
          if (!is_all_zero (p, SLOT_SIZE))
            return PARSE_INVALID;
          continue;
        }
      if (name_len > CARE_VAULT_SLOT_NAME_MAX ||
          care_vault_get_u32 (p + SLOT_ALG) != crypto_pwhash_ALG_ARGON2ID13)
        return PARSE_INVALID;
      memcpy (slot->name, p + SLOT_NAME, name_len);
      slot->name[name_len] = '\0';
      slot->opslimit = care_vault_get_u64 (p + SLOT_OPS);
      slot->memlimit = care_vault_get_u64 (p + SLOT_MEM);
      memcpy (slot->salt, p + SLOT_SALT, sizeof slot->salt);
      memcpy (slot->nonce, p + SLOT_NONCE, sizeof slot->nonce);
      memcpy (slot->wrapped, p + SLOT_WRAPPED, sizeof slot->wrapped);
      if (!slot_is_sane (slot, name_len))
        return PARSE_INVALID;
    }

  /* Bytes that no field covers must be zero: nothing hides there. */
  if (!is_all_zero (region + OFF_SLOTS + CARE_VAULT_MAX_SLOTS * SLOT_SIZE,
                    OFF_CHECKSUM - (OFF_SLOTS + CARE_VAULT_MAX_SLOTS * SLOT_SIZE)))
    return PARSE_INVALID;

  return PARSE_OK;
}

static void
set_tampered (GError **error)
{
  g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                       _("The vault has been tampered with or is damaged: its header "
                         "does not match its checksum. Restore it from a backup."));
}

static void
set_not_a_vault (GError **error)
{
  g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_A_VAULT,
                       _("This file is not a CARE vault."));
}

static void
set_newer (GError **error)
{
  g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_VERSION,
                       _("This vault was made by a newer version of CARE. "
                         "Update CARE to open it."));
}

static const guint8 state_magic_prefix[4] = { 'C', 'A', 'R', 'E' };

/* Reads both header copies and decides which one holds, following the
 * update protocol of care_vault_header_write(): the pending copy is all
 * zero at rest; when it is not, an update was cut off at some point. */
gboolean
care_vault_header_read (int                  fd,
                        CareVaultHeader     *header,
                        CareHeaderCondition *condition,
                        GError             **error)
{
  guint8 head[CARE_VAULT_DATA_OFFSET];
  gssize n;

  n = care_vault_pread_full (fd, head, sizeof head, 0, error);
  if (n < 0)
    return FALSE;
  return care_vault_header_parse (head, n, header, condition, error);
}

gboolean
care_vault_header_parse (const guint8        *head,
                         gsize                n,
                         CareVaultHeader     *header,
                         CareHeaderCondition *condition,
                         GError             **error)
{
  const guint8 *pending_region = head + CARE_VAULT_PENDING_OFFSET;
  const guint8 *main_region = head + CARE_VAULT_HEADER_OFFSET;
  CareVaultHeader main_header, pending_header;
  ParseResult main_result, pending_result;

  g_return_val_if_fail (header != NULL, FALSE);
  g_return_val_if_fail (condition != NULL, FALSE);

  if (n < CARE_VAULT_DATA_OFFSET)
    {
      /* Short: a cut-off vault if what there is looks like one. */
      if (n >= CARE_VAULT_HEADER_OFFSET + sizeof header_magic &&
          memcmp (main_region, header_magic, sizeof header_magic) == 0)
        set_tampered (error);
      else
        set_not_a_vault (error);
      return FALSE;
    }

  main_result = parse (main_region, &main_header);
  *condition = CARE_HEADER_CLEAN;

  if (is_all_zero (pending_region, CARE_VAULT_REGION_SIZE))
    {
      switch (main_result)
        {
        case PARSE_OK:
          *header = main_header;
          return TRUE;
        case PARSE_NEWER:
          set_newer (error);
          return FALSE;
        case PARSE_NO_MAGIC:
          /* One damaged byte must not pass for "some other file": the
           * page-set records say whether this was a vault. */
          if (memcmp (head + CARE_VAULT_STATE_OFFSET, state_magic_prefix,
                      sizeof state_magic_prefix) == 0)
            set_tampered (error);
          else
            set_not_a_vault (error);
          return FALSE;
        default:
          set_tampered (error);
          return FALSE;
        }
    }

  pending_result = parse (pending_region, &pending_header);

  if (main_result == PARSE_NEWER || pending_result == PARSE_NEWER)
    {
      set_newer (error);
      return FALSE;
    }

  if (pending_result == PARSE_OK)
    {
      /* The next header was written in full: roll forward to it, provided
       * the current one (if intact) is its predecessor. */
      if (main_result == PARSE_OK &&
          main_header.sequence != pending_header.sequence &&
          main_header.sequence + 1 != pending_header.sequence)
        {
          set_tampered (error);
          return FALSE;
        }
      if (main_result == PARSE_OK &&
          memcmp (main_header.vault_id, pending_header.vault_id, sizeof main_header.vault_id) != 0)
        {
          set_tampered (error);
          return FALSE;
        }
      *header = pending_header;
      *condition = CARE_HEADER_UPDATE_PENDING;
      return TRUE;
    }

  /* The pending copy was being written when the update stopped: its first
   * sector, written first, names the next sequence number. Anything else in
   * that region is damage. */
  if (main_result == PARSE_OK &&
      memcmp (pending_region + OFF_MAGIC, header_magic, sizeof header_magic) == 0 &&
      care_vault_get_u64 (pending_region + OFF_SEQUENCE) == main_header.sequence + 1)
    {
      *header = main_header;
      *condition = CARE_HEADER_UPDATE_PENDING;
      return TRUE;
    }

  set_tampered (error);
  return FALSE;
}

gboolean
care_vault_header_verify_mac (const CareVaultHeader *header,
                              CareVaultKeys         *keys)
{
  guint8 mac[32];

  compute_mac (header, keys, mac);
  return sodium_memcmp (mac, header->mac, sizeof mac) == 0;
}

static gboolean
write_region (int            fd,
              const guint8  *region,
              goffset        offset,
              GError       **error)
{
  return care_vault_pwrite_full (fd, region, CARE_VAULT_REGION_SIZE, offset, error) &&
         care_vault_fsync (fd, error);
}

/* Writes HEADER as the next version. At every instant one of the two copies
 * is complete, so a cut anywhere leaves a header that opens: the old one
 * until the pending copy is whole, the new one after. */
gboolean
care_vault_header_write (int              fd,
                         CareVaultHeader *header,
                         CareVaultKeys   *keys,
                         GError         **error)
{
  guint8 region[CARE_VAULT_REGION_SIZE];
  guint8 zeros[CARE_VAULT_REGION_SIZE] = { 0 };

  header->sequence++;
  compute_mac (header, keys, header->mac);
  serialize (header, region);

  return write_region (fd, region, CARE_VAULT_PENDING_OFFSET, error) &&
         write_region (fd, region, CARE_VAULT_HEADER_OFFSET, error) &&
         write_region (fd, zeros, CARE_VAULT_PENDING_OFFSET, error);
}

/* Completes an update that was cut off, once the vault has been unlocked
 * with HEADER (so its MAC is known good). */
gboolean
care_vault_header_finish_pending (int              fd,
                                  CareVaultHeader *header,
                                  CareVaultKeys   *keys,
                                  GError         **error)
{
  guint8 region[CARE_VAULT_REGION_SIZE];
  guint8 zeros[CARE_VAULT_REGION_SIZE] = { 0 };

  serialize (header, region);

  return write_region (fd, region, CARE_VAULT_HEADER_OFFSET, error) &&
         write_region (fd, zeros, CARE_VAULT_PENDING_OFFSET, error);
}

void
care_vault_header_init (CareVaultHeader *header,
                        guint32          page_size)
{
  memset (header, 0, sizeof *header);
  header->format_version = CARE_VAULT_FORMAT_VERSION;
  header->page_size = page_size;
  header->reserve = CARE_VAULT_RESERVE_BYTES;
  randombytes_buf (header->vault_id, sizeof header->vault_id);
}

void
care_kdf_cost_get_limits (CareKdfCost cost,
                          guint64    *opslimit,
                          guint64    *memlimit)
{
  switch (cost)
    {
    case CARE_KDF_COST_INTERACTIVE:
      *opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      *memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
      break;
    case CARE_KDF_COST_SENSITIVE:
      *opslimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
      *memlimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
      break;
    case CARE_KDF_COST_MODERATE:
    default:
      *opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
      *memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
      break;
    }
}

gboolean
care_kdf_cost_from_string (const char  *text,
                           CareKdfCost *cost)
{
  if (g_strcmp0 (text, "interactive") == 0)
    *cost = CARE_KDF_COST_INTERACTIVE;
  else if (g_strcmp0 (text, "moderate") == 0)
    *cost = CARE_KDF_COST_MODERATE;
  else if (g_strcmp0 (text, "sensitive") == 0)
    *cost = CARE_KDF_COST_SENSITIVE;
  else
    return FALSE;
  return TRUE;
}

const char *
care_kdf_cost_describe (guint64 opslimit,
                        guint64 memlimit)
{
  for (CareKdfCost c = CARE_KDF_COST_INTERACTIVE; c <= CARE_KDF_COST_SENSITIVE; c++)
    {
      guint64 ops, mem;

      care_kdf_cost_get_limits (c, &ops, &mem);
      if (ops == opslimit && mem == memlimit)
        return c == CARE_KDF_COST_INTERACTIVE ? "interactive"
             : c == CARE_KDF_COST_MODERATE ? "moderate" : "sensitive";
    }
  return "custom";
}

int
care_vault_header_find_slot (const CareVaultHeader *header,
                             const char            *name)
{
  for (int i = 0; i < CARE_VAULT_MAX_SLOTS; i++)
    if (header->slots[i].kind != CARE_SLOT_EMPTY && g_str_equal (header->slots[i].name, name))
      return i;
  return -1;
}

int
care_vault_header_free_slot (const CareVaultHeader *header)
{
  for (int i = 0; i < CARE_VAULT_MAX_SLOTS; i++)
    if (header->slots[i].kind == CARE_SLOT_EMPTY)
      return i;
  return -1;
}

guint
care_vault_header_count_slots (const CareVaultHeader *header,
                               CareSlotKind           kind)
{
  guint n = 0;

  for (int i = 0; i < CARE_VAULT_MAX_SLOTS; i++)
    if (header->slots[i].kind == kind)
      n++;
  return n;
}

/* Binds the wrapped key to everything that describes the slot, so that no
 * field of it can be changed without the unwrap failing. */
static gsize
slot_associated_data (const CareVaultHeader *header,
                      const CareVaultSlot   *slot,
                      guint8                *ad)
{
  guint8 name[CARE_VAULT_SLOT_NAME_MAX + 1] = { 0 };
  gsize n = 0;

  memcpy (ad + n, header->vault_id, 16); n += 16;
  ad[n++] = slot->kind;
  memcpy (name, slot->name, strnlen (slot->name, CARE_VAULT_SLOT_NAME_MAX));
  memcpy (ad + n, name, sizeof name); n += sizeof name;
  care_vault_put_u64 (ad + n, slot->opslimit); n += 8;
  care_vault_put_u64 (ad + n, slot->memlimit); n += 8;
  memcpy (ad + n, slot->salt, sizeof slot->salt); n += sizeof slot->salt;
  return n;
}

static guint8 *
derive_slot_key (const CareVaultSlot *slot,
                 const char          *secret)
{
  guint8 *kek = sodium_malloc (CARE_VAULT_KEY_BYTES);

  if (kek == NULL)
    return NULL;

  if (crypto_pwhash (kek, CARE_VAULT_KEY_BYTES, secret, strlen (secret), slot->salt,
                     slot->opslimit, slot->memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      sodium_free (kek);
      return NULL;
    }
  return kek;
}

gboolean
care_vault_slot_fill (const CareVaultHeader *header,
                      CareVaultSlot         *slot,
                      CareSlotKind           kind,
                      const char            *name,
                      const char            *secret,
                      CareKdfCost            cost,
                      CareVaultKeys         *keys,
                      GError               **error)
{
  guint8 ad[128];
  gsize ad_len;
  guint8 *kek;

  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);
  g_return_val_if_fail (strlen (name) <= CARE_VAULT_SLOT_NAME_MAX, FALSE);

  memset (slot, 0, sizeof *slot);
  slot->kind = kind;
  g_strlcpy (slot->name, name, sizeof slot->name);
  care_kdf_cost_get_limits (cost, &slot->opslimit, &slot->memlimit);
  randombytes_buf (slot->salt, sizeof slot->salt);
  randombytes_buf (slot->nonce, sizeof slot->nonce);

  kek = derive_slot_key (slot, secret);
  if (kek == NULL)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_IO,
                           _("Not enough memory to derive the key from the passphrase."));
      return FALSE;
    }

  ad_len = slot_associated_data (header, slot, ad);
  crypto_aead_xchacha20poly1305_ietf_encrypt (slot->wrapped, NULL,
                                              care_vault_keys_get (keys)->master,
                                              CARE_VAULT_KEY_BYTES,
                                              ad, ad_len, NULL, slot->nonce, kek);
  sodium_free (kek);
  return TRUE;
}

CareVaultKeys *
care_vault_slot_open (const CareVaultHeader *header,
                      const CareVaultSlot   *slot,
                      const char            *secret)
{
  guint8 ad[128];
  gsize ad_len;
  guint8 *kek;
  guint8 *master;
  CareVaultKeys *keys = NULL;

  if (slot->kind == CARE_SLOT_EMPTY)
    return NULL;

  kek = derive_slot_key (slot, secret);
  if (kek == NULL)
    return NULL;

  master = sodium_malloc (CARE_VAULT_KEY_BYTES);
  ad_len = slot_associated_data (header, slot, ad);
  if (master != NULL &&
      crypto_aead_xchacha20poly1305_ietf_decrypt (master, NULL, NULL,
                                                  slot->wrapped, sizeof slot->wrapped,
                                                  ad, ad_len, slot->nonce, kek) == 0)
    keys = care_vault_keys_new_from_master (master);

  sodium_free (master);
  sodium_free (kek);
  return keys;
}

static CareVaultKeys *
open_and_authenticate (const CareVaultHeader *header,
                       int                    index,
                       const char            *secret,
                       GError               **error)
{
  CareVaultKeys *keys = care_vault_slot_open (header, &header->slots[index], secret);

  if (keys == NULL)
    return NULL;

  /* The right passphrase for a header whose other fields were changed. */
  if (!care_vault_header_verify_mac (header, keys))
    {
      care_vault_keys_unref (keys);
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_TAMPERED,
                           _("The vault has been tampered with: its header was changed "
                             "after it was written. Restore it from a backup."));
      return NULL;
    }
  return keys;
}

/* Finds the slot that SECRET opens: USER's own when a name is given, else
 * each slot of KIND in turn. Each try costs one Argon2id derivation. */
CareVaultKeys *
care_vault_header_unlock (const CareVaultHeader *header,
                          CareSlotKind           kind,
                          const char            *user,
                          const char            *secret,
                          int                   *slot_index,
                          GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  for (int i = 0; i < CARE_VAULT_MAX_SLOTS; i++)
    {
      const CareVaultSlot *slot = &header->slots[i];
      CareVaultKeys *keys;

      if (slot->kind != kind || (user != NULL && !g_str_equal (slot->name, user)))
        continue;

      keys = open_and_authenticate (header, i, secret, &local_error);
      if (keys != NULL)
        {
          if (slot_index != NULL)
            *slot_index = i;
          return keys;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (user != NULL && care_vault_header_find_slot (header, user) < 0)
    /* Translators: %s is the name of a person who may open the vault. */
    g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE,
                 _("No one called “%s” can open this vault."), user);
  else if (kind == CARE_SLOT_RECOVERY)
    g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE,
                         _("This recovery key does not open the vault."));
  else
    g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_WRONG_PASSPHRASE,
                         _("Wrong passphrase: it does not open this vault."));
  return NULL;
}

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#define RECOVERY_BYTES  20
#define RECOVERY_CHARS  32

char *
care_recovery_key_generate (void)
{
  guint8 bytes[RECOVERY_BYTES];
  GString *key = g_string_sized_new (RECOVERY_CHARS + 8);
  guint bit = 0;

  randombytes_buf (bytes, sizeof bytes);
  for (int i = 0; i < RECOVERY_CHARS; i++, bit += 5)
    {
      guint byte = bit / 8, shift = bit % 8;
      guint v = bytes[byte] << 8 | (byte + 1 < RECOVERY_BYTES ? bytes[byte + 1] : 0);

      if (i > 0 && i % 4 == 0)
        g_string_append_c (key, '-');
      g_string_append_c (key, crockford[(v >> (11 - shift)) & 0x1f]);
    }
  sodium_memzero (bytes, sizeof bytes);
  return g_string_free (key, FALSE);
}

/* Accepts what a person copies by hand: any case, spaces or dashes, and
 * the letters Crockford's alphabet maps to digits. Returns the canonical
 * 32 characters, or NULL when it cannot be a recovery key. */
char *
care_recovery_key_normalize (const char *typed)
{
  GString *key;

  g_return_val_if_fail (typed != NULL, NULL);

  key = g_string_sized_new (RECOVERY_CHARS);
  for (const char *p = typed; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r')
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (strchr (crockford, c) == NULL || c == '\0')
        {
          g_string_free (key, TRUE);
          return NULL;
        }
      g_string_append_c (key, c);
    }

  if (key->len != RECOVERY_CHARS)
    {
      g_string_free (key, TRUE);
      return NULL;
    }
  return g_string_free (key, FALSE);
}
