/* test-case-list-model.c — the list of cases as a GListModel: always
 * consistent with what it announced, always the store's answer once settled
 *
 * No display: the model is driven by iterating the main context until
 * "loading" is FALSE. Every observable point (items-changed, "answered",
 * an item's "changed", a setter's return, the settled list) is checked the
 * way GTK's own list model tests check their models: the length equals the
 * sum of the items-changed deltas a listener saw, and every position below
 * it gives an item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "care-case-list-model.h"
#include "care-case-store.h"
#include "care-store-access.h"
#include "vault-test-util.h"

/* Enough for the long paths of the model: the whole list comes in two parts
 * (first rows, then the rest) and most changes of length exceed the 1,000
 * rows past which the list's length follows a frame later. No more: under
 * the sanitizers of build-aux/test (every malloc's stack unwound in full)
 * the whole program takes about 13 s. */
#define N_CASES 1500

static VaultFixture vault_fixture;
static GThread *main_thread;

/* Family names: "Okafor" is the broad search (one case in five), "Zeller"
 * the narrow one, "Quagmire" matches nothing. */
static const char *const families[] = { "Okafor", "Adeyemi", "Mensah", "Diallo", "Traore" };
static const char *const givens[] = { "Blessing", "Ada", "Joy", "Esther", "Grace", "Mary", "Faith" };
static const char *const hosts[] = { "FR", "IT", "ES", "GR" };
#define N_NARROW ((N_CASES - 7 + 399) / 400)   /* i % 400 == 7 */

typedef struct _Watch Watch;

typedef struct {
  Watch        *watch;
  CareCaseItem *item;
  guint         position;
  gboolean      changed;     /* "changed" since the last settling */
  char         *shown;       /* case number at the last settling */
} Held;

struct _Watch {
  CareCaseListModel *model;
  GMainContext      *context;     /* iterated; NULL: the global default */

  guint              shadow;      /* the length as items-changed told it */
  gboolean           loading_seen;/* as notify::loading last told it */
  guint              n_answered;
  gboolean           last_complete;
  gboolean           partial;     /* first rows shown, the whole answer not yet */
  guint              floor;       /* while partial: the list is never shorter */

  GPtrArray         *expected;    /* case numbers of the newest query's answer */
  GPtrArray         *held;        /* Held */
  gboolean           timed_out;
};

/* --- the vault --- */

static void
populate (CareVault *vault)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (care_store_begin (vault, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(CareCase) c = care_case_new ();
      GDate born = vault_test_date (i % 10 == 3 ? 2000 : 1985 + i % 10, 1 + i % 12, 1 + i % 28);

      c->person->family_name = g_strdup (i % 400 == 7 ? "Zeller" : families[i % G_N_ELEMENTS (families)]);
      c->person->given_names = g_strdup (givens[(i / 5) % G_N_ELEMENTS (givens)]);
      c->person->sex = CARE_SEX_FEMALE;
      care_birth_date_set_date (&c->person->date_of_birth, &born);
      c->person->nationality = g_strdup ("NG");
      c->host_country = g_strdup (hosts[i % G_N_ELEMENTS (hosts)]);
      c->return_country = g_strdup ("NG");
      c->destination = g_strdup ("Benin City");
      c->referring_organisation = g_strdup ("Amicale du Nid");
      c->referral_date = vault_test_date (2014, 3, 10);
      c->planned_return_date = vault_test_date (2014, 6, 1);
      g_assert_true (care_case_store_save (vault, c, NULL, &vault_fixture.today, &error));
      g_assert_no_error (error);
    }
  g_assert_true (care_store_commit (vault, &error));
  g_assert_no_error (error);
}

/* The store's answers, by query: the vault does not change. */
static GHashTable *answers;

/* The store's own answer to the query the model holds, read as the model
 * reads it (the store's lock held: a superseded worker may still run). */
