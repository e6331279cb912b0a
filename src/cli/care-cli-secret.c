/* care-cli-secret.c — reading passphrases without echo or leftovers
 *
 * On a terminal the passphrase is typed without echo; otherwise each call
 * takes the next line of standard input, so scripts can pipe secrets in. The
 * input is read a byte at a time so that no stdio buffer keeps a copy of
 * the next secret in ordinary memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <gio/gio.h>

#include "care-cli-secret.h"

#define SECRET_MAX 1024

void
care_cli_secret_free (CareSecret *secret)
{
  if (secret != NULL)
    sodium_free (secret);
}

static gboolean
read_line (char    *buffer,
           GError **error)
{
  gsize length = 0;

  for (;;)
    {
      char c;
      gssize n = read (STDIN_FILENO, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Could not read the passphrase: %s"), g_strerror (errno));
          return FALSE;
        }
      if (n == 0 && length == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("No passphrase was given on standard input."));
          return FALSE;
        }
      if (n == 0 || c == '\n')
        break;
      if (length == SECRET_MAX)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The passphrase is too long: use at most 1024 bytes."));
          return FALSE;
        }
      buffer[length++] = c;
    }

  if (length > 0 && buffer[length - 1] == '\r')
    length--;
  buffer[length] = '\0';
  return TRUE;
}

CareSecret *
care_cli_read_secret (const char  *prompt,
                      GError     **error)
{
  char *secret;
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  gboolean ok;

  if (sodium_init () < 0 || (secret = sodium_malloc (SECRET_MAX + 1)) == NULL)
    g_error ("could not allocate guarded memory for a passphrase");

  if (terminal)
    {
      fprintf (stderr, "%s ", prompt);
      fflush (stderr);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(ECHO | ECHONL);
      quiet.c_lflag |= ICANON;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  ok = read_line (secret, error);

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fputc ('\n', stderr);
    }

  if (!ok)
    {
      sodium_free (secret);
      return NULL;
    }
  return secret;
}

/* A new passphrase is asked twice on a terminal: a typo would lock its
 * owner out. From a script, once. */
CareSecret *
care_cli_read_new_secret (const char  *prompt,
                          const char  *repeat_prompt,
                          GError     **error)
{
  g_autoptr(CareSecret) first = NULL;
  g_autoptr(CareSecret) second = NULL;

  first = care_cli_read_secret (prompt, error);
  if (first == NULL || !isatty (STDIN_FILENO))
    return g_steal_pointer (&first);

  second = care_cli_read_secret (repeat_prompt, error);
  if (second == NULL)
    return NULL;

  if (strcmp (first, second) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The two passphrases differ; nothing was changed."));
      return NULL;
    }
  return g_steal_pointer (&first);
}
