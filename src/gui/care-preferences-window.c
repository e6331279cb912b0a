/* care-preferences-window.c — Preferences: this computer's (GSettings),
 * the programme's (in the vault, shared by everyone who opens it) and the
 * people who can open the vault (its key slots)
 *
 * The programme's settings are edited like a case: each change is checked
 * at once with care_settings_validate, the reason shown beside the field,
 * and the settings saved shortly after the last keystroke only when all of
 * them are valid. Key slots are written off the main thread, because
 * Argon2id takes about a second on purpose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "care-application.h"
#include "care-language.h"
#include "care-case-store.h"
#include "care-country.h"
#include "care-date.h"
#include "care-issue.h"
#include "care-person-dialog.h"
#include "care-plan-document.h"
#include "care-preferences-window.h"
#include "care-store-access.h"
#include "care-toast.h"

#define SAVE_DELAY_MS 600

typedef enum {
  SETTING_HOST_COUNTRIES,
  SETTING_WINDOW_START,
  SETTING_WINDOW_END,
  SETTING_TARGET_BENEFICIARIES,
  SETTING_TARGET_MINORS,
  SETTING_FOLLOWUP_MONTHS,
  SETTING_FOLLOWUP_MAX,
  SETTING_CURRENCY,
  N_SETTINGS
} Setting;

typedef struct {
  GtkWidget *row;
  GtkLabel  *message;        /* beside an entry; NULL for a row with a spin button */
  char      *subtitle;       /* an action row's own subtitle, restored when valid */
  char      *parse_error;
} SettingRow;

struct _CarePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwToast             *toast;           /* the last answer shown (care-toast.c) */
  CareVault            *vault;
  CareSettings         *programme;       /* as last saved or loaded */
  CareSettings         *candidate;       /* as typed, when it parses */
  CareKdfCost           cost;
  SettingRow            rows[N_SETTINGS];
  gboolean              loading;
  gboolean              dirty;
  gboolean              valid;
  guint                 save_id;
  guint                 busy;
  GPtrArray            *people_rows;

  /* Template widgets */
  GtkAdjustment        *auto_lock_adjustment;
  AdwEntryRow          *organisation_row;
  AdwActionRow         *logo_row;
  GtkButton            *logo_clear_button;
  AdwComboRow          *paper_row;
  AdwComboRow          *language_row;
  AdwPreferencesPage   *programme_page;
  AdwPreferencesPage   *people_page;
  GtkLabel             *settings_state_label;
  AdwEntryRow          *host_countries_row;
  AdwEntryRow          *window_start_row;
  AdwEntryRow          *window_end_row;
  AdwActionRow         *target_beneficiaries_row;
  GtkSpinButton        *target_beneficiaries_spin;
  AdwActionRow         *target_minors_row;
  GtkSpinButton        *target_minors_spin;
  AdwEntryRow          *followup_months_row;
  AdwActionRow         *followup_max_row;
  GtkSpinButton        *followup_max_spin;
  AdwEntryRow          *currency_row;
  AdwPreferencesGroup  *people_group;
  GtkSpinner           *people_spinner;
};

G_DEFINE_FINAL_TYPE (CarePreferencesWindow, care_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_VAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fill_people (CarePreferencesWindow *self);

int
care_preferences_get_paper (GSettings *settings)
{
  g_autofree char *paper = g_settings_get_string (settings, "paper-size");

  return g_strcmp0 (paper, "us-letter") == 0 ? CARE_PAPER_LETTER : CARE_PAPER_A4;
}

static void
present_toast (gpointer  self,
               AdwToast *toast)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Each answer takes the place of the one before rather than waiting
 * behind it (care-toast.c). */
static void
say (CarePreferencesWindow *self,
     const char            *text)
{
  care_toast_show (&self->toast, self, present_toast, text, NULL, NULL, 5);
}

/* A refusal stays until dismissed: it says what to do. */
static void
show_toast (CarePreferencesWindow *self,
            const char            *text)
{
  care_toast_show (&self->toast, self, present_toast, text, NULL, NULL, 0);
}

/* --- documents (GSettings) --- */

static gboolean
paper_to_selected (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, g_strcmp0 (g_variant_get_string (variant, NULL), "us-letter") == 0 ? 1 : 0);
  return TRUE;
}

