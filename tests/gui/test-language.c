/* test-language.c — the interface switches between French and English in
 * the running application: same case, same page, an edit typed before the
 * switch still there, and no string of the other language anywhere
 *
 * The walk compares every text the windows show (labels, tooltips,
 * placeholders, menu entries) with po/fr.po: in French nothing may be an
 * English source string that has a French translation, and in English
 * nothing may be a French translation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "care-application.h"
#include "care-case-page.h"
#include "care-case-store.h"
#include "care-demo.h"
#include "care-i18n.h"
#include "care-language.h"
#include "care-preferences-window.h"
#include "care-unlock-page.h"
#include "care-window.h"
#include "gui-test-util.h"

#define USER       "Amina Diallo"
#define PASSPHRASE "river lantern seven oranges"

static CareApplication *application;
static char *vault_path;
static char *case_number;

/* --- the catalogue --- */

typedef struct {
  GHashTable *english;        /* msgid → msgstr, both without mnemonics */
  GHashTable *english_only;   /* English texts that have another French text */
  GHashTable *french_only;    /* French texts that are not also English ones */
  GPtrArray  *english_formats;  /* GRegex of msgids with printf conversions */
  GPtrArray  *french_formats;
} Catalogue;

static Catalogue catalogue;

static char *
without_mnemonic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        {
          g_string_append_c (s, '_');
          p++;
        }
      else if (*p != '_')
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static char *
unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *inner = NULL;

  if (start == NULL || end == NULL || end <= start)
    return g_strdup ("");
  inner = g_strndup (start + 1, end - start - 1);
  return g_strcompress (inner);
}

static GRegex *
format_to_regex (const char *format)
{
  g_autoptr(GString) pattern = g_string_new ("^");
  g_autoptr(GRegex) conversion = g_regex_new ("%([0-9]+\\$)?[-+ #0]*[0-9]*(\\.[0-9]+)?(l|ll|h|z)?[sdiuxf]|%\"G_[A-Z0-9]+_FORMAT\"",
                                              0, 0, NULL);
  g_auto(GStrv) pieces = g_regex_split (conversion, format, 0);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (pieces[i], -1);

      /* g_regex_split puts the captured groups among the pieces: skip them. */
      if (i > 0 && (g_regex_match_simple ("^[0-9]+\\$$", pieces[i], 0, 0) ||
                    g_regex_match_simple ("^(\\.[0-9]+|l|ll|h|z)$", pieces[i], 0, 0)))
        continue;
      if (pattern->len > 1)
        g_string_append (pattern, ".+");
      g_string_append (pattern, escaped);
    }
  g_string_append (pattern, "$");
  return g_regex_new (pattern->str, G_REGEX_DOTALL, 0, NULL);
}

static gboolean
is_format (const char *msgid)
{
  return g_regex_match_simple ("%([0-9]+\\$)?[-0-9.]*(l|ll|h|z)?[sdiuxf]", msgid, 0, 0);
}

static void
add_entry (const char *msgid,
           const char *msgstr)
{
  g_autofree char *english = NULL;
  g_autofree char *french = NULL;

  if (*msgid == '\0' || *msgstr == '\0')
    return;

  english = without_mnemonic (msgid);
  french = without_mnemonic (msgstr);
  g_hash_table_replace (catalogue.english, g_strdup (english), g_strdup (french));
  if (g_strcmp0 (english, french) == 0)
    return;

  if (is_format (msgid))
    {
      GRegex *e = format_to_regex (english);
      GRegex *f = format_to_regex (french);

      if (e != NULL)
        g_ptr_array_add (catalogue.english_formats, e);
      if (f != NULL)
        g_ptr_array_add (catalogue.french_formats, f);
      return;
    }
  g_hash_table_add (catalogue.english_only, g_steal_pointer (&english));
  g_hash_table_add (catalogue.french_only, g_steal_pointer (&french));
}

