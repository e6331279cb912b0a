/* care-case-store.h — cases, follow-ups, partners, settings and their
 * history, kept in the vault
 *
 * The only door from the rest of CARE to the case records: the GUI, the
 * CLI and the documents call these functions and never see SQL. Every
 * write runs in a transaction (a SAVEPOINT, so it nests inside
 * care_store_begin/commit for all-or-nothing imports), validates first and
 * changes nothing when it refuses, derives the case status, and appends
 * to the hash-chained history who (the vault's user) changed what.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "care-case.h"
#include "care-partner.h"
#include "care-settings.h"
#include "care-vault.h"

G_BEGIN_DECLS

/* --- transactions spanning several calls (imports, the demo generator) --- */

gboolean   care_store_begin             (CareVault  *vault,
                                         GError    **error);
gboolean   care_store_commit            (CareVault  *vault,
                                         GError    **error);
void       care_store_rollback          (CareVault  *vault);

/* --- programme settings, shared by everyone who opens the vault --- */

CareSettings *care_settings_store_load  (CareVault          *vault,
                                         GError            **error);
gboolean   care_settings_store_save     (CareVault          *vault,
                                         const CareSettings *settings,
                                         GError            **error);

/* --- cases --- */

/* Validates CARE_CASE (care_case_validate; refusal = CARE_VAULT_ERROR_INVALID
 * whose message lists every reason, nothing written), gives it a case number
 * when it has none (host country, year of referral, next sequence for that
 * pair), brings its follow-up schedule up to date (care_case_update_schedule),
 * writes every section, refreshes the search index and records the history.
 * Fills in the ids of the case and of its new parts. TODAY is the date
 * rules compare with (NULL: the local date). */
gboolean   care_case_store_save         (CareVault          *vault,
                                         CareCase           *care_case,
                                         const CareSettings *settings,
                                         const GDate        *today,
                                         GError            **error);
CareCase  *care_case_store_load         (CareVault          *vault,
                                         const char         *case_number,
                                         GError            **error);
CareCase  *care_case_store_load_by_id   (CareVault          *vault,
                                         gint64              id,
                                         GError            **error);
gboolean   care_case_store_delete       (CareVault          *vault,
                                         const char         *case_number,
                                         GError            **error);

/* The case number of a case whose person has the same names (ignoring case
 * and accents) and date of birth, or NULL. */
char      *care_case_store_find_duplicate (CareVault        *vault,
                                           const CarePerson *person,
                                           GError          **error);

/* What a list of cases shows: light enough for 100,000 rows. */
typedef struct {
  gint64          id;
  char           *case_number;
  char           *family_name;
  char           *given_names;
  CareCaseStatus  status;
  char           *host_country;
  char           *return_country;
  gboolean        minor;
  gboolean        eligible;
  GDate           next_followup;     /* cleared when none is pending */
  guint           overdue_followups;
} CareCaseSummary;

void       care_case_summary_free       (CareCaseSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareCaseSummary, care_case_summary_free)

/* How a list of cases is ordered; the case number breaks ties. */
typedef enum {
  CARE_CASE_ORDER_NUMBER,
  CARE_CASE_ORDER_NAME,              /* as the list shows it, collated in the thread's locale */
  CARE_CASE_ORDER_HOST_COUNTRY,      /* by the country's name in the thread's language */
  CARE_CASE_ORDER_RETURN_COUNTRY,
  CARE_CASE_ORDER_STATUS,            /* by stage, referred first */
  CARE_CASE_ORDER_MINOR,             /* adults first */
  CARE_CASE_ORDER_NEXT_FOLLOWUP,     /* soonest first, cases with none last */
} CareCaseOrder;

typedef struct {
  const char     *search;            /* words; each matches as a prefix, ignoring
                                        case and accents, in names, case number,
                                        destination and organisation; NULL: all */
  gboolean        by_status;
  CareCaseStatus  status;
  const char     *host_country;      /* NULL: any */
  gboolean        minors_only;
  gboolean        overdue_only;
  GDate           today;             /* for "overdue"; cleared: the local date */
  CareCaseOrder   order;
  gboolean        descending;
  guint           limit;             /* 0: no limit; the first rows in case-number order */
  GCancellable   *cancellable;       /* cancelled: the query stops inside SQLite
                                        and fails with G_IO_ERROR_CANCELLED; NULL: runs to the end */
  /* When the answer is long and in case-number order, called in the
   * calling thread with its first CARE_CASE_FIRST_ROWS rows (the function
   * owns them) before the rest is read, so that a list can show them at
   * once. NULL: not called. */
  void          (*first_rows)        (GPtrArray *rows,
                                      gpointer   user_data);
  gpointer        first_rows_data;
} CareCaseQuery;

#define CARE_CASE_FIRST_ROWS 100

/* CareCaseSummary, in the query's order. */
GPtrArray *care_case_store_list         (CareVault           *vault,
                                         const CareCaseQuery *query,
                                         GError             **error);

