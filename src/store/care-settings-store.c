/* care-settings-store.c — the programme's settings, one row in the vault
 *
 * Settings live in the vault, not in GSettings, because they are the
 * programme's and not one person's: every coordinator who opens the vault
 * must count eligibility and targets alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include <stdlib.h>

#include "care-case-store.h"
#include "care-date.h"
#include "care-eligibility.h"
#include "care-history.h"
#include "care-issue.h"
#include "care-store-cache.h"
#include "care-store-sql.h"

enum {
  FIELD_HOST_COUNTRIES,
  FIELD_WINDOW_START,
  FIELD_WINDOW_END,
  FIELD_TARGET_BENEFICIARIES,
  FIELD_TARGET_MINORS,
  FIELD_FOLLOWUP_MONTHS,
  FIELD_FOLLOWUP_MAX_MONTHS,
  FIELD_CURRENCY,
  N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "host_countries", "window_start", "window_end", "target_beneficiaries",
  "target_minors", "followup_months", "followup_max_months", "currency",
};

/* Each setting as the text stored in its column (and shown in the history). */
static char *
format_field (const CareSettings *s,
              int                 field)
{
  GString *out;

  switch (field)
    {
    case FIELD_HOST_COUNTRIES:
      out = g_string_new (NULL);
      for (guint i = 0; i < s->host_countries->len; i++)
        g_string_append_printf (out, "%s%s", i ? "," : "", (const char *) g_ptr_array_index (s->host_countries, i));
      return g_string_free (out, FALSE);
    case FIELD_WINDOW_START:
      return care_date_format (&s->window_start);
    case FIELD_WINDOW_END:
      return care_date_format (&s->window_end);
    case FIELD_TARGET_BENEFICIARIES:
      return g_strdup_printf ("%u", s->target_beneficiaries);
    case FIELD_TARGET_MINORS:
      return g_strdup_printf ("%u", s->target_minors);
    case FIELD_FOLLOWUP_MONTHS:
      out = g_string_new (NULL);
      for (guint i = 0; i < s->followup_months->len; i++)
        g_string_append_printf (out, "%s%u", i ? "," : "", g_array_index (s->followup_months, guint, i));
      return g_string_free (out, FALSE);
    case FIELD_FOLLOWUP_MAX_MONTHS:
      return g_strdup_printf ("%u", s->followup_max_months);
    case FIELD_CURRENCY:
      return g_strdup (s->currency);
    default:
      g_assert_not_reached ();
    }
}

static void
parse_field (CareSettings *s,
             int           field,
             const char   *text)
{
  g_auto(GStrv) parts = NULL;

  switch (field)
    {
    case FIELD_HOST_COUNTRIES:
      parts = g_strsplit (text, ",", -1);
      care_settings_set_host_countries (s, (const char * const *) parts);
      break;
    case FIELD_WINDOW_START:
      care_date_parse (text, &s->window_start, NULL);
      break;
    case FIELD_WINDOW_END:
      care_date_parse (text, &s->window_end, NULL);
      break;
    case FIELD_TARGET_BENEFICIARIES:
      s->target_beneficiaries = (guint) g_ascii_strtoull (text, NULL, 10);
      break;
    case FIELD_TARGET_MINORS:
      s->target_minors = (guint) g_ascii_strtoull (text, NULL, 10);
      break;
    case FIELD_FOLLOWUP_MONTHS:
      {
        g_autoptr(GArray) months = g_array_new (FALSE, FALSE, sizeof (guint));
        parts = g_strsplit (text, ",", -1);
        for (guint i = 0; parts[i] != NULL; i++)
          if (*parts[i] != '\0')
            {
              guint month = (guint) g_ascii_strtoull (parts[i], NULL, 10);
              g_array_append_val (months, month);
            }
        care_settings_set_followup_months (s, (const guint *) (gpointer) months->data, months->len);
      }
      break;
    case FIELD_FOLLOWUP_MAX_MONTHS:
      s->followup_max_months = (guint) g_ascii_strtoull (text, NULL, 10);
      break;
    case FIELD_CURRENCY:
      g_free (s->currency);
      s->currency = g_strdup (text);
      break;
    default:
      g_assert_not_reached ();
    }
}

#define SETTINGS_COLUMNS "host_countries, window_start, window_end, target_beneficiaries, target_minors, " \
                         "followup_months, followup_max_months, currency"

