/* care-document-store.h — the files attached to a case, kept in the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-vault.h"

G_BEGIN_DECLS

/* A passport copy, a birth certificate, a letter: any file the staff keep
 * with a case, stored encrypted like every other record, each change in
 * the history. The person's own description (the title) is what the
 * Documents page shows first; the file's name is kept as attached, without
 * its directory. */

#define CARE_DOCUMENT_MAX_BYTES (25 * 1024 * 1024)

typedef struct
{
  gint64  id;
  char   *case_number;
  char   *title;
  char   *file_name;      /* without its directory */
  char   *media_type;     /* by content; application/octet-stream if unknown */
  gsize   size;
  char   *attached_at;    /* ISO 8601, UTC */
  char   *attached_by;
  GBytes *data;           /* NULL unless asked for */
} CareDocument;

void          care_document_free            (CareDocument *document);
CareDocument *care_document_copy            (const CareDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareDocument, care_document_free)

/* The media type of DATA by its content (FILE_NAME, if given, only
 * breaks ties for types its bytes alone do not tell apart). */
char         *care_document_sniff           (const char   *file_name,
                                             const guint8 *data,
                                             gsize         length);

/* The title a file gets until someone writes a better one: its name
 * without directory or extension ("Passport scan" for
 * /home/x/Passport scan.pdf). */
char         *care_document_default_title   (const char   *file_name);

/* The refusal of a file of SIZE bytes, or TRUE: said before it is read. */
gboolean      care_document_check_size      (guint64       size,
                                             GError      **error);

/* The new document's id, or 0. A NULL or blank TITLE refuses, as does an
 * empty or too large file or an unknown case; nothing is changed then. */
gint64        care_document_store_attach    (CareVault    *vault,
                                             const char   *case_number,
                                             const char   *title,
                                             const char   *file_name,
                                             GBytes       *data,
                                             GError      **error);
/* CareDocument without data, oldest first. */
GPtrArray    *care_document_store_list      (CareVault    *vault,
                                             const char   *case_number,
                                             GError      **error);
/* NULL with CARE_VAULT_ERROR_NOT_FOUND when there is no such document. */
CareDocument *care_document_store_get       (CareVault    *vault,
                                             gint64        id,
                                             gboolean      with_data,
                                             GError      **error);
gboolean      care_document_store_rename    (CareVault    *vault,
                                             gint64        id,
                                             const char   *title,
                                             GError      **error);
gboolean      care_document_store_remove    (CareVault    *vault,
                                             gint64        id,
                                             GError      **error);
/* Undo of a removal: DOCUMENT, as care_document_store_get gave it with its
 * data before the removal, back under its own id, title, author and date. */
gboolean      care_document_store_restore   (CareVault          *vault,
                                             const CareDocument *document,
                                             GError            **error);

G_END_DECLS
