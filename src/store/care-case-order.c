/* care-case-order.c — putting a list of case summaries in the order asked for
 *
 * The list view asks the store for its order instead of sorting in the
 * main thread: a GtkSortListModel over 100,000 rows reads every row's
 * property through GObject and makes the window wait on every new answer.
 * Here each row gets one key, made once, and the rows are sorted by that
 * key in the worker thread that ran the query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <string.h>

#include "care-case-order.h"
#include "care-country.h"
#include "care-person.h"

typedef struct {
  CareCaseSummary *summary;
  guint            rank;      /* in case-number order: breaks ties */
  guint            number;    /* for numeric orders */
  const char      *text;      /* collation key, for text orders */
} SortRow;

typedef struct {
  gboolean text;
  gboolean descending;
} SortHow;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortRow *x = a, *y = b;
  const SortHow *how = user_data;
  int result;

  if (how->text)
    result = strcmp (x->text, y->text);
  else
    result = (x->number > y->number) - (x->number < y->number);
  if (how->descending)
    result = -result;
  /* Equal keys stay in case-number order in both directions. */
  return result != 0 ? result : (x->rank > y->rank) - (x->rank < y->rank);
}

/* Country names repeat on every row: one key per country. */
static const char *
country_key (GHashTable *keys,
             const char *code)
{
  const char *key;
  const char *name;

  if (code == NULL)
    code = "";
  key = g_hash_table_lookup (keys, code);
  if (key != NULL)
    return key;
  name = *code != '\0' ? care_country_get_name (code) : "";
  key = g_utf8_collate_key (name != NULL ? name : code, -1);
  g_hash_table_insert (keys, g_strdup (code), (gpointer) key);
  return key;
}

static char *
name_key (const CareCaseSummary *summary)
{
  CarePerson person = { 0 };
  g_autofree char *name = NULL;

  person.family_name = summary->family_name;
  person.given_names = summary->given_names;
  name = care_person_get_display_name (&person);
  return g_utf8_collate_key (name, -1);
}

static guint
numeric_key (const CareCaseSummary *summary,
             CareCaseOrder          order)
{
  switch (order)
    {
    case CARE_CASE_ORDER_STATUS:
      return (guint) summary->status;
    case CARE_CASE_ORDER_MINOR:
      return summary->minor ? 1 : 0;
    case CARE_CASE_ORDER_NEXT_FOLLOWUP:
      /* Cases with no pending follow-up after every date. */
      return care_date_is_set (&summary->next_followup)
             ? g_date_get_julian (&summary->next_followup) : G_MAXUINT;
    case CARE_CASE_ORDER_NUMBER:
    case CARE_CASE_ORDER_NAME:
    case CARE_CASE_ORDER_HOST_COUNTRY:
    case CARE_CASE_ORDER_RETURN_COUNTRY:
    default:
      return 0;
    }
}

static void
reverse (GPtrArray *summaries)
{
  for (guint i = 0, j = summaries->len; i + 1 < j; i++, j--)
    {
      gpointer swap = summaries->pdata[i];

      summaries->pdata[i] = summaries->pdata[j - 1];
      summaries->pdata[j - 1] = swap;
    }
}

gboolean
care_case_summaries_sort (GPtrArray     *summaries,
                          CareCaseOrder  order,
                          gboolean       descending,
                          GCancellable  *cancellable)
{
  g_autoptr(GHashTable) country_keys = NULL;
  g_autoptr(GPtrArray) name_keys = NULL;
  SortHow how = { FALSE, descending };
  SortRow *rows;

  g_return_val_if_fail (summaries != NULL, FALSE);

  if (order == CARE_CASE_ORDER_NUMBER)
    {
      if (descending)
        reverse (summaries);
      return TRUE;
    }

  how.text = order == CARE_CASE_ORDER_NAME || order == CARE_CASE_ORDER_HOST_COUNTRY ||
             order == CARE_CASE_ORDER_RETURN_COUNTRY;
  country_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  name_keys = g_ptr_array_new_with_free_func (g_free);
  rows = g_new (SortRow, MAX (summaries->len, 1));
  for (guint i = 0; i < summaries->len; i++)
    {
      CareCaseSummary *summary = g_ptr_array_index (summaries, i);
      SortRow *row = &rows[i];

      /* Names are the costly keys: a newer query may stop this one. */
      if (order == CARE_CASE_ORDER_NAME && i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_free (rows);
          return FALSE;
        }
      row->summary = summary;
      row->rank = i;
      row->number = numeric_key (summary, order);
      if (order == CARE_CASE_ORDER_NAME)
        g_ptr_array_add (name_keys, (gpointer) (row->text = name_key (summary)));
      else if (order == CARE_CASE_ORDER_HOST_COUNTRY)
        row->text = country_key (country_keys, summary->host_country);
      else if (order == CARE_CASE_ORDER_RETURN_COUNTRY)
        row->text = country_key (country_keys, summary->return_country);
    }

  g_qsort_with_data (rows, (gint) summaries->len, sizeof (SortRow), compare_rows, &how);
  for (guint i = 0; i < summaries->len; i++)
    summaries->pdata[i] = rows[i].summary;
  g_free (rows);
  return TRUE;
}