static GPtrArray *
store_answer (CareCaseListModel *model,
              gboolean           by_status,
              CareCaseStatus     status,
              const char        *host_country,
              gboolean           minors_only,
              gboolean           overdue_only)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault_fixture.vault);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  CareCaseQuery query = { 0 };
  GPtrArray *numbers;
  char *key;

  query.search = care_case_list_model_get_search (model);
  query.by_status = by_status;
  query.status = status;
  query.host_country = host_country;
  query.minors_only = minors_only;
  query.overdue_only = overdue_only;
  query.order = care_case_list_model_get_order (model, &query.descending);
  key = g_strdup_printf ("%s|%d|%d|%s|%d|%d|%d|%d", query.search ? query.search : "(all)",
                         by_status, by_status ? (int) status : -1, host_country ? host_country : "",
                         minors_only, overdue_only, (int) query.order, query.descending);
  numbers = g_hash_table_lookup (answers, key);
  if (numbers != NULL)
    {
      g_free (key);
      return g_ptr_array_ref (numbers);
    }

  summaries = care_case_store_list (vault_fixture.vault, &query, &error);
  numbers = g_ptr_array_new_with_free_func (g_free);
  g_assert_no_error (error);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (numbers, g_strdup (((CareCaseSummary *) g_ptr_array_index (summaries, i))->case_number));
  g_hash_table_insert (answers, key, g_ptr_array_ref (numbers));
  return numbers;
}

/* --- the checks --- */

static void
assert_main_thread (void)
{
  /* Signals of a model come in the thread that iterates its context. */
  g_assert_true (g_thread_self () == main_thread);
}

/* The length is the one the listeners were told; every position below it
 * gives an item, the first MATCHING of them the expected answer's rows. */
static void
check_list (Watch *w,
            guint  matching)
{
  GListModel *list = G_LIST_MODEL (w->model);
  guint n = g_list_model_get_n_items (list);
  guint n_prop = 0;

  g_assert_cmpuint (n, ==, w->shadow);
  g_object_get (w->model, "n-items", &n_prop, NULL);
  g_assert_cmpuint (n_prop, ==, n);
  g_assert_cmpuint (matching, <=, n);
  g_assert_cmpuint (matching, <=, w->expected->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CareCaseItem) item = g_list_model_get_item (list, i);

      g_assert_true (CARE_IS_CASE_ITEM (item));
      g_assert_nonnull (care_case_item_get_case_number (item));
      if (i < matching)
        g_assert_cmpstr (care_case_item_get_case_number (item), ==, g_ptr_array_index (w->expected, i));
    }
  g_assert_null (g_list_model_get_item (list, n));
}

static void
check_consistent (Watch *w)
{
  check_list (w, 0);
}

/* Nothing was emitted since the last full check: the ends suffice. */
static void
check_ends (Watch *w)
{
  GListModel *list = G_LIST_MODEL (w->model);
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (n, ==, w->shadow);
  for (guint i = 0; i < MIN (n, 2); i++)
    {
      g_autoptr(CareCaseItem) first = g_list_model_get_item (list, i);
      g_autoptr(CareCaseItem) last = g_list_model_get_item (list, n - 1 - i);

      g_assert_true (CARE_IS_CASE_ITEM (first));
      g_assert_true (CARE_IS_CASE_ITEM (last));
    }
  g_assert_null (g_list_model_get_item (list, n));
}

static void
held_free (gpointer data)
{
  Held *held = data;

  g_signal_handlers_disconnect_by_data (held->item, held);
  g_object_unref (held->item);
  g_free (held->shown);
  g_free (held);
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *w)
{
  assert_main_thread ();
  g_assert_cmpuint (position, <=, w->shadow);
  g_assert_cmpuint (removed, <=, w->shadow - position);
  w->shadow = w->shadow - removed + added;
  check_consistent (w);

  /* Held items in the removed range are no longer the list's; those past
   * it move. */
  for (guint i = w->held->len; i-- > 0;)
    {
      Held *held = g_ptr_array_index (w->held, i);

      if (held->position >= position + removed)
        held->position = held->position - removed + added;
      else if (held->position >= position)
        g_ptr_array_remove_index (w->held, i);
    }

  /* The first rows of a long answer never shorten the list: only the whole
   * answer does. */
  if (w->partial)
    g_assert_cmpuint (w->shadow, >=, w->floor);
}

static void
notify_loading_cb (GObject    *object,
                   GParamSpec *pspec,
                   Watch      *w)
{
  assert_main_thread ();
  w->loading_seen = care_case_list_model_get_loading (w->model);
}

static void
answered_cb (CareCaseListModel *model,
             gboolean           complete,
             Watch             *w)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  assert_main_thread ();
  w->n_answered++;
  w->last_complete = complete;
  if (complete)
    {
      w->partial = FALSE;
      /* The rows the answer has so far are the answer's; past them, until
       * the length follows, the answer before. */
      check_list (w, MIN (n, w->expected->len));
      if (n != w->expected->len)
        g_assert_true (care_case_list_model_get_loading (model));
    }
  else
    {
      /* Only the newest query's first rows are shown: case-number order. */
      g_assert_true (care_case_list_model_get_loading (model));
      g_assert_cmpuint (n, >=, MIN (w->expected->len, CARE_CASE_FIRST_ROWS));
      check_list (w, MIN (n, MIN (w->expected->len, CARE_CASE_FIRST_ROWS)));
      w->partial = TRUE;
      w->floor = MIN (n, w->expected->len);
    }
}

