/* care-case-documents.c — a case's Documents page
 *
 * The files attached to the case (a passport copy, certificates, letters)
 * and the scans of its signed plans, all kept encrypted in the vault.
 * Whatever reads or writes a whole file (attaching, saving a copy, a
 * preview, a removal and its Undo) runs in a worker thread, so that a
 * 25 MB scan never freezes the window. Nothing of a document is ever
 * written to a temporary file: a preview is decoded from the bytes in
 * memory, and opening a document in another application (which would need
 * a file in clear) is left out on purpose. A removal is done at once and a
 * toast offers Undo, which writes the document back as it was (as the
 * Partners view does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-case-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-documents.h"
#include "care-document-store.h"
#include "care-format.h"
#include "care-language.h"
#include "care-plan-pdf.h"
#include "care-plan-scan-store.h"
#include "care-store-access.h"
#include "care-toast.h"

#define READ_CHUNK (1024 * 1024)

typedef enum {
  JOB_ATTACH,
  JOB_SAVE,
  JOB_PREVIEW,
  JOB_REMOVE,
  JOB_RESTORE,
} JobKind;

/* One worker's errand: what it is given, and what it brings back. A
 * document is named by its id, a plan scan by its version (id 0). */
typedef struct {
  JobKind       kind;
  CareVault    *vault;
  char         *case_number;
  gint64        id;
  guint         version;
  char         *path;          /* SAVE: the copy */
  GPtrArray    *files;         /* ATTACH: GFile */
  GPtrArray    *names;         /* ATTACH: their names, for the progress */
  CareDocument *document;      /* RESTORE: in; REMOVE: out, with its data */
  GdkTexture   *texture;       /* PREVIEW: out */
  GPtrArray    *refusals;      /* ATTACH: out, one message per file refused */
  guint         n_attached;    /* ATTACH: out */
  int           current;       /* ATTACH: atomic, the file being read */
  int           permille;      /* ATTACH: atomic, how much of it */
  GError       *error;         /* out */
} Job;

struct _CareCaseDocuments
{
  GtkWidget            parent_instance;

  CareVault           *vault;
  char                *case_number;
  GPtrArray           *documents;       /* CareDocument, without data */
  GPtrArray           *scans;           /* CarePlanScan, without data */
  GPtrArray           *rows;            /* GtkWidget, rows shown */
  CareDocument        *removed;         /* with its data, for Undo */
  GCancellable        *cancellable;     /* the case's workers */
  GCancellable        *stop;            /* the files being attached */
  guint                n_running;
  Job                 *attaching;       /* borrowed while it runs */
  GPtrArray           *waiting;         /* GFile dropped meanwhile */
  guint                tick_id;
  GtkWindow           *preview;         /* weak: open while shown */
  GtkWindow           *rename_dialog;   /* weak */
  GPtrArray           *toasts;          /* AdwToast, of the last answer */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *stack;
  AdwPreferencesGroup *files_group;
  AdwPreferencesGroup *scans_group;
};

G_DEFINE_FINAL_TYPE (CareCaseDocuments, care_case_documents, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_attaching (CareCaseDocuments *self, GPtrArray *files);

static void
remove_tick (CareCaseDocuments *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->progress_bar), self->tick_id);
  self->tick_id = 0;
}

/* A picture or a title on screen is the case's data: it goes when the
 * case does (another case opened, or the vault locked). */
static void
close_windows (CareCaseDocuments *self)
{
  if (self->preview != NULL)
    gtk_window_destroy (self->preview);
  if (self->rename_dialog != NULL)
    gtk_window_destroy (self->rename_dialog);
}

static void
keep_weak (GtkWindow  *window,
           GtkWindow **pointer)
{
  *pointer = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) pointer);
}

