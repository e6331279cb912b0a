/* care-cli-cases.c — care-cli commands that read the case records:
 * list, show, followups, stats, history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "care-case-store.h"
#include "care-cli.h"
#include "care-cli-case-json.h"
#include "care-date.h"
#include "care-eligibility.h"
#include "care-issue.h"
#include "care-money.h"

static char *
format_date_or_empty (const GDate *date)
{
  return care_date_is_set (date) ? care_date_format (date) : g_strdup ("");
}

static gboolean
parse_date_option (const char *option,
                   const char *text,
                   GDate      *date,
                   int        *exit_code)
{
  g_autoptr(GError) error = NULL;

  care_date_unset (date);
  if (text == NULL)
    return TRUE;
  if (care_date_parse (text, date, &error))
    return TRUE;

  /* Translators: %1$s is an option (--from), %2$s the reason the date was refused. */
  g_printerr (_("care-cli: %1$s: %2$s\n"), option, error->message);
  *exit_code = CARE_EXIT_USAGE;
  return FALSE;
}

static void
summary_to_json (JsonBuilder           *b,
                 const CareCaseSummary *s)
{
  g_autofree char *next = care_date_is_set (&s->next_followup) ? care_date_format (&s->next_followup) : NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "case_number");
  json_builder_add_string_value (b, s->case_number);
  json_builder_set_member_name (b, "family_name");
  json_builder_add_string_value (b, s->family_name);
  json_builder_set_member_name (b, "given_names");
  json_builder_add_string_value (b, s->given_names);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, care_enum_to_nick (CARE_TYPE_CASE_STATUS, s->status));
  json_builder_set_member_name (b, "host_country");
  json_builder_add_string_value (b, s->host_country);
  json_builder_set_member_name (b, "return_country");
  json_builder_add_string_value (b, s->return_country);
  json_builder_set_member_name (b, "minor");
  json_builder_add_boolean_value (b, s->minor);
  json_builder_set_member_name (b, "next_followup");
  if (next != NULL)
    json_builder_add_string_value (b, next);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

int
care_cli_list (const CareCliGlobals *globals,
               int                   argc,
               char                **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *search = NULL;
  g_autofree char *status = NULL;
  g_autofree char *host = NULL;
  gboolean minors = FALSE, overdue = FALSE;
  int limit = 0;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  CareCaseQuery query = { 0 };
  int exit_code;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Words the cases must match (names, case number, destination, organisation; "
         "beginnings of words are enough, accents and case do not matter)"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only cases at this stage: referred, assessed, plan-agreed, returned, in-follow-up, closed"),
      N_("STATUS") },
    { "host-country", 0, 0, G_OPTION_ARG_STRING, &host, N_("Only cases referred from this country"), N_("CODE") },
    { "minors", 0, 0, G_OPTION_ARG_NONE, &minors, N_("Only minors"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only cases with an overdue follow-up"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many cases"), N_("N") },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("list", "", _("List cases, with filters."),
                               entries, &argc, &argv, 0, 0, &exit_code))
    return exit_code;

  query.search = search;
  query.host_country = host;
  query.minors_only = minors;
  query.overdue_only = overdue;
  query.limit = MAX (limit, 0);
  if (status != NULL)
    {
      int value;

      if (!care_enum_from_nick (CARE_TYPE_CASE_STATUS, status, &value))
        {
          /* Translators: %s is what was typed after --status. */
          g_printerr (_("care-cli: unknown status “%s”: use referred, assessed, plan-agreed, "
                        "returned, in-follow-up or closed\n"), status);
          return CARE_EXIT_USAGE;
        }
      query.by_status = TRUE;
      query.status = value;
    }

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL || (cases = care_case_store_list (vault, &query, &error)) == NULL)
    return care_cli_report_error (error);

  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < cases->len; i++)
        summary_to_json (b, g_ptr_array_index (cases, i));
      json_builder_end_array (b);
      care_cli_print_json (json_builder_get_root (b));
      return CARE_EXIT_OK;
    }

  for (guint i = 0; i < cases->len; i++)
    {
      const CareCaseSummary *s = g_ptr_array_index (cases, i);
      g_autofree char *next = format_date_or_empty (&s->next_followup);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s->case_number, s->family_name, s->given_names,
               care_enum_to_nick (CARE_TYPE_CASE_STATUS, s->status), s->host_country,
               s->return_country, s->minor ? "minor" : "", next);
    }
  if (cases->len == 0)
    g_printerr (_("No case matches.\n"));
  return CARE_EXIT_OK;
}

