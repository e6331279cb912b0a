/* care-case-documents.h — a case's Documents page: the files attached to
 * it and the scans of its signed plans, kept encrypted in the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_CASE_DOCUMENTS (care_case_documents_get_type())

G_DECLARE_FINAL_TYPE (CareCaseDocuments, care_case_documents, CARE, CASE_DOCUMENTS, GtkWidget)

/* The case shown, or none (NULL: a case not saved yet, or the vault
 * locked): what was shown is forgotten, Undo included. */
void      care_case_documents_set_case     (CareCaseDocuments *self,
                                            CareVault         *vault,
                                            const char        *case_number);
void      care_case_documents_reload       (CareCaseDocuments *self);
/* Reads and stores FILES off the main thread, one after the other, with a
 * progress bar; what the file chooser and a drop both call. */
void      care_case_documents_attach_files (CareCaseDocuments *self,
                                            GFile * const     *files,
                                            guint              n_files);
/* Whether a worker (attaching, saving, previewing, removing) is running. */
gboolean  care_case_documents_get_busy     (CareCaseDocuments *self);

G_END_DECLS