static GVariant *
selected_to_paper (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "us-letter" : "a4");
}

static gboolean
language_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *choice = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (choice, "fr") ? 1 : g_str_equal (choice, "en") ? 2 : 0);
  return TRUE;
}

static GVariant *
selected_to_language (const GValue       *value,
                      const GVariantType *type,
                      gpointer            user_data)
{
  static const char *const choices[] = { "system", "fr", "en" };
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (choices[selected < G_N_ELEMENTS (choices) ? selected : 0]);
}

static void
update_logo_row (CarePreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "organisation-logo");
  gboolean set = path != NULL && *path != '\0';
  g_autofree char *name = set ? g_path_get_basename (path) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->logo_row), FALSE);
  adw_action_row_set_subtitle (self->logo_row,
                               set ? name : _("None: plans are printed without a logo"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.clear-logo", set);
}

static void
logo_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  CarePreferencesWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, "organisation-logo", path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CarePreferencesWindow *self = CARE_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  /* The plan document draws PNG logos only. */
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  dialog = gtk_file_chooser_native_new (_("Choose the Organisation’s Logo"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (logo_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
clear_logo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_settings_set_string (CARE_PREFERENCES_WINDOW (widget)->settings, "organisation-logo", "");
}

/* --- the programme's settings (in the vault) --- */

static char *
format_codes (GPtrArray *codes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, g_ptr_array_index (codes, i));
    }
  return g_string_free (s, FALSE);
}

static char *
format_months (GArray *months)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < months->len; i++)
    g_string_append_printf (s, i > 0 ? " %u" : "%u", g_array_index (months, guint, i));
  return g_string_free (s, FALSE);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char **
split_words (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " ,;\t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static void
parse_date_row (CarePreferencesWindow *self,
                Setting                which,
                GDate                 *date)
{
  g_autofree char *text = g_strstrip (g_strdup (entry_text (ADW_ENTRY_ROW (self->rows[which].row))));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    care_date_unset (date);
  else if (!care_date_parse (text, date, &error))
    self->rows[which].parse_error = g_strdup (error->message);
}

/* The settings as the rows say, with why a row cannot be read. */
static CareSettings *
read_rows (CarePreferencesWindow *self)
{
  CareSettings *s = care_settings_copy (self->programme);

  for (guint i = 0; i < N_SETTINGS; i++)
    g_clear_pointer (&self->rows[i].parse_error, g_free);

  {
    g_auto(GStrv) words = split_words (entry_text (self->host_countries_row));
    g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
    g_auto(GStrv) list = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      {
        const char *canonical = care_country_canonical_code (words[i]);
        g_autofree char *upper = g_ascii_strup (words[i], -1);

        g_strv_builder_add (codes, canonical != NULL ? canonical : upper);
      }
    list = g_strv_builder_end (codes);
    care_settings_set_host_countries (s, (const char * const *) list);
  }

  parse_date_row (self, SETTING_WINDOW_START, &s->window_start);
  parse_date_row (self, SETTING_WINDOW_END, &s->window_end);
  s->target_beneficiaries = (guint) gtk_spin_button_get_value_as_int (self->target_beneficiaries_spin);
  s->target_minors = (guint) gtk_spin_button_get_value_as_int (self->target_minors_spin);
  s->followup_max_months = (guint) gtk_spin_button_get_value_as_int (self->followup_max_spin);

  {
    g_auto(GStrv) words = split_words (entry_text (self->followup_months_row));
    g_autoptr(GArray) months = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; words[i] != NULL; i++)
      {
        guint64 month;
        guint value;

        if (!g_ascii_string_to_unsigned (words[i], 10, 1, 12, &month, NULL))
          {
            self->rows[SETTING_FOLLOWUP_MONTHS].parse_error =
              g_strdup (_("Write months as numbers from 1 to 12 separated by spaces, e.g. 1 3 6 9 12"));
            break;
          }
        value = (guint) month;
        g_array_append_val (months, value);
      }
    if (self->rows[SETTING_FOLLOWUP_MONTHS].parse_error == NULL)
      care_settings_set_followup_months (s, (const guint *) (gpointer) months->data, months->len);
  }

  {
    g_autofree char *currency = g_strstrip (g_ascii_strup (entry_text (self->currency_row), -1));

    g_free (s->currency);
    s->currency = g_steal_pointer (&currency);
  }
  return s;
}

