/* care-partners-view.c — the directory of partner organisations
 *
 * Referring associations, return offices and service providers, grouped by
 * kind. A deletion happens at once (the store refuses it, with its reason,
 * while a case refers to the partner) and a toast offers Undo, which saves
 * the partner again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-partners-view"

#include "config.h"

#include <glib/gi18n.h>

#include "care-case-store.h"
#include "care-country.h"
#include "care-partner-dialog.h"
#include "care-partners-view.h"
#include "care-store-access.h"
#include "care-toast.h"

#define N_KINDS 3

struct _CarePartnersView
{
  GtkWidget            parent_instance;

  CareVault           *vault;
  GPtrArray           *partners;        /* CarePartner */
  GPtrArray           *rows;            /* GtkWidget, rows shown */
  CarePartner         *deleted;         /* for Undo */
  AdwToast            *undo_toast;      /* the Undo of the last deletion, while shown (care-toast.c) */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwPreferencesGroup *groups[N_KINDS];
  AdwPreferencesGroup *referring_group;
  AdwPreferencesGroup *office_group;
  AdwPreferencesGroup *provider_group;
};

G_DEFINE_FINAL_TYPE (CarePartnersView, care_partners_view, GTK_TYPE_WIDGET)

static void
show_toast (CarePartnersView *self,
            const char       *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static CarePartner *
find_partner (CarePartnersView *self,
              gint64            id)
{
  for (guint i = 0; self->partners != NULL && i < self->partners->len; i++)
    {
      CarePartner *p = g_ptr_array_index (self->partners, i);

      if (p->id == id)
        return p;
    }
  return NULL;
}

static GtkWidget *
new_partner_row (const CarePartner *p)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  /* Translators: %s is the name of a partner organisation */
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), p->name);
  /* Translators: %s is the name of a partner organisation */
  g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), p->name);

  if (p->country != NULL)
    g_ptr_array_add (parts, (gpointer) care_country_get_name (p->country));
  if (p->contact != NULL)
    g_ptr_array_add (parts, p->contact);
  if (p->phone != NULL)
    g_ptr_array_add (parts, p->phone);
  if (p->email != NULL)
    g_ptr_array_add (parts, p->email);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? edit : remove;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), i == 0 ? "partners.edit" : "partners.delete");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", p->id);
      gtk_widget_set_tooltip_text (button, i == 0 ? edit_label : delete_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      i == 0 ? edit_label : delete_label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_widget_add_css_class (remove, "error");
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  g_object_set_data (G_OBJECT (row), "care-partner-id", GINT_TO_POINTER ((int) p->id));
  return row;
}

static void
fill (CarePartnersView *self)
{
  guint counts[N_KINDS] = { 0 };

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "care-group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; self->partners != NULL && i < self->partners->len; i++)
    {
      CarePartner *p = g_ptr_array_index (self->partners, i);
      guint kind = MIN ((guint) p->kind, N_KINDS - 1);
      GtkWidget *row = new_partner_row (p);

      adw_preferences_group_add (self->groups[kind], row);
      g_object_set_data (G_OBJECT (row), "care-group", self->groups[kind]);
      g_ptr_array_add (self->rows, g_object_ref (row));
      counts[kind]++;
    }
  for (guint k = 0; k < N_KINDS; k++)
    gtk_widget_set_visible (GTK_WIDGET (self->groups[k]), counts[k] > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->partners != NULL && self->partners->len > 0 ? "list" : "empty");
}

void
care_partners_view_reload (CarePartnersView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CARE_IS_PARTNERS_VIEW (self));

  g_clear_pointer (&self->partners, g_ptr_array_unref);
  if (self->vault != NULL)
    {
      /* The directory is small: a few hundred organisations at most. */
      g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

      self->partners = care_partner_store_list (self->vault, &error);
      if (self->partners == NULL)
        g_warning ("Could not list the partners (%s %d)", g_quark_to_string (error->domain), error->code);
    }
  fill (self);
}

void
care_partners_view_set_vault (CarePartnersView *self,
                              CareVault        *vault)
{
  g_return_if_fail (CARE_IS_PARTNERS_VIEW (self));

  if (!g_set_object (&self->vault, vault))
    return;
  g_clear_pointer (&self->deleted, care_partner_free);
  care_partners_view_reload (self);
}

