/* care-document-catalog.h — translations for documents in a language
 * other than the interface's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A plan is printed in the beneficiary's language whatever language the
 * interface speaks, and gettext cannot be asked for another language
 * without touching the process's locale or the LANGUAGE variable (which
 * overrides any per-thread locale). So documents read CARE's compiled
 * catalogue and iso-codes' one themselves; English, the source language,
 * needs no catalogue. Catalogues are loaded once and shared; lookups are
 * thread-safe. */

typedef struct _CareDocumentCatalog CareDocumentCatalog;

/* Never NULL: a language without a catalogue translates nothing. */
CareDocumentCatalog *care_document_catalog_get      (const char          *language);

const char          *care_document_catalog_get_language (CareDocumentCatalog *catalog);

/* MSGID translated; CONTEXT as with NC_() (NULL for none). */
const char          *care_document_catalog_lookup   (CareDocumentCatalog *catalog,
                                                     const char          *context,
                                                     const char          *msgid);
const char          *care_document_catalog_lookup_plural (CareDocumentCatalog *catalog,
                                                          const char          *msgid,
                                                          const char          *msgid_plural,
                                                          gulong               n);

/* A country's name in the catalogue's language, from iso-codes. */
const char          *care_document_catalog_country  (CareDocumentCatalog *catalog,
                                                     const char          *code);

G_END_DECLS
