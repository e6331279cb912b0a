/* care-plan-code.c — the short verification code printed on a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-document"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "care-plan-code.h"

/* RFC 4648: no 0, 1, 8 or 9, so nothing reads as O, I, B or g. */
static const char base32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/* Every field is written as a length and its bytes, so no choice of
 * description can make two different plans serialize alike. */
static void
add_field (crypto_generichash_state *state,
           const char               *name,
           const char               *value)
{
  guint8 len[4];
  gsize n = value != NULL ? strlen (value) : 0;

  crypto_generichash_update (state, (const guint8 *) name, strlen (name) + 1);
  len[0] = (n >> 24) & 0xff;
  len[1] = (n >> 16) & 0xff;
  len[2] = (n >> 8) & 0xff;
  len[3] = n & 0xff;
  crypto_generichash_update (state, len, sizeof len);
  if (n > 0)
    crypto_generichash_update (state, (const guint8 *) value, n);
}

static void
add_date (crypto_generichash_state *state,
          const char               *name,
          const GDate              *date)
{
  g_autofree char *text = care_date_format (date);

  add_field (state, name, text);
}

static void
add_int (crypto_generichash_state *state,
         const char               *name,
         gint64                    value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  add_field (state, name, text);
}

/* Each part of the plan is hashed on its own, so that `care-cli verify`
 * can say which part of a paper no longer matches the records. */
static void
hash_part (const CareCase        *care_case,
           const CarePlanVersion *version,
           CarePlanPart           part,
           guint8                 out[32])
{
  crypto_generichash_state state;
  const CarePerson *person = care_case->person;

  crypto_generichash_init (&state, NULL, 0, 32);
  add_int (&state, "part", part);
  switch (part)
    {
    case CARE_PLAN_PART_VERSION:
      add_int (&state, "version", version->number);
      add_field (&state, "state", care_enum_to_nick (CARE_TYPE_PLAN_STATE, version->state));
      add_date (&state, "agreed_on", &version->agreed_on);
      break;

    case CARE_PLAN_PART_BENEFICIARY:
      {
        g_autofree char *birth = care_birth_date_format (&person->date_of_birth);

        add_field (&state, "family_name", person->family_name);
        add_field (&state, "given_names", person->given_names);
        add_field (&state, "date_of_birth", birth);
        add_field (&state, "nationality", person->nationality);
        add_field (&state, "return_country", care_case->return_country);
        add_field (&state, "destination", care_case->destination);
      }
      break;

    case CARE_PLAN_PART_PARTIES:
      add_field (&state, "referring_organisation", care_case->referring_organisation);
      add_field (&state, "referral_contact", care_case->referral_contact);
      add_field (&state, "caseworker", care_case->caseworker);
      break;

    case CARE_PLAN_PART_OBJECTIVES:
      add_field (&state, "objectives", version->objectives);
      break;

    case CARE_PLAN_PART_MEASURES:
      add_int (&state, "measures", version->measures->len);
      for (guint i = 0; i < version->measures->len; i++)
        {
          const CareMeasure *m = g_ptr_array_index (version->measures, i);

          add_field (&state, "category", care_enum_to_nick (CARE_TYPE_MEASURE_CATEGORY, m->category));
          add_field (&state, "description", m->description);
          add_field (&state, "provider", m->provider);
          add_date (&state, "planned_start", &m->planned_start);
          add_date (&state, "planned_end", &m->planned_end);
          add_int (&state, "budget", m->budget_cents);
          add_field (&state, "currency", m->currency);
          add_field (&state, "status", care_enum_to_nick (CARE_TYPE_MEASURE_STATUS, m->status));
        }
      break;

    default:
      g_assert_not_reached ();
    }
  crypto_generichash_final (&state, out, 32);
}