static void
print_case_text (const CareCase     *c,
                 const CareSettings *settings)
{
  g_autofree char *number = care_case_number_format (&c->number);
  g_autofree char *birth = care_birth_date_is_set (&c->person->date_of_birth)
                             ? care_birth_date_format (&c->person->date_of_birth) : g_strdup ("");
  g_autofree char *referral = format_date_or_empty (&c->referral_date);
  g_autofree char *planned = format_date_or_empty (&c->planned_return_date);
  g_autofree char *arrival = format_date_or_empty (&c->arrival_date);
  g_autoptr(GPtrArray) reasons = care_case_check_eligibility (c, settings);
  const CarePlanVersion *version = care_plan_get_current (c->plan);

  g_print ("%s\t%s\n", _("Case"), number);
  g_print ("%s\t%s %s\n", _("Name"), c->person->family_name, c->person->given_names);
  g_print ("%s\t%s\n", _("Date of birth"), birth);
  g_print ("%s\t%s\n", _("Status"), care_case_status_get_label (care_case_get_status (c)));
  g_print ("%s\t%s → %s %s\n", _("Return"), c->host_country, c->return_country,
           c->destination != NULL ? c->destination : "");
  g_print ("%s\t%s\n", _("Referred on"), referral);
  g_print ("%s\t%s\n", _("Planned return"), planned);
  g_print ("%s\t%s\n", _("Arrival"), arrival);
  if (care_case_is_minor (c))
    g_print ("%s\t%s\n", _("Minor"), _("yes"));
  if (reasons->len == 0)
    g_print ("%s\t%s\n", _("Eligible"), _("yes"));
  else
    for (guint i = 0; i < reasons->len; i++)
      g_print ("%s\t%s\n", _("Not eligible"), ((CareIssue *) g_ptr_array_index (reasons, i))->message);

  if (version != NULL)
    {
      g_print ("%s\t%u (%s)\n", _("Plan version"), version->number,
               care_plan_state_get_label (version->state));
      for (guint i = 0; i < version->measures->len; i++)
        {
          const CareMeasure *m = g_ptr_array_index (version->measures, i);
          g_autofree char *budget = care_money_format (m->budget_cents);

          g_print ("  %s\t%s\t%s %s\t%s\n", care_measure_category_get_label (m->category),
                   m->description, budget, m->currency, care_measure_status_get_label (m->status));
        }
    }

  for (guint i = 0; i < c->followups->len; i++)
    {
      const CareFollowUp *f = g_ptr_array_index (c->followups, i);
      g_autofree char *due = format_date_or_empty (&f->due_on);
      g_autofree char *done = format_date_or_empty (&f->done_on);

      g_print ("%s\t%s\t%s\n", _("Follow-up due"), due,
               care_date_is_set (&f->done_on) ? done
               : care_date_is_set (&f->cancelled_on) ? _("cancelled") : "");
    }
}

int
care_cli_show (const CareCliGlobals *globals,
               int                   argc,
               char                **argv)
{
  g_autofree char *user = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareCase) care_case = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("show", "CASE_NUMBER", _("Show everything recorded about one case."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL ||
      (settings = care_settings_store_load (vault, &error)) == NULL ||
      (care_case = care_case_store_load (vault, argv[1], &error)) == NULL)
    return care_cli_report_error (error);

  if (globals->format == CARE_FORMAT_JSON)
    care_cli_print_json (care_cli_case_to_json (care_case, settings));
  else
    print_case_text (care_case, settings);
  return CARE_EXIT_OK;
}