/* A small reader for the entries msgmerge and xgettext write. */
static void
load_catalogue (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "po", "fr.po", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) msgid = g_string_new (NULL);
  g_autoptr(GString) msgstr = g_string_new (NULL);
  g_autoptr(GString) plural = g_string_new (NULL);
  GString *current = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  catalogue.english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  catalogue.english_only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  catalogue.french_only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  catalogue.english_formats = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  catalogue.french_formats = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *value = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          add_entry (msgid->str, msgstr->str);
          add_entry (plural->str, msgstr->str);
          g_string_truncate (msgid, 0);
          g_string_truncate (msgstr, 0);
          g_string_truncate (plural, 0);
          current = msgid;
        }
      else if (g_str_has_prefix (line, "msgid_plural \""))
        {
          g_string_truncate (plural, 0);
          current = plural;
        }
      else if (g_str_has_prefix (line, "msgstr \"") || g_str_has_prefix (line, "msgstr[0] \""))
        {
          g_string_truncate (msgstr, 0);
          current = msgstr;
        }
      else if (g_str_has_prefix (line, "msgstr["))
        {
          /* Other plural forms: the first stands for them. */
          current = NULL;
          continue;
        }
      else if (line[0] != '"')
        {
          if (line[0] != '#' && line[0] != '\0' && !g_str_has_prefix (line, "msgctxt"))
            current = NULL;
          continue;
        }

      value = unquote (line);
      if (current != NULL)
        g_string_append (current, value);
    }
  add_entry (msgid->str, msgstr->str);
  add_entry (plural->str, msgstr->str);

  g_assert_cmpuint (g_hash_table_size (catalogue.english_only), >, 300);
}

static gboolean
matches_any (GPtrArray  *regexes,
             const char *text)
{
  for (guint i = 0; i < regexes->len; i++)
    if (g_regex_match (g_ptr_array_index (regexes, i), text, 0, NULL))
      return TRUE;
  return FALSE;
}

/* Empty when TEXT may be shown in LANGUAGE, else why not. */
static const char *
foreign_text (const char *language,
              const char *text)
{
  g_autofree char *plain = without_mnemonic (text);

  if (g_str_equal (language, "fr"))
    {
      if (g_hash_table_contains (catalogue.english_only, plain) &&
          !g_hash_table_contains (catalogue.french_only, plain))
        return "English in the French interface";
      if (matches_any (catalogue.english_formats, plain) && !matches_any (catalogue.french_formats, plain))
        return "English (formatted) in the French interface";
    }
  else
    {
      if (g_hash_table_contains (catalogue.french_only, plain) &&
          !g_hash_table_contains (catalogue.english_only, plain))
        return "French in the English interface";
      if (matches_any (catalogue.french_formats, plain) && !matches_any (catalogue.english_formats, plain))
        return "French (formatted) in the English interface";
    }
  return NULL;
}

/* --- walking what is shown --- */

static void
check_text (GPtrArray  *problems,
            const char *language,
            const char *text,
            const char *where)
{
  const char *why;

  if (text == NULL || *text == '\0')
    return;
  why = foreign_text (language, text);
  if (why != NULL)
    g_ptr_array_add (problems, g_strdup_printf ("%s: “%s” (%s)", why, text, where));
}

static void
walk_widget (GtkWidget  *widget,
             const char *language,
             GPtrArray  *problems,
             guint      *n_texts)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      check_text (problems, language, gtk_label_get_text (GTK_LABEL (widget)), G_OBJECT_TYPE_NAME (widget));
      (*n_texts)++;
    }
  /* The cells of the list of cases. */
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    {
      check_text (problems, language, gtk_inscription_get_text (GTK_INSCRIPTION (widget)), G_OBJECT_TYPE_NAME (widget));
      (*n_texts)++;
    }
  if (GTK_IS_TEXT (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      check_text (problems, language, placeholder, "placeholder");
    }
  check_text (problems, language, gtk_widget_get_tooltip_text (widget), "tooltip");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_widget (child, language, problems, n_texts);
}

static void
walk_menu (GMenuModel *model,
           const char *language,
           GPtrArray  *problems)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      g_autofree char *label = NULL;
      g_autofree char *target = NULL;

      /* Français and English are named in themselves, in both interfaces. */
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &target) &&
          (g_str_equal (target, "fr") || g_str_equal (target, "en")))
        continue;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (problems, language, label, "menu");
      if (section != NULL)
        walk_menu (section, language, problems);
      if (submenu != NULL)
        walk_menu (submenu, language, problems);
    }
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CareWindow *
active_window (void)
{
  return CARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
}