static void
renew_cancellable (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

static void
job_free (Job *job)
{
  g_clear_object (&job->vault);
  g_free (job->case_number);
  g_free (job->path);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->names, g_ptr_array_unref);
  g_clear_pointer (&job->document, care_document_free);
  g_clear_object (&job->texture);
  g_clear_pointer (&job->refusals, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static Job *
job_new (CareCaseDocuments *self,
         JobKind            kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->vault = g_object_ref (self->vault);
  job->case_number = g_strdup (self->case_number);
  return job;
}

static void
forget_toasts (CareCaseDocuments *self)
{
  for (guint i = 0; i < self->toasts->len; i++)
    care_toast_dismiss_safely (g_ptr_array_index (self->toasts, i));
  g_ptr_array_set_size (self->toasts, 0);
}

/* The answer to what was just done shows at once, in place of the toasts
 * of what was done before (AFTER_OTHERS: behind those of the same answer).
 * Not by ADW_TOAST_PRIORITY_HIGH: libadwaita 1.2 aborts when a toast it
 * postponed for a high-priority one comes back while still fading out
 * (an Undo clicked within 300 ms); and never dismissed during its own
 * entrance (care-toast.c). */
static void
add_toast (CareCaseDocuments *self,
           AdwToast          *toast,
           gboolean           after_others)
{
  if (!after_others)
    forget_toasts (self);
  g_ptr_array_add (self->toasts, g_object_ref (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast (CareCaseDocuments *self,
            const char        *text,
            gboolean           after_others)
{
  add_toast (self, adw_toast_new (text), after_others);
}

/* A refusal or a failure stays until dismissed: it says what to do. */
static void
show_problem (CareCaseDocuments *self,
              const char        *text,
              gboolean           after_others)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  add_toast (self, toast, after_others);
}

static CareDocument *
find_document (CareCaseDocuments *self,
               gint64             id)
{
  for (guint i = 0; self->documents != NULL && i < self->documents->len; i++)
    {
      CareDocument *d = g_ptr_array_index (self->documents, i);

      if (d->id == id)
        return d;
    }
  return NULL;
}

static CarePlanScan *
find_scan (CareCaseDocuments *self,
           guint              version)
{
  for (guint i = 0; self->scans != NULL && i < self->scans->len; i++)
    {
      CarePlanScan *s = g_ptr_array_index (self->scans, i);

      if (s->version == version)
        return s;
    }
  return NULL;
}

static gboolean
is_image (const char *media_type)
{
  return g_strcmp0 (media_type, "image/png") == 0 || g_strcmp0 (media_type, "image/jpeg") == 0;
}

/* --- the list --- */

/* "passport.pdf · 1.2 MB · 3 March 2014 · Amina Diallo" */
static char *
describe_file (const char *file_name,
               gsize       size,
               const char *attached_at,
               const char *attached_by)
{
  g_autoptr(GDateTime) at = attached_at != NULL ? g_date_time_new_from_iso8601 (attached_at, NULL) : NULL;
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *date_text = NULL;

  if (local != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      date_text = care_format_date (&date, CARE_DATE_LONG, NULL);
    }
  /* Translators: a document's file name, size, the date it was attached
   * and who attached it */
  return g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s"), file_name, size_text,
                          date_text != NULL ? date_text : "", attached_by);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *action_name,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *media_type)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (media_type);
  GtkWidget *image = gtk_image_new_from_gicon (icon);
  g_autofree char *kind = g_content_type_get_description (media_type);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  return row;
}

static GtkWidget *
new_document_row (const CareDocument *d)
{
  g_autofree char *subtitle = describe_file (d->file_name, d->size, d->attached_at, d->attached_by);
  GtkWidget *row = new_row (d->title, subtitle, d->media_type);
  /* Translators: %s is a document's title */
  g_autofree char *preview = g_strdup_printf (_("Preview %s"), d->title);
  /* Translators: %s is a document's title */
  g_autofree char *save = g_strdup_printf (_("Save a Copy of %s…"), d->title);
  /* Translators: %s is a document's title */
  g_autofree char *rename = g_strdup_printf (_("Rename %s…"), d->title);
  /* Translators: %s is a document's title */
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), d->title);
  GtkWidget *button;

  if (is_image (d->media_type))
    {
      button = new_icon_button ("view-reveal-symbolic", preview, "documents.preview", g_variant_new_int64 (d->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("document-save-as-symbolic", save, "documents.save",
                                              g_variant_new_int64 (d->id)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("document-edit-symbolic", rename, "documents.rename",
                                              g_variant_new_int64 (d->id)));
  button = new_icon_button ("user-trash-symbolic", remove, "documents.remove", g_variant_new_int64 (d->id));
  gtk_widget_add_css_class (button, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "care-document-id", GINT_TO_POINTER ((int) d->id));
  return row;
}

static GtkWidget *
new_scan_row (const CarePlanScan *s)
{
  g_autofree char *subtitle = describe_file (s->file_name, s->size, s->attached_at, s->attached_by);
  /* Translators: %u is a plan version number */
  g_autofree char *title = g_strdup_printf (_("Signed Plan, Version %u"), s->version);
  GtkWidget *row = new_row (title, subtitle, s->media_type);
  /* Translators: %s names a signed plan, e.g. "Signed Plan, Version 2" */
  g_autofree char *preview = g_strdup_printf (_("Preview %s"), title);
  /* Translators: %s names a signed plan, e.g. "Signed Plan, Version 2" */
  g_autofree char *save = g_strdup_printf (_("Save a Copy of %s…"), title);
  GtkWidget *button;

  if (is_image (s->media_type))
    {
      button = new_icon_button ("view-reveal-symbolic", preview, "documents.preview-scan",
                                g_variant_new_uint32 (s->version));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("document-save-as-symbolic", save, "documents.save-scan",
                                              g_variant_new_uint32 (s->version)));
  return row;
}

static void
clear_rows (CareCaseDocuments *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "care-group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (CareCaseDocuments   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "care-group", group);
  g_ptr_array_add (self->rows, g_object_ref (row));
}

static void
fill (CareCaseDocuments *self)
{
  guint n_documents = self->documents != NULL ? self->documents->len : 0;
  guint n_scans = self->scans != NULL ? self->scans->len : 0;

  clear_rows (self);
  for (guint i = 0; i < n_documents; i++)
    add_row (self, self->files_group, new_document_row (g_ptr_array_index (self->documents, i)));
  for (guint i = 0; i < n_scans; i++)
    add_row (self, self->scans_group, new_scan_row (g_ptr_array_index (self->scans, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->scans_group), n_scans > 0);

  if (self->case_number == NULL)
    gtk_stack_set_visible_child_name (self->stack, "no-case");
  else
    gtk_stack_set_visible_child_name (self->stack, n_documents + n_scans > 0 ? "list" : "empty");
}

static void
update_actions (CareCaseDocuments *self)
{
  gboolean open = self->vault != NULL && self->case_number != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.attach", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.stop", self->attaching != NULL);
}

void
care_case_documents_reload (CareCaseDocuments *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CARE_IS_CASE_DOCUMENTS (self));

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->scans, g_ptr_array_unref);
  if (self->vault != NULL && self->case_number != NULL)
    {
      /* The rows without their data: a few dozen at most per case. */
      g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

      self->documents = care_document_store_list (self->vault, self->case_number, &error);
      if (self->documents != NULL)
        self->scans = care_plan_scan_store_list (self->vault, self->case_number, &error);
    }
  if (error != NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The documents could not be read: %s"), error->message);

      show_problem (self, text, FALSE);
    }
  fill (self);
  update_actions (self);
}

void
care_case_documents_set_case (CareCaseDocuments *self,
                              CareVault         *vault,
                              const char        *case_number)
{
  g_return_if_fail (CARE_IS_CASE_DOCUMENTS (self));
  g_return_if_fail (vault == NULL || CARE_IS_VAULT (vault));

  if (vault == NULL)
    case_number = NULL;
  if (self->vault == vault && g_strcmp0 (self->case_number, case_number) == 0)
    {
      /* The same case saved again: its plan may have a new scan. */
      care_case_documents_reload (self);
      return;
    }

  /* Another case, or the vault locked: the workers of this one stop
   * reporting here, and nothing of its documents stays in memory. */
  renew_cancellable (&self->cancellable);
  renew_cancellable (&self->stop);
  close_windows (self);
  forget_toasts (self);
  g_clear_pointer (&self->removed, care_document_free);
  g_ptr_array_set_size (self->waiting, 0);
  g_set_object (&self->vault, vault);
  g_free (self->case_number);
  self->case_number = g_strdup (case_number);
  care_case_documents_reload (self);
}

gboolean
care_case_documents_get_busy (CareCaseDocuments *self)
{
  g_return_val_if_fail (CARE_IS_CASE_DOCUMENTS (self), FALSE);

  return self->n_running > 0;
}

/* --- workers --- */

/* The file whole, read in chunks so that the progress moves and Stop is
 * heard; refused before reading when it is empty or too large. */
static GBytes *
read_file (Job           *job,
           GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  guint64 size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("This is not a file: a folder cannot be attached."));
      return NULL;
    }
  size = (guint64) g_file_info_get_size (info);
  if (!care_document_check_size (size, error) || (stream = g_file_read (file, cancellable, error)) == NULL)
    return NULL;

  data = g_byte_array_sized_new ((guint) size);
  while (data->len < size)
    {
      gsize want = MIN (READ_CHUNK, size - data->len);
      gssize n;

      g_byte_array_set_size (data, data->len + want);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + data->len - want, want, cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (data, data->len - want + n);
      if (n == 0)
        break;
      g_atomic_int_set (&job->permille, (int) (data->len * 1000 / size));
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
attach_in_thread (Job          *job,
                  GCancellable *cancellable)
{
  for (guint i = 0; i < job->files->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      const char *name = g_ptr_array_index (job->names, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) data = NULL;
      g_autofree char *title = care_document_default_title (name);

      g_atomic_int_set (&job->current, (int) i);
      g_atomic_int_set (&job->permille, 0);
      data = read_file (job, file, cancellable, &error);
      if (data != NULL)
        {
          g_autoptr(CareStoreAccess) access = care_store_access_lock (job->vault);

          if (care_document_store_attach (job->vault, job->case_number, title, name, data, &error) > 0)
            job->n_attached++;
        }
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: %1$s is a file name, %2$s says why */
        g_ptr_array_add (job->refusals, g_strdup_printf (_("%1$s was not attached: %2$s"), name, error->message));
    }
}

static void
save_in_thread (Job *job)
{
  g_autoptr(CareDocument) document = NULL;
  g_autoptr(CarePlanScan) scan = NULL;
  GBytes *data;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (job->vault);

    if (job->id != 0)
      document = care_document_store_get (job->vault, job->id, TRUE, &job->error);
    else
      scan = care_plan_scan_store_get (job->vault, job->case_number, job->version, TRUE, &job->error);
  }
  data = document != NULL ? document->data : scan != NULL ? scan->data : NULL;
  if (data != NULL)
    care_file_write_atomically (job->path, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &job->error);
}

