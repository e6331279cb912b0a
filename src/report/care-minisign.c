/* care-minisign.c — detached signatures in minisign's format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-document"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "care-minisign.h"

G_DEFINE_QUARK (care-minisign-error-quark, care_minisign_error)

#define SIG_BYTES crypto_sign_BYTES
#define UNTRUSTED "untrusted comment: "
#define TRUSTED   "trusted comment: "

/* minisign prints key ids as the hexadecimal of a little-endian integer. */
static char *
key_id_to_string (const guint8 *key_id)
{
  GString *s = g_string_new (NULL);

  for (int i = CARE_OFFICE_KEY_ID_BYTES - 1; i >= 0; i--)
    g_string_append_printf (s, "%02X", key_id[i]);
  return g_string_free (s, FALSE);
}

char *
care_minisign_format_public_key (const CareOfficeKey *key)
{
  guint8 blob[2 + CARE_OFFICE_KEY_ID_BYTES + CARE_OFFICE_KEY_PUBLIC_BYTES];
  g_autofree char *id = NULL;
  g_autofree char *encoded = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  memcpy (blob, "Ed", 2);
  memcpy (blob + 2, key->key_id, CARE_OFFICE_KEY_ID_BYTES);
  memcpy (blob + 2 + CARE_OFFICE_KEY_ID_BYTES, key->public_key, CARE_OFFICE_KEY_PUBLIC_BYTES);
  id = key_id_to_string (key->key_id);
  encoded = g_base64_encode (blob, sizeof blob);
  return g_strdup_printf (UNTRUSTED "minisign public key %s\n%s\n", id, encoded);
}

/* BLAKE2b-512 of the whole file, as minisign's prehashed mode ("ED")
 * signs: a PDF of any size is read once, in pieces. */
static gboolean
hash_file (const char  *path,
           guint8       hash[crypto_generichash_BYTES_MAX],
           GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  crypto_generichash_state state;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, CARE_MINISIGN_ERROR, CARE_MINISIGN_ERROR_IO,
                   _("Cannot read %1$s: %2$s"), display, local_error->message);
      return FALSE;
    }
  crypto_generichash_init (&state, NULL, 0, crypto_generichash_BYTES_MAX);
  crypto_generichash_update (&state, (const guint8 *) g_mapped_file_get_contents (mapped),
                             g_mapped_file_get_length (mapped));
  crypto_generichash_final (&state, hash, crypto_generichash_BYTES_MAX);
  return TRUE;
}

