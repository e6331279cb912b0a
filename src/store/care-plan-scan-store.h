/* care-plan-scan-store.h — the scan of a signed plan, kept in the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-vault.h"

G_BEGIN_DECLS

/* The paper the three parties signed, scanned: proof of what was agreed.
 * It is attached to an agreed version only (a draft was never signed),
 * stored encrypted like every other record, one per version; attaching
 * another replaces it, and both are in the history. */

#define CARE_PLAN_SCAN_MAX_BYTES (25 * 1024 * 1024)

typedef struct
{
  char   *case_number;
  guint   version;
  char   *media_type;     /* application/pdf, image/png or image/jpeg */
  char   *file_name;      /* as it was attached, without its directory */
  gsize   size;
  char   *attached_at;    /* ISO 8601, UTC */
  char   *attached_by;
  GBytes *data;           /* NULL unless asked for */
} CarePlanScan;

void          care_plan_scan_free          (CarePlanScan *scan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarePlanScan, care_plan_scan_free)

/* The media type of DATA by its first bytes, or NULL if it is not a PDF,
 * PNG or JPEG file. */
const char   *care_plan_scan_sniff         (const guint8 *data,
                                            gsize         length);

gboolean      care_plan_scan_store_attach  (CareVault    *vault,
                                            const char   *case_number,
                                            guint         version,
                                            const char   *file_name,
                                            GBytes       *data,
                                            GError      **error);
/* NULL with CARE_VAULT_ERROR_NOT_FOUND when the version has no scan. */
CarePlanScan *care_plan_scan_store_get     (CareVault    *vault,
                                            const char   *case_number,
                                            guint         version,
                                            gboolean      with_data,
                                            GError      **error);
/* CarePlanScan without data, every version of the case that has one. */
GPtrArray    *care_plan_scan_store_list    (CareVault    *vault,
                                            const char   *case_number,
                                            GError      **error);

G_END_DECLS