/* Decoded here, from memory: a picture never passes through a file. */
static void
preview_in_thread (Job *job)
{
  g_autoptr(CareDocument) document = NULL;
  g_autoptr(CarePlanScan) scan = NULL;
  GBytes *data;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (job->vault);

    if (job->id != 0)
      document = care_document_store_get (job->vault, job->id, TRUE, &job->error);
    else
      scan = care_plan_scan_store_get (job->vault, job->case_number, job->version, TRUE, &job->error);
  }
  data = document != NULL ? document->data : scan != NULL ? scan->data : NULL;
  if (data == NULL)
    return;
  /* Only what CARE itself recognises is handed to a decoder. */
  if (!is_image (care_plan_scan_sniff (g_bytes_get_data (data, NULL), g_bytes_get_size (data))))
    {
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Only PNG and JPEG pictures are shown here: save a copy to open it."));
      return;
    }
  job->texture = gdk_texture_new_from_bytes (data, &job->error);
}

static void
remove_in_thread (Job *job)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (job->vault);

  /* Kept whole, for Undo, before it goes. */
  job->document = care_document_store_get (job->vault, job->id, TRUE, &job->error);
  if (job->document != NULL && !care_document_store_remove (job->vault, job->id, &job->error))
    g_clear_pointer (&job->document, care_document_free);
}