/* Every view of the workspace and every page of the open case, then the
 * primary menu and Preferences. */
static void
walk_everything (const char *language)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  CareWindow *window = active_window ();
  const char *views[] = { "cases", "followups", "programme", "partners" };
  const char *case_pages[] = { "summary", "plan", "followups", "documents", "history" };
  guint n_texts = 0;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(GVariant) state = g_variant_ref_sink (g_variant_new_parsed ("{'view': <%s>}", views[i]));
      GtkWidget *leaflet = find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET, 0);

      adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "views");
      care_window_restore_state (window, state);
      settle ();
      walk_widget (GTK_WIDGET (window), language, problems, &n_texts);
    }
  for (guint i = 0; i < G_N_ELEMENTS (case_pages); i++)
    {
      g_autoptr(GVariant) state =
        g_variant_ref_sink (g_variant_new_parsed ("{'view': <'cases'>, 'case': <%s>, 'case-page': <%s>}",
                                                  case_number, case_pages[i]));

      care_window_restore_state (window, state);
      settle ();
      walk_widget (GTK_WIDGET (window), language, problems, &n_texts);
    }

  walk_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (window),
                                                                                 GTK_TYPE_MENU_BUTTON, 0))),
             language, problems);

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  settle ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (CARE_IS_PREFERENCES_WINDOW (l->data))
      {
        walk_widget (l->data, language, problems, &n_texts);
        gtk_window_destroy (l->data);
        break;
      }

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_test_message ("%u texts looked at in %s", n_texts, language);
  g_assert_cmpuint (n_texts, >, 200);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* --- the test --- */

static gboolean
vault_is_open (gpointer data)
{
  return care_application_get_vault (application) != NULL;
}

static gboolean
window_replaced (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  return window != NULL && window != data && CARE_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static CareCasePage *
case_page_of (CareWindow *window)
{
  return CARE_CASE_PAGE (find_descendant (GTK_WIDGET (window), CARE_TYPE_CASE_PAGE, 0));
}

static const char *
destination_title (CareCasePage *page)
{
  AdwEntryRow *row = find_entry_row (GTK_WIDGET (page), "Destination");

  if (row == NULL)
    row = find_entry_row (GTK_WIDGET (page), "Destination");
  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
switch_to (const char *language)
{
  GtkWindow *before = GTK_WINDOW (active_window ());

  g_settings_set_string (care_application_get_settings (application), "language", language);
  wait_for (window_replaced, before);
  settle ();
}

static void
test_switch_keeps_place_and_edits (void)
{
  CareWindow *window;
  GtkWidget *unlock_page, *passphrase;
  CareCasePage *page;
  AdwEntryRow *destination;
  g_autofree char *english_title = NULL;
  const char *french_title;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(CareCase) stored = NULL;

  g_application_activate (G_APPLICATION (application));
  window = active_window ();
  unlock_page = find_descendant (GTK_WIDGET (window), CARE_TYPE_UNLOCK_PAGE, 0);
  passphrase = find_descendant (unlock_page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  gtk_editable_set_text (GTK_EDITABLE (passphrase), PASSPHRASE);
  gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL);
  wait_for (vault_is_open, NULL);

  /* On the case's summary, an edit typed and not yet saved. */
  state = g_variant_ref_sink (g_variant_new_parsed ("{'view': <'cases'>, 'case': <%s>, 'case-page': <'summary'>}",
                                                    case_number));
  care_window_restore_state (window, state);
  page = case_page_of (window);
  english_title = without_mnemonic (destination_title (page));
  destination = find_entry_row (GTK_WIDGET (page), "Destination");
  gtk_editable_set_text (GTK_EDITABLE (destination), "Garoua");
  g_assert_true (care_case_page_has_unsaved_changes (page));

  switch_to ("fr");
  window = active_window ();
  page = case_page_of (window);
  g_assert_nonnull (care_case_page_get_case (page));
  {
    g_autofree char *shown = care_case_number_format (&care_case_page_get_case (page)->number);
    g_assert_cmpstr (shown, ==, case_number);
  }
  g_assert_cmpstr (care_case_page_get_visible_page (page), ==, "summary");
  french_title = g_hash_table_lookup (catalogue.english, english_title);
  g_assert_nonnull (french_title);
  g_assert_cmpstr (french_title, !=, english_title);
  destination = find_entry_row (GTK_WIDGET (page), french_title);
  g_assert_nonnull (destination);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (destination)), ==, "Garoua");
  stored = gui_test_store_load (care_application_get_vault (application), case_number, NULL);
  g_assert_cmpstr (stored->destination, ==, "Garoua");
  g_assert_cmpstr (care_language_get_code (), ==, "fr");

  walk_everything ("fr");

  switch_to ("en");
  window = active_window ();
  page = case_page_of (window);
  g_assert_nonnull (find_entry_row (GTK_WIDGET (page), english_title));
  walk_everything ("en");

  /* The same from Preferences: the window comes back in French, open. */
  {
    GtkWindow *before = GTK_WINDOW (active_window ());
    GtkWidget *prefs = NULL, *row;

    g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
    settle ();
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
      if (CARE_IS_PREFERENCES_WINDOW (l->data))
        prefs = l->data;
    g_assert_nonnull (prefs);
    row = find_descendant (prefs, ADW_TYPE_COMBO_ROW, 0);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "_Language");
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
    wait_for (window_replaced, before);
    settle ();
    prefs = NULL;
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
      if (CARE_IS_PREFERENCES_WINDOW (l->data))
        prefs = l->data;
    g_assert_nonnull (prefs);
    row = find_descendant (prefs, ADW_TYPE_COMBO_ROW, 0);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "_Langue");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
    gtk_window_destroy (GTK_WINDOW (prefs));
    switch_to ("en");
  }

  care_application_lock (application);
}

