/* care-country-row.c — an entry row for a country, typed by name or code
 *
 * Caseworkers know countries by name, not by ISO code. As they type, the
 * countries that match (care_country_match: by code, or by name in either
 * language, blind to case and accents) are offered in a popover under the
 * row; Down and Up move through them, Enter or a click chooses one, Escape
 * puts them away. The row then says the country's name. What the text
 * means, and whether it means one country only, is for whoever reads the
 * row to decide with care_country_parse: the row only helps to type it.
 *
 * AdwEntryRow 1.2 has no completion of its own, and GtkEntryCompletion
 * does not work with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-country-row"

#include "config.h"

#include <glib/gi18n.h>

#include "care-country.h"
#include "care-country-row.h"

/* Enough to find a country by its first letters, few enough to read. */
#define MAX_SUGGESTIONS 8

struct _CareCountryRow
{
  AdwEntryRow  parent_instance;

  GtkPopover  *popover;
  GtkListBox  *list;
  gboolean     choosing;    /* the text is being set to a chosen name */
  GtkRoot     *root;        /* whose focus widget is watched while mapped */
  gboolean     focus_inside;
};

G_DEFINE_FINAL_TYPE (CareCountryRow, care_country_row, ADW_TYPE_ENTRY_ROW)

static gboolean
has_typing_focus (CareCountryRow *self)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self)));

  return text != NULL && gtk_widget_is_focus (text);
}

static void
hide_suggestions (CareCountryRow *self)
{
  gtk_popover_popdown (self->popover);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}

static GtkWidget *
new_suggestion (const char *code)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (care_country_get_name (code));
  GtkWidget *code_label = gtk_label_new (code);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 20);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (code_label, "dim-label");
  gtk_widget_add_css_class (code_label, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  care_country_get_name (code), -1);
  g_object_set_data_full (G_OBJECT (row), "care-code", g_strdup (code), g_free);
  return row;
}

/* Nothing to offer when what is typed is already the one country's name. */
static gboolean
says_only (const char *text,
           GPtrArray  *codes)
{
  g_autofree char *typed = g_strstrip (g_strdup (text));

  return codes->len == 1 && g_strcmp0 (typed, care_country_get_name (g_ptr_array_index (codes, 0))) == 0;
}

static void
update_suggestions (CareCountryRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autoptr(GPtrArray) codes = care_country_match (text, MAX_SUGGESTIONS);

  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, row);
  if (codes->len == 0 || says_only (text, codes))
    {
      hide_suggestions (self);
      return;
    }
  for (guint i = 0; i < codes->len; i++)
    gtk_list_box_append (self->list, new_suggestion (g_ptr_array_index (codes, i)));
  gtk_popover_popup (self->popover);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE, -1);
}

static void
text_changed_cb (CareCountryRow *self)
{
  if (self->choosing || !has_typing_focus (self))
    return;
  update_suggestions (self);
}

/**
 * care_country_row_choose:
 * @code: a country's code
 *
 * Writes the country's name in the row, as when it is chosen among the
 * suggestions.
 */
void
care_country_row_choose (CareCountryRow *self,
                         const char     *code)
{
  const char *name;

  g_return_if_fail (CARE_IS_COUNTRY_ROW (self));

  name = care_country_get_name (code);
  hide_suggestions (self);
  if (name == NULL)
    return;
  self->choosing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), name);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->choosing = FALSE;
}

/* A code or a name that stands for one country is written out as its name,
 * when the person is done with the row; anything else is left as typed,
 * for its reader to refuse with the reason. */
static void
write_out_name (CareCountryRow *self)
{
  const char *code = care_country_parse (gtk_editable_get_text (GTK_EDITABLE (self)), NULL);

  if (code != NULL)
    care_country_row_choose (self, code);
  else
    hide_suggestions (self);
}

static void
suggestion_activated_cb (CareCountryRow *self,
                         GtkListBoxRow  *row)
{
  care_country_row_choose (self, g_object_get_data (G_OBJECT (row), "care-code"));
}