/* An item on screen now shows the newest answer's row at its position. */
static void
held_changed_cb (CareCaseItem *item,
                 Held         *held)
{
  Watch *w = held->watch;

  assert_main_thread ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (w->model)), ==, w->shadow);
  g_assert_cmpuint (held->position, <, w->expected->len);
  g_assert_cmpstr (care_case_item_get_case_number (item), ==, g_ptr_array_index (w->expected, held->position));
  held->changed = TRUE;
}

static void
watch_init (Watch        *w,
            GMainContext *context)
{
  memset (w, 0, sizeof *w);
  w->context = context;
  w->model = care_case_list_model_new ();
  w->held = g_ptr_array_new_with_free_func (held_free);
  w->expected = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (w->model, "items-changed", G_CALLBACK (items_changed_cb), w);
  g_signal_connect (w->model, "notify::loading", G_CALLBACK (notify_loading_cb), w);
  g_signal_connect (w->model, "answered", G_CALLBACK (answered_cb), w);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (w->model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (w->model)) == CARE_TYPE_CASE_ITEM);
}

/* The model goes in the thread that uses it: GTK would unref the items
 * it holds, in the main thread, while a worker freed the model. */
static void
finalized_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  assert_main_thread ();
  *(gboolean *) data = TRUE;
}

/* Releases the model, and waits for the last of it to go: a reload still
 * running keeps it until it has answered. */
static void
release_model (CareCaseListModel **model,
               GMainContext       *context)
{
  gboolean finalized = FALSE;

  g_object_weak_ref (G_OBJECT (*model), finalized_cb, &finalized);
  g_clear_object (model);
  while (!finalized)
    g_main_context_iteration (context, TRUE);
}

static void
watch_finish (Watch *w)
{
  g_clear_pointer (&w->held, g_ptr_array_unref);
  g_signal_handlers_disconnect_by_data (w->model, w);
  release_model (&w->model, w->context);
  g_ptr_array_unref (w->expected);
}

