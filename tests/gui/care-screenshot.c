/* care-screenshot.c — screenshots of the unlocked application, for the
 * README and for looking at what is built
 *
 * The application is never taught to unlock without its passphrase: this
 * program creates a throw-away vault of demo cases itself, hands it to the
 * application in-process, and renders the window to PNG files.
 *
 * Usage: care-screenshot OUTPUT-DIR [COUNT]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "care-application.h"
#include "care-case-documents.h"
#include "care-case-page.h"
#include "care-case-store.h"
#include "care-cases-view.h"
#include "care-demo.h"
#include "care-document-store.h"
#include "care-followup-calendar.h"
#include "care-unlock-page.h"
#include "care-i18n.h"
#include "care-preferences-window.h"
#include "care-programme-view.h"
#include "care-window.h"
#include "gui-test-util.h"

static gboolean
list_loaded (gpointer data)
{
  CareCaseListModel *model = data;

  return !care_case_list_model_get_loading (model) && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static gboolean
demo_ready (gpointer data)
{
  return care_application_get_demo_progress (data) >= 1.0;
}

static gboolean
vault_open (gpointer data)
{
  return care_application_get_vault (data) != NULL;
}

static gboolean
calendar_loaded (gpointer data)
{
  return !care_followup_calendar_get_loading (data);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* The demo has no files: a few invented ones, as a caseworker attaches
 * them (a picture made here, a one-line PDF, a letter). */
static void
attach_invented_documents (CareVault    *vault,
                           CareCasePage *page)
{
  g_autofree char *number = care_case_number_format (&care_case_page_get_case (page)->number);
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n% invented\n%%EOF\n", 25);
  g_autoptr(GBytes) letter = g_bytes_new_static ("Invented letter of the referring association.\n", 47);
  g_autoptr(GError) error = NULL;
  guint8 *data = g_malloc (64 * 48 * 4);

  for (guint i = 0; i < 64 * 48 * 4; i++)
    data[i] = (guint8) (i % 4 == 3 ? 255 : 120 + (i / 256) % 100);
  pixels = g_bytes_new_take (data, 64 * 48 * 4);
  texture = gdk_memory_texture_new (64, 48, GDK_MEMORY_R8G8B8A8, pixels, 64 * 4);
  png = gdk_texture_save_to_png_bytes (texture);
  if (care_document_store_attach (vault, number, "Passport copy", "passport-scan.pdf", pdf, &error) == 0 ||
      care_document_store_attach (vault, number, "Photo for the travel document", "photo.png", png, &error) == 0 ||
      care_document_store_attach (vault, number, "Letter of the referring association", "referral-letter.txt",
                                  letter, &error) == 0)
    g_error ("Could not attach the invented documents: %s", error->message);
  care_case_documents_reload (CARE_CASE_DOCUMENTS (find_descendant (GTK_WIDGET (page), CARE_TYPE_CASE_DOCUMENTS, 0)));
}