static void
move_selection (CareCountryRow *self,
                int             step)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) + step : (step > 0 ? 0 : -1);
  GtkListBoxRow *row;

  if (index < 0)
    {
      gtk_list_box_unselect_all (self->list);
      return;
    }
  row = gtk_list_box_get_row_at_index (self->list, index);
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CareCountryRow        *self)
{
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->popover));
  GtkListBoxRow *selected;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!shown)
        update_suggestions (self);
      else
        move_selection (self, 1);
      return gtk_widget_get_visible (GTK_WIDGET (self->popover));

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!shown)
        return FALSE;
      move_selection (self, -1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = shown ? gtk_list_box_get_selected_row (self->list) : NULL;
      if (selected != NULL)
        {
          care_country_row_choose (self, g_object_get_data (G_OBJECT (selected), "care-code"));
          return TRUE;
        }
      write_out_name (self);
      return FALSE;

    case GDK_KEY_Escape:
      /* Escape closes the suggestions, not what the row is in. */
      if (!shown)
        return FALSE;
      hide_suggestions (self);
      return TRUE;

    default:
      return FALSE;
    }
}

/* The person is done with the row when the window's focus moves out of
 * it. Read from the window's focus widget rather than from focus events,
 * which only an active window receives: a person who switches to another
 * application for a moment has not left the row. */
static void
root_focus_changed_cb (GtkRoot        *root,
                       GParamSpec     *pspec,
                       CareCountryRow *self)
{
  GtkWidget *focus = gtk_root_get_focus (root);

  if (focus != NULL && (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    {
      self->focus_inside = TRUE;
      return;
    }
  if (!self->focus_inside)
    return;
  self->focus_inside = FALSE;
  write_out_name (self);
}

static void
watch_root_focus (CareCountryRow *self,
                  GtkRoot        *root)
{
  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, root_focus_changed_cb, self);
  g_set_weak_pointer (&self->root, root);
  if (root != NULL)
    g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (root_focus_changed_cb), self, 0);
}

static void
care_country_row_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (care_country_row_parent_class)->map (widget);
  watch_root_focus (CARE_COUNTRY_ROW (widget), gtk_widget_get_root (widget));
}

static void
care_country_row_unmap (GtkWidget *widget)
{
  watch_root_focus (CARE_COUNTRY_ROW (widget), NULL);
  GTK_WIDGET_CLASS (care_country_row_parent_class)->unmap (widget);
}

GtkWidget *
care_country_row_get_suggestions (CareCountryRow *self)
{
  g_return_val_if_fail (CARE_IS_COUNTRY_ROW (self), NULL);

  return GTK_WIDGET (self->list);
}

/* The row's own layout is a GtkBinLayout's, and a popover's parent must
 * place it after every allocation: else it stays where it was when the
 * page scrolls. */
static GtkSizeRequestMode
get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural,
         int            *minimum_baseline,
         int            *natural_baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural, child_minimum_baseline = -1, child_natural_baseline = -1;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural,
                          &child_minimum_baseline, &child_natural_baseline);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
      *minimum_baseline = MAX (*minimum_baseline, child_minimum_baseline);
      *natural_baseline = MAX (*natural_baseline, child_natural_baseline);
    }
}

static void
allocate (GtkWidget *widget,
          int        width,
          int        height,
          int        baseline)
{
  CareCountryRow *self = CARE_COUNTRY_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
  /* As wide as the row, so that names are read where they will go. */
  gtk_widget_set_size_request (gtk_popover_get_child (self->popover), MAX (width - 24, 0), -1);
  gtk_popover_present (self->popover);
}

static void
care_country_row_dispose (GObject *object)
{
  CareCountryRow *self = CARE_COUNTRY_ROW (object);

  watch_root_focus (self, NULL);
  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), CARE_TYPE_COUNTRY_ROW);
  self->popover = NULL;

  G_OBJECT_CLASS (care_country_row_parent_class)->dispose (object);
}

static void
care_country_row_class_init (CareCountryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = care_country_row_dispose;
  widget_class->map = care_country_row_map;
  widget_class->unmap = care_country_row_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/care-country-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CareCountryRow, popover);
  gtk_widget_class_bind_template_child (widget_class, CareCountryRow, list);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_activated_cb);
}

static void
care_country_row_init (CareCountryRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (get_request_mode, measure, allocate));
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  /* Before the text, which would move the cursor, and before the case's
   * own Escape. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "changed", G_CALLBACK (text_changed_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_AUTOCOMPLETE,
                                  GTK_ACCESSIBLE_AUTOCOMPLETE_LIST, -1);
}
