/* care-minisign.h — detached signatures in minisign's format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-office-key.h"

G_BEGIN_DECLS

/* minisign's formats, so that anyone can check a plan with Debian's
 * `minisign -V -p office.pub -m plan.pdf` and no CARE at all:
 *
 *   public key:  untrusted comment line, then base64 of
 *                "Ed" || key id (8) || Ed25519 public key (32)
 *   signature:   untrusted comment line, then base64 of
 *                "ED" || key id (8) || Ed25519 (BLAKE2b-512 (file)) (64),
 *                "trusted comment: …" line, then base64 of
 *                Ed25519 (signature || trusted comment) (64)
 */

#define CARE_MINISIGN_ERROR (care_minisign_error_quark ())

typedef enum
{
  CARE_MINISIGN_ERROR_FORMAT,      /* not a minisign signature */
  CARE_MINISIGN_ERROR_OTHER_KEY,   /* made with another key */
  CARE_MINISIGN_ERROR_BAD_FILE,    /* the file changed since it was signed */
  CARE_MINISIGN_ERROR_BAD_COMMENT, /* the trusted comment was changed */
  CARE_MINISIGN_ERROR_IO,
} CareMinisignError;

GQuark    care_minisign_error_quark        (void);

char     *care_minisign_format_public_key  (const CareOfficeKey *key);

/* The text of PATH.minisig: KEY must hold its secret half. */
char     *care_minisign_sign_file          (const CareOfficeKey *key,
                                            const char          *path,
                                            const char          *trusted_comment,
                                            GError             **error);

/* Checks SIGNATURE_TEXT against PATH and KEY's public half; on success
 * gives the trusted comment. */
gboolean  care_minisign_verify_file        (const CareOfficeKey *key,
                                            const char          *path,
                                            const char          *signature_text,
                                            char               **out_trusted_comment,
                                            GError             **error);

G_END_DECLS