static gboolean
guard_cb (gpointer user_data)
{
  Watch *w = user_data;

  w->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the context until the whole answer shows. */
static void
settle (Watch *w)
{
  g_autoptr(GSource) guard = g_timeout_source_new_seconds (30);

  g_source_set_callback (guard, guard_cb, w, NULL);
  g_source_attach (guard, w->context);
  while (care_case_list_model_get_loading (w->model) && !w->timed_out)
    g_main_context_iteration (w->context, TRUE);
  g_source_destroy (guard);
  g_assert_false (w->timed_out);
}

/* The positions whose items a listener holds (the rows on screen). */
static const guint watched_positions[] = { 0, 1, 57, 99, 100, 101, 640, 1100, N_CASES - 1 };

/* After settling: the list is the store's answer, the held items show it
 * and said so, listeners were told the truth. */
static void
check_settled (Watch *w)
{
  GListModel *list = G_LIST_MODEL (w->model);
  guint n = g_list_model_get_n_items (list);

  g_assert_false (care_case_list_model_get_loading (w->model));
  g_assert_false (w->loading_seen);
  g_assert_null (care_case_list_model_get_error (w->model));
  g_assert_true (w->last_complete);
  g_assert_false (w->partial);
  g_assert_cmpuint (n, ==, w->expected->len);
  check_list (w, n);

  for (guint i = 0; i < w->held->len; i++)
    {
      Held *held = g_ptr_array_index (w->held, i);
      g_autoptr(CareCaseItem) again = NULL;
      const char *now;

      /* The same object at the same position, now showing the new answer. */
      g_assert_cmpuint (held->position, <, n);
      again = g_list_model_get_item (list, held->position);
      g_assert_true (again == held->item);
      now = care_case_item_get_case_number (held->item);
      g_assert_cmpstr (now, ==, g_ptr_array_index (w->expected, held->position));
      if (g_strcmp0 (now, held->shown) != 0)
        g_assert_true (held->changed);
      held->changed = FALSE;
      g_free (held->shown);
      held->shown = g_strdup (now);
    }

  /* Hold the positions on screen that are not held yet. */
  for (guint p = 0; p < G_N_ELEMENTS (watched_positions); p++)
    {
      guint position = watched_positions[p];
      gboolean found = FALSE;
      Held *held;

      for (guint i = 0; i < w->held->len && !found; i++)
        found = ((Held *) g_ptr_array_index (w->held, i))->position == position;
      if (found || position >= n)
        continue;
      held = g_new0 (Held, 1);
      held->watch = w;
      held->item = g_list_model_get_item (list, position);
      held->position = position;
      held->shown = g_strdup (care_case_item_get_case_number (held->item));
      g_signal_connect (held->item, "changed", G_CALLBACK (held_changed_cb), held);
      g_ptr_array_add (w->held, held);
    }
}

/* The model's query is set: this is what its answer must be. */
typedef struct {
  gboolean        by_status;
  CareCaseStatus  status;
  const char     *host_country;
  gboolean        minors_only;
  gboolean        overdue_only;
} Filters;

static void
expect (Watch         *w,
        const Filters *filters)
{
  static const Filters none = { 0 };

  if (filters == NULL)
    filters = &none;
  /* The first rows of the query before no longer promise anything. */
  w->partial = FALSE;
  g_ptr_array_unref (w->expected);
  w->expected = store_answer (w->model, filters->by_status, filters->status, filters->host_country,
                              filters->minors_only, filters->overdue_only);
  /* A query runs: the list keeps its rows until it answers. */
  g_assert_true (care_case_list_model_get_loading (w->model));
  g_assert_true (w->loading_seen);
  check_ends (w);
}

/* No vault: an empty list, at once. */
static void
clear_vault (Watch *w)
{
  /* "answered" comes before the call returns. */
  g_ptr_array_unref (w->expected);
  w->expected = g_ptr_array_new ();
  w->partial = FALSE;
  care_case_list_model_set_vault (w->model, NULL);
  g_assert_null (care_case_list_model_get_vault (w->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (w->model)), ==, 0);
  g_assert_cmpuint (w->shadow, ==, 0);
  g_assert_cmpuint (w->held->len, ==, 0);
  g_assert_true (w->last_complete);
  check_consistent (w);
}

static void
expect_settled (Watch         *w,
                const Filters *filters)
{
  expect (w, filters);
  settle (w);
  check_settled (w);
}

/* Unfiltered again: every case, in the order set. */
static void
expect_whole_list (Watch *w)
{
  g_assert_false (care_case_list_model_is_filtered (w->model));
  expect_settled (w, NULL);
  g_assert_cmpuint (w->expected->len, ==, N_CASES);
}

/* A model on the vault, its first answer shown. */
static void
watch_start (Watch        *w,
             GMainContext *context)
{
  watch_init (w, context);
  care_case_list_model_set_vault (w->model, vault_fixture.vault);
  g_assert_true (care_case_list_model_get_vault (w->model) == vault_fixture.vault);
  expect_whole_list (w);
}

static void
search (Watch      *w,
        const char *text,
        guint       at_least,
        guint       at_most)
{
  care_case_list_model_set_search (w->model, text);
  g_assert_cmpstr (care_case_list_model_get_search (w->model), ==, text);
  expect_settled (w, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (w->model)), >=, at_least);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (w->model)), <=, at_most);
}

/* --- the tests --- */

static void
wait_answered (Watch *w)
{
  guint before = w->n_answered;

  while (w->n_answered == before)
    g_main_context_iteration (w->context, TRUE);
}


static void
test_searches (void)
{
  Watch w;

  watch_start (&w, NULL);

  for (int round = 0; round < 2; round++)
    {
      search (&w, "okafor", N_CASES / 5 - N_NARROW, N_CASES / 5);
      g_assert_true (care_case_list_model_is_filtered (w.model));
      search (&w, "zeller", N_NARROW, N_NARROW);
      search (&w, "quagmire", 0, 0);
      search (&w, "zeller", N_NARROW, N_NARROW);
      search (&w, "ok", N_CASES / 5 - N_NARROW, N_CASES / 5);
      care_case_list_model_set_search (w.model, "");
      g_assert_null (care_case_list_model_get_search (w.model));
      expect_whole_list (&w);
    }

  watch_finish (&w);
}

