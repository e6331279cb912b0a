/* care-case-page-private.h — what the files of CareCasePage share
 *
 * The page is one GObject whose code is split by the pages of its view
 * stack (care-case-page-summary.c, -assessment.c, -plan.c, -arrival.c,
 * -followups.c, -history.c), the typed-in rows common to several of them
 * (-fields.c) and the shell that loads and saves the case
 * (care-case-page.c). Only those files include this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "care-case-documents.h"
#include "care-case-page.h"
#include "care-settings.h"

G_BEGIN_DECLS

#define N_RISK_FACTORS 9   /* the bits of CARE_RISK_FACTOR_ALL */

typedef enum {
  FIELD_TEXT,
  FIELD_COUNTRY,
  FIELD_DATE,
  FIELD_BIRTH_DATE,
  /* an item of arrival assistance, by its kind */
  FIELD_ARRIVAL_PLANNED,
  FIELD_ARRIVAL_DONE,
  FIELD_ARRIVAL_WHO,
} FieldKind;

typedef struct {
  const char *field;      /* as care_case_validate names it */
  FieldKind   kind;
  goffset     offset;     /* of the row in CareCasePage */
  CareArrivalItemKind arrival;  /* for the FIELD_ARRIVAL_* kinds */
} FieldSpec;

typedef struct {
  CareCasePage    *page;
  const FieldSpec *spec;
  AdwEntryRow     *row;
  GtkLabel        *message;
  char            *parse_error;
  gboolean         touched;
} FieldRow;

struct _CareCasePage
{
  GtkWidget          parent_instance;

  CareVault         *vault;
  CareSettings      *settings;
  CareCase          *draft;            /* the case as edited; NULL when none is open */
  char              *reopen_number;    /* reopened when the vault is unlocked again */
  gboolean           is_new;
  gboolean           dirty;
  gboolean           valid;
  gboolean           loading;
  guint              save_id;
  FieldRow          *fields;
  GPtrArray         *added_rows;       /* GtkWidget, rows built from the case */
  GPtrArray         *plan_rows;

  /* Template widgets */
  AdwWindowTitle    *case_title;
  GtkLabel          *save_state_label;
  AdwToastOverlay   *toast_overlay;
  AdwViewStack      *page_stack;
  AdwPreferencesPage *summary_page;
  AdwPreferencesGroup *problems_group;
  AdwEntryRow       *family_name_row;
  AdwEntryRow       *given_names_row;
  AdwComboRow       *sex_row;
  AdwEntryRow       *birth_row;
  AdwEntryRow       *nationality_row;
  AdwEntryRow       *phone_row;
  AdwEntryRow       *host_row;
  AdwEntryRow       *return_row;
  AdwEntryRow       *destination_row;
  AdwEntryRow       *referral_date_row;
  AdwEntryRow       *planned_return_row;
  AdwEntryRow       *arrival_row;
  AdwEntryRow       *caseworker_row;
  AdwEntryRow       *organisation_row;
  AdwEntryRow       *contact_row;
  AdwComboRow       *consent_return_row;
  AdwEntryRow       *consent_return_date_row;
  AdwComboRow       *consent_data_row;
  AdwEntryRow       *consent_data_date_row;
  AdwComboRow       *consent_followup_row;
  AdwEntryRow       *consent_followup_date_row;
  AdwPreferencesGroup *eligibility_group;
  AdwActionRow      *status_row;
  AdwActionRow      *minor_row;
  AdwActionRow      *eligible_row;
  AdwComboRow       *version_row;
  AdwComboRow       *language_row;
  AdwActionRow      *scan_row;          /* the signed scan of an agreed version */
  gboolean           attaching_scan;
  AdwActionRow      *add_measure_row;
  CareMeasure       *removed_measure;  /* kept for Undo */
  AdwToast          *undo_toast;       /* the Undo of the last removal, while shown (care-toast.c) */
  guint              removed_index;
  AdwActionRow      *objectives_row;
  AdwActionRow      *totals_row;
  AdwPreferencesGroup *economic_group;
  AdwPreferencesGroup *social_group;
  AdwPreferencesGroup *psychosocial_group;
  AdwPreferencesGroup *other_group;
  AdwPreferencesGroup *followups_group;
  AdwPreferencesGroup *history_group;
  CareCaseDocuments *documents;
  /* assessment */
  AdwComboRow       *risk_level_row;
  AdwEntryRow       *assessed_on_row;
  AdwPreferencesGroup *factors_group;
  AdwEntryRow       *other_factor_row;
  AdwEntryRow       *mitigation_row;
  GtkCheckButton    *factor_checks[N_RISK_FACTORS];
  GtkSwitch         *airport_switch;
  GtkSpinButton     *nights_spin;
  GtkSwitch         *health_switch;
  GtkSwitch         *transport_switch;
  GtkSwitch         *escort_switch;
  AdwEntryRow       *needs_notes_row;
  AdwEntryRow       *education_row;
  AdwEntryRow       *languages_row;
  AdwEntryRow       *work_row;
  AdwEntryRow       *vocational_row;
  AdwEntryRow       *aspirations_row;
  AdwEntryRow       *preferred_row;
  GtkSwitch         *contacted_switch;
  AdwPreferencesGroup *minor_group;
  AdwEntryRow       *guardian_row;
  AdwEntryRow       *best_interests_row;
  AdwEntryRow       *minor_notes_row;
  /* arrival */
  AdwPreferencesGroup *arrival_airport_group;
  AdwPreferencesGroup *arrival_accommodation_group;
  AdwPreferencesGroup *arrival_health_group;
  AdwPreferencesGroup *arrival_transport_group;
  AdwEntryRow       *arrival_airport_planned_row;
  AdwEntryRow       *arrival_airport_done_row;
  AdwEntryRow       *arrival_airport_who_row;
  AdwEntryRow       *arrival_accommodation_planned_row;
  AdwEntryRow       *arrival_accommodation_done_row;
  AdwEntryRow       *arrival_accommodation_who_row;
  AdwEntryRow       *arrival_health_planned_row;
  AdwEntryRow       *arrival_health_done_row;
  AdwEntryRow       *arrival_health_who_row;
  AdwEntryRow       *arrival_transport_planned_row;
  AdwEntryRow       *arrival_transport_done_row;
  AdwEntryRow       *arrival_transport_who_row;
};

