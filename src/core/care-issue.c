/* care-issue.c — one reason why a record is refused or flagged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-issue"

#include "config.h"

#include "care-issue.h"

G_DEFINE_BOXED_TYPE (CareIssue, care_issue, care_issue_copy, care_issue_free)

CareIssue *
care_issue_new (GQuark      domain,
                int         code,
                const char *field,
                const char *message)
{
  CareIssue *issue;

  g_return_val_if_fail (message != NULL, NULL);

  issue = g_new0 (CareIssue, 1);
  issue->domain = domain;
  issue->code = code;
  issue->field = g_strdup (field);
  issue->message = g_strdup (message);
  return issue;
}

CareIssue *
care_issue_new_from_error (const char   *field,
                           const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  return care_issue_new (error->domain, error->code, field, error->message);
}

CareIssue *
care_issue_copy (const CareIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  return care_issue_new (issue->domain, issue->code, issue->field, issue->message);
}

void
care_issue_free (CareIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->field);
  g_free (issue->message);
  g_free (issue);
}

gboolean
care_issue_matches (const CareIssue *issue,
                    GQuark           domain,
                    int              code)
{
  g_return_val_if_fail (issue != NULL, FALSE);

  return issue->domain == domain && issue->code == code;
}

GPtrArray *
care_issues_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) care_issue_free);
}

void
care_issues_add (GPtrArray  *issues,
                 GQuark      domain,
                 int         code,
                 const char *field,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (issues != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (issues, care_issue_new (domain, code, field, message));
}

void
care_issues_take_error (GPtrArray  *issues,
                        const char *field,
                        GError     *error)
{
  g_return_if_fail (issues != NULL);

  if (error == NULL)
    return;
  g_ptr_array_add (issues, care_issue_new_from_error (field, error));
  g_error_free (error);
}

gboolean
care_issues_contain (GPtrArray *issues,
                     GQuark     domain,
                     int        code)
{
  g_return_val_if_fail (issues != NULL, FALSE);

  for (guint i = 0; i < issues->len; i++)
    if (care_issue_matches (g_ptr_array_index (issues, i), domain, code))
      return TRUE;
  return FALSE;
}

char *
care_issues_to_string (GPtrArray *issues)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (issues != NULL, NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      const CareIssue *issue = g_ptr_array_index (issues, i);
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, issue->message);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* For callers that can only report one GError (care-cli's exit code 1):
 * the first issue's domain and code, every issue's message. */
gboolean
care_issues_to_error (GPtrArray  *issues,
                      GError    **error)
{
  const CareIssue *first;
  g_autofree char *text = NULL;

  g_return_val_if_fail (issues != NULL, FALSE);

  if (issues->len == 0)
    return TRUE;

  first = g_ptr_array_index (issues, 0);
  text = care_issues_to_string (issues);
  g_set_error_literal (error, first->domain, first->code, text);
  return FALSE;
}
