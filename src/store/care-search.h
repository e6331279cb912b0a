/* care-search.h — the full-text index of cases and name matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "care-case.h"
#include "care-vault.h"

G_BEGIN_DECLS

char     *care_search_fold_name      (const char     *name);
char     *care_search_name_key       (const CarePerson *person);
char     *care_search_build_query    (const char     *text);

gboolean  care_search_index_case     (CareVault      *vault,
                                      const CareCase *care_case,
                                      const char     *case_number,
                                      gboolean        replace,
                                      GError        **error);
gboolean  care_search_unindex_case   (CareVault      *vault,
                                      gint64          id,
                                      GError        **error);

/* Inside care_store_begin/commit the index is written once, at commit. */
void      care_search_defer          (CareVault      *vault);
guint     care_search_pending_mark   (CareVault      *vault);
void      care_search_forget_pending (CareVault      *vault,
                                      guint           mark);
gboolean  care_search_flush          (CareVault      *vault,
                                      gboolean        stop_deferring,
                                      GError        **error);

/* How many cases MATCH (a query of care_search_build_query) finds: the
 * prefix index answers this in a few milliseconds even for one letter. */
gboolean  care_search_count_matches  (CareVault      *vault,
                                      const char     *match,
                                      guint          *n_matches,
                                      GError        **error);

G_END_DECLS
