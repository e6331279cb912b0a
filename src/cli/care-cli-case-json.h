/* care-cli-case-json.h — a whole case as JSON, for care-cli show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "care-case.h"
#include "care-settings.h"

G_BEGIN_DECLS

JsonNode *care_cli_case_to_json (const CareCase     *care_case,
                                 const CareSettings *settings);

G_END_DECLS
