/* gui-test-util.h — driving CARE's widgets in-process, for the gui tests
 * and the screenshot program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-case-store.h"
#include "care-document-store.h"
#include "care-plan-scan-store.h"
#include "care-store-access.h"

typedef gboolean (*Condition) (gpointer data);

/* What a test reads or writes through the store while the application
 * runs goes through these: the views' workers share the vault's connection
 * and its cached statements, one thread at a time (care_store_access_lock,
 * as the application's own code does). */
static inline CareCase *
gui_test_store_load (CareVault *vault, const char *case_number, GError **error)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

  return care_case_store_load (vault, case_number, error);
}

static inline gboolean
gui_test_store_save (CareVault *vault, CareCase *care_case, const CareSettings *settings,
                     const GDate *today, GError **error)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

  return care_case_store_save (vault, care_case, settings, today, error);
}

static inline GPtrArray *
gui_test_store_list (CareVault *vault, const CareCaseQuery *query, GError **error)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

  return care_case_store_list (vault, query, error);
}

static inline GPtrArray *
gui_test_history_list (CareVault *vault, const char *case_number, guint limit, GError **error)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

  return care_history_list (vault, case_number, limit, error);
}

static inline GPtrArray *
gui_test_partner_list (CareVault *vault, GError **error)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

  return care_partner_store_list (vault, error);
}

static inline GPtrArray *
gui_test_document_list (CareVault *vault, const char *case_number, GError **error)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

  return care_document_store_list (vault, case_number, error);
}

static inline CareDocument *
gui_test_document_get (CareVault *vault, gint64 id, gboolean with_data, GError **error)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

  return care_document_store_get (vault, id, with_data, error);
}

static inline CarePlanScan *
gui_test_plan_scan_get (CareVault *vault, const char *case_number, guint version,
                        gboolean with_data, GError **error)
{
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);

  return care_plan_scan_store_get (vault, case_number, version, with_data, error);
}

/* Iterates the main loop until CONDITION holds: no sleeps. */
static inline void
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("condition not reached in 60 s");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Breadth first: the SKIP-th descendant of ROOT of TYPE. */
static inline GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 guint      skip)
{
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *found = NULL;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && skip-- == 0)
        {
          found = widget;
          break;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);
  return found;
}

/* The entry row whose title starts with TITLE (mnemonic underscores
 * ignored), as a person finds a field by its label. */
static inline AdwEntryRow *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = find_descendant (root, ADW_TYPE_ENTRY_ROW, i);
      g_autofree char *plain = NULL;
      GString *s;

      if (row == NULL)
        return NULL;
      s = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      g_string_replace (s, "_", "", 0);
      plain = g_string_free (s, FALSE);
      if (g_str_has_prefix (plain, title))
        return ADW_ENTRY_ROW (row);
    }
}

static gboolean
frames_drawn_cb (gpointer data)
{
  return GPOINTER_TO_UINT (g_object_get_data (data, "care-test-frames")) >= 3;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GObject       *window)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (window, "care-test-frames"));

  g_object_set_data (window, "care-test-frames", GUINT_TO_POINTER (n + 1));
}

/* Renders WINDOW as it is on screen into a PNG at PATH. */
static inline void
save_window_png (GtkWindow  *window,
                 const char *path)
{
  GdkFrameClock *clock;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  /* A few frames, so that lists have laid out their rows. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_object_set_data (G_OBJECT (window), "care-test-frames", GUINT_TO_POINTER (0));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
  while (!frames_drawn_cb (window))
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
}

/* A Condition: WIDGET answers again, as a button does once the work its
 * action started (and disabled it for) is over. */
static inline gboolean
widget_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

/* A label showing TEXT somewhere in ROOT, as a person reads a toast. */
static inline gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (root, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return FALSE;
      if (strstr (gtk_label_get_label (GTK_LABEL (label)), text) != NULL)
        return TRUE;
    }
}

/* The visible window of TYPE, as a person sees a dialogue open. */
static inline GtkWindow *
find_visible_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The button that activates ACTION_NAME, as a person finds it by what it does. */
static inline GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = find_descendant (root, GTK_TYPE_BUTTON, i);

      if (button == NULL || g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action_name) == 0)
        return button;
    }
}

/* A home of the test's own, set before GTK starts: the application's
 * default vault lives in it, never in the person's. Returns the path the
 * default vault has there (the file itself is not made). */
static inline char *
gui_test_prepare_home (char **data_home)
{
  char *home = g_dir_make_tmp ("care-gui-test-XXXXXX", NULL);
  g_autofree char *vault_dir = g_build_filename (home, "care", NULL);

  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_mkdir_with_parents (vault_dir, 0700);
  *data_home = home;
  return g_build_filename (vault_dir, "default.care", NULL);
}

/* The application as the tests run it: registered, but not as the one
 * instance of the session. */
static inline GApplication *
gui_test_register_application (GApplication *application)
{
  g_autoptr(GError) error = NULL;

  g_application_set_flags (application, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (application, NULL, &error))
    g_error ("Could not register the application: %s", error->message);
  return application;
}

/* Removes what gui_test_prepare_home made, and the vault in it. */
static inline void
gui_test_remove_home (char *data_home,
                      char *vault_path)
{
  g_autofree char *vault_dir = g_path_get_dirname (vault_path);

  g_unlink (vault_path);
  g_rmdir (vault_dir);
  g_rmdir (data_home);
  g_free (vault_path);
  g_free (data_home);
}
