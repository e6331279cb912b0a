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
#include "care-fold.h"

#ifndef CARE_ISO_CODES_JSON_DIR
#define CARE_ISO_CODES_JSON_DIR "/usr/share/iso-codes/json"
#endif
#ifndef CARE_ISO_CODES_LOCALE_DIR
#define CARE_ISO_CODES_LOCALE_DIR "/usr/share/locale"
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
  GHashTable *french;  /* English name → French name, whatever the interface language */
  GError     *error;   /* why loading failed, or NULL */
} Table;

static void
table_init (Table *table)
{
  table->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  table->codes = g_ptr_array_new ();
  table->french = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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

static guint32
read_mo_word (const guint8 *data,
              gsize         offset,
              gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The French catalogue of iso-codes, read as a file: gettext answers in
 * the interface language only, and a French name is wanted in an English
 * interface too. A missing or damaged catalogue leaves French names out. */
static void
load_french_names (GHashTable *french,
                   const char *domain)
{
  g_autofree char *path = g_strdup_printf ("%s/fr/LC_MESSAGES/%s.mo", CARE_ISO_CODES_LOCALE_DIR, domain);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  guint32 n, originals, translations;
  gboolean swapped;

  if (file == NULL)
    return;
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    return;
  swapped = read_mo_word (data, 0, FALSE) != 0x950412de;
  if (swapped && read_mo_word (data, 0, TRUE) != 0x950412de)
    return;
  n = read_mo_word (data, 8, swapped);
  originals = read_mo_word (data, 12, swapped);
  translations = read_mo_word (data, 16, swapped);
  if (originals > size || translations > size || n > (size - MAX (originals, translations)) / 8)
    return;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length = read_mo_word (data, originals + 8 * i, swapped);
      guint32 id_offset = read_mo_word (data, originals + 8 * i + 4, swapped);
      guint32 str_length = read_mo_word (data, translations + 8 * i, swapped);
      guint32 str_offset = read_mo_word (data, translations + 8 * i + 4, swapped);

      if (id_length == 0 || id_offset > size || id_length >= size - id_offset ||
          str_offset > size || str_length >= size - str_offset ||
          !g_utf8_validate ((const char *) data + str_offset, str_length, NULL))
        continue;
      g_hash_table_replace (french, g_strndup ((const char *) data + id_offset, id_length),
                            g_strndup ((const char *) data + str_offset, str_length));
    }
}

static gpointer
load_countries (gpointer data)
{
  static Table table;

  table_init (&table);
  bind_textdomain_codeset (COUNTRY_DOMAIN, "UTF-8");
  if (!load_table (&table, "iso_3166-1.json", "3166-1", "alpha_2", &table.error))
    g_warning ("Cannot read the ISO 3166-1 country table: %s", table.error->message);
  load_french_names (table.french, COUNTRY_DOMAIN);
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

/* The French name whatever the interface language; the English one when
 * iso-codes has no French for it. */
const char *
care_country_get_french_name (const char *code)
{
  const char *name = care_country_get_english_name (code);
  const char *french;

  if (name == NULL)
    return NULL;
  french = g_hash_table_lookup (get_countries ()->french, name);
  return french != NULL ? french : name;
}

typedef enum
{
  MATCH_CODE,          /* "ER" */
  MATCH_NAME,          /* "erythree" */
  MATCH_NAME_START,    /* "erythr" */
  MATCH_WORD_START,    /* "bissau" for Guinea-Bissau */
  MATCH_NONE,
} MatchKind;

static MatchKind
match_name (const char *folded_text,
            const char *name)
{
  g_autofree char *folded = care_fold_text (name, CARE_FOLD_SIGNS_AS_SPACE);
  gsize length = strlen (folded_text);

  if (g_str_equal (folded, folded_text))
    return MATCH_NAME;
  if (g_str_has_prefix (folded, folded_text))
    return MATCH_NAME_START;
  for (const char *p = strchr (folded, ' '); p != NULL; p = strchr (p + 1, ' '))
    if (strncmp (p + 1, folded_text, length) == 0)
      return MATCH_WORD_START;
  return MATCH_NONE;
}

/* How well CODE's country answers to what was typed: by its name in the
 * interface language first, then by its English or French one, so that
 * "gui" lists Guinea before Equatorial Guinea (Guinée équatoriale) in an
 * English interface. Twice the kind, plus one for the other language. */
static guint
match_country (const char *code,
               const char *text,
               const char *folded_text)
{
  MatchKind own, other;

  if (g_ascii_strcasecmp (code, text) == 0)
    return 2 * MATCH_CODE;
  own = match_name (folded_text, care_country_get_name (code));
  other = MIN (match_name (folded_text, care_country_get_english_name (code)),
               match_name (folded_text, care_country_get_french_name (code)));
  if (own == MATCH_NONE && other == MATCH_NONE)
    return 2 * MATCH_NONE;
  return MIN (2 * own, 2 * other + 1);
}

typedef struct
{
  const char *code;
  guint       rank;    /* from match_country */
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return g_utf8_collate (care_country_get_name (x->code), care_country_get_name (y->code));
}

static GArray *
find_matches (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = care_fold_text (stripped, CARE_FOLD_SIGNS_AS_SPACE);
  const char * const *codes = care_country_get_codes ();
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));

  if (*folded == '\0')
    return matches;
  for (guint i = 0; codes[i] != NULL; i++)
    {
      Match match = { codes[i], match_country (codes[i], stripped, folded) };

      if (match.rank != 2 * MATCH_NONE)
        g_array_append_val (matches, match);
    }
  g_array_sort (matches, compare_matches);
  return matches;
}