char *
care_minisign_sign_file (const CareOfficeKey  *key,
                         const char           *path,
                         const char           *trusted_comment,
                         GError              **error)
{
  guint8 hash[crypto_generichash_BYTES_MAX];
  guint8 blob[2 + CARE_OFFICE_KEY_ID_BYTES + SIG_BYTES];
  guint8 global[SIG_BYTES];
  g_autofree guint8 *signed_comment = NULL;
  g_autofree char *id = NULL, *encoded = NULL, *encoded_global = NULL;
  gsize comment_length;

  g_return_val_if_fail (key != NULL && key->secret_key != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (trusted_comment != NULL && strchr (trusted_comment, '\n') == NULL, NULL);

  if (!hash_file (path, hash, error))
    return NULL;

  memcpy (blob, "ED", 2);
  memcpy (blob + 2, key->key_id, CARE_OFFICE_KEY_ID_BYTES);
  crypto_sign_detached (blob + 2 + CARE_OFFICE_KEY_ID_BYTES, NULL, hash, sizeof hash, key->secret_key);

  /* The global signature binds the trusted comment to the signature. */
  comment_length = strlen (trusted_comment);
  signed_comment = g_malloc (SIG_BYTES + comment_length);
  memcpy (signed_comment, blob + 2 + CARE_OFFICE_KEY_ID_BYTES, SIG_BYTES);
  memcpy (signed_comment + SIG_BYTES, trusted_comment, comment_length);
  crypto_sign_detached (global, NULL, signed_comment, SIG_BYTES + comment_length, key->secret_key);

  id = key_id_to_string (key->key_id);
  encoded = g_base64_encode (blob, sizeof blob);
  encoded_global = g_base64_encode (global, sizeof global);
  return g_strdup_printf (UNTRUSTED "signature from CARE office key %s\n%s\n" TRUSTED "%s\n%s\n",
                          id, encoded, trusted_comment, encoded_global);
}

gboolean
care_minisign_verify_file (const CareOfficeKey  *key,
                           const char           *path,
                           const char           *signature_text,
                           char                **out_trusted_comment,
                           GError              **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree guint8 *blob = NULL, *global = NULL, *signed_comment = NULL;
  const char *comment;
  gsize blob_length = 0, global_length = 0, comment_length;
  guint8 hash[crypto_generichash_BYTES_MAX];
  gboolean prehashed;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (signature_text != NULL, FALSE);

  lines = g_strsplit (signature_text, "\n", 5);
  if (g_strv_length (lines) < 4 || !g_str_has_prefix (lines[0], UNTRUSTED) ||
      !g_str_has_prefix (lines[2], TRUSTED))
    goto bad_format;
  for (int i = 0; i < 4; i++)
    g_strchomp (lines[i]);   /* a signature saved with CRLF line ends */

  blob = g_base64_decode (lines[1], &blob_length);
  global = g_base64_decode (lines[3], &global_length);
  if (blob_length != 2 + CARE_OFFICE_KEY_ID_BYTES + SIG_BYTES || global_length != SIG_BYTES)
    goto bad_format;
  if (memcmp (blob, "ED", 2) == 0)
    prehashed = TRUE;
  else if (memcmp (blob, "Ed", 2) == 0)
    prehashed = FALSE;
  else
    goto bad_format;

  if (memcmp (blob + 2, key->key_id, CARE_OFFICE_KEY_ID_BYTES) != 0)
    {
      g_set_error_literal (error, CARE_MINISIGN_ERROR, CARE_MINISIGN_ERROR_OTHER_KEY,
                           _("The signature was made with another key than this vault’s."));
      return FALSE;
    }

  if (prehashed)
    {
      if (!hash_file (path, hash, error))
        return FALSE;
      if (crypto_sign_verify_detached (blob + 2 + CARE_OFFICE_KEY_ID_BYTES, hash, sizeof hash,
                                       key->public_key) != 0)
        goto bad_file;
    }
  else
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

      if (mapped == NULL || crypto_sign_verify_detached (blob + 2 + CARE_OFFICE_KEY_ID_BYTES,
                                                         (const guint8 *) g_mapped_file_get_contents (mapped),
                                                         g_mapped_file_get_length (mapped),
                                                         key->public_key) != 0)
        goto bad_file;
    }

  comment = lines[2] + strlen (TRUSTED);
  comment_length = strlen (comment);
  signed_comment = g_malloc (SIG_BYTES + comment_length);
  memcpy (signed_comment, blob + 2 + CARE_OFFICE_KEY_ID_BYTES, SIG_BYTES);
  memcpy (signed_comment + SIG_BYTES, comment, comment_length);
  if (crypto_sign_verify_detached (global, signed_comment, SIG_BYTES + comment_length, key->public_key) != 0)
    {
      g_set_error_literal (error, CARE_MINISIGN_ERROR, CARE_MINISIGN_ERROR_BAD_COMMENT,
                           _("The signature’s trusted comment was changed after signing."));
      return FALSE;
    }

  if (out_trusted_comment != NULL)
    *out_trusted_comment = g_strdup (comment);
  return TRUE;

bad_format:
  g_set_error_literal (error, CARE_MINISIGN_ERROR, CARE_MINISIGN_ERROR_FORMAT,
                       _("The signature file is not in minisign’s format."));
  return FALSE;

bad_file:
  g_set_error_literal (error, CARE_MINISIGN_ERROR, CARE_MINISIGN_ERROR_BAD_FILE,
                       _("The file does not match its signature: it was changed after it was signed."));
  return FALSE;
}