char *
care_plan_code_compute (const CareCase        *care_case,
                        const CarePlanVersion *version)
{
  crypto_generichash_state state;
  guint8 hash[32];
  g_autofree char *number = NULL;
  char code[CARE_PLAN_CODE_LENGTH + 1];
  guint bits = 0, nbits = 0, out = 0;

  g_return_val_if_fail (care_case != NULL, NULL);
  g_return_val_if_fail (version != NULL, NULL);

  number = care_case_number_format (&care_case->number);
  crypto_generichash_init (&state, (const guint8 *) "CARE plan v1", 12, sizeof hash);
  add_field (&state, "case", number);
  for (int part = 0; part < CARE_PLAN_N_PARTS; part++)
    {
      guint8 part_hash[32];

      hash_part (care_case, version, part, part_hash);
      crypto_generichash_update (&state, part_hash, sizeof part_hash);
    }
  crypto_generichash_final (&state, hash, sizeof hash);

  for (guint i = 0; i < sizeof hash && out < CARE_PLAN_CODE_LENGTH; i++)
    {
      bits = (bits << 8) | hash[i];
      nbits += 8;
      while (nbits >= 5 && out < CARE_PLAN_CODE_LENGTH)
        {
          code[out++] = base32_alphabet[(bits >> (nbits - 5)) & 31];
          nbits -= 5;
        }
    }
  code[out] = '\0';

  return g_strdup (code);
}

char *
care_plan_code_compute_parts (const CareCase        *care_case,
                              const CarePlanVersion *version)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (care_case != NULL, NULL);
  g_return_val_if_fail (version != NULL, NULL);

  for (int part = 0; part < CARE_PLAN_N_PARTS; part++)
    {
      guint8 part_hash[32];

      hash_part (care_case, version, part, part_hash);
      if (part > 0)
        g_string_append_c (s, '.');
      /* 32 bits each: enough to tell which part changed, too little to
       * guess a name from. */
      for (int i = 0; i < 4; i++)
        g_string_append_printf (s, "%02x", part_hash[i]);
    }
  return g_string_free (s, FALSE);
}

GArray *
care_plan_code_compare_parts (const char *expected,
                              const char *actual)
{
  g_auto(GStrv) a = g_strsplit (expected != NULL ? expected : "", ".", -1);
  g_auto(GStrv) b = g_strsplit (actual != NULL ? actual : "", ".", -1);
  GArray *differ = g_array_new (FALSE, FALSE, sizeof (CarePlanPart));

  for (int part = 0; part < CARE_PLAN_N_PARTS; part++)
    {
      CarePlanPart p = part;

      if (g_strv_length (a) <= (guint) part || g_strv_length (b) <= (guint) part ||
          !g_str_equal (a[part], b[part]))
        g_array_append_val (differ, p);
    }
  return differ;
}

const char *
care_plan_part_get_label (CarePlanPart part)
{
  switch (part)
    {
    case CARE_PLAN_PART_VERSION:
      /* Translators: what may differ between a printed plan and the records */
      return _("the version’s state or agreement date");
    case CARE_PLAN_PART_BENEFICIARY:
      /* Translators: what may differ between a printed plan and the records */
      return _("the beneficiary’s details");
    case CARE_PLAN_PART_PARTIES:
      /* Translators: what may differ between a printed plan and the records */
      return _("the referring association, its contact or the caseworker");
    case CARE_PLAN_PART_OBJECTIVES:
      /* Translators: what may differ between a printed plan and the records */
      return _("the objectives");
    case CARE_PLAN_PART_MEASURES:
      /* Translators: what may differ between a printed plan and the records */
      return _("the measures");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
care_plan_code_format (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  if (strlen (code) != CARE_PLAN_CODE_LENGTH)
    return g_strdup (code);
  return g_strdup_printf ("%.4s-%.4s", code, code + 4);
}

char *
care_plan_code_normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == '-' || c == ' ')
        continue;
      if (c == '0')
        c = 'O';
      else if (c == '1')
        c = 'I';
      else if (c == '8')
        c = 'B';
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}
