/* care-passphrase-quality.c — how hard a new passphrase is to guess
 *
 * Every new passphrase (the vault's first, a colleague's, a changed one)
 * is scored with libpwquality, as GNOME's own account settings do, on top
 * of the vault's own minimum.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-passphrase-quality"

#include "config.h"

#include <glib/gi18n.h>

#include "care-passphrase-quality.h"
#include "care-vault.h"

pwquality_settings_t *
care_passphrase_quality_new (void)
{
  pwquality_settings_t *quality = pwquality_default_settings ();

  pwquality_read_config (quality, NULL, NULL);
  return quality;
}

/* Returns why PASSPHRASE is refused, or NULL; *LEVEL is 0 for an empty
 * passphrase, else 2 (fair) to 4 (strong) for an accepted one. */
char *
care_passphrase_quality_assess (pwquality_settings_t *quality,
                                const char           *passphrase,
                                const char           *user,
                                int                  *level)
{
  g_autoptr(GError) error = NULL;
  void *auxerror = NULL;
  int score;

  *level = 0;
  if (passphrase == NULL || *passphrase == '\0')
    return NULL;

  if (!care_vault_validate_passphrase (passphrase, &error))
    return g_strdup (error->message);

  score = pwquality_check (quality, passphrase, NULL, user, &auxerror);
  if (score < 0)
    {
      char buffer[PWQ_MAX_ERROR_MESSAGE_LEN];
      const char *reason = pwquality_strerror (buffer, sizeof buffer, score, auxerror);

      /* Translators: %s is libpwquality's reason, already translated. */
      return g_strdup_printf (_("This passphrase is too easy to guess: %s."), reason);
    }

  *level = score < 50 ? 2 : score < 80 ? 3 : 4;
  return NULL;
}

gboolean
care_passphrase_quality_judge (pwquality_settings_t  *quality,
                               const char            *passphrase,
                               const char            *confirm,
                               const char            *user,
                               GtkLevelBar           *bar,
                               char                 **message,
                               gboolean              *problem)
{
  g_autofree char *refusal = NULL;
  int level;

  refusal = care_passphrase_quality_assess (quality, passphrase, user, &level);
  gtk_level_bar_set_value (bar, refusal != NULL ? 1 : level);

  *problem = TRUE;
  if (refusal != NULL)
    *message = g_steal_pointer (&refusal);
  else if (*confirm != '\0' && g_strcmp0 (confirm, passphrase) != 0)
    *message = g_strdup (_("The two passphrases differ."));
  else
    {
      *problem = FALSE;
      if (level > 0)
        *message = g_strdup (level >= 4 ? _("A strong passphrase.")
                                        : _("A fair passphrase; a longer one would be stronger."));
      else
        *message = g_strdup (_("Use several words that belong together only for you."));
    }
  return !*problem && level > 0 && g_strcmp0 (confirm, passphrase) == 0;
}

void
care_passphrase_quality_show_hint (GtkLabel   *hint,
                                   const char *message,
                                   gboolean    problem)
{
  gtk_label_set_label (hint, message);
  if (problem)
    {
      gtk_widget_add_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "dim-label");
    }
}
