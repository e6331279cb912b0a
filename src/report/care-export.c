/* care-export.c — every case to a CSV file that import reads back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "care-case-store.h"
#include "care-csv.h"
#include "care-export.h"
#include "care-import.h"

#define PROGRESS_EVERY 500

typedef struct {
  CareCsvWriter    *writer;
  CareProgressFunc  progress;
  gpointer          progress_data;
} ExportContext;

static gboolean
write_case_row (const CareCase  *c,
                guint            index,
                guint            n_cases,
                gpointer         user_data,
                GError         **error)
{
  ExportContext *ctx = user_data;
  g_auto(GStrv) fields = care_case_to_csv_fields (c);

  if (!care_csv_writer_write_row (ctx->writer, (const char * const *) fields, CARE_CASE_N_COLUMNS, error))
    return FALSE;
  if (ctx->progress != NULL && (index + 1) % PROGRESS_EVERY == 0 && n_cases > 0)
    ctx->progress (MIN (1.0, (double) (index + 1) / n_cases), ctx->progress_data);
  return TRUE;
}

gboolean
care_export_cases_to_stream (CareVault         *vault,
                             GOutputStream     *stream,
                             CareProgressFunc   progress,
                             gpointer           progress_data,
                             guint             *out_n_cases,
                             GError           **error)
{
  g_autoptr(CareCsvWriter) writer = NULL;
  const char *header[CARE_CASE_N_COLUMNS];
  ExportContext ctx = { NULL, progress, progress_data };
  guint n_cases = 0;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = care_csv_writer_new (stream);
  for (guint i = 0; i < CARE_CASE_N_COLUMNS; i++)
    header[i] = care_case_column_get_name ((CareCaseColumn) i);
  if (!care_csv_writer_write_row (writer, header, CARE_CASE_N_COLUMNS, error))
    return FALSE;

  if (progress != NULL)
    progress (0.0, progress_data);
  /* Every exported column is on the case's own row: one statement streams
   * them all, instead of loading each case with its plan and follow-ups. */
  ctx.writer = writer;
  if (!care_case_store_foreach_export_row (vault, write_case_row, &ctx, &n_cases, error))
    return FALSE;
  if (!care_csv_writer_flush (writer, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  if (out_n_cases != NULL)
    *out_n_cases = n_cases;
  return TRUE;
}

gboolean
care_export_cases (CareVault         *vault,
                   const char        *path,
                   CareProgressFunc   progress,
                   gpointer           progress_data,
                   guint             *out_n_cases,
                   GError           **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_IO,
                   /* Translators: %1$s is a file name, %2$s the system's reason */
                   _("Cannot write %1$s: %2$s"), display, local_error->message);
      return FALSE;
    }

  if (!care_export_cases_to_stream (vault, G_OUTPUT_STREAM (stream), progress, progress_data,
                                    out_n_cases, error))
    {
      /* Closing a cancelled replace stream leaves the old file (or none)
       * in place instead of half an export. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_IO,
                   _("Cannot write %1$s: %2$s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}
