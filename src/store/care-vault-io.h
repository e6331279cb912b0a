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

G_END_DECLS
