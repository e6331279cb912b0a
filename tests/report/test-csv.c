/* test-csv.c — the RFC 4180 reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "care-csv.h"

static CareCsvReader *
reader_for (const char *text,
            gssize      len,
            GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return care_csv_reader_new_for_bytes (bytes, error);
}

/* Reads every record as "line:field|field|…" lines, for compact checks. */
static char *
read_all (CareCsvReader *reader,
          GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *fields;
  guint n, line;

  while (care_csv_reader_next (reader, &fields, &n, &line, error))
    {
      g_string_append_printf (out, "%u:", line);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", fields[i]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check_parse (const char *text,
             char        delimiter,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCsvReader) reader = reader_for (text, -1, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (care_csv_reader_get_delimiter (reader), ==, delimiter);
  got = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_simple (void)
{
  check_parse ("a,b,c\n1,2,3\n4,,6\n", ',', "1:a|b|c\n2:1|2|3\n3:4||6\n");
  /* No line end at the end, an empty last field. */
  check_parse ("a,b\n1,", ',', "1:a|b\n2:1|\n");
  /* Blank lines are skipped, line numbers stay physical. */
  check_parse ("a,b\n\n1,2\r\n\r\n3,4\n\n", ',', "1:a|b\n3:1|2\n5:3|4\n");
}

static void
test_bom_semicolon_crlf (void)
{
  check_parse ("\xEF\xBB\xBF" "nom;prénom;notes\r\nDupont;Zoé;\"1,5 mois\"\r\n", ';',
               "1:nom|prénom|notes\n2:Dupont|Zoé|1,5 mois\n");
  /* A comma inside a quoted header field does not make it comma-separated… */
  check_parse ("\"a,b\";c;d\n1;2;3\n", ';', "1:a,b|c|d\n2:1|2|3\n");
  /* …and more commas than semicolons outside quotes does. */
  check_parse ("a,b;c,d\n1,2;3,4\n", ',', "1:a|b;c|d\n2:1|2;3|4\n");
  /* Old Mac line ends. */
  check_parse ("a,b\r1,2\r", ',', "1:a|b\n2:1|2\n");
}

static void
test_quotes (void)
{
  check_parse ("a,b\n\"x, y\",\"He said \"\"no\"\"\"\n", ',',
               "1:a|b\n2:x, y|He said \"no\"\n");
  /* A field with line breaks: the next record starts three lines later;
   * CRLF inside a field becomes LF. */
  check_parse ("a,b\r\n\"one\r\ntwo\r\nthree\",x\r\nc,d\r\n", ',',
               "1:a|b\n2:one\ntwo\nthree|x\n5:c|d\n");
  check_parse ("a,b\n\"\",\"\"\"\"\n", ',', "1:a|b\n2:|\"\n");
  /* Non-ASCII text in several scripts. */
  check_parse ("a,b\nОлена,ნინო\nعلي,Nguyễn\n", ',', "1:a|b\n2:Олена|ნინო\n3:علي|Nguyễn\n");
}

static void
check_error (const char *text,
             gssize      len,
             int         code,
             const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCsvReader) reader = reader_for (text, len, &error);

  if (reader != NULL)
    {
      g_autofree char *got = read_all (reader, &error);
    }
  g_assert_error (error, CARE_CSV_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

static void
test_bad_quoting (void)
{
  check_error ("a,b\n1,2\n\"open,3\n4,5\n", -1, CARE_CSV_ERROR_UNTERMINATED_QUOTE, "Line 3");
  check_error ("a,b\n1,2\nab\"c,3\n", -1, CARE_CSV_ERROR_STRAY_QUOTE, "Line 3");
  check_error ("a,b\n\"1\nx\"y,2\n", -1, CARE_CSV_ERROR_STRAY_QUOTE, "Line 3");
}

static void
test_encoding (void)
{
  /* "Zoé" in Latin-1, on line 3. */
  check_error ("a,b\n1,2\nZo\xE9,3\n", -1, CARE_CSV_ERROR_ENCODING, "Line 3");
  check_error ("a,b\n1,2\nZo\xE9,3\n", -1, CARE_CSV_ERROR_ENCODING, "save it as CSV UTF-8");
  /* UTF-16 with its BOM: NUL bytes. */
  check_error ("\xFF\xFE" "a\0,\0b\0", 8, CARE_CSV_ERROR_ENCODING, "Line 1");
}

static void
test_empty (void)
{
  check_error ("", 0, CARE_CSV_ERROR_EMPTY, "empty");
  check_error ("\xEF\xBB\xBF", -1, CARE_CSV_ERROR_EMPTY, "empty");
  check_error ("\r\n\n  \n", -1, CARE_CSV_ERROR_EMPTY, "empty");
}

static void
test_ragged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareCsvReader) reader = reader_for ("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n", -1, &error);
  const char * const *fields;
  guint n, line;

  g_assert_no_error (error);
  g_assert_true (care_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_true (care_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_cmpuint (line, ==, 2);

  g_assert_false (care_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_FIELD_COUNT);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (n, ==, 2);
  g_assert_nonnull (strstr (error->message, "Line 3 has 2 fields where the header has 3 fields"));
  g_clear_error (&error);

  g_assert_false (care_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_FIELD_COUNT);
  g_assert_cmpuint (line, ==, 4);
  g_clear_error (&error);

  /* Reading goes on after a ragged row. */
  g_assert_true (care_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpstr (fields[2], ==, "12");
  g_assert_false (care_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_no_error (error);

  /* And a second pass sees the same. */
  care_csv_reader_rewind (reader);
  g_assert_true (care_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (fields[0], ==, "a");
}

static void
test_writer (void)
{
  const char *row1[] = { "plain", "with, comma", "with \"quotes\"", "two\nlines", "", " padded", "a;b", "Zoé" };
  const char *row2[] = { "x", NULL };
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CareCsvWriter) writer = care_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CareCsvReader) reader = NULL;
  g_autofree char *text = NULL;
  const char * const *fields;
  guint n, line;

  g_assert_true (care_csv_writer_write_row (writer, row1, G_N_ELEMENTS (row1), &error));
  g_assert_true (care_csv_writer_write_row (writer, row1, G_N_ELEMENTS (row1), &error));
  g_assert_true (care_csv_writer_write_row (writer, row2, 1, &error));
  g_assert_true (care_csv_writer_flush (writer, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_has_prefix (text,
                                   "plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",,\" padded\",\"a;b\",Zoé\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\nx\r\n"));

  /* What the writer writes, the reader reads back unchanged (the ragged
   * last row aside). */
  reader = care_csv_reader_new_for_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (care_csv_reader_get_delimiter (reader), ==, ',');
  for (int r = 0; r < 2; r++)
    {
      g_assert_true (care_csv_reader_next (reader, &fields, &n, &line, &error));
      g_assert_cmpuint (n, ==, G_N_ELEMENTS (row1));
      g_assert_cmpuint (line, ==, r == 0 ? 1 : 3);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (fields[i], ==, row1[i]);
    }
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("care-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cases.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(CareCsvReader) reader = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "a;b\r\n1;2\r\n", -1, &error));
  reader = care_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  got = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "1:a|b\n2:1|2\n");

  g_assert_null (care_csv_reader_new_for_path (missing, &error));
  g_assert_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_IO);
  g_clear_error (&error);

  /* A 0-byte file cannot even be mapped by some systems: it must still
   * say "empty". */
  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_null (care_csv_reader_new_for_path (path, &error));
  g_assert_error (error, CARE_CSV_ERROR, CARE_CSV_ERROR_EMPTY);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/simple", test_simple);
  g_test_add_func ("/csv/bom-semicolon-crlf", test_bom_semicolon_crlf);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/bad-quoting", test_bad_quoting);
  g_test_add_func ("/csv/encoding", test_encoding);
  g_test_add_func ("/csv/empty", test_empty);
  g_test_add_func ("/csv/ragged", test_ragged);
  g_test_add_func ("/csv/writer", test_writer);
  g_test_add_func ("/csv/file", test_file);
  return g_test_run ();
}
