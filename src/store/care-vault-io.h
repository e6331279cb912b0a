/* care-vault-io.h — whole reads and writes on a file descriptor, with GError
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gssize   care_vault_pread_full  (int           fd,
                                 void         *buf,
                                 gsize         count,
                                 goffset       offset,
                                 GError      **error);
gboolean care_vault_pwrite_full (int           fd,
                                 const void   *buf,
                                 gsize         count,
                                 goffset       offset,
                                 GError      **error);
gboolean care_vault_fsync       (int           fd,
                                 GError      **error);

/* The vault's own structures are little-endian whatever the machine. */
static inline void
care_vault_put_u32 (guint8 *p, guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static inline void
care_vault_put_u64 (guint8 *p, guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static inline guint32
care_vault_get_u32 (const guint8 *p)
{
  guint32 v = 0;

  for (int i = 3; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static inline guint64
care_vault_get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

G_END_DECLS