/**
 * care_country_match:
 * @text: what was typed
 * @limit: the most codes wanted, 0 for all
 *
 * Returns: (transfer container): the codes of the countries TEXT may mean,
 * best first: the code itself, a whole name, names that begin with TEXT,
 * then names with a word that does; alphabetically within each.
 */
GPtrArray *
care_country_match (const char *text,
                    guint       limit)
{
  g_autoptr(GArray) matches = find_matches (text);
  GPtrArray *codes = g_ptr_array_new ();

  for (guint i = 0; i < matches->len && (limit == 0 || i < limit); i++)
    g_ptr_array_add (codes, (gpointer) g_array_index (matches, Match, i).code);
  return codes;
}

/**
 * care_country_parse:
 * @text: a code or a name, as typed
 * @error: why TEXT means no country or several
 *
 * Returns: the canonical code TEXT stands for: a code, a whole name, or the
 * beginning of one country's name only; NULL for several or none.
 */
const char *
care_country_parse (const char  *text,
                    GError     **error)
{
  g_autoptr(GArray) matches = find_matches (text);
  g_autofree char *shown = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint exact = 0;

  while (exact < matches->len && g_array_index (matches, Match, exact).rank <= 2 * MATCH_NAME + 1)
    exact++;
  if (exact == 1 || (exact == 0 && matches->len == 1))
    return g_array_index (matches, Match, 0).code;

  if (matches->len == 0)
    {
      g_set_error (error, CARE_COUNTRY_ERROR, CARE_COUNTRY_ERROR_UNKNOWN,
                   /* Translators: %s is what was typed in place of a country */
                   _("No country is called “%s”"), shown);
      return NULL;
    }
  if (matches->len == 2 || exact == 2)
    g_set_error (error, CARE_COUNTRY_ERROR, CARE_COUNTRY_ERROR_AMBIGUOUS,
                 /* Translators: %1$s is what was typed, %2$s and %3$s two countries it may mean */
                 _("“%1$s” could be %2$s or %3$s: choose one"), shown,
                 care_country_get_name (g_array_index (matches, Match, 0).code),
                 care_country_get_name (g_array_index (matches, Match, 1).code));
  else
    g_set_error (error, CARE_COUNTRY_ERROR, CARE_COUNTRY_ERROR_AMBIGUOUS,
                 /* Translators: %1$s is what was typed, %2$s and %3$s two of the countries it may mean */
                 _("“%1$s” could be %2$s, %3$s or another country: choose one"), shown,
                 care_country_get_name (g_array_index (matches, Match, 0).code),
                 care_country_get_name (g_array_index (matches, Match, 1).code));
  return NULL;
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