static void
restore_in_thread (Job *job)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (job->vault);

  care_document_store_restore (job->vault, job->document, &job->error);
}

static void
run_job_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;

  switch (job->kind)
    {
    case JOB_ATTACH:
      attach_in_thread (job, cancellable);
      break;
    case JOB_SAVE:
      save_in_thread (job);
      break;
    case JOB_PREVIEW:
      preview_in_thread (job);
      break;
    case JOB_REMOVE:
      remove_in_thread (job);
      break;
    case JOB_RESTORE:
      restore_in_thread (job);
      break;
    default:
      g_assert_not_reached ();
    }
  g_task_return_boolean (task, TRUE);
}

/* --- what the workers bring back --- */

/* The files dropped meanwhile are attached next (to the case shown now). */
static void
finish_attaching (CareCaseDocuments *self)
{
  self->attaching = NULL;
  remove_tick (self);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  if (self->waiting->len > 0)
    {
      g_autoptr(GPtrArray) next = g_ptr_array_copy (self->waiting, (GCopyFunc) g_object_ref, NULL);

      g_ptr_array_set_free_func (next, g_object_unref);
      g_ptr_array_set_size (self->waiting, 0);
      start_attaching (self, next);
    }
}

static void
attach_done (CareCaseDocuments *self,
             Job               *job)
{
  for (guint i = 0; i < job->refusals->len; i++)
    show_problem (self, g_ptr_array_index (job->refusals, i), i > 0);
  if (job->n_attached > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u file attached, kept encrypted in the vault",
                                                            "%u files attached, kept encrypted in the vault",
                                                            job->n_attached), job->n_attached);

      show_toast (self, text, job->refusals->len > 0);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  care_case_documents_reload (self);
}