CareSettings *
care_settings_store_load (CareVault  *vault,
                          GError    **error)
{
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(CareStoreStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CARE_IS_VAULT (vault), NULL);

  stmt = care_store_stmt (vault, "SELECT " SETTINGS_COLUMNS " FROM settings WHERE id = 1", error);
  if (stmt == NULL || !care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
    return NULL;

  /* Until a coordinator changes them, the leaflet's defaults apply. */
  settings = care_settings_new ();
  if (row)
    for (int i = 0; i < N_FIELDS; i++)
      parse_field (settings, i, (const char *) sqlite3_column_text (stmt, i));
  return g_steal_pointer (&settings);
}

/* Eligibility is cached per case for lists and numbers; when the host
 * countries or the window change, every case is judged again. The rules
 * need only four columns, so no case is loaded whole. */
static gboolean
refresh_eligibility (CareVault           *vault,
                     const CareSettings  *settings,
                     GError             **error)
{
  g_autoptr(CareCase) probe = care_case_new ();
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean row;

  {
    g_autoptr(CareStoreStmt) stmt =
      care_store_stmt (vault, "SELECT id, host_country, return_country, planned_return_date, arrival_date, "
                              "is_eligible FROM cases", error);
    if (stmt == NULL)
      return FALSE;
    while (TRUE)
      {
        gboolean eligible;

        if (!care_store_step_row (sqlite3_db_handle (stmt), stmt, &row, error))
          return FALSE;
        if (!row)
          break;
        g_free (probe->host_country);
        g_free (probe->return_country);
        probe->host_country = care_store_column_dup (stmt, 1);
        probe->return_country = care_store_column_dup (stmt, 2);
        care_store_column_date (stmt, 3, &probe->planned_return_date);
        care_store_column_date (stmt, 4, &probe->arrival_date);
        eligible = care_case_is_eligible (probe, settings);
        if (!eligible != !sqlite3_column_int (stmt, 5))
          {
            gint64 id = sqlite3_column_int64 (stmt, 0);
            g_array_append_val (changed, id);
          }
      }
  }

  for (guint i = 0; i < changed->len; i++)
    {
      g_autoptr(CareStoreStmt) stmt = care_store_stmt (vault, "UPDATE cases SET is_eligible = NOT is_eligible "
                                                              "WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (changed, gint64, i));
      if (!care_sql_step_done (sqlite3_db_handle (stmt), stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_settings (CareVault           *vault,
                const CareSettings  *settings,
                GError             **error)
{
  g_autoptr(CareSettings) old = care_settings_store_load (vault, error);
  g_autoptr(CareStoreStmt) stmt = NULL;
  char *values[N_FIELDS] = { NULL };
  CareHistoryWriter history;
  gboolean ok = TRUE, rules_changed = FALSE;

  if (old == NULL)
    return FALSE;

  care_history_writer_init (&history, vault, NULL);
  for (int i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *old_value = format_field (old, i);

      values[i] = format_field (settings, i);
      if (!ok || g_strcmp0 (old_value, values[i]) == 0)
        continue;
      if (i == FIELD_HOST_COUNTRIES || i == FIELD_WINDOW_START || i == FIELD_WINDOW_END)
        rules_changed = TRUE;
      ok = care_history_append (&history, "settings", 1, "update", field_names[i], old_value, values[i], error);
    }
  care_history_writer_clear (&history);

  if (ok)
    {
      stmt = care_store_stmt (vault, "INSERT INTO settings (id, " SETTINGS_COLUMNS ") "
                                     "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                     "host_countries = excluded.host_countries, window_start = excluded.window_start, "
                                     "window_end = excluded.window_end, "
                                     "target_beneficiaries = excluded.target_beneficiaries, "
                                     "target_minors = excluded.target_minors, "
                                     "followup_months = excluded.followup_months, "
                                     "followup_max_months = excluded.followup_max_months, "
                                     "currency = excluded.currency", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      for (int i = 0; i < N_FIELDS; i++)
        {
          if (i == FIELD_TARGET_BENEFICIARIES || i == FIELD_TARGET_MINORS || i == FIELD_FOLLOWUP_MAX_MONTHS)
            sqlite3_bind_int64 (stmt, i + 1, (sqlite3_int64) g_ascii_strtoull (values[i], NULL, 10));
          else
            care_store_bind_text (stmt, i + 1, values[i]);
        }
      ok = care_sql_step_done (sqlite3_db_handle (stmt), stmt, error);
    }
  for (int i = 0; i < N_FIELDS; i++)
    g_free (values[i]);

  return ok && (!rules_changed || refresh_eligibility (vault, settings, error));
}

gboolean
care_settings_store_save (CareVault           *vault,
                          const CareSettings  *settings,
                          GError             **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  issues = care_settings_validate (settings);
  if (issues->len > 0)
    {
      g_autofree char *text = care_issues_to_string (issues);
      g_set_error_literal (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID, text);
      return FALSE;
    }

  if (!care_store_savepoint (vault, error))
    return FALSE;
  if (!write_settings (vault, settings, error))
    {
      care_store_rollback_savepoint (vault);
      return FALSE;
    }
  return care_store_release_savepoint (vault, error);
}
