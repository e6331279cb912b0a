/* care-plan-pdf.c — a plan document as a PDF file, and what a PDF says
 * about the plan it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-document"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "care-plan-pdf.h"

G_DEFINE_QUARK (care-plan-pdf-error-quark, care_plan_pdf_error)

#define STAMP_PREFIX "care-plan"

typedef struct
{
  int  fd;
  int  saved_errno;
} Sink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %1$s is a file name, %2$s the system's reason */
  g_set_error (error, CARE_PLAN_PDF_ERROR, CARE_PLAN_PDF_ERROR_IO,
               _("Cannot write %1$s: %2$s"), display, g_strerror (saved_errno));
}

/* A private temporary file next to PATH: a rename within one directory is
 * atomic, and the file never exists in clear anywhere else. */
static int
open_temporary (const char  *path,
                char       **out_temp_path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_io_error (error, path, errno);
      return -1;
    }
  *out_temp_path = g_steal_pointer (&template);
  return fd;
}

static gboolean
finish_temporary (int          fd,
                  const char  *temp_path,
                  const char  *path,
                  GError     **error)
{
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      set_io_error (error, path, saved);
      return FALSE;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      set_io_error (error, path, saved);
      return FALSE;
    }
  return TRUE;
}

gboolean
care_file_write_atomically (const char  *path,
                            const void  *contents,
                            gsize        length,
                            GError     **error)
{
  g_autofree char *temp_path = NULL;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (path != NULL, FALSE);

  sink.fd = open_temporary (path, &temp_path, error);
  if (sink.fd < 0)
    return FALSE;
  if (write_to_fd (&sink, contents, length) != CAIRO_STATUS_SUCCESS)
    {
      close (sink.fd);
      g_unlink (temp_path);
      set_io_error (error, path, sink.saved_errno);
      return FALSE;
    }
  return finish_temporary (sink.fd, temp_path, path, error);
}

static char *
make_stamp (CarePlanDocument *document)
{
  const GDate *agreed = care_plan_document_get_agreed_on (document);
  g_autofree char *agreed_text = care_date_format (agreed);

  /* ASCII without parentheses: cairo then writes it as a plain PDF
   * string, which care_plan_pdf_read_stamp reads back without a PDF
   * library. */
  return g_strdup_printf (STAMP_PREFIX " case=%s version=%u agreed=%s code=%s parts=%s lang=%s",
                          care_plan_document_get_case_number (document),
                          care_plan_document_get_version (document),
                          *agreed_text != '\0' ? agreed_text : "none",
                          care_plan_document_get_code (document),
                          care_plan_document_get_parts (document),
                          care_plan_document_get_language (document));
}

