/* care-csv.h — RFC 4180 files as spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CARE_CSV_ERROR (care_csv_error_quark ())

/* Each code is something the person who made the file can fix; the
 * messages give the line so that they can find it in their spreadsheet. */
typedef enum
{
  CARE_CSV_ERROR_IO,                 /* the file cannot be read or written */
  CARE_CSV_ERROR_EMPTY,              /* nothing in it, not even a header */
  CARE_CSV_ERROR_ENCODING,           /* not UTF-8 */
  CARE_CSV_ERROR_UNTERMINATED_QUOTE, /* a quoted field runs to the end of the file */
  CARE_CSV_ERROR_STRAY_QUOTE,        /* a quote inside an unquoted field, or text after a closing quote */
  CARE_CSV_ERROR_FIELD_COUNT,        /* a row with more or fewer fields than the header */
} CareCsvError;

GQuark          care_csv_error_quark         (void);

/* --- reading --- */

typedef struct _CareCsvReader CareCsvReader;

/* The whole file is mapped (GMappedFile) and checked to be UTF-8 in one
 * pass before anything else, so that an encoding problem is reported
 * before any row is looked at. */
CareCsvReader  *care_csv_reader_new_for_path (const char     *path,
                                              GError        **error);
CareCsvReader  *care_csv_reader_new_for_bytes (GBytes        *bytes,
                                               GError       **error);
void            care_csv_reader_free         (CareCsvReader  *reader);

/* ',' or ';', decided from the header line. */
char            care_csv_reader_get_delimiter (CareCsvReader *reader);

/* Reads the next record. Returns TRUE with its fields (valid until the
 * next call; *OUT_N_FIELDS of them) and the physical line it starts on;
 * FALSE at the end of the file (ERROR unset) or on malformed input.
 * Every record after the first must have as many fields as the first
 * (the header): a record that does not is still returned through the out
 * arguments, with CARE_CSV_ERROR_FIELD_COUNT, and reading can go on after
 * it; the other errors end the reading. Blank lines are skipped. */
gboolean        care_csv_reader_next         (CareCsvReader      *reader,
                                              const char * const **out_fields,
                                              guint              *out_n_fields,
                                              guint              *out_line,
                                              GError            **error);

/* Back to the first record, for a second pass over the same file. */
void            care_csv_reader_rewind       (CareCsvReader  *reader);

/* How far the reading is, in bytes, for progress reports. */
gsize           care_csv_reader_get_offset   (CareCsvReader  *reader);
gsize           care_csv_reader_get_size     (CareCsvReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareCsvReader, care_csv_reader_free)

/* --- writing --- */

/* Comma-separated, CRLF line ends, UTF-8 without a BOM (RFC 4180); a field
 * is quoted when it holds a comma, a quote, a line break, or starts or
 * ends with a space (spreadsheets would trim it). */
typedef struct _CareCsvWriter CareCsvWriter;

CareCsvWriter  *care_csv_writer_new          (GOutputStream  *stream);
gboolean        care_csv_writer_write_row    (CareCsvWriter      *writer,
                                              const char * const *fields,
                                              guint               n_fields,
                                              GError            **error);
/* Writes what is buffered; the stream is left open. */
gboolean        care_csv_writer_flush        (CareCsvWriter  *writer,
                                              GError        **error);
void            care_csv_writer_free         (CareCsvWriter  *writer);

/* One record, CRLF included, appended to OUT. */
void            care_csv_append_row          (GString            *out,
                                              const char * const *fields,
                                              guint               n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareCsvWriter, care_csv_writer_free)

G_END_DECLS
