/* test-documents.c — a case's Documents page driven through its widgets:
 * a file attached as the file chooser hands it over, its row, a preview
 * of the picture decoded in memory, a new title, a removal with Undo in a
 * toast, a refusal said in a toast with nothing stored, and the scan of
 * the signed plan listed beside the files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-case-documents.h"
#include "care-case-page.h"
#include "care-case-store.h"
#include "care-document-store.h"
#include "care-eligibility.h"
#include "care-i18n.h"
#include "care-plan-scan-store.h"
#include "care-store-access.h"
#include "gui-test-util.h"

#define USER        "Amina Diallo"
#define PASSPHRASE  "river lantern seven oranges"
#define WIDTH       24
#define HEIGHT      16

static char *data_home;
static char *vault_path;
static char *case_number;
static CareVault *vault;

static gboolean
idle (gpointer data)
{
  return !care_case_documents_get_busy (data);
}

static GPtrArray *
stored_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);
  GPtrArray *documents = gui_test_document_list (vault, case_number, &error);

  g_assert_no_error (error);
  return documents;
}

/* The row titled TITLE, if the page shows one. */
static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = find_descendant (root, ADW_TYPE_ACTION_ROW, i);

      if (row == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row != NULL ? ADW_ACTION_ROW (row) : NULL;
    }
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = find_descendant (root, GTK_TYPE_BUTTON, i);

      if (button == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
        return button;
    }
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data) &&
        find_descendant (l->data, CARE_TYPE_CASE_PAGE, 0) == NULL)
      return l->data;
  return NULL;
}

static const char *
shown_page (CareCaseDocuments *documents)
{
  GtkStack *stack = GTK_STACK (find_descendant (GTK_WIDGET (documents), GTK_TYPE_STACK, 0));

  return gtk_stack_get_visible_child_name (stack);
}

static guint
count_history_rows (CareCasePage *page)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, 0));
  GtkWidget *history = adw_view_stack_get_child_by_name (stack, "history");
  guint n = 0;

  while (find_descendant (history, ADW_TYPE_ACTION_ROW, n) != NULL)
    n++;
  return n;
}

/* An invented picture, written where the test's vault lives. */
static GFile *
make_picture (GBytes **out_bytes)
{
  g_autofree char *path = g_build_filename (data_home, "passport-photo.png", NULL);
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 *data = g_malloc (WIDTH * HEIGHT * 4);
  char *contents;
  gsize length;

  for (guint i = 0; i < WIDTH * HEIGHT * 4; i++)
    data[i] = (guint8) (i * 7);
  pixels = g_bytes_new_take (data, WIDTH * HEIGHT * 4);
  texture = gdk_memory_texture_new (WIDTH, HEIGHT, GDK_MEMORY_R8G8B8A8, pixels, WIDTH * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  *out_bytes = g_bytes_new_take (contents, length);
  return g_file_new_for_path (path);
}

static void
test_documents (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CareCasePage *page = g_object_new (CARE_TYPE_CASE_PAGE, NULL);
  CareCaseDocuments *documents;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = make_picture (&bytes);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = g_format_size (g_bytes_get_size (bytes));
  CareDocument *d;
  AdwActionRow *row;
  GtkWindow *preview;
  GtkWidget *picture, *undo;
  guint history_before;
  gint64 id;

  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  care_case_page_set_vault (page, vault);
  g_assert_true (care_case_page_open (page, case_number, &error));
  g_assert_no_error (error);
  care_case_page_set_visible_page (page, "documents");
  g_assert_cmpstr (care_case_page_get_visible_page (page), ==, "documents");
  documents = CARE_CASE_DOCUMENTS (find_descendant (GTK_WIDGET (page), CARE_TYPE_CASE_DOCUMENTS, 0));
  g_assert_nonnull (documents);

  /* The signed plan's scan is listed; no file yet. */
  g_assert_cmpstr (shown_page (documents), ==, "list");
  row = find_row (GTK_WIDGET (documents), "Signed Plan, Version 1");
  g_assert_nonnull (row);
  g_assert_nonnull (find_action_button (GTK_WIDGET (row), "documents.save-scan"));
  g_assert_null (find_action_button (GTK_WIDGET (row), "documents.remove"));

  /* Attached as the file chooser hands files over, in a worker. */
  history_before = count_history_rows (page);
  care_case_documents_attach_files (documents, &file, 1);
  g_assert_true (care_case_documents_get_busy (documents));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (find_descendant (GTK_WIDGET (documents),
                                                                              GTK_TYPE_REVEALER, 0))));
  wait_for (idle, documents);
  row = find_row (GTK_WIDGET (documents), "passport-photo");
  g_assert_nonnull (row);
  /* The History page says so at once. */
  g_assert_cmpuint (count_history_rows (page), ==, history_before + 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "passport-photo.png"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), size));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), USER));
  stored = stored_documents ();
  g_assert_cmpuint (stored->len, ==, 1);
  d = g_ptr_array_index (stored, 0);
  id = d->id;
  g_assert_cmpstr (d->media_type, ==, "image/png");
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);
    g_autoptr(CareDocument) whole = gui_test_document_get (vault, id, TRUE, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (whole->data, bytes));
  }

  /* Previewed from memory, at its own size. */
  gtk_widget_activate_action (GTK_WIDGET (documents), "documents.preview", "x", id);
  wait_for (idle, documents);
  preview = find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (preview);
  g_assert_cmpstr (gtk_window_get_title (preview), ==, "passport-photo");
  picture = find_descendant (GTK_WIDGET (preview), GTK_TYPE_PICTURE, 0);
  g_assert_nonnull (picture);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (GTK_PICTURE (picture))), ==, WIDTH);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (gtk_picture_get_paintable (GTK_PICTURE (picture))), ==, HEIGHT);
  gtk_window_destroy (preview);

  /* A title that says what it is. */
  gtk_widget_activate_action (GTK_WIDGET (documents), "documents.rename", "x", id);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "  ");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Passport photo");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
    adw_message_dialog_response (dialog, "rename");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_nonnull (find_row (GTK_WIDGET (documents), "Passport photo"));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_documents ();
  g_assert_cmpstr (((CareDocument *) g_ptr_array_index (stored, 0))->title, ==, "Passport photo");

  /* Removed at once, with Undo in a toast; Undo brings it back whole. */
  gtk_widget_activate_action (GTK_WIDGET (documents), "documents.remove", "x", id);
  wait_for (idle, documents);
  g_assert_null (find_row (GTK_WIDGET (documents), "Passport photo"));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_documents ();
  g_assert_cmpuint (stored->len, ==, 0);
  undo = find_button_labelled (GTK_WIDGET (documents), "_Undo");
  g_assert_nonnull (undo);
  /* As a click does it (activate would wait for the button's press
   * animation). */
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (care_case_documents_get_busy (documents));
  wait_for (idle, documents);
  g_assert_nonnull (find_row (GTK_WIDGET (documents), "Passport photo"));
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (vault);
    g_autoptr(CareDocument) whole = gui_test_document_get (vault, id, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (whole->title, ==, "Passport photo");
    g_assert_true (g_bytes_equal (whole->data, bytes));
  }

  /* An empty file is refused, with the reason, and nothing stored. */
  {
    g_autofree char *path = g_build_filename (data_home, "empty.pdf", NULL);
    g_autoptr(GFile) empty = g_file_new_for_path (path);

    g_assert_true (g_file_set_contents (path, "", 0, NULL));
    care_case_documents_attach_files (documents, &empty, 1);
    wait_for (idle, documents);
    g_unlink (path);
  }
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_documents ();
  g_assert_cmpuint (stored->len, ==, 1);
  {
    gboolean said = FALSE;

    for (guint i = 0; find_descendant (GTK_WIDGET (documents), GTK_TYPE_LABEL, i) != NULL; i++)
      said |= g_str_has_prefix (gtk_label_get_label (GTK_LABEL (find_descendant (GTK_WIDGET (documents),
                                                                                 GTK_TYPE_LABEL, i))),
                                "empty.pdf was not attached");
    g_assert_true (said);
  }

  /* Locked: nothing of the documents stays on screen, a preview neither. */
  gtk_widget_activate_action (GTK_WIDGET (documents), "documents.preview", "x", id);
  wait_for (idle, documents);
  g_assert_nonnull (find_toplevel (ADW_TYPE_WINDOW));
  care_case_page_set_vault (page, NULL);
  g_assert_null (find_toplevel (ADW_TYPE_WINDOW));
  g_assert_cmpstr (shown_page (documents), ==, "no-case");
  g_assert_null (find_row (GTK_WIDGET (documents), "Passport photo"));

  g_file_delete (file, NULL, NULL);
  gtk_window_destroy (window);
}

