/* care-document-store.c — the files attached to a case, kept in the vault
 *
 * A removal deletes the row at once (secure_delete overwrites its pages);
 * Undo is care_document_store_restore, which writes the document back
 * under the id it had, as the Partners view saves a deleted partner again.
 * Each change is one entry of the hash-chained history, written in the same
 * savepoint as the change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "care-case-number.h"
#include "care-document-store.h"
#include "care-history.h"
#include "care-plan-scan-store.h"
#include "care-store-cache.h"
#include "care-store-sql.h"
#include "care-vault-error.h"

#define MAX_TITLE_CHARS 200
#define OCTET_STREAM "application/octet-stream"

void
care_document_free (CareDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->case_number);
  g_free (document->title);
  g_free (document->file_name);
  g_free (document->media_type);
  g_free (document->attached_at);
  g_free (document->attached_by);
  g_clear_pointer (&document->data, g_bytes_unref);
  g_free (document);
}

CareDocument *
care_document_copy (const CareDocument *document)
{
  CareDocument *copy;

  g_return_val_if_fail (document != NULL, NULL);

  copy = g_new0 (CareDocument, 1);
  copy->id = document->id;
  copy->case_number = g_strdup (document->case_number);
  copy->title = g_strdup (document->title);
  copy->file_name = g_strdup (document->file_name);
  copy->media_type = g_strdup (document->media_type);
  copy->size = document->size;
  copy->attached_at = g_strdup (document->attached_at);
  copy->attached_by = g_strdup (document->attached_by);
  copy->data = document->data != NULL ? g_bytes_ref (document->data) : NULL;
  return copy;
}

/* PDF, PNG and JPEG, the kinds CARE shows itself, are told by their magic
 * bytes alone. Anything else is accepted (staff keep letters, forms and
 * photos in whatever format they came in) and named by shared-mime-info
 * from its bytes, with the name only breaking ties the bytes leave open
 * (a .docx and a .zip look alike inside). A type the bytes would not bear
 * out is never claimed for the formats CARE opens: those it decodes only
 * after its own check, whatever the stored type says. */
char *
care_document_sniff (const char   *file_name,
                     const guint8 *data,
                     gsize         length)
{
  const char *known = care_plan_scan_sniff (data, length);
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;
  gboolean uncertain = TRUE;

  if (known != NULL)
    return g_strdup (known);
  if (data == NULL || length == 0)
    return g_strdup (OCTET_STREAM);

  type = g_content_type_guess (file_name, data, MIN (length, 64 * 1024), &uncertain);
  mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;
  if (uncertain || mime == NULL ||
      g_str_equal (mime, "application/pdf") || g_str_equal (mime, "image/png") || g_str_equal (mime, "image/jpeg"))
    return g_strdup (OCTET_STREAM);
  return g_steal_pointer (&mime);
}

char *
care_document_default_title (const char *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name != NULL ? file_name : "");
  char *dot = strrchr (base, '.');

  /* ".bashrc" keeps its name: there would be nothing left. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

gboolean
care_document_check_size (guint64   size,
                          GError  **error)
{
  if (size == 0)
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("The file is empty: there is nothing to keep."));
      return FALSE;
    }
  if (size > CARE_DOCUMENT_MAX_BYTES)
    {
      /* Translators: %u is a size in megabytes */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                   _("A document may not be larger than %u MB: scan at a lower resolution, or split it."),
                   (guint) (CARE_DOCUMENT_MAX_BYTES / (1024 * 1024)));
      return FALSE;
    }
  return TRUE;
}

/* TITLE without the blanks around it, or NULL and the reason. */
static char *
clean_title (const char  *title,
             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                           _("A document needs a title that says what it is, e.g. “Passport copy”."));
      return NULL;
    }
  if (!g_utf8_validate (clean, -1, NULL) || g_utf8_strlen (clean, -1) > MAX_TITLE_CHARS)
    {
      /* Translators: %u is a number of characters */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID,
                   _("A document’s title may not be longer than %u characters."), MAX_TITLE_CHARS);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static void
set_case_not_found (GError **error)
{
  g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                       _("There is no case with this case number in the vault."));
}

static void
set_document_not_found (GError **error)
{
  g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                       _("This document is not in the vault: it may have been removed."));
}