static void
show_setting_message (SettingRow *sr,
                      const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (sr->row, "error");
  else
    gtk_widget_remove_css_class (sr->row, "error");

  if (sr->message != NULL)
    {
      gtk_label_set_label (sr->message, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (sr->message), message != NULL);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (sr->row), message != NULL ? message : sr->subtitle);

  if (message != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (sr->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (sr->row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (sr->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (sr->row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static Setting
setting_of_issue (CarePreferencesWindow *self,
                  const CareIssue       *issue)
{
  const char *f = issue->field != NULL ? issue->field : "";

  if (g_str_equal (f, "host_countries"))
    return SETTING_HOST_COUNTRIES;
  if (g_str_equal (f, "window"))
    return *entry_text (self->window_start_row) == '\0' ? SETTING_WINDOW_START : SETTING_WINDOW_END;
  if (g_str_equal (f, "window_end"))
    return SETTING_WINDOW_END;
  if (g_str_equal (f, "target_minors"))
    return SETTING_TARGET_MINORS;
  if (g_str_equal (f, "followup_max_months"))
    return SETTING_FOLLOWUP_MAX;
  if (g_str_equal (f, "followup_months"))
    return SETTING_FOLLOWUP_MONTHS;
  return SETTING_CURRENCY;
}

static void
update_settings_state (CarePreferencesWindow *self)
{
  const char *text;

  if (self->dirty && !self->valid)
    text = _("Not saved: correct the fields marked in red");
  else if (self->dirty)
    text = _("Saving…");
  else
    text = _("Saved");
  gtk_label_set_label (self->settings_state_label, text);
  if (self->dirty && !self->valid)
    gtk_widget_add_css_class (GTK_WIDGET (self->settings_state_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->settings_state_label), "error");
}

static gboolean
save_now (CarePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty || !self->valid || self->candidate == NULL || self->vault == NULL ||
      care_vault_is_locked (self->vault))
    return FALSE;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    saved = care_settings_store_save (self->vault, self->candidate, &error);
  }
  if (!saved)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The programme settings could not be saved: %s"), error->message);

      show_toast (self, text);
      return FALSE;
    }
  care_settings_free (self->programme);
  self->programme = care_settings_copy (self->candidate);
  self->dirty = FALSE;
  update_settings_state (self);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CarePreferencesWindow *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
setting_changed_cb (CarePreferencesWindow *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  const char *messages[N_SETTINGS] = { NULL };

  if (self->loading || self->programme == NULL)
    return;

  g_clear_pointer (&self->candidate, care_settings_free);
  self->candidate = read_rows (self);
  issues = care_settings_validate (self->candidate);
  for (guint i = 0; i < issues->len; i++)
    {
      CareIssue *issue = g_ptr_array_index (issues, i);
      Setting which = setting_of_issue (self, issue);

      if (messages[which] == NULL)
        messages[which] = issue->message;
    }

  self->valid = TRUE;
  for (guint i = 0; i < N_SETTINGS; i++)
    {
      const char *message = self->rows[i].parse_error != NULL ? self->rows[i].parse_error : messages[i];

      if (message != NULL)
        self->valid = FALSE;
      show_setting_message (&self->rows[i], message);
    }

  self->dirty = TRUE;
  update_settings_state (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->valid)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
fill_programme (CarePreferencesWindow *self)
{
  g_autofree char *hosts = format_codes (self->programme->host_countries);
  g_autofree char *start = care_date_format (&self->programme->window_start);
  g_autofree char *end = care_date_format (&self->programme->window_end);
  g_autofree char *months = format_months (self->programme->followup_months);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->host_countries_row), hosts);
  gtk_editable_set_text (GTK_EDITABLE (self->window_start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->window_end_row), end);
  gtk_spin_button_set_value (self->target_beneficiaries_spin, self->programme->target_beneficiaries);
  gtk_spin_button_set_value (self->target_minors_spin, self->programme->target_minors);
  gtk_editable_set_text (GTK_EDITABLE (self->followup_months_row), months);
  gtk_spin_button_set_value (self->followup_max_spin, self->programme->followup_max_months);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row),
                         self->programme->currency != NULL ? self->programme->currency : "");
  self->loading = FALSE;
  self->dirty = FALSE;
  self->valid = TRUE;
  update_settings_state (self);
}

static void
load_programme (CarePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    self->programme = care_settings_store_load (self->vault, &error);
  }
  if (self->programme == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The programme settings could not be read: %s"), error->message);

      show_toast (self, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->programme_page), FALSE);
      self->programme = care_settings_new ();
    }
  fill_programme (self);
}

