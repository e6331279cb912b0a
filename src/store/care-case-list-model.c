/* care-case-list-model.c — the cases of a vault that match a query, as a
 * GListModel of CareCaseItem
 *
 * The search runs in a worker thread (care_store_access keeps the
 * connection to one thread at a time), so that typing in the search field
 * of a vault of 100,000 cases never freezes the window; the answer comes
 * back to the main context, where the rows on screen show it in place (see
 * replace_items). A long answer (the whole list, a search of one letter)
 * shows its first rows as soon as the store has read them, while the
 * worker reads the rest. The order is the store's too (care-case-order.c), so
 * that sorting 100,000 rows never happens in the main thread.
 *
 * The model keeps the store's summaries, not objects: a CareCaseItem is made
 * when a row is asked for (the column view asks for the rows it shows) and
 * given again while someone holds it, so 100,000 cases cost 100,000 small
 * structures rather than 100,000 GObjects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <malloc.h>

#include "care-case-list-model.h"
#include "care-language.h"
#include "care-country.h"
#include "care-store-access.h"

struct _CareCaseListModel
{
  GObject         parent_instance;

  CareVault      *vault;
  GPtrArray      *summaries;      /* CareCaseSummary of the newest answer (or its first rows),
                                     shared with the items made of them */
  GPtrArray      *tail;           /* the answer before, still the rows past the end of
                                     summaries until the list's length follows (see end_tail) */
  guint           n_items;        /* the length the list's users know */
  GSource        *tail_source;    /* the timeout that ends the tail */
  GMainContext   *context;        /* of the thread that made the model: its
                                     answers and timeouts come there */
  CareCaseItem  **items;          /* weak pointers, n_items of them, NULL until asked for */

  char           *search;
  gboolean        by_status;
  CareCaseStatus  status;
  char           *host_country;
  gboolean        minors_only;
  gboolean        overdue_only;
  CareCaseOrder   order;
  gboolean        descending;

  guint           generation;     /* of the newest reload */
  guint           answered;       /* generation of the last whole answer shown */
  guint           running;        /* reloads not yet answered */
  GCancellable   *cancellable;
  GError         *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CareCaseListModel, care_case_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_VAULT,
  PROP_SEARCH,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CareCaseListModel *self;        /* held by the task's callback data */
  guint          generation;
  CareVault     *vault;
  CareCaseQuery  query;
  char          *search;
  char          *host_country;
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  g_clear_object (&data->vault);
  g_clear_object (&data->query.cancellable);
  g_free (data->search);
  g_free (data->host_country);
  g_free (data);
}

static GType
care_case_list_model_get_item_type (GListModel *model)
{
  return CARE_TYPE_CASE_ITEM;
}

static guint
care_case_list_model_get_n_items (GListModel *model)
{
  return CARE_CASE_LIST_MODEL (model)->n_items;
}

/* The row at POSITION (< n_items), and the array that holds it. */
static CareCaseSummary *
summary_at (CareCaseListModel  *self,
            guint               position,
            GPtrArray         **owner)
{
  *owner = position < self->summaries->len ? self->summaries : self->tail;
  return g_ptr_array_index (*owner, position);
}

