/* care-csv.c — RFC 4180 files as spreadsheets write them
 *
 * The reader works on the whole file mapped in memory, in one pass and
 * without a copy per line: a 100,000-row import must spend its time in
 * the vault, not here. Fields are unescaped into one reused buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "care-csv.h"

G_DEFINE_QUARK (care-csv-error-quark, care_csv_error)

struct _CareCsvReader
{
  GMappedFile *mapped;      /* nullable: BYTES holds the data instead */
  GBytes      *bytes;
  const char  *data;
  gsize        size;
  gsize        start;       /* after the BOM */

  char         delimiter;
  gsize        pos;
  guint        line;        /* physical line of POS, from 1 */
  guint        n_header_fields; /* 0 until the header is read */

  GString     *buffer;      /* the current record's fields, NUL-separated */
  GArray      *offsets;     /* gsize: where each field starts in BUFFER */
  GPtrArray   *fields;      /* pointers into BUFFER */
};

static const char UTF8_BOM[] = "\xEF\xBB\xBF";

/* The line of the byte at OFFSET, for an encoding error found by the
 * validation pass, which does not count lines itself. */
static guint
count_line_at (const char *data,
               gsize       offset)
{
  guint line = 1;
  const char *p = data;
  const char *end = data + offset;

  while ((p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      line++;
      p++;
    }
  return line;
}

/* Semicolons win only when the header has more of them than commas:
 * French spreadsheets separate with ';' because ',' is their decimal
 * point, and a header of our column names never has either inside a name,
 * but a quoted header field might. */
static char
detect_delimiter (const char *data,
                  gsize       size)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
is_blank_content (const char *data,
                  gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static CareCsvReader *
reader_new (GMappedFile *mapped,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(CareCsvReader) reader = g_new0 (CareCsvReader, 1);
  const char *end = NULL;

  reader->mapped = mapped;
  reader->bytes = bytes;
  if (mapped != NULL)
    {
      reader->data = g_mapped_file_get_contents (mapped);
      reader->size = g_mapped_file_get_length (mapped);
    }
  else
    {
      reader->data = g_bytes_get_data (bytes, &reader->size);
    }
  if (reader->data == NULL)
    reader->size = 0;

  reader->buffer = g_string_sized_new (1024);
  reader->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);
  reader->fields = g_ptr_array_sized_new (32);

  if (reader->size >= 3 && memcmp (reader->data, UTF8_BOM, 3) == 0)
    reader->start = 3;

  if (is_blank_content (reader->data + reader->start, reader->size - reader->start))
    {
      g_set_error_literal (error, CARE_CSV_ERROR, CARE_CSV_ERROR_EMPTY,
                           _("The file is empty: it has no header line and no rows"));
      return NULL;
    }

  /* One pass over everything first: a spreadsheet saved in Latin-1 or
   * UTF-16 must be refused before any row is read, not half-way. NUL bytes
   * (UTF-16) fail here too. */
  if (!g_utf8_validate_len (reader->data + reader->start, reader->size - reader->start, &end))
    {
      guint line = count_line_at (reader->data, (gsize) (end - reader->data));

      g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_ENCODING,
                   /* Translators: %u is a line number; “CSV UTF-8” is the name of the format in spreadsheets’ “Save as” dialogues */
                   _("Line %u: the file is not UTF-8: save it as CSV UTF-8"), line);
      return NULL;
    }

  reader->delimiter = detect_delimiter (reader->data + reader->start, reader->size - reader->start);
  care_csv_reader_rewind (reader);
  return g_steal_pointer (&reader);
}

CareCsvReader *
care_csv_reader_new_for_path (const char  *path,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GMappedFile *mapped;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_IO,
                   /* Translators: %1$s is a file name, %2$s the system's reason */
                   _("Cannot read %1$s: %2$s"), display, local_error->message);
      return NULL;
    }
  return reader_new (mapped, NULL, error);
}

CareCsvReader *
care_csv_reader_new_for_bytes (GBytes  *bytes,
                               GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_new (NULL, g_bytes_ref (bytes), error);
}