static void
prepare_vault (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(CareCase) c = care_case_new ();
  GDate today;

  vault = care_vault_create (vault_path, USER, PASSPHRASE, CARE_KDF_COST_INTERACTIVE, NULL, &error);
  g_assert_no_error (error);
  settings = care_settings_store_load (vault, &error);
  g_assert_no_error (error);
  care_date_set (&today, 2015, 6, 15);
  care_demo_generate (vault, 40, 5, settings, &today, NULL, NULL, &error);
  g_assert_no_error (error);

  c->person->family_name = g_strdup ("Mbarga");
  c->person->given_names = g_strdup ("Chloé");
  c->person->sex = CARE_SEX_FEMALE;
  care_birth_date_set_year (&c->person->date_of_birth, 1994);
  c->host_country = g_strdup ("FR");
  c->return_country = g_strdup ("CM");
  c->destination = g_strdup ("Yaoundé");
  care_date_set (&c->referral_date, 2014, 2, 3);
  care_date_set (&c->planned_return_date, 2014, 6, 1);
  care_consent_give (&c->consent_voluntary_return, &c->referral_date);
  care_consent_give (&c->consent_data, &c->referral_date);
  gui_test_store_save (vault, c, settings, NULL, &error);
  g_assert_no_error (error);
  case_number = care_case_number_format (&c->number);
  care_vault_lock (vault);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = NULL;
  int status;

  vault_path = gui_test_prepare_home (&data_home);
  /* As main() does: the session's language is remembered, then LANGUAGE
   * is cleared so that the switch can work. */
  g_setenv ("LANGUAGE", "en", TRUE);
  care_i18n_init ();
  care_language_init_process ();
  gtk_test_init (&argc, &argv, NULL);
  load_catalogue ();

  prepare_vault ();

  application = care_application_new ();
  gui_test_register_application (G_APPLICATION (application));

  g_test_add_func ("/language/switch-keeps-place-and-edits", test_switch_keeps_place_and_edits);
  status = g_test_run ();

  care_application_lock (application);
  g_clear_object (&application);
  gui_test_remove_home (data_home, vault_path);
  return status;
}