static void
init_setting_rows (CarePreferencesWindow *self)
{
  GtkWidget *widgets[N_SETTINGS] = {
    [SETTING_HOST_COUNTRIES] = GTK_WIDGET (self->host_countries_row),
    [SETTING_WINDOW_START] = GTK_WIDGET (self->window_start_row),
    [SETTING_WINDOW_END] = GTK_WIDGET (self->window_end_row),
    [SETTING_TARGET_BENEFICIARIES] = GTK_WIDGET (self->target_beneficiaries_row),
    [SETTING_TARGET_MINORS] = GTK_WIDGET (self->target_minors_row),
    [SETTING_FOLLOWUP_MONTHS] = GTK_WIDGET (self->followup_months_row),
    [SETTING_FOLLOWUP_MAX] = GTK_WIDGET (self->followup_max_row),
    [SETTING_CURRENCY] = GTK_WIDGET (self->currency_row),
  };

  for (guint i = 0; i < N_SETTINGS; i++)
    {
      SettingRow *sr = &self->rows[i];

      sr->row = widgets[i];
      if (ADW_IS_ENTRY_ROW (sr->row))
        {
          GtkWidget *message = gtk_label_new (NULL);

          gtk_label_set_wrap (GTK_LABEL (message), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (message), 30);
          gtk_label_set_xalign (GTK_LABEL (message), 1);
          gtk_label_set_justify (GTK_LABEL (message), GTK_JUSTIFY_RIGHT);
          gtk_widget_add_css_class (message, "caption");
          gtk_widget_add_css_class (message, "error");
          gtk_widget_set_visible (message, FALSE);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (sr->row), message);
          sr->message = GTK_LABEL (message);
          g_signal_connect_swapped (sr->row, "changed", G_CALLBACK (setting_changed_cb), self);
        }
      else
        sr->subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (sr->row)));
    }
  g_signal_connect_swapped (self->target_beneficiaries_spin, "value-changed", G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->target_minors_spin, "value-changed", G_CALLBACK (setting_changed_cb), self);
  g_signal_connect_swapped (self->followup_max_spin, "value-changed", G_CALLBACK (setting_changed_cb), self);
}

/* --- people (key slots) --- */

static void
set_people_busy (CarePreferencesWindow *self,
                 gboolean               busy)
{
  self->busy += busy ? 1 : -1;
  gtk_widget_set_visible (GTK_WIDGET (self->people_spinner), self->busy > 0);
  gtk_spinner_set_spinning (self->people_spinner, self->busy > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.remove-person", self->busy == 0);
}

typedef struct {
  CareVault *vault;
  char      *name;
} RemoveRequest;

static void
remove_request_free (RemoveRequest *request)
{
  g_object_unref (request->vault);
  g_free (request->name);
  g_free (request);
}

static void
remove_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  RemoveRequest *request = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (request->vault);

    ok = care_vault_remove_slot (request->vault, request->name, &error);
  }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
remove_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CarePreferencesWindow *self = CARE_PREFERENCES_WINDOW (source);
  RemoveRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_people_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_toast (self, error->message);
  else
    {
      /* Translators: %s is a person's name */
      g_autofree char *text = g_strdup_printf (_("%s can no longer open this vault"), request->name);

      say (self, text);
    }
  fill_people (self);
}