/* The row id of the case, in the form the store writes its number. */
static gboolean
find_case (CareVault   *vault,
           const char  *case_number,
           gint64      *out_id,
           char       **out_canonical,
           GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  g_autofree char *canonical = NULL;
  CareCaseNumber number;
  gboolean row = FALSE;

  if (!care_case_number_parse (case_number, &number, NULL))
    {
      set_case_not_found (error);
      return FALSE;
    }
  canonical = care_case_number_format (&number);
  stmt = care_store_stmt (vault, "SELECT id FROM cases WHERE case_number = ?", error);
  if (stmt == NULL)
    return FALSE;
  care_store_bind_text (stmt, 1, canonical);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return FALSE;
  if (!row)
    {
      set_case_not_found (error);
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  if (out_canonical != NULL)
    *out_canonical = g_steal_pointer (&canonical);
  return TRUE;
}

/* What the history keeps of a document: what it is, not what it shows. */
static char *
summarize (const CareDocument *d)
{
  return g_strdup_printf ("title=%s; file=%s; type=%s; size=%" G_GSIZE_FORMAT,
                          d->title, d->file_name, d->media_type, d->size);
}

/* Inserts D (its id too, unless 0) for case CASE_ID; D->id is set. */
static gboolean
insert_document (CareVault     *vault,
                 gint64         case_id,
                 CareDocument  *d,
                 GError       **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  const guint8 *bytes;
  gsize length;

  stmt = care_store_stmt (vault, "INSERT INTO case_documents (id, case_id, title, file_name, media_type, size, "
                                 "attached_at, attached_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bytes = g_bytes_get_data (d->data, &length);
  if (d->id > 0)
    sqlite3_bind_int64 (stmt, 1, d->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, case_id);
  care_store_bind_text (stmt, 3, d->title);
  care_store_bind_text (stmt, 4, d->file_name);
  care_store_bind_text (stmt, 5, d->media_type);
  sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) length);
  care_store_bind_text (stmt, 7, d->attached_at);
  care_store_bind_text (stmt, 8, d->attached_by);
  sqlite3_bind_blob64 (stmt, 9, bytes, length, SQLITE_STATIC);
  if (!care_sql_step_done (sqlite3_db_handle (stmt), stmt, error))
    return FALSE;
  d->id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  return TRUE;
}

/* Runs WRITE inside a savepoint with a history writer for CASE_NUMBER:
 * everything or nothing. */
typedef gboolean (*WriteFunc) (CareVault *vault, CareHistoryWriter *history, gpointer data, GError **error);

static gboolean
write_with_history (CareVault   *vault,
                    const char  *case_number,
                    WriteFunc    write,
                    gpointer     data,
                    GError     **error)
{
  CareHistoryWriter history;
  gboolean ok;

  if (!care_store_savepoint (vault, error))
    return FALSE;
  care_history_writer_init (&history, vault, case_number);
  ok = write (vault, &history, data, error);
  care_history_writer_clear (&history);
  if (!ok)
    {
      care_store_rollback_savepoint (vault);
      return FALSE;
    }
  return care_store_release_savepoint (vault, error);
}

typedef struct {
  gint64        case_id;
  CareDocument *document;
  const char   *note;    /* said in the history entry before the summary */
} InsertJob;

static gboolean
write_insert (CareVault          *vault,
              CareHistoryWriter  *history,
              gpointer            data,
              GError            **error)
{
  InsertJob *job = data;
  g_autofree char *summary = NULL;
  g_autofree char *entry = NULL;

  if (job->document->attached_at == NULL)
    {
      job->document->attached_at = g_strdup (history->at);
      job->document->attached_by = g_strdup (history->who);
    }
  if (!insert_document (vault, job->case_id, job->document, error))
    return FALSE;
  summary = summarize (job->document);
  entry = job->note != NULL ? g_strconcat (job->note, summary, NULL) : g_strdup (summary);
  return care_history_append (history, "document", job->document->id, "create", NULL, NULL, entry, error);
}

