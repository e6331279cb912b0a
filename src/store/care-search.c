/* care-search.c — the full-text index of cases and name matching
 *
 * The index is an FTS5 table whose tokenizer folds case and strips
 * accents (unicode61, remove_diacritics 2), so "chloe" finds "Chloé" in
 * any script unicode61 knows; its prefix index makes the one-, two- and
 * three-letter prefixes people type first cheap on 100,000 cases.
 *
 * FTS5 writes what it has gathered whenever a savepoint is released, so
 * one case saved per savepoint inside a long import would write a tiny
 * index segment per case (a quarter of the time of a save, and a
 * fragmented index). Inside care_store_begin/commit the index changes are
 * kept in memory instead and written in one go just before COMMIT; a
 * search made meanwhile writes them first, so it sees every saved case.
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

#include "care-fold.h"
#include "care-search.h"
#include "care-store-cache.h"
#include "care-store-sql.h"

/* For duplicates: names compared without case, accents or extra spaces
 * (care-fold.c), so "  ÇELİK  Ayşe" and "celik ayse" fold alike. */
char *
care_search_fold_name (const char *name)
{
  return care_fold_text (name, CARE_FOLD_KEEP_SIGNS);
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


#define N_INDEXED 5
#define PENDING_KEY "care-search-pending"

/* One change of the index: remove the case's row, write it, or both. */
typedef struct {
  gint64    id;
  gboolean  remove;
  gboolean  insert;
  char     *values[N_INDEXED];
} IndexChange;

static void
index_change_clear (gpointer data)
{
  IndexChange *change = data;

  for (int i = 0; i < N_INDEXED; i++)
    g_free (change->values[i]);
}

static GArray *
get_pending (CareVault *vault)
{
  return g_object_get_data (G_OBJECT (vault), PENDING_KEY);
}

void
care_search_defer (CareVault *vault)
{
  GArray *pending = g_array_new (FALSE, TRUE, sizeof (IndexChange));

  g_array_set_clear_func (pending, index_change_clear);
  g_object_set_data_full (G_OBJECT (vault), PENDING_KEY, pending, (GDestroyNotify) g_array_unref);
}

guint
care_search_pending_mark (CareVault *vault)
{
  GArray *pending = get_pending (vault);

  return pending != NULL ? pending->len : 0;
}

/* A save rolled back to its savepoint takes its index changes with it. */
void
care_search_forget_pending (CareVault *vault,
                            guint      mark)
{
  GArray *pending = get_pending (vault);

  if (pending != NULL && pending->len > mark)
    g_array_set_size (pending, mark);
}

static gboolean
apply_change (CareVault          *vault,
              const IndexChange  *change,
              GError            **error)
{
  if (change->remove)
    {
      g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "DELETE FROM case_search WHERE rowid = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, change->id);
      if (!care_sql_step_done (sqlite3_db_handle (stmt), stmt, error))
        return FALSE;
    }
  if (change->insert)
    {
      g_autoptr(CareStoreStmt) stmt =
        care_store_stmt (vault, "INSERT INTO case_search (rowid, case_number, family_name, given_names, "
                                "destination, organisation) VALUES (?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, change->id);
      for (int i = 0; i < N_INDEXED; i++)
        care_store_bind_text (stmt, i + 2, change->values[i]);
      if (!care_sql_step_done (sqlite3_db_handle (stmt), stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
care_search_flush (CareVault  *vault,
                   gboolean    stop_deferring,
                   GError    **error)
{
  GArray *pending = get_pending (vault);
  gboolean ok = TRUE;

  if (pending == NULL)
    return TRUE;
  for (guint i = 0; ok && i < pending->len; i++)
    ok = apply_change (vault, &g_array_index (pending, IndexChange, i), error);
  if (ok)
    g_array_set_size (pending, 0);
  if (stop_deferring)
    g_object_set_data (G_OBJECT (vault), PENDING_KEY, NULL);
  return ok;
}

static gboolean
change_index (CareVault    *vault,
              IndexChange  *change,
              GError      **error)
{
  GArray *pending = get_pending (vault);

  if (pending != NULL)
    {
      g_array_append_val (pending, *change);
      return TRUE;
    }
  {
    gboolean ok = apply_change (vault, change, error);
    index_change_clear (change);
    return ok;
  }
}

gboolean
care_search_unindex_case (CareVault  *vault,
                          gint64      id,
                          GError    **error)
{
  IndexChange change = { id, TRUE, FALSE, { NULL } };

  return change_index (vault, &change, error);
}

/* Composed form, so that a name typed with combining accents is tokenized
 * like the same name typed with precomposed letters. */
static char *
normalize (const char *text)
{
  return text != NULL ? g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE) : NULL;
}

gboolean
care_search_index_case (CareVault       *vault,
                        const CareCase  *c,
                        const char      *case_number,
                        gboolean         replace,
                        GError         **error)
{
  IndexChange change = { c->id, replace, TRUE, {
    g_strdup (case_number),
    normalize (c->person->family_name),
    normalize (c->person->given_names),
    normalize (c->destination),
    normalize (c->referring_organisation),
  } };

  return change_index (vault, &change, error);
}

gboolean
care_search_count_matches (CareVault   *vault,
                           const char  *match,
                           guint       *n_matches,
                           GError     **error)
{
  g_autoptr(CareStoreStmt) stmt =
    care_store_stmt (vault, "SELECT count(*) FROM case_search WHERE case_search MATCH ?", error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  care_store_bind_text (stmt, 1, match);
  if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return FALSE;
  *n_matches = row ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}