static void
remove_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    CarePreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  RemoveRequest *request;

  if (g_strcmp0 (response, "remove") != 0 || self->vault == NULL)
    return;

  request = g_new0 (RemoveRequest, 1);
  request->vault = g_object_ref (self->vault);
  request->name = g_strdup (g_object_get_data (G_OBJECT (dialog), "care-person"));
  set_people_busy (self, TRUE);
  task = g_task_new (self, NULL, remove_finished_cb, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) remove_request_free);
  care_language_run_in_thread (task, remove_in_thread);
}

static void
remove_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CarePreferencesWindow *self = CARE_PREFERENCES_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  gboolean yourself = self->vault != NULL && g_strcmp0 (name, care_vault_get_user (self->vault)) == 0;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->vault == NULL)
    return;

  /* A key slot cannot come back without its passphrase, so no Undo:
   * the person is asked. */
  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Remove %s?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               yourself
                               ? _("You will no longer be able to open this vault with your passphrase once it is locked. The cases are not changed.")
                               : _("They will no longer be able to open this vault. The cases and the history of their changes are kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "care-person", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
person_done_cb (CarePersonDialog      *dialog,
                const char            *name,
                CarePreferencesWindow *self)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (name, care_vault_get_user (self->vault)) == 0 &&
      g_object_get_data (G_OBJECT (dialog), "care-change") != NULL)
    text = g_strdup (_("Your passphrase was changed"));
  else
    /* Translators: %s is a person's name */
    text = g_strdup_printf (_("%s can now open this vault"), name);
  say (self, text);
  fill_people (self);
}

static void
open_person_dialog (CarePreferencesWindow *self,
                    CarePersonDialogMode   mode)
{
  CarePersonDialog *dialog;

  if (self->vault == NULL)
    return;
  dialog = care_person_dialog_new (GTK_WINDOW (self), self->vault, mode, self->cost);
  if (mode == CARE_PERSON_DIALOG_CHANGE_PASSPHRASE)
    g_object_set_data (G_OBJECT (dialog), "care-change", GINT_TO_POINTER (1));
  g_signal_connect_object (dialog, "done", G_CALLBACK (person_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_person_dialog (CARE_PREFERENCES_WINDOW (widget), CARE_PERSON_DIALOG_ADD);
}

static void
change_passphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  open_person_dialog (CARE_PREFERENCES_WINDOW (widget), CARE_PERSON_DIALOG_CHANGE_PASSPHRASE);
}

static void
fill_people (CarePreferencesWindow *self)
{
  g_autoptr(GPtrArray) slots = NULL;

  for (guint i = 0; i < self->people_rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->people_rows, i));
  g_ptr_array_set_size (self->people_rows, 0);
  if (self->vault == NULL || care_vault_is_locked (self->vault))
    return;

  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    slots = care_vault_list_slots (self->vault);
  }
  for (guint i = 0; i < slots->len; i++)
    {
      CareVaultSlotInfo *info = g_ptr_array_index (slots, i);
      gboolean yourself = g_strcmp0 (info->name, care_vault_get_user (self->vault)) == 0;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (info->kind == CARE_SLOT_RECOVERY)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Recovery Key"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       _("The printed key that opens the vault when a passphrase is forgotten"));
          icon = gtk_image_new_from_icon_name ("dialog-password-symbolic");
        }
      else
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), yourself ? _("You") : _("Opens the vault with a passphrase"));
          icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      if (info->kind == CARE_SLOT_PASSPHRASE)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
          /* Translators: %s is a person's name */
          g_autofree char *label = g_strdup_printf (_("Remove %s"), info->name);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.remove-person");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->name);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->people_rows, row);
    }
}

/* --- life cycle --- */