/* What an export needs of every case, ordered by case number, read in one
 * statement instead of a load per case. FUNC gets, for each case, a
 * CareCase of which only the case row is filled: id, number, person,
 * countries, destination, referral, dates, consents, notes, assessment —
 * no plan, arrival items, follow-ups or closure. The same CareCase is
 * reused for the next row: FUNC must not keep it or anything it points
 * to. INDEX counts from 0 and N_CASES is how many cases the vault held
 * when the call began (for progress). FUNC returns FALSE, with ERROR set,
 * to stop; that error is then returned. */
typedef gboolean (*CareCaseRowFunc) (const CareCase  *care_case,
                                     guint            index,
                                     guint            n_cases,
                                     gpointer         user_data,
                                     GError         **error);

gboolean   care_case_store_foreach_export_row (CareVault        *vault,
                                               CareCaseRowFunc   func,
                                               gpointer          user_data,
                                               guint            *out_n_cases,
                                               GError          **error);

/* --- follow-ups across cases --- */

typedef struct {
  char             *case_number;
  char             *family_name;
  char             *given_names;
  gint64            followup_id;
  guint             months_after_arrival;
  GDate             due_on;
  GDate             done_on;
  CareFollowUpMode  mode;
  gboolean          overdue;
} CareFollowUpRow;

void       care_follow_up_row_free      (CareFollowUpRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareFollowUpRow, care_follow_up_row_free)

/* Pending and done follow-ups due between FROM and TO (either may be
 * cleared for no bound), cancelled ones left out, ordered by due date. */
GPtrArray *care_case_store_list_followups (CareVault    *vault,
                                           const GDate  *from,
                                           const GDate  *to,
                                           gboolean      overdue_only,
                                           const GDate  *today,
                                           GError      **error);

/* --- the programme's numbers --- */

typedef struct {
  guint       beneficiaries;          /* every case */
  guint       minors;
  guint       eligible;
  guint       eligible_minors;
  guint       target_beneficiaries;
  guint       target_minors;
  GHashTable *by_host_country;        /* char * → GUINT_TO_POINTER */
  GHashTable *by_return_country;
  GHashTable *by_status;              /* status nick → count */
  GHashTable *by_measure_category;    /* category nick → count of measures */
  guint       followups_done;
  guint       followups_scheduled;    /* pending, not overdue */
  guint       followups_overdue;
  gint64      budget_planned_cents;   /* current plan versions, settings' currency */
  gint64      budget_spent_cents;
  char       *currency;
} CareStats;

void       care_stats_free              (CareStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareStats, care_stats_free)

CareStats *care_case_store_get_stats    (CareVault          *vault,
                                         const CareSettings *settings,
                                         const GDate        *today,
                                         GError            **error);

/* The measures' numbers of the stats come from running totals that every
 * save and delete keeps up to date. This recounts them from the measures
 * of every current plan version; PROBLEMS lists each (category, currency)
 * whose stored totals differ (empty when all agree). Only a vault written
 * outside CARE (the sqlite3 shell) can make them differ. */
gboolean   care_case_store_verify_totals  (CareVault   *vault,
                                           GPtrArray  **problems,
                                           GError     **error);
/* Replaces the running totals with a recount. */
gboolean   care_case_store_rebuild_totals (CareVault   *vault,
                                           GError     **error);

/* --- partner organisations --- */

GPtrArray   *care_partner_store_list      (CareVault    *vault,
                                           GError      **error);
CarePartner *care_partner_store_find_by_name (CareVault  *vault,
                                              const char *name,
                                              GError    **error);
gboolean     care_partner_store_save      (CareVault    *vault,
                                           CarePartner  *partner,
                                           GError      **error);
gboolean     care_partner_store_delete    (CareVault    *vault,
                                           gint64        id,
                                           GError      **error);

/* --- history --- */

typedef struct {
  gint64  id;
  char   *at;            /* ISO 8601, UTC */
  char   *who;           /* the key slot's name */
  char   *case_number;   /* NULL for partners and settings */
  char   *record;        /* "case", "measure", "followup", "partner", … */
  gint64  record_id;
  char   *action;        /* "create", "update", "delete" */
  char   *field;         /* NULL for create and delete */
  char   *old_value;
  char   *new_value;
} CareHistoryEntry;

void       care_history_entry_free      (CareHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareHistoryEntry, care_history_entry_free)

/* Newest first; CASE_NUMBER NULL for everything. */
GPtrArray *care_history_list            (CareVault   *vault,
                                         const char  *case_number,
                                         guint        limit,
                                         GError     **error);
/* Recomputes the hash chain; PROBLEMS lists each broken link (an entry
 * edited, deleted or inserted). */
gboolean   care_history_verify          (CareVault   *vault,
                                         GPtrArray  **problems,
                                         GError     **error);

G_END_DECLS