static gpointer
care_case_list_model_get_item (GListModel *model,
                               guint       position)
{
  CareCaseListModel *self = CARE_CASE_LIST_MODEL (model);

  if (position >= self->n_items)
    return NULL;
  if (self->items[position] == NULL)
    {
      GPtrArray *owner;
      CareCaseSummary *summary = summary_at (self, position, &owner);

      self->items[position] = care_case_item_new_shared (owner, summary);
      g_object_add_weak_pointer (G_OBJECT (self->items[position]), (gpointer *) &self->items[position]);
      return self->items[position];
    }
  return g_object_ref (self->items[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = care_case_list_model_get_item_type;
  iface->get_n_items = care_case_list_model_get_n_items;
  iface->get_item = care_case_list_model_get_item;
}

static void
forget_items (CareCaseItem **items,
              guint          n)
{
  for (guint i = 0; i < n; i++)
    if (items[i] != NULL)
      g_object_remove_weak_pointer (G_OBJECT (items[i]), (gpointer *) &items[i]);
  g_free (items);
}

static gboolean
same_summary (const CareCaseSummary *a,
              const CareCaseSummary *b)
{
  return a->id == b->id &&
         a->status == b->status &&
         a->minor == b->minor &&
         a->eligible == b->eligible &&
         a->overdue_followups == b->overdue_followups &&
         g_strcmp0 (a->case_number, b->case_number) == 0 &&
         g_strcmp0 (a->family_name, b->family_name) == 0 &&
         g_strcmp0 (a->given_names, b->given_names) == 0 &&
         g_strcmp0 (a->host_country, b->host_country) == 0 &&
         g_strcmp0 (a->return_country, b->return_country) == 0 &&
         care_date_is_set (&a->next_followup) == care_date_is_set (&b->next_followup) &&
         (!care_date_is_set (&a->next_followup) ||
          g_date_compare (&a->next_followup, &b->next_followup) == 0);
}

static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  /* The old summaries: freed here, off the main thread, unless an item
   * still holds them. */
  g_ptr_array_unref (task_data);
  /* Give the freed memory back to the system: the worker threads' malloc
   * arenas otherwise keep every answer's worth resident. */
  malloc_trim (0);
  g_task_return_boolean (task, TRUE);
}

/* Frees 100,000 summaries without making the window wait for it. */
static void
release_in_thread (GPtrArray *summaries)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, release_in_thread);
  g_task_set_task_data (task, summaries, NULL);
  care_language_run_in_thread (task, release_thread);
}

/* Frees the old summaries now, or in a thread when there are many. */
static void
release (GPtrArray *summaries)
{
  if (summaries == NULL)
    return;
  if (summaries->len > 1000)
    release_in_thread (summaries);
  else
    g_ptr_array_unref (summaries);
}

/* The list's length becomes the newest answer's: what GTK 4.8 takes
 * longest over when an answer replaces a very different one (25–40 ms for
 * tens of thousands of rows), so it comes after the frame that shows the
 * rows on screen (see replace_items). */
static void
stop_tail_timeout (CareCaseListModel *self)
{
  if (self->tail_source == NULL)
    return;
  g_source_destroy (self->tail_source);
  g_clear_pointer (&self->tail_source, g_source_unref);
}