static void
save_done (CareCaseDocuments *self,
           Job               *job)
{
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *text = NULL;

  if (job->error != NULL)
    /* Translators: %1$s is a file name, %2$s says why */
    text = g_strdup_printf (_("No copy was saved to %1$s: %2$s"), name, job->error->message);
  else
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("Copy saved to %s. The copy is not encrypted: keep it safe."), name);
  show_problem (self, text, FALSE);
}

static void
close_preview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
show_preview (CareCaseDocuments *self,
              Job               *job)
{
  CareDocument *document = job->id != 0 ? find_document (self, job->id) : NULL;
  CarePlanScan *scan = job->id == 0 ? find_scan (self, job->version) : NULL;
  g_autofree char *scan_title = scan != NULL ? g_strdup_printf (_("Signed Plan, Version %u"), scan->version) : NULL;
  const char *title = document != NULL ? document->title : scan_title;
  GtkWidget *window, *box, *header, *picture;

  if (title == NULL)
    return;
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  /* Nothing of it outlives the window. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (title, document != NULL ? document->file_name
                                                                                 : scan->file_name));
  gtk_box_append (GTK_BOX (box), header);
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (job->texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), title);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_widget_set_margin_start (picture, 12);
  gtk_widget_set_margin_end (picture, 12);
  gtk_widget_set_margin_bottom (picture, 12);
  gtk_box_append (GTK_BOX (box), picture);
  adw_window_set_content (ADW_WINDOW (window), box);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_callback_action_new ((GtkShortcutFunc) close_preview_action,
                                                                                     NULL, NULL)));
    gtk_widget_add_controller (window, shortcuts);
  }
  close_windows (self);
  keep_weak (GTK_WINDOW (window), &self->preview);
  gtk_window_present (GTK_WINDOW (window));
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter);

static void
remove_done (CareCaseDocuments *self,
             Job               *job)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (job->error != NULL)
    {
      /* Translators: %s says why */
      text = g_strdup_printf (_("The document was not removed: %s"), job->error->message);
      show_problem (self, text, FALSE);
      care_case_documents_reload (self);
      return;
    }
  g_clear_pointer (&self->removed, care_document_free);
  self->removed = g_steal_pointer (&job->document);
  /* Translators: %s is a document's title */
  text = g_strdup_printf (_("“%s” removed"), self->removed->title);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "documents.undo-remove");
  add_toast (self, toast, FALSE);
  care_case_documents_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
job_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (source_object);
  Job *job = g_task_get_task_data (G_TASK (result));

  g_assert (self->n_running > 0);
  self->n_running--;
  /* Disposed meanwhile: nothing left to show it in. */
  if (self->rows == NULL)
    return;
  if (job == self->attaching)
    finish_attaching (self);
  /* Started for a case no longer shown: nothing to say about it here. */
  if (job->vault != self->vault || g_strcmp0 (job->case_number, self->case_number) != 0)
    {
      update_actions (self);
      return;
    }

  switch (job->kind)
    {
    case JOB_ATTACH:
      attach_done (self, job);
      break;
    case JOB_SAVE:
      save_done (self, job);
      break;
    case JOB_PREVIEW:
      if (job->error != NULL)
        show_problem (self, job->error->message, FALSE);
      else
        show_preview (self, job);
      break;
    case JOB_REMOVE:
      remove_done (self, job);
      break;
    case JOB_RESTORE:
      if (job->error != NULL)
        show_problem (self, job->error->message, FALSE);
      care_case_documents_reload (self);
      if (job->error == NULL)
        g_signal_emit (self, signals[CHANGED], 0);
      break;
    default:
      g_assert_not_reached ();
    }
  update_actions (self);
}

