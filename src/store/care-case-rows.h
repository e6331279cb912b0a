/* care-case-rows.h — how each record of a case maps onto a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum {
  CARE_FIELD_TEXT,    /* char *, NULL stored as NULL */
  CARE_FIELD_DATE,    /* GDate, cleared stored as NULL */
  CARE_FIELD_BIRTH,   /* CareBirthDate, as YYYY-MM-DD or YYYY */
  CARE_FIELD_ID,      /* gint64 id of another row, 0 stored as NULL */
  CARE_FIELD_INT64,   /* gint64 */
  CARE_FIELD_UINT,    /* guint */
  CARE_FIELD_BOOL,    /* gboolean, as 0 or 1 */
  CARE_FIELD_ENUM,    /* an enum of care-enums.h, as its nick */
  CARE_FIELD_FLAGS,   /* CareRiskFactor, as comma-separated nicks */
} CareFieldType;

typedef struct {
  const char    *column;    /* also the field's name in the history */
  CareFieldType  type;
  gssize         section;   /* offset of the pointer to the struct holding it; -1: in the record itself */
  gsize          offset;
  GType        (*get_type) (void);
} CareFieldSpec;

typedef struct {
  const char          *table;
  const char          *record;      /* the record kind, as the history names it */
  const char          *parent;      /* the column holding the owner's id, or NULL */
  gboolean             positioned;  /* keeps the order of a list in `position` */
  const char * const  *extra;       /* columns the store fills itself (caches), NULL-terminated */
  const CareFieldSpec *fields;
  guint                n_fields;
  guint                n_summary;   /* how many leading fields make its summary */
} CareRecordSpec;

extern const CareRecordSpec care_case_spec;
extern const CareRecordSpec care_closure_spec;
extern const CareRecordSpec care_plan_version_spec;
extern const CareRecordSpec care_measure_spec;
extern const CareRecordSpec care_arrival_item_spec;
extern const CareRecordSpec care_followup_spec;
extern const CareRecordSpec care_partner_spec;

/* The value as text, the way the history shows it; NULL when empty. */
char       *care_record_get_value   (const CareRecordSpec *spec,
                                     gconstpointer         record,
                                     guint                 field);
gboolean    care_record_field_equal (const CareRecordSpec *spec,
                                     gconstpointer         a,
                                     gconstpointer         b,
                                     guint                 field);
gboolean    care_record_equal       (const CareRecordSpec *spec,
                                     gconstpointer         a,
                                     gconstpointer         b);
char       *care_record_summarize   (const CareRecordSpec *spec,
                                     gconstpointer         record);

/* Binds every field, from parameter FIRST on; returns the next parameter. */
int         care_record_bind        (const CareRecordSpec *spec,
                                     gconstpointer         record,
                                     sqlite3_stmt         *stmt,
                                     int                   first);
/* Reads every field, from column FIRST on, in the order of the spec. */
void        care_record_read        (const CareRecordSpec *spec,
                                     gpointer              record,
                                     sqlite3_stmt         *stmt,
                                     int                   first);

/* SQL made once from the spec. INSERT binds: [parent] [position] fields
 * extras; UPDATE binds: [position] fields extras, then the id; the column
 * list is "p.a, p.b, …" for SELECTs written by hand. */
const char *care_record_insert_sql  (const CareRecordSpec *spec);
const char *care_record_update_sql  (const CareRecordSpec *spec);
const char *care_record_columns     (const CareRecordSpec *spec,
                                     const char           *alias);

G_END_DECLS