static void
shoot (GtkWindow  *window,
       const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  save_window_png (window, path);
  g_print ("%s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("care-screenshot-XXXXXX", NULL);
  GtkWidget *unlock_page;
  g_autoptr(CareApplication) application = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  CareWindow *window;
  CareCasesView *cases_view;
  CareCasePage *case_page;
  CareCaseListModel *model;
  AdwViewStack *stack;
  const char *dir;
  guint count;

  if (argc < 2)
    {
      g_printerr ("Usage: %s OUTPUT-DIR [COUNT]\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  count = argc > 2 ? (guint) atoi (argv[2]) : 2000;
  g_mkdir_with_parents (dir, 0755);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  care_i18n_init ();
  gtk_init ();
  adw_init ();
  /* Pictures of the end state, not of a cross-fade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = care_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  /* The vault of care --demo, as a newcomer sees it. */
  if (!care_application_start_demo (application, count, &error))
    g_error ("Could not start the demo: %s", error->message);
  g_application_activate (G_APPLICATION (application));
  window = CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  wait_for (demo_ready, application);
  if (care_application_get_demo_error (application) != NULL)
    g_error ("Could not fill the demo vault: %s", care_application_get_demo_error (application)->message);
  unlock_page = find_descendant (GTK_WIDGET (window), CARE_TYPE_UNLOCK_PAGE, 0);
  shoot (GTK_WINDOW (window), dir, "unlock.png");
  gtk_widget_activate_action (unlock_page, "unlock.fill-demo", NULL);
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (vault_open, application);
  vault = g_object_ref (care_application_get_vault (application));

  cases_view = CARE_CASES_VIEW (find_descendant (GTK_WIDGET (window), CARE_TYPE_CASES_VIEW, 0));
  case_page = CARE_CASE_PAGE (find_descendant (GTK_WIDGET (window), CARE_TYPE_CASE_PAGE, 0));
  model = care_cases_view_get_model (cases_view);
  wait_for (list_loaded, model);
  shoot (GTK_WINDOW (window), dir, "cases.png");

  /* A case far enough along to have a plan and follow-ups. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CareCaseItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (care_case_item_get_status (item) == CARE_CASE_IN_FOLLOW_UP)
        {
          g_signal_emit_by_name (cases_view, "case-activated", care_case_item_get_case_number (item));
          break;
        }
    }
  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (case_page), ADW_TYPE_VIEW_STACK, 0));
  shoot (GTK_WINDOW (window), dir, "case-summary.png");
  adw_view_stack_set_visible_child_name (stack, "assessment");
  shoot (GTK_WINDOW (window), dir, "case-assessment.png");
  adw_view_stack_set_visible_child_name (stack, "plan");
  shoot (GTK_WINDOW (window), dir, "case-plan.png");
  adw_view_stack_set_visible_child_name (stack, "arrival");
  shoot (GTK_WINDOW (window), dir, "case-arrival.png");
  adw_view_stack_set_visible_child_name (stack, "followups");
  shoot (GTK_WINDOW (window), dir, "case-followups.png");
  attach_invented_documents (vault, case_page);
  adw_view_stack_set_visible_child_name (stack, "documents");
  shoot (GTK_WINDOW (window), dir, "case-documents.png");
  adw_view_stack_set_visible_child_name (stack, "history");
  shoot (GTK_WINDOW (window), dir, "case-history.png");

  /* A field typed wrong: the reason beside it. */
  adw_view_stack_set_visible_child_name (stack, "summary");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (case_page), "Date of Birth")), "2031-02-30");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (case_page), "Nationality")), "XX");
  shoot (GTK_WINDOW (window), dir, "case-invalid.png");

  /* The other views. */
  gtk_widget_activate_action (GTK_WIDGET (case_page), "case.close", NULL);
  {
    AdwViewStack *views = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, 0));

    adw_view_stack_set_visible_child_name (views, "programme");
    {
      CareProgrammeView *programme =
        CARE_PROGRAMME_VIEW (find_descendant (GTK_WIDGET (window), CARE_TYPE_PROGRAMME_VIEW, 0));

      while (care_programme_view_get_loading (programme))
        g_main_context_iteration (NULL, TRUE);
    }
    shoot (GTK_WINDOW (window), dir, "programme.png");
    {
      CareFollowupCalendar *calendar =
        CARE_FOLLOWUP_CALENDAR (find_descendant (GTK_WIDGET (window), CARE_TYPE_FOLLOWUP_CALENDAR, 0));

      adw_view_stack_set_visible_child_name (views, "followups");
      wait_for (calendar_loaded, calendar);
      shoot (GTK_WINDOW (window), dir, "calendar.png");
    }
    adw_view_stack_set_visible_child_name (views, "partners");
    shoot (GTK_WINDOW (window), dir, "partners.png");
    {
      GtkWindow *prefs;

      g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
      prefs = find_toplevel (CARE_TYPE_PREFERENCES_WINDOW);
      g_assert_nonnull (prefs);
      gtk_window_set_default_size (prefs, 680, 640);
      shoot (prefs, dir, "preferences.png");
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "programme");
      shoot (prefs, dir, "preferences-programme.png");
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "people");
      shoot (prefs, dir, "preferences-people.png");
      gtk_window_destroy (prefs);
    }
    adw_view_stack_set_visible_child_name (views, "cases");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&vault);
  care_application_lock (application);
  care_application_end_demo (application);
  return 0;
}