static void
run_job (CareCaseDocuments *self,
         Job               *job,
         GCancellable      *cancellable)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, job_done_cb, NULL);

  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_check_cancellable (task, FALSE);
  self->n_running++;
  care_language_run_in_thread (task, run_job_in_thread);
}

/* --- attaching --- */

static gboolean
progress_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  CareCaseDocuments *self = user_data;
  Job *job = self->attaching;
  guint current, n;
  g_autofree char *text = NULL;

  if (job == NULL)
    return G_SOURCE_CONTINUE;
  n = job->files->len;
  current = MIN ((guint) g_atomic_int_get (&job->current), n - 1);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (current + g_atomic_int_get (&job->permille) / 1000.0) / n);
  if (n > 1)
    /* Translators: %1$s is a file name, %2$u and %3$u count the files */
    text = g_strdup_printf (_("Attaching %1$s (%2$u of %3$u)…"),
                            (const char *) g_ptr_array_index (job->names, current), current + 1, n);
  else
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("Attaching %s…"), (const char *) g_ptr_array_index (job->names, current));
  if (g_strcmp0 (gtk_label_get_label (self->progress_label), text) != 0)
    gtk_label_set_label (self->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
start_attaching (CareCaseDocuments *self,
                 GPtrArray         *files)
{
  Job *job = job_new (self, JOB_ATTACH);

  job->files = g_ptr_array_ref (files);
  job->names = g_ptr_array_new_with_free_func (g_free);
  job->refusals = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_file_get_basename (g_ptr_array_index (files, i));

      g_ptr_array_add (job->names, g_filename_display_name (base != NULL ? base : ""));
    }
  self->attaching = job;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->progress_label, "");
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->progress_bar), progress_tick_cb, self, NULL);
  progress_tick_cb (GTK_WIDGET (self->progress_bar), NULL, self);
  run_job (self, job, self->stop);
  update_actions (self);
}

void
care_case_documents_attach_files (CareCaseDocuments *self,
                                  GFile * const     *files,
                                  guint              n_files)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_if_fail (CARE_IS_CASE_DOCUMENTS (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->vault == NULL || self->case_number == NULL || n_files == 0)
    return;
  /* Files dropped while others are stored wait for their turn. */
  if (self->attaching != NULL)
    {
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->waiting, g_object_ref (files[i]));
      return;
    }
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (list, g_object_ref (files[i]));
  start_attaching (self, list);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (widget);

  if (self->attaching == NULL)
    return;
  /* The files stored so far stay; the others are not read further. */
  g_ptr_array_set_size (self->waiting, 0);
  renew_cancellable (&self->stop);
}

static void
attach_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  CareCaseDocuments *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      care_case_documents_attach_files (self, (GFile * const *) files->pdata, files->len);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach Files to the Case"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (attach_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         CareCaseDocuments *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (self->case_number == NULL)
    return FALSE;
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
      g_ptr_array_add (files, l->data);
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    g_ptr_array_add (files, g_value_get_object (value));
  care_case_documents_attach_files (self, (GFile * const *) files->pdata, files->len);
  return files->len > 0;
}

/* --- saving a copy, previewing, renaming, removing --- */

static void
save_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  Job *job = user_data;
  CareCaseDocuments *self = g_object_get_data (G_OBJECT (dialog), "care-documents");

  if (response == GTK_RESPONSE_ACCEPT && g_strcmp0 (self->case_number, job->case_number) == 0)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      job->path = g_file_get_path (file);
      if (job->path != NULL)
        {
          run_job (self, g_steal_pointer (&job), self->cancellable);
          update_actions (self);
        }
    }
  g_clear_pointer (&job, job_free);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_copy (CareCaseDocuments *self,
             Job               *job,
             const char        *file_name)
{
  GtkFileChooserNative *dialog;

  /* The copy leaves the vault's protection: the title says so, as Export
   * PDF's does. */
  dialog = gtk_file_chooser_native_new (_("Save a Copy — the Copy Is Not Encrypted"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "care-documents", g_object_ref (self), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (save_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (widget);
  CareDocument *document = find_document (self, g_variant_get_int64 (parameter));
  Job *job;

  if (document == NULL)
    return;
  job = job_new (self, JOB_SAVE);
  job->id = document->id;
  choose_copy (self, job, *document->file_name != '\0' ? document->file_name : document->title);
}

static void
save_scan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (widget);
  CarePlanScan *scan = find_scan (self, g_variant_get_uint32 (parameter));
  Job *job;

  if (scan == NULL)
    return;
  job = job_new (self, JOB_SAVE);
  job->version = scan->version;
  choose_copy (self, job, scan->file_name);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (widget);
  Job *job;

  if (self->vault == NULL || self->case_number == NULL)
    return;
  job = job_new (self, JOB_PREVIEW);
  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_INT64))
    job->id = g_variant_get_int64 (parameter);
  else
    job->version = g_variant_get_uint32 (parameter);
  run_job (self, job, self->cancellable);
}