int
care_cli_followups (const CareCliGlobals *globals,
                    int                   argc,
                    char                **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean overdue = FALSE;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GDate from, to;
  int exit_code;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Due on or after this date (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Due on or before this date (YYYY-MM-DD)"), N_("DATE") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only follow-ups past their due date and not done"), NULL },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("followups", "", _("List follow-ups across cases, by due date."),
                               entries, &argc, &argv, 0, 0, &exit_code) ||
      !parse_date_option ("--from", from_text, &from, &exit_code) ||
      !parse_date_option ("--to", to_text, &to, &exit_code))
    return exit_code;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL ||
      (rows = care_case_store_list_followups (vault, &from, &to, overdue, NULL, &error)) == NULL)
    return care_cli_report_error (error);

  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const CareFollowUpRow *r = g_ptr_array_index (rows, i);
      g_autofree char *due = format_date_or_empty (&r->due_on);
      g_autofree char *done = format_date_or_empty (&r->done_on);
      const char *state = care_date_is_set (&r->done_on) ? "done" : r->overdue ? "overdue" : "scheduled";

      if (globals->format == CARE_FORMAT_TEXT)
        {
          g_print ("%s\t%s\t%s %s\t%u\t%s\t%s\n", due, r->case_number, r->family_name, r->given_names,
                   r->months_after_arrival, state, done);
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "case_number");
      json_builder_add_string_value (b, r->case_number);
      json_builder_set_member_name (b, "family_name");
      json_builder_add_string_value (b, r->family_name);
      json_builder_set_member_name (b, "given_names");
      json_builder_add_string_value (b, r->given_names);
      json_builder_set_member_name (b, "months_after_arrival");
      json_builder_add_int_value (b, r->months_after_arrival);
      json_builder_set_member_name (b, "due_on");
      json_builder_add_string_value (b, due);
      json_builder_set_member_name (b, "done_on");
      if (care_date_is_set (&r->done_on))
        json_builder_add_string_value (b, done);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "mode");
      json_builder_add_string_value (b, care_enum_to_nick (CARE_TYPE_FOLLOW_UP_MODE, r->mode));
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, state);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (globals->format == CARE_FORMAT_JSON)
    care_cli_print_json (json_builder_get_root (b));
  return CARE_EXIT_OK;
}

static void
add_count_table (JsonBuilder *b,
                 const char  *name,
                 GHashTable  *table)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (b, l->data);
      json_builder_add_int_value (b, GPOINTER_TO_UINT (g_hash_table_lookup (table, l->data)));
    }
  json_builder_end_object (b);
}

static void
add_uint (JsonBuilder *b,
          const char  *name,
          guint        value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
print_count_table (const char *title,
                   GHashTable *table)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);

  g_print ("%s\n", title);
  for (const GList *l = keys; l != NULL; l = l->next)
    g_print ("  %-24s %u\n", (const char *) l->data, GPOINTER_TO_UINT (g_hash_table_lookup (table, l->data)));
}