gint64
care_document_store_attach (CareVault    *vault,
                            const char   *case_number,
                            const char   *title,
                            const char   *file_name,
                            GBytes       *data,
                            GError      **error)
{
  g_autoptr(CareDocument) d = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *canonical = NULL;
  const guint8 *bytes;
  gsize length;
  InsertJob job = { 0 };

  g_return_val_if_fail (CARE_IS_VAULT (vault), 0);
  g_return_val_if_fail (case_number != NULL, 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  bytes = g_bytes_get_data (data, &length);
  if (!care_document_check_size (length, error) ||
      (clean = clean_title (title, error)) == NULL ||
      !find_case (vault, case_number, &job.case_id, &canonical, error))
    return 0;

  d = g_new0 (CareDocument, 1);
  d->case_number = g_strdup (canonical);
  d->title = g_steal_pointer (&clean);
  d->file_name = file_name != NULL ? g_path_get_basename (file_name) : g_strdup ("");
  d->media_type = care_document_sniff (d->file_name, bytes, length);
  d->size = length;
  d->data = g_bytes_ref (data);
  job.document = d;
  if (!write_with_history (vault, canonical, write_insert, &job, error))
    return 0;
  return d->id;
}

#define DOCUMENT_SQL(data, where) \
  "SELECT d.id, c.case_number, d.title, d.file_name, d.media_type, d.size, d.attached_at, d.attached_by" \
  data " FROM case_documents d JOIN cases c ON c.id = d.case_id WHERE " where

static CareDocument *
read_document (sqlite3_stmt *stmt,
               gboolean      with_data)
{
  CareDocument *d = g_new0 (CareDocument, 1);

  d->id = sqlite3_column_int64 (stmt, 0);
  d->case_number = care_store_column_dup (stmt, 1);
  d->title = care_store_column_dup (stmt, 2);
  d->file_name = care_store_column_dup (stmt, 3);
  d->media_type = care_store_column_dup (stmt, 4);
  d->size = (gsize) sqlite3_column_int64 (stmt, 5);
  d->attached_at = care_store_column_dup (stmt, 6);
  d->attached_by = care_store_column_dup (stmt, 7);
  if (with_data)
    d->data = g_bytes_new (sqlite3_column_blob (stmt, 8), sqlite3_column_bytes (stmt, 8));
  return d;
}

GPtrArray *
care_document_store_list (CareVault   *vault,
                          const char  *case_number,
                          GError     **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) care_document_free);
  gint64 case_id;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);
  g_return_val_if_fail (case_number != NULL, NULL);

  if (!find_case (vault, case_number, &case_id, NULL, error))
    return NULL;
  stmt = care_store_stmt (vault, DOCUMENT_SQL ("", "d.case_id = ? ORDER BY d.attached_at, d.id"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (TRUE)
    {
      gboolean row = FALSE;

      if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (documents, read_document (stmt, FALSE));
    }
  return g_steal_pointer (&documents);
}

CareDocument *
care_document_store_get (CareVault  *vault,
                         gint64      id,
                         gboolean    with_data,
                         GError    **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  stmt = care_store_stmt (vault, with_data ? DOCUMENT_SQL (", d.data", "d.id = ?")
                                           : DOCUMENT_SQL ("", "d.id = ?"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return NULL;
  if (!row)
    {
      set_document_not_found (error);
      return NULL;
    }
  return read_document (stmt, with_data);
}

typedef struct {
  CareDocument *old;
  const char   *title;
} RenameJob;

static gboolean
write_rename (CareVault          *vault,
              CareHistoryWriter  *history,
              gpointer            data,
              GError            **error)
{
  RenameJob *job = data;
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "UPDATE case_documents SET title = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  care_store_bind_text (stmt, 1, job->title);
  sqlite3_bind_int64 (stmt, 2, job->old->id);
  return care_sql_step_done (sqlite3_db_handle (stmt), stmt, error) &&
         care_history_append (history, "document", job->old->id, "update", "title", job->old->title, job->title, error);
}

gboolean
care_document_store_rename (CareVault   *vault,
                            gint64       id,
                            const char  *title,
                            GError     **error)
{
  g_autoptr(CareDocument) old = NULL;
  g_autofree char *clean = NULL;
  RenameJob job;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((clean = clean_title (title, error)) == NULL ||
      (old = care_document_store_get (vault, id, FALSE, error)) == NULL)
    return FALSE;
  if (g_str_equal (old->title, clean))
    return TRUE;
  job.old = old;
  job.title = clean;
  return write_with_history (vault, old->case_number, write_rename, &job, error);
}

static gboolean
write_remove (CareVault          *vault,
              CareHistoryWriter  *history,
              gpointer            data,
              GError            **error)
{
  CareDocument *old = data;
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "DELETE FROM case_documents WHERE id = ?", error);
  g_autofree char *summary = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, old->id);
  if (!care_sql_step_done (sqlite3_db_handle (stmt), stmt, error))
    return FALSE;
  summary = summarize (old);
  return care_history_append (history, "document", old->id, "delete", NULL, summary, NULL, error);
}

gboolean
care_document_store_remove (CareVault   *vault,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(CareDocument) old = NULL;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old = care_document_store_get (vault, id, FALSE, error);
  if (old == NULL)
    return FALSE;
  return write_with_history (vault, old->case_number, write_remove, old, error);
}

gboolean
care_document_store_restore (CareVault           *vault,
                             const CareDocument  *document,
                             GError             **error)
{
  g_autoptr(CareDocument) d = NULL;
  g_autoptr(CareDocument) present = NULL;
  g_autoptr(GError) lookup_error = NULL;
  InsertJob job = { 0 };

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (document != NULL && document->data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!care_document_check_size (g_bytes_get_size (document->data), error) ||
      !find_case (vault, document->case_number, &job.case_id, NULL, error))
    return FALSE;
  /* Undone twice (two clicks, or the CLI and the window): once is enough. */
  present = care_document_store_get (vault, document->id, FALSE, &lookup_error);
  if (present != NULL)
    return TRUE;

  d = care_document_copy (document);
  d->size = g_bytes_get_size (d->data);
  job.document = d;
  job.note = "restored: ";
  return write_with_history (vault, d->case_number, write_insert, &job, error);
}