static void
test_order (void)
{
  static const CareCaseOrder orders[] = {
    CARE_CASE_ORDER_NAME, CARE_CASE_ORDER_HOST_COUNTRY, CARE_CASE_ORDER_MINOR,
  };
  Watch w;
  gboolean descending;

  watch_start (&w, NULL);

  /* Same length: every row on screen shows another case, in place. */
  care_case_list_model_set_order (w.model, CARE_CASE_ORDER_NAME, TRUE);
  g_assert_cmpint (care_case_list_model_get_order (w.model, &descending), ==, CARE_CASE_ORDER_NAME);
  g_assert_true (descending);
  expect_settled (&w, NULL);
  /* Back to case-number order: first rows again, then the whole. */
  care_case_list_model_set_order (w.model, CARE_CASE_ORDER_NUMBER, FALSE);
  expect_settled (&w, NULL);
  care_case_list_model_set_order (w.model, CARE_CASE_ORDER_NUMBER, TRUE);
  expect_settled (&w, NULL);

  /* An order with a search, then the search goes. */
  search (&w, "okafor", N_CASES / 5 - N_NARROW, N_CASES / 5);
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      care_case_list_model_set_order (w.model, orders[i], i % 2 == 0);
      expect_settled (&w, NULL);
    }
  search (&w, NULL, N_CASES, N_CASES);
  care_case_list_model_set_order (w.model, CARE_CASE_ORDER_NUMBER, FALSE);
  expect_settled (&w, NULL);

  watch_finish (&w);
}

static void
test_filters (void)
{
  Watch w;
  Filters f = { 0 };

  watch_start (&w, NULL);

  f.host_country = "IT";
  care_case_list_model_set_host_country (w.model, "IT");
  g_assert_true (care_case_list_model_is_filtered (w.model));
  expect_settled (&w, &f);
  g_assert_cmpuint (w.expected->len, ==, N_CASES / 4);

  f.minors_only = TRUE;
  care_case_list_model_set_minors_only (w.model, TRUE);
  expect_settled (&w, &f);
  g_assert_cmpuint (w.expected->len, >, 0);

  care_case_list_model_set_search (w.model, "okafor");
  expect_settled (&w, &f);

  f.host_country = NULL;
  care_case_list_model_set_host_country (w.model, NULL);
  expect_settled (&w, &f);

  care_case_list_model_set_search (w.model, NULL);
  expect_settled (&w, &f);
  g_assert_cmpuint (w.expected->len, ==, N_CASES / 10);

  f.minors_only = FALSE;
  f.by_status = TRUE;
  f.status = CARE_CASE_CLOSED;
  care_case_list_model_set_minors_only (w.model, FALSE);
  care_case_list_model_set_status_filter (w.model, TRUE, CARE_CASE_CLOSED);
  expect_settled (&w, &f);
  g_assert_cmpuint (w.expected->len, ==, 0);

  f.by_status = FALSE;
  f.overdue_only = TRUE;
  care_case_list_model_set_status_filter (w.model, FALSE, CARE_CASE_CLOSED);
  care_case_list_model_set_overdue_only (w.model, TRUE);
  expect_settled (&w, &f);

  f.overdue_only = FALSE;
  f.by_status = TRUE;
  f.status = CARE_CASE_REFERRED;
  care_case_list_model_set_overdue_only (w.model, FALSE);
  care_case_list_model_set_status_filter (w.model, TRUE, CARE_CASE_REFERRED);
  expect_settled (&w, &f);

  care_case_list_model_set_status_filter (w.model, FALSE, CARE_CASE_REFERRED);
  expect_whole_list (&w);

  watch_finish (&w);
}

/* Typing: each keystroke supersedes the query before; only the last
 * answer counts, whatever came between. */
static void
test_rapid (void)
{
  static const char *const keystrokes[][6] = {
    { "o", "ok", "oka", "okaf", "okafo", "okafor" },
    { "okafo", "okaf", "oka", "ok", "o", NULL },
    { "z", "ze", "zel", "zell", "zelle", "zeller" },
    { "zelle", "zell", "zel", "ze", "z", NULL },
    { "q", "qu", "qua", NULL, "okafor", "zeller" },
  };
  Watch w;

  watch_start (&w, NULL);

  for (guint round = 0; round < G_N_ELEMENTS (keystrokes); round++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (keystrokes[round]); k++)
        {
          care_case_list_model_set_search (w.model, keystrokes[round][k]);
          /* Each new query is the one answered from now on. */
          expect (&w, NULL);
          /* Some keystrokes come after part of the answer before. */
          if (k % 2 == 1)
            g_main_context_iteration (w.context, FALSE);
        }
      settle (&w);
      check_settled (&w);
    }

  /* Keystrokes while the length of the answer before still lags. */
  for (guint round = 0; round < 5; round++)
    {
      if (care_case_list_model_get_search (w.model) != NULL)
        search (&w, NULL, N_CASES, N_CASES);
      care_case_list_model_set_search (w.model, "zeller");
      expect (&w, NULL);
      wait_answered (&w);
      g_assert_true (care_case_list_model_get_loading (w.model));
      care_case_list_model_set_search (w.model, round % 2 ? "okafor" : NULL);
      expect_settled (&w, NULL);
    }

  watch_finish (&w);
}

