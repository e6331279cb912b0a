/* care-vault-io.c — whole reads and writes on a file descriptor, with GError
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-vault"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "care-vault-error.h"
#include "care-vault-io.h"

static void
set_io_error (GError **error, int saved_errno)
{
  /* Translators: %s is the system's description of a disk error. */
  g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_IO,
               _("Could not read or write the vault: %s"), g_strerror (saved_errno));
}

/* Returns the number of bytes read, short only at the end of the file. */
gssize
care_vault_pread_full (int      fd,
                       void    *buf,
                       gsize    count,
                       goffset  offset,
                       GError **error)
{
  gsize done = 0;

  while (done < count)
    {
      gssize n = pread (fd, (char *) buf + done, count - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, errno);
          return -1;
        }
      if (n == 0)
        break;
      done += n;
    }
  return done;
}

gboolean
care_vault_pwrite_full (int         fd,
                        const void *buf,
                        gsize       count,
                        goffset     offset,
                        GError    **error)
{
  gsize done = 0;

  while (done < count)
    {
      gssize n = pwrite (fd, (const char *) buf + done, count - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, errno);
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

gboolean
care_vault_fsync (int      fd,
                  GError **error)
{
  while (fsync (fd) != 0)
    {
      if (errno == EINTR)
        continue;
      set_io_error (error, errno);
      return FALSE;
    }
  return TRUE;
}
