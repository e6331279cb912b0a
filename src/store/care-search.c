/* care-search.c — the full-text index of cases and name matching
 *
 * The index is an FTS5 table whose tokenizer folds case and strips
 * accents (unicode61, remove_diacritics 2), so "chloe" finds "Chloé" in
 * any script unicode61 knows; its prefix index makes the one-, two- and
 * three-letter prefixes people type first cheap on 100,000 cases.
 *
 * What people type never reaches FTS5 as syntax: each word becomes one
 * quoted string (inner quotes doubled) followed by *, so quotes, stars,
 * parentheses, colons or the words AND, OR, NOT, NEAR are only text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-search"

#include "config.h"

#include <string.h>

#include "care-search.h"
#include "care-store-cache.h"
#include "care-store-sql.h"

/* For duplicates: compatibility decomposition, case folding, no combining
 * marks, single spaces. "  ÇELİK  Ayşe" and "celik ayse" fold alike. */
char *
care_search_fold_name (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (name == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_ismark (ch))
        continue;
      if (g_unichar_isspace (ch))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

char *
care_search_name_key (const CarePerson *person)
{
  g_autofree char *family = care_search_fold_name (person->family_name);
  g_autofree char *given = care_search_fold_name (person->given_names);

  /* A separator that cannot occur in a name keeps "Ana Maria" + "Li"
   * apart from "Ana" + "Maria Li". */
  return g_strconcat (family, "\x1f", given, NULL);
}

static gboolean
has_word_character (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* An FTS5 query matching cases where every word is the start of a token,
 * or NULL when the text holds no word at all (only spaces or signs). */
char *
care_search_build_query (const char *text)
{
  g_autofree char *normal = NULL;
  g_auto(GStrv) words = NULL;
  GString *query;

  if (text == NULL)
    return NULL;
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (normal == NULL)
    return NULL;

  /* Whitespace of every kind separates words. */
  for (char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      memset (p, ' ', g_utf8_next_char (p) - p);
  words = g_strsplit (normal, " ", -1);

  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!has_word_character (words[i]))
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static void
bind_normalized (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  /* Composed form, so that a name typed with combining accents is
   * tokenized like the same name typed with precomposed letters. */
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE), -1, g_free);
}

gboolean
care_search_unindex_case (CareVault  *vault,
                          gint64      id,
                          GError    **error)
{
  g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "DELETE FROM case_search WHERE rowid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
}

gboolean
care_search_index_case (CareVault       *vault,
                        const CareCase  *c,
                        const char      *case_number,
                        gboolean         replace,
                        GError         **error)
{
  g_autoptr(CareStoreStmt) stmt = NULL;

  if (replace && !care_search_unindex_case (vault, c->id, error))
    return FALSE;

  stmt = care_store_stmt (vault, "INSERT INTO case_search (rowid, case_number, family_name, given_names, "
                                  "destination, organisation) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  care_store_bind_text (stmt, 2, case_number);
  bind_normalized (stmt, 3, c->person->family_name);
  bind_normalized (stmt, 4, c->person->given_names);
  bind_normalized (stmt, 5, c->destination);
  bind_normalized (stmt, 6, c->referring_organisation);
  return care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
}