static void
end_tail (CareCaseListModel *self)
{
  guint n_old = self->n_items;
  guint n_new = self->summaries->len;
  guint n_common = MIN (n_old, n_new);
  CareCaseItem **old_items = self->items;
  gboolean was_loading = care_case_list_model_get_loading (self);

  stop_tail_timeout (self);
  if (n_old != n_new)
    {
      self->items = g_new0 (CareCaseItem *, MAX (n_new, 1));
      for (guint i = 0; i < n_common; i++)
        if (old_items[i] != NULL)
          {
            self->items[i] = old_items[i];
            g_object_remove_weak_pointer (G_OBJECT (old_items[i]), (gpointer *) &old_items[i]);
            old_items[i] = NULL;
            g_object_add_weak_pointer (G_OBJECT (self->items[i]), (gpointer *) &self->items[i]);
          }
      forget_items (old_items, n_old);
      self->n_items = n_new;
    }
  release (g_steal_pointer (&self->tail));

  if (n_old != n_new)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), n_common, n_old - n_common, n_new - n_common);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  if (was_loading && !care_case_list_model_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* A frame's time (60 frames a second): long enough for the frame with the
 * new rows to be drawn first. Not an idle: while the spinner turns, frames
 * follow each other and an idle could wait for ever. */
#define TAIL_DELAY_MS 20

static gboolean
end_tail_cb (gpointer user_data)
{
  CareCaseListModel *self = user_data;

  /* The timeout stops in end_tail, so that "loading" is still TRUE when
   * end_tail begins and its end is told. */
  end_tail (self);
  return G_SOURCE_REMOVE;
}

/* Not g_timeout_add: the timeout must come in the context the answers come
 * to, which is the global default one only in the main thread of a program
 * that pushed no other. */
static void
start_tail_timeout (CareCaseListModel *self)
{
  if (self->tail_source != NULL)
    return;
  self->tail_source = g_timeout_source_new (TAIL_DELAY_MS);
  g_source_set_callback (self->tail_source, end_tail_cb, self, NULL);
  g_source_set_static_name (self->tail_source, "[care] end of the case list's tail");
  g_source_attach (self->tail_source, self->context);
}

/* Position by position, the items someone holds — the rows on screen —
 * are pointed at the new answer's rows and say so with "changed".
 * Replacing the items instead would make GTK 4.8 destroy and build again
 * every realized row (about 200, a widget per cell), which took 150–300 ms
 * of the main thread for each keystroke at 100,000 cases.
 *
 * Only the change of length is an items-changed, and when it is a large
 * one it waits for the next frame to be drawn (TAIL_DELAY_MS): until then the rows past
 * the new answer's end are the old answer's (no one sees them: they are
 * off screen and "loading" is still TRUE). The first rows of a long answer
 * (COMPLETE FALSE) never shorten the list: the whole answer follows. */
static void
replace_items (CareCaseListModel *self,
               GPtrArray         *summaries,
               gboolean           complete)
{
  GPtrArray *old = self->summaries;
  guint n = self->n_items;
  guint n_common = MIN (n, summaries->len);

  /* Rows past the new end must all be the tail's. */
  if (self->tail != NULL && summaries->len < old->len)
    {
      end_tail (self);
      n = self->n_items;
      n_common = MIN (n, summaries->len);
    }

  for (guint i = 0; i < n_common; i++)
    {
      CareCaseItem *item = self->items[i];
      GPtrArray *owner;

      if (item != NULL)
        care_case_item_set_summary (item, summaries, g_ptr_array_index (summaries, i),
                                    !same_summary (summary_at (self, i, &owner), g_ptr_array_index (summaries, i)));
    }

  self->summaries = g_ptr_array_ref (summaries);
  if (summaries->len < n && self->tail == NULL)
    self->tail = g_steal_pointer (&old);
  else if (summaries->len >= n)
    release (g_steal_pointer (&self->tail));
  release (old);

  if (summaries->len == n)
    {
      stop_tail_timeout (self);
      return;
    }
  /* The tail of an answer before (a search that shortened the list a frame
   * ago) then waits for the whole answer too: ending it now would cut the
   * list to the first rows and let the whole answer lengthen it again. */
  if (!complete && summaries->len < n)
    {
      stop_tail_timeout (self);
      return;
    }
  if (!complete || (MAX (n, summaries->len) - n_common) < 1000)
    end_tail (self);
  else
    start_tail_timeout (self);
}

typedef struct
{
  CareCaseListModel *self;
  guint              generation;
  GPtrArray         *rows;
} FirstRows;

static void
first_rows_free (gpointer user_data)
{
  FirstRows *first = user_data;

  g_ptr_array_unref (first->rows);
  g_object_unref (first->self);
  g_free (first);
}

/* In the main thread: the first rows of a long answer, unless a newer
 * query was asked for or the whole answer came first. */
static gboolean
show_first_rows (gpointer user_data)
{
  FirstRows *first = user_data;
  CareCaseListModel *self = first->self;

  if (first->generation == self->generation && self->answered != self->generation)
    {
      replace_items (self, first->rows, FALSE);
      g_signal_emit (self, signals[ANSWERED], 0, FALSE);
    }
  return G_SOURCE_REMOVE;
}

/* In the worker thread, from care_case_store_list. */
static void
first_rows_cb (GPtrArray *rows,
               gpointer   user_data)
{
  GTask *task = user_data;
  ReloadData *data = g_task_get_task_data (task);
  FirstRows *first = g_new0 (FirstRows, 1);
  g_autoptr(GSource) source = NULL;

  first->self = g_object_ref (data->self);
  first->generation = data->generation;
  first->rows = rows;
  /* Not g_main_context_invoke: that calls show_first_rows right here, in
   * the worker, whenever it can acquire the context — when it is the
   * global default one and the main thread is between two iterations. A
   * source runs in the thread that iterates the context, and before the
   * whole answer (same priority, attached first). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, show_first_rows, first, first_rows_free);
  g_source_set_static_name (source, "[care] first rows of the case list");
  g_source_attach (source, g_task_get_context (task));
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReloadData *data = task_data;
  g_autoptr(GPtrArray) summaries = NULL;
  GError *error = NULL;

  /* A newer query was asked for while this one waited its turn. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (data->vault);

    data->query.first_rows = first_rows_cb;
    data->query.first_rows_data = task;
    if (!care_vault_is_locked (data->vault))
      summaries = care_case_store_list (data->vault, &data->query, &error);
    else
      summaries = g_ptr_array_new ();
  }
  if (summaries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&summaries), (GDestroyNotify) g_ptr_array_unref);
}

static void
reload_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CareCaseListModel) self = user_data;
  ReloadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  /* The worker is done with the vault: it too goes here rather than
   * where the task does. */
  g_clear_object (&data->vault);
  self->running--;

  if (data->generation == self->generation)
    {
      g_clear_error (&self->error);
      self->answered = data->generation;
      if (items != NULL)
        {
          replace_items (self, items, TRUE);
          g_signal_emit (self, signals[ANSWERED], 0, TRUE);
        }
      else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* The message may quote what was searched for: it is shown in
           * the window, never written to the log. */
          g_warning ("Could not list the cases (%s %d)", g_quark_to_string (error->domain), error->code);
          self->error = g_steal_pointer (&error);
          /* First rows may be on screen with the older answer's after
           * them: only what this answer gave stays. */
          end_tail (self);
        }
    }

  if (self->running == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
care_case_list_model_reload (CareCaseListModel *self)
{
  g_autoptr(GTask) task = NULL;
  ReloadData *data;

  g_return_if_fail (CARE_IS_CASE_LIST_MODEL (self));

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->vault == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func ((GDestroyNotify) care_case_summary_free);

      self->answered = self->generation;
      replace_items (self, none, TRUE);
      /* Locked: no row stays in memory for a frame longer. */
      end_tail (self);
      g_signal_emit (self, signals[ANSWERED], 0, TRUE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (ReloadData, 1);
  data->self = self;
  data->generation = self->generation;
  data->vault = g_object_ref (self->vault);
  data->search = g_strdup (self->search);
  data->host_country = g_strdup (self->host_country);
  data->query.search = data->search;
  data->query.by_status = self->by_status;
  data->query.status = self->status;
  data->query.host_country = data->host_country;
  data->query.minors_only = self->minors_only;
  data->query.overdue_only = self->overdue_only;
  data->query.order = self->order;
  data->query.descending = self->descending;
  /* The next keystroke stops this query inside SQLite. */
  data->query.cancellable = g_object_ref (self->cancellable);

  /* Not the task's source object: the task goes in whichever thread lets
   * go of it last, often the worker, and would take the model with it —
   * finalized in the worker while the main thread still uses its items.
   * The callback, in the model's context, holds it instead. */
  task = g_task_new (NULL, self->cancellable, reload_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, care_case_list_model_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) reload_data_free);
  /* The answer of a superseded query is still wanted: it is dropped by its
   * generation, not by the cancellable, so that "loading" stays exact. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);

  self->running++;
  if (self->running == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  care_language_run_in_thread (task, reload_thread);
}

gboolean
care_case_list_model_get_loading (CareCaseListModel *self)
{
  g_return_val_if_fail (CARE_IS_CASE_LIST_MODEL (self), FALSE);

  return self->running > 0 || self->tail_source != NULL;
}

const GError *
care_case_list_model_get_error (CareCaseListModel *self)
{
  g_return_val_if_fail (CARE_IS_CASE_LIST_MODEL (self), NULL);

  return self->error;
}

CareCaseListModel *
care_case_list_model_new (void)
{
  return g_object_new (CARE_TYPE_CASE_LIST_MODEL, NULL);
}

CareVault *
care_case_list_model_get_vault (CareCaseListModel *self)
{
  g_return_val_if_fail (CARE_IS_CASE_LIST_MODEL (self), NULL);

  return self->vault;
}

void
care_case_list_model_set_vault (CareCaseListModel *self,
                                CareVault         *vault)
{
  g_return_if_fail (CARE_IS_CASE_LIST_MODEL (self));
  g_return_if_fail (vault == NULL || CARE_IS_VAULT (vault));

  if (!g_set_object (&self->vault, vault))
    return;
  care_case_list_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAULT]);
}

const char *
care_case_list_model_get_search (CareCaseListModel *self)
{
  g_return_val_if_fail (CARE_IS_CASE_LIST_MODEL (self), NULL);

  return self->search;
}

void
care_case_list_model_set_search (CareCaseListModel *self,
                                 const char        *search)
{
  g_return_if_fail (CARE_IS_CASE_LIST_MODEL (self));

  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  care_case_list_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

void
care_case_list_model_set_status_filter (CareCaseListModel *self,
                                        gboolean           by_status,
                                        CareCaseStatus     status)
{
  g_return_if_fail (CARE_IS_CASE_LIST_MODEL (self));

  if (self->by_status == by_status && (!by_status || self->status == status))
    return;
  self->by_status = by_status;
  self->status = status;
  care_case_list_model_reload (self);
}

void
care_case_list_model_set_host_country (CareCaseListModel *self,
                                       const char        *host_country)
{
  g_return_if_fail (CARE_IS_CASE_LIST_MODEL (self));

  if (host_country != NULL && *host_country == '\0')
    host_country = NULL;
  if (g_strcmp0 (self->host_country, host_country) == 0)
    return;
  g_free (self->host_country);
  self->host_country = g_strdup (host_country);
  care_case_list_model_reload (self);
}

void
care_case_list_model_set_minors_only (CareCaseListModel *self,
                                      gboolean           minors_only)
{
  g_return_if_fail (CARE_IS_CASE_LIST_MODEL (self));

  if (self->minors_only == !!minors_only)
    return;
  self->minors_only = !!minors_only;
  care_case_list_model_reload (self);
}

void
care_case_list_model_set_overdue_only (CareCaseListModel *self,
                                       gboolean           overdue_only)
{
  g_return_if_fail (CARE_IS_CASE_LIST_MODEL (self));

  if (self->overdue_only == !!overdue_only)
    return;
  self->overdue_only = !!overdue_only;
  care_case_list_model_reload (self);
}

void
care_case_list_model_set_order (CareCaseListModel *self,
                                CareCaseOrder      order,
                                gboolean           descending)
{
  g_return_if_fail (CARE_IS_CASE_LIST_MODEL (self));

  if (self->order == order && self->descending == !!descending)
    return;
  self->order = order;
  self->descending = !!descending;
  care_case_list_model_reload (self);
}

CareCaseOrder
care_case_list_model_get_order (CareCaseListModel *self,
                                gboolean          *descending)
{
  g_return_val_if_fail (CARE_IS_CASE_LIST_MODEL (self), CARE_CASE_ORDER_NUMBER);

  if (descending != NULL)
    *descending = self->descending;
  return self->order;
}

gboolean
care_case_list_model_is_filtered (CareCaseListModel *self)
{
  g_return_val_if_fail (CARE_IS_CASE_LIST_MODEL (self), FALSE);

  return self->search != NULL || self->by_status || self->host_country != NULL ||
         self->minors_only || self->overdue_only;
}

static void
care_case_list_model_dispose (GObject *object)
{
  CareCaseListModel *self = CARE_CASE_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_tail_timeout (self);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (care_case_list_model_parent_class)->dispose (object);
}

static void
care_case_list_model_finalize (GObject *object)
{
  CareCaseListModel *self = CARE_CASE_LIST_MODEL (object);

  forget_items (self->items, self->n_items);
  g_ptr_array_unref (self->summaries);
  g_clear_pointer (&self->tail, g_ptr_array_unref);
  g_free (self->search);
  g_free (self->host_country);
  g_clear_error (&self->error);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (care_case_list_model_parent_class)->finalize (object);
}

static void
care_case_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CareCaseListModel *self = CARE_CASE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, care_case_list_model_get_loading (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
care_case_list_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CareCaseListModel *self = CARE_CASE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      care_case_list_model_set_vault (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      care_case_list_model_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
care_case_list_model_class_init (CareCaseListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = care_case_list_model_dispose;
  object_class->finalize = care_case_list_model_finalize;
  object_class->get_property = care_case_list_model_get_property;
  object_class->set_property = care_case_list_model_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, CARE_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CareCaseListModel::answered:
   * @complete: FALSE for the first rows of a long answer, the rest to come
   *
   * The list shows the answer to the newest query, whole or its start.
   */
  signals[ANSWERED] =
    g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
care_case_list_model_init (CareCaseListModel *self)
{
  self->summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) care_case_summary_free);
  self->items = g_new0 (CareCaseItem *, 1);
  self->context = g_main_context_ref_thread_default ();
  /* The country tables load once, on first use (a GOnce), in whichever
   * thread asks first: not at start-up. */
}