/* care-case-page.c: the shell, and the helpers every page uses */
void      care_case_page_get_today         (GDate               *today);
GtkWidget *care_case_page_new_row          (const char          *title,
                                            const char          *subtitle);
void      care_case_page_add_row           (CareCasePage        *self,
                                            GPtrArray           *rows,
                                            AdwPreferencesGroup *group,
                                            GtkWidget           *row);
void      care_case_page_clear_rows        (GPtrArray           *rows);
void      care_case_page_show_toast        (CareCasePage        *self,
                                            const char          *text);
void      care_case_page_update_save_state (CareCasePage        *self);
void      care_case_page_note_change       (CareCasePage        *self);
gboolean  care_case_page_save_now          (CareCasePage        *self);

/* care-case-page-fields.c: the rows typed into, on every page */
void      care_case_page_init_fields       (CareCasePage        *self);
void      care_case_page_fill_fields       (CareCasePage        *self);
void      care_case_page_clear_fields      (CareCasePage        *self);
void      care_case_page_touch_fields      (CareCasePage        *self);
void      care_case_page_free_fields       (CareCasePage        *self);
void      care_case_page_revalidate        (CareCasePage        *self);

/* care-case-page-summary.c */
void      care_case_page_init_summary      (CareCasePage        *self);
void      care_case_page_fill_summary      (CareCasePage        *self);
void      care_case_page_update_derived    (CareCasePage        *self);

/* care-case-page-assessment.c */
void      care_case_page_init_assessment   (CareCasePage        *self);
void      care_case_page_fill_assessment_controls (CareCasePage   *self,
                                                   const CareCase *c);

/* care-case-page-plan.c */
void      care_case_page_class_init_plan   (GtkWidgetClass      *widget_class);
void      care_case_page_update_plan_actions (CareCasePage      *self);
void      care_case_page_fill_plan         (CareCasePage        *self);

/* care-case-page-arrival.c */
CareArrivalItem *care_case_page_find_arrival_item   (CareCase            *c,
                                                     CareArrivalItemKind  kind,
                                                     gboolean             create);
void             care_case_page_prune_arrival_item  (CareCase            *c,
                                                     CareArrivalItem     *item);
char            *care_case_page_check_arrival_field (CareCasePage        *self,
                                                     const FieldRow      *fr,
                                                     const GDate         *today);
void             care_case_page_update_arrival_needs (CareCasePage       *self);

/* care-case-page-followups.c */
void      care_case_page_class_init_followups (GtkWidgetClass   *widget_class);
void      care_case_page_fill_followups    (CareCasePage        *self);

/* care-case-page-documents.c */
void      care_case_page_class_init_documents   (GtkWidgetClass *widget_class);
void      care_case_page_hand_case_to_documents (CareCasePage   *self);

/* care-case-page-history.c */
void      care_case_page_fill_history      (CareCasePage        *self);

G_END_DECLS
