/* care-issue.h — one reason why a record is refused or flagged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A GError says what went wrong; a CareIssue also says where (the field,
 * named as in the CSV columns, e.g. "date_of_birth"), so that an import
 * can point at a column and a form at an entry. The rules return every
 * issue at once, not the first one: a caseworker fixes a form in one go. */
typedef struct
{
  GQuark  domain;
  int     code;
  char   *field;    /* nullable */
  char   *message;  /* translated, one sentence */
} CareIssue;

#define CARE_TYPE_ISSUE (care_issue_get_type ())

GType       care_issue_get_type        (void) G_GNUC_CONST;
CareIssue  *care_issue_new             (GQuark           domain,
                                        int              code,
                                        const char      *field,
                                        const char      *message);
CareIssue  *care_issue_new_from_error  (const char      *field,
                                        const GError    *error);
CareIssue  *care_issue_copy            (const CareIssue *issue);
void        care_issue_free            (CareIssue       *issue);
gboolean    care_issue_matches         (const CareIssue *issue,
                                        GQuark           domain,
                                        int              code);

GPtrArray  *care_issues_new            (void);
void        care_issues_add            (GPtrArray       *issues,
                                        GQuark           domain,
                                        int              code,
                                        const char      *field,
                                        const char      *format,
                                        ...) G_GNUC_PRINTF (5, 6);
void        care_issues_take_error     (GPtrArray       *issues,
                                        const char      *field,
                                        GError          *error);
gboolean    care_issues_contain        (GPtrArray       *issues,
                                        GQuark           domain,
                                        int              code);
char       *care_issues_to_string      (GPtrArray       *issues);
gboolean    care_issues_to_error       (GPtrArray       *issues,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareIssue, care_issue_free)

G_END_DECLS
