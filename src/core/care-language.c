/* care-language.c — the language of the interface, switched live
 *
 * Staff switch between French and English several times a day, without
 * restarting. gettext, dates, the first day of the week and the collation
 * of names all follow the calling thread's locale when one is set with
 * uselocale(), so switching is: build the locale once with newlocale(),
 * use it on the main thread, and have worker threads use it too
 * (care_language_use_in_thread) so that what they report is in the same
 * language.
 *
 * LANGUAGE outranks any locale in gettext, so the process reads it once at
 * start-up — to know what "System" means — and clears it before any thread
 * exists. Nothing changes the environment afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-language"

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "care-language.h"

#define SWITCHED_CATEGORIES (LC_MESSAGES_MASK | LC_TIME_MASK | LC_COLLATE_MASK)

static char *system_locale_name;      /* what "System" means for this session */
static locale_t locales[3];           /* made on first use, kept for the process */
static CareLanguage current = CARE_LANGUAGE_SYSTEM;
static locale_t current_locale = (locale_t) 0;
static GMutex lock;

extern int _nl_msg_cat_cntr;

static const char *
locale_name_for (CareLanguage language)
{
  switch (language)
    {
    case CARE_LANGUAGE_FRENCH:
      return "fr_FR.UTF-8";
    case CARE_LANGUAGE_ENGLISH:
      return "en_GB.UTF-8";
    case CARE_LANGUAGE_SYSTEM:
    default:
      /* Without care_language_init_process() (a program embedding the
       * interface, a test): the process's own locale. */
      if (system_locale_name != NULL)
        return system_locale_name;
      return setlocale (LC_MESSAGES, NULL) != NULL ? setlocale (LC_MESSAGES, NULL) : "";
    }
}

/* The first language of LANGUAGE that CARE speaks, else the locale's. */
static char *
guess_system_locale (void)
{
  const char *languages = g_getenv ("LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (languages != NULL && *languages != '\0')
    {
      g_auto(GStrv) list = g_strsplit (languages, ":", -1);

      for (guint i = 0; list[i] != NULL; i++)
        {
          if (g_str_has_prefix (list[i], "fr"))
            return g_strdup (g_str_has_prefix (messages, "fr_") ? messages : "fr_FR.UTF-8");
          if (g_str_has_prefix (list[i], "en"))
            return g_strdup (g_str_has_prefix (messages, "en_") ? messages : "en_GB.UTF-8");
        }
    }
  return g_strdup (messages != NULL ? messages : "C.UTF-8");
}

/* GLib decides once per process, at the first g_dgettext(), whether to
 * translate at all: not when the locale is neither C nor English and the
 * application's catalogue has nothing for it (C.UTF-8, or de_DE, say). A
 * person who then picks French in CARE would get English forever from
 * everything that goes through g_dgettext (GtkBuilder, contexts). Making
 * that first call under the plain "C" locale settles it for good. */
static void
settle_glib_translation_check (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));

  setlocale (LC_MESSAGES, "C");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  setlocale (LC_MESSAGES, saved);
}

/* Call from main(), after setlocale (LC_ALL, "") and before any thread. */
void
care_language_init_process (void)
{
  g_clear_pointer (&system_locale_name, g_free);
  system_locale_name = guess_system_locale ();
  g_unsetenv ("LANGUAGE");
  settle_glib_translation_check ();
}

static locale_t
get_locale (CareLanguage language)
{
  if (locales[language] == (locale_t) 0)
    locales[language] = newlocale (SWITCHED_CATEGORIES, locale_name_for (language), (locale_t) 0);
  return locales[language];
}

/* Switches the calling thread (the main thread) and every worker that
 * calls care_language_use_in_thread() afterwards. Returns FALSE when the
 * locale is not installed; the language is left as it was. */
gboolean
care_language_set (CareLanguage language)
{
  locale_t l;

  g_return_val_if_fail (language <= CARE_LANGUAGE_ENGLISH, FALSE);

  g_mutex_lock (&lock);
  l = get_locale (language);
  if (l != (locale_t) 0)
    {
      current = language;
      current_locale = l;
      uselocale (l);
      /* gettext caches lookups; this tells it the catalogues may differ. */
      ++_nl_msg_cat_cntr;
    }
  g_mutex_unlock (&lock);

  return l != (locale_t) 0;
}

CareLanguage
care_language_get (void)
{
  return current;
}

/* "fr" or "en": the language the interface is actually in. */
const char *
care_language_get_code (void)
{
  const char *name = current_locale != (locale_t) 0
                       ? locale_name_for (current)
                       : setlocale (LC_MESSAGES, NULL);

  return name != NULL && g_str_has_prefix (name, "fr") ? "fr" : "en";
}

void
care_language_use_in_thread (void)
{
  locale_t l;

  g_mutex_lock (&lock);
  l = current_locale;
  g_mutex_unlock (&lock);

  if (l != (locale_t) 0)
    uselocale (l);
}

static void
run_in_language (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GTaskThreadFunc func = (GTaskThreadFunc) g_object_get_data (G_OBJECT (task), "care-language-func");

  care_language_use_in_thread ();
  func (task, source_object, task_data, cancellable);
}

/* g_task_run_in_thread(), with what the worker reports (errors, labels) in
 * the interface's language: every worker of CARE starts through here. */
void
care_language_run_in_thread (GTask           *task,
                             GTaskThreadFunc  func)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  g_object_set_data (G_OBJECT (task), "care-language-func", (gpointer) func);
  g_task_run_in_thread (task, run_in_language);
}

CareLanguage
care_language_from_string (const char *text)
{
  if (g_strcmp0 (text, "fr") == 0)
    return CARE_LANGUAGE_FRENCH;
  if (g_strcmp0 (text, "en") == 0)
    return CARE_LANGUAGE_ENGLISH;
  return CARE_LANGUAGE_SYSTEM;
}

const char *
care_language_to_string (CareLanguage language)
{
  switch (language)
    {
    case CARE_LANGUAGE_FRENCH:
      return "fr";
    case CARE_LANGUAGE_ENGLISH:
      return "en";
    case CARE_LANGUAGE_SYSTEM:
    default:
      return "system";
    }
}