int
care_cli_stats (const CareCliGlobals *globals,
                int                   argc,
                char                **argv)
{
  g_autofree char *user = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(CareStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *spent = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("stats", "", _("The programme's numbers against its targets."),
                               entries, &argc, &argv, 0, 0, &exit_code))
    return exit_code;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL ||
      (settings = care_settings_store_load (vault, &error)) == NULL ||
      (stats = care_case_store_get_stats (vault, settings, NULL, &error)) == NULL)
    return care_cli_report_error (error);

  planned = care_money_format (stats->budget_planned_cents);
  spent = care_money_format (stats->budget_spent_cents);

  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_uint (b, "beneficiaries", stats->beneficiaries);
      add_uint (b, "minors", stats->minors);
      add_uint (b, "eligible", stats->eligible);
      add_uint (b, "eligible_minors", stats->eligible_minors);
      add_uint (b, "target_beneficiaries", stats->target_beneficiaries);
      add_uint (b, "target_minors", stats->target_minors);
      add_count_table (b, "by_host_country", stats->by_host_country);
      add_count_table (b, "by_return_country", stats->by_return_country);
      add_count_table (b, "by_status", stats->by_status);
      add_count_table (b, "by_measure_category", stats->by_measure_category);
      add_uint (b, "followups_done", stats->followups_done);
      add_uint (b, "followups_scheduled", stats->followups_scheduled);
      add_uint (b, "followups_overdue", stats->followups_overdue);
      json_builder_set_member_name (b, "budget_planned");
      json_builder_add_string_value (b, planned);
      json_builder_set_member_name (b, "budget_spent");
      json_builder_add_string_value (b, spent);
      json_builder_set_member_name (b, "currency");
      json_builder_add_string_value (b, stats->currency);
      json_builder_end_object (b);
      care_cli_print_json (json_builder_get_root (b));
      return CARE_EXIT_OK;
    }

  /* Translators: "eligible X of target Y". */
  g_print (_("Beneficiaries: %u (eligible: %u of a target of %u)\n"),
           stats->beneficiaries, stats->eligible, stats->target_beneficiaries);
  g_print (_("Minors: %u (eligible: %u of a target of %u)\n"),
           stats->minors, stats->eligible_minors, stats->target_minors);
  g_print (_("Follow-ups: %u done, %u scheduled, %u overdue\n"),
           stats->followups_done, stats->followups_scheduled, stats->followups_overdue);
  g_print (_("Budget: %s %s planned, %s %s spent\n"), planned, stats->currency, spent, stats->currency);
  print_count_table (_("By host country:"), stats->by_host_country);
  print_count_table (_("By country of return:"), stats->by_return_country);
  print_count_table (_("By status:"), stats->by_status);
  print_count_table (_("Measures by category:"), stats->by_measure_category);
  return CARE_EXIT_OK;
}

int
care_cli_history (const CareCliGlobals *globals,
                  int                   argc,
                  char                **argv)
{
  g_autofree char *user = NULL;
  int limit = 0;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int exit_code;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many changes"), N_("N") },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("history", "[CASE_NUMBER]",
                               _("The changes made to one case, or to everything, newest first."),
                               entries, &argc, &argv, 0, 1, &exit_code))
    return exit_code;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL ||
      (entries_found = care_history_list (vault, argc > 1 ? argv[1] : NULL, MAX (limit, 0), &error)) == NULL)
    return care_cli_report_error (error);

  json_builder_begin_array (b);
  for (guint i = 0; i < entries_found->len; i++)
    {
      const CareHistoryEntry *e = g_ptr_array_index (entries_found, i);

      if (globals->format == CARE_FORMAT_TEXT)
        {
          g_print ("%s\t%s\t%s\t%s %s\t%s", e->at, e->who, e->case_number ? e->case_number : "",
                   e->action, e->record, e->field ? e->field : "");
          if (e->field != NULL)
            g_print ("\t%s → %s", e->old_value ? e->old_value : "∅", e->new_value ? e->new_value : "∅");
          g_print ("\n");
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "at");
      json_builder_add_string_value (b, e->at);
      json_builder_set_member_name (b, "who");
      json_builder_add_string_value (b, e->who);
      json_builder_set_member_name (b, "case_number");
      json_builder_add_string_value (b, e->case_number);
      json_builder_set_member_name (b, "record");
      json_builder_add_string_value (b, e->record);
      json_builder_set_member_name (b, "record_id");
      json_builder_add_int_value (b, e->record_id);
      json_builder_set_member_name (b, "action");
      json_builder_add_string_value (b, e->action);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, e->field);
      json_builder_set_member_name (b, "old_value");
      json_builder_add_string_value (b, e->old_value);
      json_builder_set_member_name (b, "new_value");
      json_builder_add_string_value (b, e->new_value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (globals->format == CARE_FORMAT_JSON)
    care_cli_print_json (json_builder_get_root (b));
  return CARE_EXIT_OK;
}
