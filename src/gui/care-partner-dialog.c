/* care-partner-dialog.c — adding or editing a partner organisation
 *
 * Checked as it is typed with the store's own rules (care_partner_validate),
 * each reason beside its field; "Save" stays off while something is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-partner-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "care-issue.h"
#include "care-partner-dialog.h"
#include "care-validate.h"

typedef struct {
  const char *field;   /* as care_partner_validate names it */
  goffset     offset;  /* of the row in CarePartnerDialog */
} FieldSpec;

struct _CarePartnerDialog
{
  AdwWindow     parent_instance;

  CarePartner  *partner;
  GtkLabel     *messages[5];

  /* Template widgets */
  AdwWindowTitle *title;
  AdwComboRow  *kind_row;
  AdwEntryRow  *name_row;
  AdwEntryRow  *country_row;
  AdwEntryRow  *contact_row;
  AdwEntryRow  *phone_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *notes_row;
};

G_DEFINE_FINAL_TYPE (CarePartnerDialog, care_partner_dialog, ADW_TYPE_WINDOW)

#define ROW(member) G_STRUCT_OFFSET (CarePartnerDialog, member)

static const FieldSpec fields[] = {
  { "name", ROW (name_row) },
  { "country", ROW (country_row) },
  { "contact", ROW (contact_row) },
  { "phone", ROW (phone_row) },
  { "email", ROW (email_row) },
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwEntryRow *
get_row (CarePartnerDialog *self,
         guint              i)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, fields[i].offset);
}

static char *
dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
read_fields (CarePartnerDialog *self)
{
  CarePartner *p = self->partner;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *country = NULL;

  p->kind = (CarePartnerKind) adw_combo_row_get_selected (self->kind_row);
  g_free (p->name);
  p->name = dup_text (self->name_row);
  country = dup_text (self->country_row);
  g_free (p->country);
  p->country = country != NULL ? g_ascii_strup (country, -1) : NULL;
  g_free (p->contact);
  p->contact = dup_text (self->contact_row);
  g_free (p->phone);
  p->phone = dup_text (self->phone_row);
  g_free (p->email);
  p->email = dup_text (self->email_row);
  g_free (p->notes);
  p->notes = dup_text (self->notes_row);

  issues = care_partner_validate (p);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = GTK_WIDGET (get_row (self, i));
      const char *message = NULL;

      for (guint k = 0; k < issues->len && message == NULL; k++)
        {
          CareIssue *issue = g_ptr_array_index (issues, k);

          if (g_strcmp0 (issue->field, fields[i].field) == 0)
            message = issue->message;
        }
      /* A new partner's empty name is not an error until it is typed. */
      if (i == 0 && p->id == 0 && gtk_editable_get_text (GTK_EDITABLE (row))[0] == '\0' &&
          !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "care-touched")))
        message = NULL;
      gtk_label_set_label (self->messages[i], message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->messages[i]), message != NULL);
      if (message != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
        }
      else
        {
          gtk_widget_remove_css_class (row, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
  return issues->len == 0;
}

static void
field_changed_cb (GtkWidget         *row,
                  CarePartnerDialog *self)
{
  /* The combo row says it changed while the window is torn down. */
  if (self->kind_row == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  g_object_set_data (G_OBJECT (row), "care-touched", GINT_TO_POINTER (TRUE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.save", read_fields (self));
}

static void
kind_selected_cb (GObject           *row,
                  GParamSpec        *pspec,
                  CarePartnerDialog *self)
{
  field_changed_cb (GTK_WIDGET (row), self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CarePartnerDialog *self = CARE_PARTNER_DIALOG (widget);

  if (!read_fields (self))
    return;
  g_signal_emit (self, signals[SAVED], 0, self->partner);
  gtk_window_destroy (GTK_WINDOW (self));
}

CarePartnerDialog *
care_partner_dialog_new (GtkWindow         *parent,
                         const CarePartner *partner)
{
  CarePartnerDialog *self = g_object_new (CARE_TYPE_PARTNER_DIALOG,
                                          "transient-for", parent,
                                          "modal", TRUE,
                                          NULL);
  AdwEntryRow *text_rows[] = { self->name_row, self->country_row, self->contact_row,
                               self->phone_row, self->email_row, self->notes_row };

  self->partner = partner != NULL ? care_partner_copy (partner)
                                  : care_partner_new (CARE_PARTNER_REFERRING_ASSOCIATION, NULL);
  adw_window_title_set_title (self->title, partner != NULL ? _("Edit Partner") : _("New Partner"));
  adw_combo_row_set_selected (self->kind_row, self->partner->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->partner->name != NULL ? self->partner->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), self->partner->country != NULL ? self->partner->country : "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), self->partner->contact != NULL ? self->partner->contact : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), self->partner->phone != NULL ? self->partner->phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), self->partner->email != NULL ? self->partner->email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), self->partner->notes != NULL ? self->partner->notes : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.save", read_fields (self));
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    g_signal_connect_object (text_rows[i], "changed", G_CALLBACK (field_changed_cb), self, 0);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

static void
care_partner_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARE_TYPE_PARTNER_DIALOG);

  G_OBJECT_CLASS (care_partner_dialog_parent_class)->dispose (object);
}

static void
care_partner_dialog_finalize (GObject *object)
{
  CarePartnerDialog *self = CARE_PARTNER_DIALOG (object);

  g_clear_pointer (&self->partner, care_partner_free);

  G_OBJECT_CLASS (care_partner_dialog_parent_class)->finalize (object);
}

static void
care_partner_dialog_class_init (CarePartnerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_partner_dialog_dispose;
  object_class->finalize = care_partner_dialog_finalize;

  /**
   * CarePartnerDialog::saved:
   * @partner: the partner as filled in
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  CARE_TYPE_PARTNER | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-partner-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CarePartnerDialog, name)
  BIND (title);
  BIND (kind_row);
  BIND (name_row);
  BIND (country_row);
  BIND (contact_row);
  BIND (phone_row);
  BIND (email_row);
  BIND (notes_row);
#undef BIND

  gtk_widget_class_install_action (widget_class, "partner.save", NULL, save_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "partner.save", NULL);
}

static void
care_partner_dialog_init (CarePartnerDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int k = CARE_PARTNER_REFERRING_ASSOCIATION; k <= CARE_PARTNER_SERVICE_PROVIDER; k++)
    gtk_string_list_append (kinds, care_partner_kind_get_label ((CarePartnerKind) k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *message = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (message), 28);
      gtk_label_set_xalign (GTK_LABEL (message), 1);
      gtk_widget_add_css_class (message, "caption");
      gtk_widget_add_css_class (message, "error");
      gtk_widget_set_visible (message, FALSE);
      adw_entry_row_add_suffix (get_row (self, i), message);
      self->messages[i] = GTK_LABEL (message);
    }
}