gboolean
care_plan_pdf_write (CarePlanDocument  *document,
                     const char        *path,
                     GError           **error)
{
  g_autofree char *temp_path = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  Sink sink = { -1, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sink.fd = open_temporary (path, &temp_path, error);
  if (sink.fd < 0)
    return FALSE;

  care_plan_document_get_page_size (document, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink, width, height);
  stamp = make_stamp (document);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, care_plan_document_get_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, stamp);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CARE " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  for (guint page = 0; page < care_plan_document_get_n_pages (document); page++)
    {
      care_plan_document_draw_page (document, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      close (sink.fd);
      g_unlink (temp_path);
      if (sink.saved_errno != 0)
        set_io_error (error, path, sink.saved_errno);
      else
        /* Translators: %s is Cairo's own description of the problem */
        g_set_error (error, CARE_PLAN_PDF_ERROR, CARE_PLAN_PDF_ERROR_RENDER,
                     _("The plan could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return finish_temporary (sink.fd, temp_path, path, error);
}

void
care_plan_stamp_clear (CarePlanStamp *stamp)
{
  g_clear_pointer (&stamp->case_number, g_free);
  g_clear_pointer (&stamp->code, g_free);
  g_clear_pointer (&stamp->parts, g_free);
  g_clear_pointer (&stamp->language, g_free);
}

static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle,
            gsize       needle_length)
{
  const char *end = haystack + length;
  const char *p = haystack;

  while ((gsize) (end - p) >= needle_length)
    {
      p = memchr (p, needle[0], (gsize) (end - p) - needle_length + 1);
      if (p == NULL)
        return NULL;
      if (memcmp (p, needle, needle_length) == 0)
        return p;
      p++;
    }
  return NULL;
}

/* The Keywords entry of the document information dictionary, as cairo
 * writes it: a literal string, or UTF-16BE in hex when not plain ASCII. */
static char *
find_keywords (const char *data,
               gsize       length)
{
  static const char key[] = "/Keywords";
  const char *end = data + length;
  const char *p = data;

  while ((p = find_bytes (p, end - p, key, sizeof key - 1)) != NULL)
    {
      p += sizeof key - 1;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '(')
        {
          GString *s = g_string_new (NULL);

          for (p++; p < end && *p != ')'; p++)
            {
              if (*p == '\\' && p + 1 < end)
                p++;
              g_string_append_c (s, *p);
            }
          return g_string_free (s, FALSE);
        }
      if (p < end && *p == '<')
        {
          g_autoptr(GByteArray) bytes = g_byte_array_new ();

          for (p++; p + 1 < end && *p != '>'; p += 2)
            {
              int hi = g_ascii_xdigit_value (p[0]), lo = g_ascii_xdigit_value (p[1]);
              guint8 b;

              if (hi < 0 || lo < 0)
                break;
              b = hi * 16 + lo;
              g_byte_array_append (bytes, &b, 1);
            }
          if (bytes->len >= 2 && bytes->data[0] == 0xfe && bytes->data[1] == 0xff)
            return g_convert ((const char *) bytes->data + 2, bytes->len - 2, "UTF-8", "UTF-16BE",
                              NULL, NULL, NULL);
          return g_strndup ((const char *) bytes->data, bytes->len);
        }
    }
  return NULL;
}

gboolean
care_plan_pdf_read_stamp (const char     *path,
                          CarePlanStamp  *out_stamp,
                          GError        **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *keywords = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  CarePlanStamp stamp = { 0 };
  gsize length;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_stamp != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      /* Translators: %1$s is a file name, %2$s the system's reason */
      g_set_error (error, CARE_PLAN_PDF_ERROR, CARE_PLAN_PDF_ERROR_IO,
                   _("Cannot read %1$s: %2$s"), display, local_error->message);
      return FALSE;
    }

  if (length < 5 || memcmp (contents, "%PDF-", 5) != 0 ||
      (keywords = find_keywords (contents, length)) == NULL ||
      !g_str_has_prefix (keywords, STAMP_PREFIX " "))
    {
      /* Translators: %s is a file name */
      g_set_error (error, CARE_PLAN_PDF_ERROR, CARE_PLAN_PDF_ERROR_NOT_A_PLAN,
                   _("%s is not a plan that CARE exported."), display);
      return FALSE;
    }

  g_date_clear (&stamp.agreed_on, 1);
  words = g_strsplit (keywords + strlen (STAMP_PREFIX " "), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *eq = strchr (words[i], '=');
      const char *value;

      if (eq == NULL)
        continue;
      value = eq + 1;
      if (g_str_has_prefix (words[i], "case="))
        stamp.case_number = g_strdup (value);
      else if (g_str_has_prefix (words[i], "version="))
        {
          guint64 v;

          ok = ok && g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &v, NULL);
          stamp.version = (guint) v;
        }
      else if (g_str_has_prefix (words[i], "agreed="))
        {
          if (!g_str_equal (value, "none"))
            ok = ok && care_date_parse (value, &stamp.agreed_on, NULL);
        }
      else if (g_str_has_prefix (words[i], "code="))
        stamp.code = g_strdup (value);
      else if (g_str_has_prefix (words[i], "parts="))
        stamp.parts = g_strdup (value);
      else if (g_str_has_prefix (words[i], "lang="))
        stamp.language = g_strdup (value);
    }

  if (!ok || stamp.case_number == NULL || stamp.version == 0 || stamp.code == NULL)
    {
      care_plan_stamp_clear (&stamp);
      /* Translators: %s is a file name */
      g_set_error (error, CARE_PLAN_PDF_ERROR, CARE_PLAN_PDF_ERROR_NOT_A_PLAN,
                   _("The properties of %s that name its plan are damaged."), display);
      return FALSE;
    }

  *out_stamp = stamp;
  return TRUE;
}