static char *
save_case_with_signed_plan (CareSettings *settings)
{
  g_autoptr(CareCase) c = care_case_new ();
  g_autoptr(GError) error = NULL;
  static const char scan[] = "%PDF-1.4\n% the signed plan\n%%EOF\n";
  g_autoptr(GBytes) scan_bytes = g_bytes_new_static (scan, sizeof scan - 1);
  CarePlanVersion *version;
  GDate today;
  char *number;

  c->person->family_name = g_strdup ("Mbarga");
  c->person->given_names = g_strdup ("Chloé");
  c->person->sex = CARE_SEX_FEMALE;
  care_birth_date_set_year (&c->person->date_of_birth, 1994);
  c->person->nationality = g_strdup ("CM");
  c->host_country = g_strdup ("FR");
  c->return_country = g_strdup ("CM");
  care_date_set (&c->referral_date, 2014, 2, 3);
  care_date_set (&c->planned_return_date, 2014, 6, 1);
  care_consent_give (&c->consent_voluntary_return, &c->referral_date);
  care_consent_give (&c->consent_data, &c->referral_date);
  version = care_plan_edit (c->plan);
  version->language = g_strdup ("en");
  g_assert_true (care_plan_version_add_measure (version, care_measure_new (CARE_MEASURE_VOCATIONAL_TRAINING,
                                                                           "Sewing course"), &error));
  care_date_set (&today, 2014, 4, 1);
  g_assert_true (care_case_agree_plan (c, &today, &error));
  g_assert_no_error (error);
  gui_test_store_save (vault, c, settings, &today, &error);
  g_assert_no_error (error);
  number = care_case_number_format (&c->number);
  g_assert_true (care_plan_scan_store_attach (vault, number, 1, "signed-plan.pdf", scan_bytes, &error));
  g_assert_no_error (error);
  return number;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recovery_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CareSettings) settings = NULL;
  int status;

  data_home = g_dir_make_tmp ("care-gui-documents-XXXXXX", NULL);
  care_i18n_init ();
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  vault_path = g_build_filename (data_home, "documents.care", NULL);
  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, &recovery_key, &error);
  g_assert_no_error (error);
  settings = care_settings_store_load (vault, &error);
  g_assert_no_error (error);
  case_number = save_case_with_signed_plan (settings);

  g_test_add_func ("/documents/attach-preview-rename-remove-undo", test_documents);
  status = g_test_run ();

  care_vault_lock (vault);
  g_clear_object (&vault);
  g_unlink (vault_path);
  g_rmdir (data_home);
  g_free (data_home);
  g_free (vault_path);
  g_free (case_number);
  return status;
}