/* Locking the vault: no row stays, at once. */
static void
test_no_vault (void)
{
  Watch w;

  watch_start (&w, NULL);

  /* Settled. */
  clear_vault (&w);
  settle (&w);
  check_settled (&w);

  /* A query running. */
  care_case_list_model_set_vault (w.model, vault_fixture.vault);
  expect (&w, NULL);
  clear_vault (&w);
  settle (&w);
  check_settled (&w);

  /* First rows shown, the rest to come. */
  care_case_list_model_set_vault (w.model, vault_fixture.vault);
  expect (&w, NULL);
  wait_answered (&w);
  clear_vault (&w);
  settle (&w);
  check_settled (&w);

  /* The length lagging behind a shorter answer. */
  care_case_list_model_set_vault (w.model, vault_fixture.vault);
  expect_settled (&w, NULL);
  care_case_list_model_set_search (w.model, "zeller");
  expect (&w, NULL);
  wait_answered (&w);
  g_assert_true (care_case_list_model_get_loading (w.model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (w.model)), ==, N_CASES);
  clear_vault (&w);
  settle (&w);
  check_settled (&w);

  /* And back. */
  care_case_list_model_set_search (w.model, NULL);
  care_case_list_model_set_vault (w.model, vault_fixture.vault);
  expect_whole_list (&w);

  watch_finish (&w);
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets every timer of the model that could still be pending come due
 * (the tail waits 20 ms). */
static void
run_past_tail_delay (GMainContext *context)
{
  gboolean done = FALSE;
  g_autoptr(GSource) later = g_timeout_source_new (100);

  g_source_set_callback (later, set_true, &done, NULL);
  g_source_attach (later, context);
  while (!done)
    g_main_context_iteration (context, TRUE);
}

/* The last reference goes while a query runs, while first rows wait to be
 * shown, while the length lags: nothing runs on a freed model. */
static void
test_dispose (void)
{
  for (int when = 0; when < 4; when++)
    {
      Watch w;

      watch_init (&w, NULL);
      care_case_list_model_set_vault (w.model, vault_fixture.vault);
      expect (&w, NULL);
      if (when >= 1)
        wait_answered (&w);             /* first rows shown */
      if (when >= 2)
        {
          settle (&w);
          care_case_list_model_set_search (w.model, "zeller");
          expect (&w, NULL);
          if (when == 3)
            {
              wait_answered (&w);       /* the length lags */
              g_assert_true (care_case_list_model_get_loading (w.model));
            }
        }
      g_signal_handlers_disconnect_by_data (w.model, &w);
      g_clear_pointer (&w.held, g_ptr_array_unref);
      release_model (&w.model, NULL);
      g_ptr_array_unref (w.expected);
      run_past_tail_delay (NULL);
    }
}

/* A model made in a thread with a context of its own (a worker, a tool)
 * answers there, and only there. */
static void
test_thread_default_context (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  Watch w;

  g_main_context_push_thread_default (context);
  watch_start (&w, context);
  search (&w, "zeller", N_NARROW, N_NARROW);
  search (&w, NULL, N_CASES, N_CASES);
  search (&w, "quagmire", 0, 0);
  watch_finish (&w);
  run_past_tail_delay (context);
  g_main_context_pop_thread_default (context);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();
  answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  vault_fixture_set_up (&vault_fixture, NULL);
  populate (vault_fixture.vault);

  g_test_add_func ("/case-list-model/searches", test_searches);
  g_test_add_func ("/case-list-model/order", test_order);
  g_test_add_func ("/case-list-model/filters", test_filters);
  g_test_add_func ("/case-list-model/rapid", test_rapid);
  g_test_add_func ("/case-list-model/no-vault", test_no_vault);
  g_test_add_func ("/case-list-model/dispose", test_dispose);
  g_test_add_func ("/case-list-model/thread-default-context", test_thread_default_context);
  status = g_test_run ();

  vault_fixture_tear_down (&vault_fixture, NULL);
  g_hash_table_unref (answers);
  return status;
}
