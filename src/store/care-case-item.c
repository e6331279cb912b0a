/* care-case-item.c — one row of a list of cases, as an object to bind to
 *
 * Read-only for everyone but the list it belongs to: when a new answer
 * comes, CareCaseListModel points the items on screen at the rows of the
 * new answer (care_case_item_set_summary, then "changed") rather than
 * replacing them, because GTK 4.8 rebuilds a whole row of widgets for every
 * replaced item. Country names are the iso-codes tables' own strings, and
 * the formatted name and date are made when first asked for, so a row
 * costs little more than its summary, which it may share with the whole
 * list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-store"

#include "config.h"

#include "care-case-item.h"
#include "care-format.h"
#include "care-country.h"
#include "care-person.h"

struct _CareCaseItem
{
  GObject          parent_instance;

  CareCaseSummary *summary;
  GPtrArray       *owner;         /* holds summary, or NULL: summary is the item's own */
  char            *name;
  char            *next_followup;
};

G_DEFINE_FINAL_TYPE (CareCaseItem, care_case_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_NUMBER,
  PROP_NAME,
  PROP_FAMILY_NAME,
  PROP_GIVEN_NAMES,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_HOST_COUNTRY,
  PROP_HOST_COUNTRY_NAME,
  PROP_RETURN_COUNTRY,
  PROP_RETURN_COUNTRY_NAME,
  PROP_MINOR,
  PROP_ELIGIBLE,
  PROP_NEXT_FOLLOWUP,
  PROP_NEXT_FOLLOWUP_DAY,
  PROP_OVERDUE_FOLLOWUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
country_name (const char *code)
{
  const char *name;

  if (code == NULL || *code == '\0')
    return "";
  name = care_country_get_name (code);
  return name != NULL ? name : code;
}

CareCaseItem *
care_case_item_new (CareCaseSummary *summary)
{
  CareCaseItem *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (CARE_TYPE_CASE_ITEM, NULL);
  self->summary = summary;
  return self;
}

CareCaseItem *
care_case_item_new_shared (GPtrArray       *owner,
                           CareCaseSummary *summary)
{
  CareCaseItem *self;

  g_return_val_if_fail (owner != NULL, NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (CARE_TYPE_CASE_ITEM, NULL);
  self->owner = g_ptr_array_ref (owner);
  self->summary = summary;
  return self;
}

void
care_case_item_set_summary (CareCaseItem    *self,
                            GPtrArray       *owner,
                            CareCaseSummary *summary,
                            gboolean         changed)
{
  g_return_if_fail (CARE_IS_CASE_ITEM (self));
  g_return_if_fail (owner != NULL);
  g_return_if_fail (summary != NULL);

  g_ptr_array_ref (owner);
  if (self->owner != NULL)
    g_ptr_array_unref (self->owner);
  else
    care_case_summary_free (self->summary);
  self->owner = owner;
  self->summary = summary;
  if (!changed)
    return;
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->next_followup, g_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

static const char *
get_name (CareCaseItem *self)
{
  if (self->name == NULL)
    {
      CarePerson person = { 0 };

      person.family_name = self->summary->family_name;
      person.given_names = self->summary->given_names;
      self->name = care_person_get_display_name (&person);
    }
  return self->name;
}

static const char *
get_next_followup (CareCaseItem *self)
{
  /* Shown as the interface's language writes a date; sorted by day. */
  if (self->next_followup == NULL)
    self->next_followup = care_format_date (&self->summary->next_followup, CARE_DATE_NUMERIC, NULL);
  return self->next_followup;
}

#define GETTER(type, name, expr)                        \
  type                                                  \
  care_case_item_get_##name (CareCaseItem *self)        \
  {                                                     \
    g_return_val_if_fail (CARE_IS_CASE_ITEM (self), 0); \
    return expr;                                        \
  }

GETTER (gint64, id, self->summary->id)
GETTER (const char *, case_number, self->summary->case_number)
GETTER (const char *, name, get_name (self))
GETTER (const char *, family_name, self->summary->family_name)
GETTER (const char *, given_names, self->summary->given_names)
GETTER (CareCaseStatus, status, self->summary->status)
GETTER (const char *, status_label, care_case_status_get_label (self->summary->status))
GETTER (const char *, host_country, self->summary->host_country)
GETTER (const char *, host_country_name, country_name (self->summary->host_country))
GETTER (const char *, return_country, self->summary->return_country)
GETTER (const char *, return_country_name, country_name (self->summary->return_country))
GETTER (gboolean, minor, self->summary->minor)
GETTER (gboolean, eligible, self->summary->eligible)
GETTER (const char *, next_followup, get_next_followup (self))
GETTER (guint, overdue_followups, self->summary->overdue_followups)

/* Cases with no pending follow-up sort after every date. */
static guint
get_next_followup_day (CareCaseItem *self)
{
  if (!care_date_is_set (&self->summary->next_followup))
    return G_MAXUINT;
  return g_date_get_julian (&self->summary->next_followup);
}

static void
care_case_item_finalize (GObject *object)
{
  CareCaseItem *self = CARE_CASE_ITEM (object);

  if (self->owner != NULL)
    g_ptr_array_unref (self->owner);
  else
    care_case_summary_free (self->summary);
  g_free (self->name);
  g_free (self->next_followup);

  G_OBJECT_CLASS (care_case_item_parent_class)->finalize (object);
}

static void
care_case_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CareCaseItem *self = CARE_CASE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, care_case_item_get_id (self));
      break;
    case PROP_CASE_NUMBER:
      g_value_set_string (value, care_case_item_get_case_number (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, care_case_item_get_name (self));
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, care_case_item_get_family_name (self));
      break;
    case PROP_GIVEN_NAMES:
      g_value_set_string (value, care_case_item_get_given_names (self));
      break;
    case PROP_STATUS:
      g_value_set_int (value, (int) care_case_item_get_status (self));
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, care_case_item_get_status_label (self));
      break;
    case PROP_HOST_COUNTRY:
      g_value_set_string (value, care_case_item_get_host_country (self));
      break;
    case PROP_HOST_COUNTRY_NAME:
      g_value_set_string (value, care_case_item_get_host_country_name (self));
      break;
    case PROP_RETURN_COUNTRY:
      g_value_set_string (value, care_case_item_get_return_country (self));
      break;
    case PROP_RETURN_COUNTRY_NAME:
      g_value_set_string (value, care_case_item_get_return_country_name (self));
      break;
    case PROP_MINOR:
      g_value_set_boolean (value, care_case_item_get_minor (self));
      break;
    case PROP_ELIGIBLE:
      g_value_set_boolean (value, care_case_item_get_eligible (self));
      break;
    case PROP_NEXT_FOLLOWUP:
      g_value_set_string (value, care_case_item_get_next_followup (self));
      break;
    case PROP_NEXT_FOLLOWUP_DAY:
      g_value_set_uint (value, get_next_followup_day (self));
      break;
    case PROP_OVERDUE_FOLLOWUPS:
      g_value_set_uint (value, care_case_item_get_overdue_followups (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
care_case_item_class_init (CareCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = care_case_item_finalize;
  object_class->get_property = care_case_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CASE_NUMBER] = g_param_spec_string ("case-number", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, NULL, flags);
  properties[PROP_GIVEN_NAMES] = g_param_spec_string ("given-names", NULL, NULL, NULL, flags);
  /* An int rather than the enum so that a numeric sorter orders by stage. */
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_HOST_COUNTRY] = g_param_spec_string ("host-country", NULL, NULL, NULL, flags);
  properties[PROP_HOST_COUNTRY_NAME] = g_param_spec_string ("host-country-name", NULL, NULL, NULL, flags);
  properties[PROP_RETURN_COUNTRY] = g_param_spec_string ("return-country", NULL, NULL, NULL, flags);
  properties[PROP_RETURN_COUNTRY_NAME] = g_param_spec_string ("return-country-name", NULL, NULL, NULL, flags);
  properties[PROP_MINOR] = g_param_spec_boolean ("minor", NULL, NULL, FALSE, flags);
  properties[PROP_ELIGIBLE] = g_param_spec_boolean ("eligible", NULL, NULL, FALSE, flags);
  properties[PROP_NEXT_FOLLOWUP] = g_param_spec_string ("next-followup", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_FOLLOWUP_DAY] = g_param_spec_uint ("next-followup-day", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_OVERDUE_FOLLOWUPS] = g_param_spec_uint ("overdue-followups", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CareCaseItem::changed:
   *
   * The item now stands for another case, or its case changed: every
   * property may have a new value. One signal rather than a notify per
   * property, since a new search answer changes every row on screen.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
care_case_item_init (CareCaseItem *self)
{
}
