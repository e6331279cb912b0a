/* care-country.c — ISO 3166-1 countries and ISO 4217 currencies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-country"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <string.h>

#include "care-country.h"

#ifndef CARE_ISO_CODES_JSON_DIR
#define CARE_ISO_CODES_JSON_DIR "/usr/share/iso-codes/json"
#endif

/* The gettext domains of iso-codes, named after the standards. Names are
 * looked up with dgettext() rather than g_dgettext(): the latter gives up
 * translating when CARE's own catalogue lacks the language, but a country
 * name in the user's language is right even then. */
#define COUNTRY_DOMAIN "iso_3166-1"
#define CURRENCY_DOMAIN "iso_4217"

G_DEFINE_QUARK (care-country-error-quark, care_country_error)

typedef struct
{
  GHashTable *names;   /* canonical code → English name, as iso-codes' msgid */
  GPtrArray  *codes;   /* sorted canonical codes, NULL-terminated */
  GError     *error;   /* why loading failed, or NULL */
} Table;

static void
table_init (Table *table)
{
  table->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  table->codes = g_ptr_array_new ();
  table->error = NULL;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Country entries have "name" (e.g. "Bolivia, Plurinational State of") and
 * sometimes "common_name" ("Bolivia"); people say the common name, and
 * iso-codes translates both. */
static gboolean
load_table (Table      *table,
            const char *file_name,
            const char *array_name,
            const char *code_member,
            GError    **error)
{
  g_autofree char *path = g_build_filename (CARE_ISO_CODES_JSON_DIR, file_name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *entries;

  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), array_name) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), array_name)))
    {
      g_set_error (error, CARE_COUNTRY_ERROR, CARE_COUNTRY_ERROR_DATA,
                   "%s: no “%s” array", path, array_name);
      return FALSE;
    }

  entries = json_object_get_array_member (json_node_get_object (root), array_name);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *code, *name;

      if (entry == NULL)
        continue;
      code = json_object_get_string_member_with_default (entry, code_member, NULL);
      name = json_object_get_string_member_with_default (entry, "common_name", NULL);
      if (name == NULL)
        name = json_object_get_string_member_with_default (entry, "name", NULL);
      if (code == NULL || name == NULL)
        continue;

      g_hash_table_replace (table->names, g_ascii_strup (code, -1), g_strdup (name));
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, table->names);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (table->codes, key);
    g_ptr_array_sort (table->codes, compare_codes);
    g_ptr_array_add (table->codes, NULL);
  }

  return TRUE;
}

static gpointer
load_countries (gpointer data)
{
  static Table table;

  table_init (&table);
  bind_textdomain_codeset (COUNTRY_DOMAIN, "UTF-8");
  if (!load_table (&table, "iso_3166-1.json", "3166-1", "alpha_2", &table.error))
    g_warning ("Cannot read the ISO 3166-1 country table: %s", table.error->message);
  return &table;
}

static gpointer
load_currencies (gpointer data)
{
  static Table table;

  table_init (&table);
  bind_textdomain_codeset (CURRENCY_DOMAIN, "UTF-8");
  if (!load_table (&table, "iso_4217.json", "4217", "alpha_3", &table.error))
    g_warning ("Cannot read the ISO 4217 currency table: %s", table.error->message);
  return &table;
}

static Table *
get_countries (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, load_countries, NULL);
}

static Table *
get_currencies (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, load_currencies, NULL);
}

/* The application calls this at start-up so that a broken iso-codes
 * installation is reported once, clearly, rather than as every country
 * being "unknown". */
gboolean
care_country_tables_load (GError **error)
{
  Table *countries = get_countries ();
  Table *currencies = get_currencies ();

  if (countries->error != NULL)
    {
      g_propagate_error (error, g_error_copy (countries->error));
      return FALSE;
    }
  if (currencies->error != NULL)
    {
      g_propagate_error (error, g_error_copy (currencies->error));
      return FALSE;
    }
  return TRUE;
}

static const char *
lookup_code (Table      *table,
             const char *code,
             gsize       length)
{
  char upper[4];
  gpointer key = NULL;

  if (code == NULL || strlen (code) != length)
    return NULL;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalpha (code[i]))
        return NULL;
      upper[i] = g_ascii_toupper (code[i]);
    }
  upper[length] = '\0';

  if (!g_hash_table_lookup_extended (table->names, upper, &key, NULL))
    return NULL;
  return key;
}

const char *
care_country_canonical_code (const char *code)
{
  return lookup_code (get_countries (), code, 2);
}

gboolean
care_country_is_known (const char *code)
{
  return care_country_canonical_code (code) != NULL;
}

const char *
care_country_get_english_name (const char *code)
{
  const char *canonical = care_country_canonical_code (code);

  if (canonical == NULL)
    return NULL;
  return g_hash_table_lookup (get_countries ()->names, canonical);
}

const char *
care_country_get_name (const char *code)
{
  const char *name = care_country_get_english_name (code);

  if (name == NULL)
    return NULL;
  return dgettext (COUNTRY_DOMAIN, name);
}

const char * const *
care_country_get_codes (void)
{
  return (const char * const *) get_countries ()->codes->pdata;
}

const char *
care_currency_canonical_code (const char *code)
{
  return lookup_code (get_currencies (), code, 3);
}

gboolean
care_currency_is_known (const char *code)
{
  return care_currency_canonical_code (code) != NULL;
}

const char *
care_currency_get_english_name (const char *code)
{
  const char *canonical = care_currency_canonical_code (code);

  if (canonical == NULL)
    return NULL;
  return g_hash_table_lookup (get_currencies ()->names, canonical);
}

const char *
care_currency_get_name (const char *code)
{
  const char *name = care_currency_get_english_name (code);

  if (name == NULL)
    return NULL;
  return dgettext (CURRENCY_DOMAIN, name);
}

const char * const *
care_currency_get_codes (void)
{
  return (const char * const *) get_currencies ()->codes->pdata;
}