void
care_csv_reader_free (CareCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_pointer (&reader->mapped, g_mapped_file_unref);
  g_clear_pointer (&reader->bytes, g_bytes_unref);
  if (reader->buffer != NULL)
    {
      /* It held the last record read: personal data. */
      memset (reader->buffer->str, 0, reader->buffer->allocated_len);
      g_string_free (reader->buffer, TRUE);
    }
  g_clear_pointer (&reader->offsets, g_array_unref);
  g_clear_pointer (&reader->fields, g_ptr_array_unref);
  g_free (reader);
}

char
care_csv_reader_get_delimiter (CareCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');
  return reader->delimiter;
}

void
care_csv_reader_rewind (CareCsvReader *reader)
{
  g_return_if_fail (reader != NULL);
  reader->pos = reader->start;
  reader->line = 1;
  reader->n_header_fields = 0;
}

gsize
care_csv_reader_get_offset (CareCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->pos;
}

gsize
care_csv_reader_get_size (CareCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->size;
}

/* Consumes one line end (LF, CRLF, or a lone CR as old Mac spreadsheets
 * wrote) at POS, if there is one. */
static gboolean
consume_line_end (CareCsvReader *reader)
{
  const char *d = reader->data;

  if (reader->pos >= reader->size)
    return FALSE;
  if (d[reader->pos] == '\n')
    {
      reader->pos++;
      reader->line++;
      return TRUE;
    }
  if (d[reader->pos] == '\r')
    {
      reader->pos++;
      if (reader->pos < reader->size && d[reader->pos] == '\n')
        reader->pos++;
      reader->line++;
      return TRUE;
    }
  return FALSE;
}

/* A quoted field, POS on its opening quote. Line breaks inside it become
 * LF whatever the file used, so that a note reads the same whichever
 * system the spreadsheet ran on. */
static gboolean
read_quoted (CareCsvReader *reader,
             GError       **error)
{
  const char *d = reader->data;
  gsize size = reader->size;
  guint opened_on = reader->line;

  reader->pos++;
  for (;;)
    {
      const char *quote = memchr (d + reader->pos, '"', size - reader->pos);
      gsize end;

      if (quote == NULL)
        {
          g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_UNTERMINATED_QUOTE,
                       /* Translators: %u is a line number */
                       _("Line %u: a quoted field is never closed: a quote (\") is missing"),
                       opened_on);
          return FALSE;
        }
      end = (gsize) (quote - d);

      for (gsize i = reader->pos; i < end; i++)
        {
          char c = d[i];

          if (c == '\r')
            {
              reader->line++;
              if (i + 1 < end && d[i + 1] == '\n')
                i++;
              g_string_append_c (reader->buffer, '\n');
              continue;
            }
          if (c == '\n')
            reader->line++;
          g_string_append_c (reader->buffer, c);
        }

      if (end + 1 < size && d[end + 1] == '"')
        {
          g_string_append_c (reader->buffer, '"');
          reader->pos = end + 2;
          continue;
        }
      reader->pos = end + 1;
      break;
    }

  if (reader->pos < size)
    {
      char c = d[reader->pos];

      if (c != reader->delimiter && c != '\n' && c != '\r')
        {
          g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_STRAY_QUOTE,
                       /* Translators: %u is a line number */
                       _("Line %u: there is text after the closing quote of a field; a quote inside a field must be doubled (\"\")"),
                       reader->line);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_unquoted (CareCsvReader *reader,
               GError       **error)
{
  const char *d = reader->data;
  gsize size = reader->size;
  char delimiter = reader->delimiter;
  gsize i = reader->pos;

  while (i < size)
    {
      char c = d[i];

      if (c == delimiter || c == '\n' || c == '\r')
        break;
      if (c == '"')
        {
          g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_STRAY_QUOTE,
                       /* Translators: %u is a line number */
                       _("Line %u: a field that does not start with a quote contains one; put the whole field in quotes and double the quotes inside (\"\")"),
                       reader->line);
          return FALSE;
        }
      i++;
    }
  g_string_append_len (reader->buffer, d + reader->pos, (gssize) (i - reader->pos));
  reader->pos = i;
  return TRUE;
}