static void
locking_cb (CarePreferencesWindow *self)
{
  /* Settings typed and valid are kept; then nothing of the vault stays on screen. */
  save_now (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
care_preferences_window_constructed (GObject *object)
{
  CarePreferencesWindow *self = CARE_PREFERENCES_WINDOW (object);
  GApplication *app = g_application_get_default ();

  G_OBJECT_CLASS (care_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "auto-lock-minutes",
                   self->auto_lock_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "organisation-name",
                   self->organisation_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "language",
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_to_selected, selected_to_language, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size",
                                self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                paper_to_selected, selected_to_paper, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::organisation-logo",
                           G_CALLBACK (update_logo_row), self, G_CONNECT_SWAPPED);
  update_logo_row (self);

  gtk_widget_set_visible (GTK_WIDGET (self->programme_page), self->vault != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->people_page), self->vault != NULL);
  if (self->vault != NULL)
    {
      load_programme (self);
      fill_people (self);
      if (CARE_IS_APPLICATION (app))
        g_signal_connect_object (app, "locking", G_CALLBACK (locking_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
care_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CarePreferencesWindow *self = CARE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
care_preferences_window_close_request (GtkWindow *window)
{
  save_now (CARE_PREFERENCES_WINDOW (window));
  return GTK_WINDOW_CLASS (care_preferences_window_parent_class)->close_request (window);
}

static void
care_preferences_window_dispose (GObject *object)
{
  CarePreferencesWindow *self = CARE_PREFERENCES_WINDOW (object);

  care_toast_forget (&self->toast);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (care_preferences_window_parent_class)->dispose (object);
}

static void
care_preferences_window_finalize (GObject *object)
{
  CarePreferencesWindow *self = CARE_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->programme, care_settings_free);
  g_clear_pointer (&self->candidate, care_settings_free);
  for (guint i = 0; i < N_SETTINGS; i++)
    {
      g_free (self->rows[i].subtitle);
      g_free (self->rows[i].parse_error);
    }
  g_ptr_array_unref (self->people_rows);

  G_OBJECT_CLASS (care_preferences_window_parent_class)->finalize (object);
}

static void
care_preferences_window_class_init (CarePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = care_preferences_window_constructed;
  object_class->set_property = care_preferences_window_set_property;
  object_class->dispose = care_preferences_window_dispose;
  object_class->finalize = care_preferences_window_finalize;
  window_class->close_request = care_preferences_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         CARE_TYPE_VAULT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/care-preferences-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CarePreferencesWindow, name)
  BIND (auto_lock_adjustment);
  BIND (organisation_row);
  BIND (logo_row);
  BIND (logo_clear_button);
  BIND (paper_row);
  BIND (language_row);
  BIND (programme_page);
  BIND (people_page);
  BIND (settings_state_label);
  BIND (host_countries_row);
  BIND (window_start_row);
  BIND (window_end_row);
  BIND (target_beneficiaries_row);
  BIND (target_beneficiaries_spin);
  BIND (target_minors_row);
  BIND (target_minors_spin);
  BIND (followup_months_row);
  BIND (followup_max_row);
  BIND (followup_max_spin);
  BIND (currency_row);
  BIND (people_group);
  BIND (people_spinner);
#undef BIND

  gtk_widget_class_install_action (widget_class, "prefs.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.clear-logo", NULL, clear_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "prefs.change-passphrase", NULL, change_passphrase_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-person", "s", remove_person_action);
}

static void
care_preferences_window_init (CarePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cost = CARE_KDF_COST_MODERATE;
  self->people_rows = g_ptr_array_new ();
  init_setting_rows (self);
}

CarePreferencesWindow *
care_preferences_window_new (GSettings *settings,
                             CareVault *vault)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (vault == NULL || CARE_IS_VAULT (vault), NULL);

  return g_object_new (CARE_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "vault", vault,
                       NULL);
}

void
care_preferences_window_set_kdf_cost (CarePreferencesWindow *self,
                                      CareKdfCost            cost)
{
  g_return_if_fail (CARE_IS_PREFERENCES_WINDOW (self));

  self->cost = cost;
}

gboolean
care_preferences_window_flush (CarePreferencesWindow *self)
{
  g_return_val_if_fail (CARE_IS_PREFERENCES_WINDOW (self), FALSE);

  return save_now (self);
}

gboolean
care_preferences_window_has_unsaved_changes (CarePreferencesWindow *self)
{
  g_return_val_if_fail (CARE_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->dirty;
}

gboolean
care_preferences_window_get_busy (CarePreferencesWindow *self)
{
  g_return_val_if_fail (CARE_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->busy > 0;
}