static void
rename_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    CareCaseDocuments *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "care-document-id");
  g_autoptr(GError) error = NULL;
  gboolean renamed;

  if (g_strcmp0 (response, "rename") != 0 || self->vault == NULL || find_document (self, id) == NULL)
    return;
  {
    /* One short row: no worker needed. */
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    renamed = care_document_store_rename (self->vault, id, gtk_editable_get_text (entry), &error);
  }
  if (!renamed)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The document was not renamed: %s"), error->message);

      show_problem (self, text, FALSE);
    }
  care_case_documents_reload (self);
  if (renamed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
title_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *text != '\0');
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (widget);
  CareDocument *document = find_document (self, g_variant_get_int64 (parameter));
  GtkWidget *dialog, *entry;
  gint64 *id;

  if (document == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Rename Document"),
                                   _("Say what the document is, e.g. “Passport copy” or “Birth certificate”."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), document->title);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  id = g_new (gint64, 1);
  *id = document->id;
  g_object_set_data_full (G_OBJECT (dialog), "care-document-id", id, g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (title_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  close_windows (self);
  keep_weak (GTK_WINDOW (dialog), &self->rename_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (widget);
  CareDocument *document = find_document (self, g_variant_get_int64 (parameter));
  Job *job;

  if (document == NULL)
    return;
  job = job_new (self, JOB_REMOVE);
  job->id = document->id;
  run_job (self, job, self->cancellable);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (widget);
  Job *job;

  if (self->removed == NULL || self->vault == NULL)
    return;
  job = job_new (self, JOB_RESTORE);
  job->document = g_steal_pointer (&self->removed);
  run_job (self, job, self->cancellable);
}

/* --- life cycle --- */

static void
care_case_documents_dispose (GObject *object)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->stop);
  remove_tick (self);
  close_windows (self);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_CASE_DOCUMENTS);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->vault);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stop);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->scans, g_ptr_array_unref);
  g_clear_pointer (&self->removed, care_document_free);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (care_case_documents_parent_class)->dispose (object);
}

static void
care_case_documents_finalize (GObject *object)
{
  CareCaseDocuments *self = CARE_CASE_DOCUMENTS (object);

  g_free (self->case_number);

  G_OBJECT_CLASS (care_case_documents_parent_class)->finalize (object);
}

static void
care_case_documents_class_init (CareCaseDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_case_documents_dispose;
  object_class->finalize = care_case_documents_finalize;

  /**
   * CareCaseDocuments::changed:
   *
   * A document was attached, renamed, removed or put back: the case's
   * history has a new entry.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-case-documents.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CareCaseDocuments, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CareCaseDocuments, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CareCaseDocuments, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CareCaseDocuments, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CareCaseDocuments, stack);
  gtk_widget_class_bind_template_child (widget_class, CareCaseDocuments, files_group);
  gtk_widget_class_bind_template_child (widget_class, CareCaseDocuments, scans_group);

  gtk_widget_class_install_action (widget_class, "documents.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "documents.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "documents.preview", "x", preview_action);
  gtk_widget_class_install_action (widget_class, "documents.preview-scan", "u", preview_action);
  gtk_widget_class_install_action (widget_class, "documents.save", "x", save_action);
  gtk_widget_class_install_action (widget_class, "documents.save-scan", "u", save_scan_action);
  gtk_widget_class_install_action (widget_class, "documents.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "documents.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "documents.undo-remove", NULL, undo_remove_action);
}

static void
care_case_documents_init (CareCaseDocuments *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->stop = g_cancellable_new ();

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  fill (self);
  update_actions (self);
}
