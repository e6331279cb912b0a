/* care-accessible.c — names that screen readers say once
 *
 * GTK 4.8 names a button whose label has a mnemonic ("_Undo") by its raw
 * label and, after it, by the label it is "labelled by": a screen reader
 * says "underscore Undo Undo" (measured through AT-SPI under Xvfb; a
 * button without a mnemonic says its label once). Every such button and
 * check button is therefore given its label without the underscore as its
 * name, and the label relation that repeats it is dropped, whenever it is
 * shown and whenever its label changes. The mnemonic itself still works.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-accessible"

#include "config.h"

#include "care-accessible.h"

#define FOLLOWED_KEY "care-accessible-followed"

char *
care_accessible_strip_mnemonic (const char *label)
{
  GString *plain;

  g_return_val_if_fail (label != NULL, NULL);

  plain = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

/* The label of WIDGET that carries a mnemonic, or NULL. */
static const char *
mnemonic_label_of (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return NULL;
}

static void
name_once (GtkWidget *widget)
{
  const char *label = mnemonic_label_of (widget);
  g_autofree char *plain = NULL;

  if (label == NULL || strchr (label, '_') == NULL)
    return;
  plain = care_accessible_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static gboolean
widget_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (mnemonic_label_of (widget) == NULL)
    return TRUE;
  /* A new label makes GTK label the button by it again. */
  if (g_object_get_data (G_OBJECT (widget), FOLLOWED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (widget), FOLLOWED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::label", G_CALLBACK (name_once), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (name_once), NULL);
    }
  name_once (widget);
  return TRUE;
}

void
care_accessible_name_mnemonic_buttons (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* The "map" signal exists once the class is made. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  widget_mapped_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