gboolean
care_csv_reader_next (CareCsvReader       *reader,
                      const char * const **out_fields,
                      guint               *out_n_fields,
                      guint               *out_line,
                      GError             **error)
{
  guint record_line;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while (consume_line_end (reader))
    ;
  if (reader->pos >= reader->size)
    return FALSE;

  record_line = reader->line;
  g_string_truncate (reader->buffer, 0);
  g_array_set_size (reader->offsets, 0);
  g_ptr_array_set_size (reader->fields, 0);

  for (;;)
    {
      gsize offset = reader->buffer->len;

      g_array_append_val (reader->offsets, offset);
      if (reader->pos < reader->size && reader->data[reader->pos] == '"')
        {
          if (!read_quoted (reader, error))
            return FALSE;
        }
      else if (!read_unquoted (reader, error))
        {
          return FALSE;
        }
      g_string_append_c (reader->buffer, '\0');

      if (reader->pos < reader->size && reader->data[reader->pos] == reader->delimiter)
        {
          reader->pos++;
          continue;
        }
      consume_line_end (reader);
      break;
    }

  /* Pointers only now: the buffer may have moved while it grew. */
  for (guint i = 0; i < reader->offsets->len; i++)
    g_ptr_array_add (reader->fields,
                     reader->buffer->str + g_array_index (reader->offsets, gsize, i));

  if (out_fields != NULL)
    *out_fields = (const char * const *) reader->fields->pdata;
  if (out_n_fields != NULL)
    *out_n_fields = reader->fields->len;
  if (out_line != NULL)
    *out_line = record_line;

  if (reader->n_header_fields == 0)
    {
      reader->n_header_fields = reader->fields->len;
    }
  else if (reader->fields->len != reader->n_header_fields)
    {
      g_autofree char *header = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              /* Translators: the end of “Line 7 has 3 fields where the header has %s”; %u is a number */
                                                              "%u field", "%u fields",
                                                              reader->n_header_fields),
                                                 reader->n_header_fields);

      g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_FIELD_COUNT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %1$u is a line number, %2$u a number of fields, %3$s e.g. “5 fields” */
                                "Line %1$u has %2$u field where the header has %3$s",
                                "Line %1$u has %2$u fields where the header has %3$s",
                                reader->fields->len),
                   record_line, reader->fields->len, header);
      return FALSE;
    }
  return TRUE;
}

/* --- writing --- */

#define WRITER_BUFFER_SIZE (64 * 1024)

struct _CareCsvWriter
{
  GOutputStream *stream;
  GString       *buffer;
};

static gboolean
needs_quotes (const char *field)
{
  size_t len;

  if (*field == '\0')
    return FALSE;
  if (strpbrk (field, ",;\"\r\n") != NULL)
    return TRUE;
  len = strlen (field);
  return g_ascii_isspace (field[0]) || g_ascii_isspace (field[len - 1]);
}

/* Semicolons are quoted too although the writer separates with commas:
 * then the reader's guess of the delimiter can never be misled by a
 * header we wrote, and a French spreadsheet that splits on ';' keeps the
 * field whole. */
void
care_csv_append_row (GString            *out,
                     const char * const *fields,
                     guint               n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

CareCsvWriter *
care_csv_writer_new (GOutputStream *stream)
{
  CareCsvWriter *writer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  writer = g_new0 (CareCsvWriter, 1);
  writer->stream = g_object_ref (stream);
  writer->buffer = g_string_sized_new (WRITER_BUFFER_SIZE + 4096);
  return writer;
}

gboolean
care_csv_writer_flush (CareCsvWriter  *writer,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (writer != NULL, FALSE);

  if (writer->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, &local_error))
    {
      g_set_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_IO,
                   /* Translators: %s is the system's reason */
                   _("Cannot write the file: %s"), local_error->message);
      return FALSE;
    }
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

gboolean
care_csv_writer_write_row (CareCsvWriter      *writer,
                           const char * const *fields,
                           guint               n_fields,
                           GError            **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  care_csv_append_row (writer->buffer, fields, n_fields);
  if (writer->buffer->len >= WRITER_BUFFER_SIZE)
    return care_csv_writer_flush (writer, error);
  return TRUE;
}

void
care_csv_writer_free (CareCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_object (&writer->stream);
  /* The buffer may hold personal data that was never written: wipe it. */
  memset (writer->buffer->str, 0, writer->buffer->allocated_len);
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}
