/* care-document-catalog.c — translations for documents in a language
 * other than the interface's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-document"

#include "config.h"

#include <libintl.h>
#include <string.h>

#include "care-country.h"
#include "care-document-catalog.h"
#include "care-i18n.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _CareDocumentCatalog
{
  char       *language;
  GHashTable *messages;   /* msgid (with "context\004") → translation, into the files */
  GHashTable *countries;  /* English name → translated name */
  GPtrArray  *files;      /* GBytes of the .mo files, which the tables point into */
  gboolean    french_plural;
};

G_LOCK_DEFINE_STATIC (catalogs);
static GHashTable *catalogs;  /* language → CareDocumentCatalog, never freed */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Reads a GNU .mo file (the format msgfmt writes) into TABLE. A damaged
 * or missing file leaves the table as it was: the document then falls
 * back to English, which is better than no document. */
static void
load_mo (CareDocumentCatalog *catalog,
         GHashTable          *table,
         const char          *path)
{
  g_autoptr(GMappedFile) mapped = NULL;
  GBytes *bytes;
  const guint8 *data;
  gsize size;
  guint32 magic, n, orig, trans;
  gboolean swapped;

  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    return;

  bytes = g_mapped_file_get_bytes (mapped);
  data = g_bytes_get_data (bytes, &size);
  if (size < 20)
    {
      g_bytes_unref (bytes);
      return;
    }

  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    {
      g_warning ("%s is not a compiled message catalogue", path);
      g_bytes_unref (bytes);
      return;
    }
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  orig = read_u32 (data, 12, swapped);
  trans = read_u32 (data, 16, swapped);
  if ((guint64) orig + (guint64) n * 8 > size || (guint64) trans + (guint64) n * 8 > size)
    {
      g_warning ("%s is truncated", path);
      g_bytes_unref (bytes);
      return;
    }

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, orig + i * 8, swapped);
      guint32 ooff = read_u32 (data, orig + i * 8 + 4, swapped);
      guint32 tlen = read_u32 (data, trans + i * 8, swapped);
      guint32 toff = read_u32 (data, trans + i * 8 + 4, swapped);

      /* Strings are NUL-terminated in the file; for plural entries the
       * first NUL ends the singular msgid and the first form. */
      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size || olen == 0 || tlen == 0)
        continue;
      g_hash_table_insert (table, (gpointer) (data + ooff), (gpointer) (data + toff));
    }

  g_ptr_array_add (catalog->files, bytes);
}

static CareDocumentCatalog *
catalog_new (const char *language)
{
  CareDocumentCatalog *catalog = g_new0 (CareDocumentCatalog, 1);

  catalog->language = g_strdup (language);
  catalog->messages = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->countries = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  catalog->french_plural = g_str_has_prefix (language, "fr");

  if (!g_str_equal (language, "en"))
    {
      g_autofree char *own = g_build_filename (care_i18n_get_localedir (), language,
                                               "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      const char *iso_dir = bindtextdomain ("iso_3166-1", NULL);
      g_autofree char *iso = g_build_filename (iso_dir != NULL ? iso_dir : "/usr/share/locale",
                                               language, "LC_MESSAGES", "iso_3166-1.mo", NULL);

      load_mo (catalog, catalog->messages, own);
      load_mo (catalog, catalog->countries, iso);
      if (g_hash_table_size (catalog->messages) == 0)
        g_warning ("No %s catalogue in %s: documents in that language come out in English",
                   language, care_i18n_get_localedir ());
    }

  return catalog;
}

CareDocumentCatalog *
care_document_catalog_get (const char *language)
{
  CareDocumentCatalog *catalog;
  g_autofree char *lang = NULL;

  /* "fr_FR.UTF-8" and "fr" share one catalogue: documents speak a
   * language, not a region. */
  lang = g_strndup (language != NULL && *language != '\0' ? language : "en",
                    strcspn (language != NULL && *language != '\0' ? language : "en", "_.@"));

  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  catalog = g_hash_table_lookup (catalogs, lang);
  if (catalog == NULL)
    {
      catalog = catalog_new (lang);
      g_hash_table_insert (catalogs, catalog->language, catalog);
    }
  G_UNLOCK (catalogs);

  return catalog;
}

const char *
care_document_catalog_get_language (CareDocumentCatalog *catalog)
{
  return catalog->language;
}

const char *
care_document_catalog_lookup (CareDocumentCatalog *catalog,
                              const char          *context,
                              const char          *msgid)
{
  const char *found;

  g_return_val_if_fail (catalog != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (context != NULL)
    {
      g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);

      found = g_hash_table_lookup (catalog->messages, key);
    }
  else
    found = g_hash_table_lookup (catalog->messages, msgid);

  return found != NULL && *found != '\0' ? found : msgid;
}

const char *
care_document_catalog_lookup_plural (CareDocumentCatalog *catalog,
                                     const char          *msgid,
                                     const char          *msgid_plural,
                                     gulong               n)
{
  const char *found = g_hash_table_lookup (catalog->messages, msgid);
  gboolean plural = catalog->french_plural ? n > 1 : n != 1;

  if (found == NULL || *found == '\0')
    return plural ? msgid_plural : msgid;

  /* Forms follow each other, NUL-separated; CARE's languages have two. */
  return plural ? found + strlen (found) + 1 : found;
}

const char *
care_document_catalog_country (CareDocumentCatalog *catalog,
                               const char          *code)
{
  const char *english, *found;

  if (code == NULL || *code == '\0')
    return "";

  english = care_country_get_english_name (code);
  if (english == NULL)
    return code;

  found = g_hash_table_lookup (catalog->countries, english);
  return found != NULL && *found != '\0' ? found : english;
}
