/* care-demo-vault.c — the throw-away vault of `care --demo`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-demo-vault"

#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>

#include "care-case-store.h"
#include "care-date.h"
#include "care-demo-vault.h"
#include "care-demo.h"

static const char * const words[] = {
  "amber", "anchor", "apple", "april", "arrow", "autumn", "bamboo", "basket", "beacon", "berry",
  "bridge", "bronze", "cactus", "camel", "canal", "candle", "canyon", "cedar", "cherry", "cloud",
  "clover", "cobalt", "comet", "copper", "coral", "cotton", "crane", "delta", "desert", "dolphin",
  "eagle", "ember", "falcon", "feather", "fern", "forest", "garden", "ginger", "glacier", "harbor",
  "hazel", "honey", "island", "ivory", "jasmine", "jungle", "kettle", "lantern", "lemon", "lily",
  "linen", "lotus", "mango", "maple", "meadow", "melon", "mirror", "moon", "mountain", "nectar",
  "olive", "orange", "orchid", "otter", "paper", "pepper", "pebble", "pine", "planet", "plum",
  "pocket", "poppy", "prairie", "quartz", "rabbit", "rain", "raven", "river", "saffron", "salt",
  "silver", "sparrow", "spring", "spruce", "stone", "summer", "sunset", "thistle", "tiger", "tulip",
  "valley", "velvet", "violet", "walnut", "willow", "winter",
};

char *
care_demo_vault_make_passphrase (void)
{
  GString *s = g_string_new (NULL);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
  for (guint i = 0; i < 4; i++)
    {
      if (i > 0)
        g_string_append_c (s, '-');
      g_string_append (s, words[randombytes_uniform (G_N_ELEMENTS (words))]);
    }
  return g_string_free (s, FALSE);
}

CareVault *
care_demo_vault_create (const char       *path,
                        const char       *passphrase,
                        guint             count,
                        const GDate      *today,
                        CareProgressFunc  progress,
                        gpointer          progress_data,
                        GError          **error)
{
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autofree char *recovery_key = NULL;
  GDate now;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (today != NULL && care_date_is_set (today))
    now = *today;
  else
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
    }

  vault = care_vault_create (path, CARE_DEMO_USER, passphrase, CARE_KDF_COST_INTERACTIVE,
                             &recovery_key, error);
  if (vault == NULL)
    return NULL;
  if (recovery_key != NULL)
    sodium_memzero (recovery_key, strlen (recovery_key));

  settings = care_settings_store_load (vault, error);
  if (settings == NULL)
    return NULL;

  /* The leaflet's window (2013–2015) is long past: the demo programme runs
   * over the two years and a half up to a few months from now, so that its
   * calendar has follow-ups due and overdue around today. */
  g_date_set_dmy (&settings->window_end, 1, g_date_get_month (&now), g_date_get_year (&now));
  g_date_add_months (&settings->window_end, 4);
  g_date_subtract_days (&settings->window_end, 1);
  settings->window_start = settings->window_end;
  g_date_subtract_months (&settings->window_start, 30);
  g_date_add_days (&settings->window_start, 1);
  if (!care_settings_store_save (vault, settings, error))
    return NULL;

  if (!care_demo_generate (vault, count, g_random_int (), settings, &now, progress, progress_data, error))
    return NULL;

  return g_steal_pointer (&vault);
}

void
care_demo_vault_delete (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *journal = NULL;

  g_return_if_fail (path != NULL);

  journal = g_strconcat (path, "-journal", NULL);
  g_unlink (journal);
  if (g_unlink (path) != 0 && g_file_test (path, G_FILE_TEST_EXISTS))
    g_warning ("Could not delete the demo vault %s", path);
  dir = g_path_get_dirname (path);
  g_rmdir (dir);
}