static gboolean
save_partner (CarePartnersView *self,
              CarePartner      *partner)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->vault == NULL)
    return FALSE;
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    saved = care_partner_store_save (self->vault, partner, &error);
  }
  if (!saved)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The partner could not be saved: %s"), error->message);

      show_toast (self, text);
    }
  return saved;
}

static void
partner_saved_cb (CarePartnerDialog *dialog,
                  CarePartner       *partner,
                  CarePartnersView  *self)
{
  g_autoptr(CarePartner) copy = care_partner_copy (partner);

  if (save_partner (self, copy))
    care_partners_view_reload (self);
}

static void
open_dialog (CarePartnersView  *self,
             const CarePartner *partner)
{
  CarePartnerDialog *dialog = care_partner_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       partner);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (partner_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (CARE_PARTNERS_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CarePartnersView *self = CARE_PARTNERS_VIEW (widget);
  CarePartner *partner = find_partner (self, g_variant_get_int64 (parameter));

  if (partner != NULL)
    open_dialog (self, partner);
}

static void
undo_clicked_cb (AdwToast         *toast,
                 CarePartnersView *self)
{
  care_partners_view_undo_delete (self);
}

gboolean
care_partners_view_delete (CarePartnersView *self,
                           gint64            id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CarePartner *partner;
  AdwToast *toast;
  gboolean deleted;

  g_return_val_if_fail (CARE_IS_PARTNERS_VIEW (self), FALSE);

  partner = find_partner (self, id);
  if (partner == NULL || self->vault == NULL)
    return FALSE;
  {
    g_autoptr(CareStoreAccess) access = care_store_access_lock (self->vault);

    deleted = care_partner_store_delete (self->vault, id, &error);
  }
  if (!deleted)
    {
      AdwToast *refusal;

      /* Translators: %1$s is an organisation, %2$s the reason it cannot be deleted */
      text = g_strdup_printf (_("%1$s was not deleted: %2$s"), partner->name, error->message);
      refusal = adw_toast_new (text);
      adw_toast_set_timeout (refusal, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, refusal);
      return FALSE;
    }

  g_clear_pointer (&self->deleted, care_partner_free);
  self->deleted = care_partner_copy (partner);
  /* Translators: %s is the name of an organisation */
  text = g_strdup_printf (_("%s deleted"), partner->name);
  /* Only the last deletion can be undone: its toast takes the place of
   * the one before (a new one is connected to its Undo). */
  toast = care_toast_show (&self->undo_toast, self->toast_overlay, care_toast_present_in_overlay,
                           text, _("_Undo"), NULL, 5);
  if (toast != NULL)
    g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  care_partners_view_reload (self);
  return TRUE;
}

void
care_partners_view_undo_delete (CarePartnersView *self)
{
  g_autoptr(CarePartner) partner = NULL;

  g_return_if_fail (CARE_IS_PARTNERS_VIEW (self));

  if (self->deleted == NULL)
    return;
  partner = g_steal_pointer (&self->deleted);
  /* Saved anew: the store gives it a new id, and the history shows both. */
  partner->id = 0;
  if (save_partner (self, partner))
    care_partners_view_reload (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  care_partners_view_delete (CARE_PARTNERS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
care_partners_view_dispose (GObject *object)
{
  CarePartnersView *self = CARE_PARTNERS_VIEW (object);

  care_toast_forget (&self->undo_toast);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_PARTNERS_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, care_partner_free);

  G_OBJECT_CLASS (care_partners_view_parent_class)->dispose (object);
}

static void
care_partners_view_class_init (CarePartnersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_partners_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-partners-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CarePartnersView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CarePartnersView, stack);
  gtk_widget_class_bind_template_child (widget_class, CarePartnersView, referring_group);
  gtk_widget_class_bind_template_child (widget_class, CarePartnersView, office_group);
  gtk_widget_class_bind_template_child (widget_class, CarePartnersView, provider_group);

  gtk_widget_class_install_action (widget_class, "partners.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "partners.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "partners.delete", "x", delete_action);
}

static void
care_partners_view_init (CarePartnersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups[CARE_PARTNER_REFERRING_ASSOCIATION] = self->referring_group;
  self->groups[CARE_PARTNER_RETURN_OFFICE] = self->office_group;
  self->groups[CARE_PARTNER_SERVICE_PROVIDER] = self->provider_group;
  fill (self);
}
