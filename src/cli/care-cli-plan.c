/* care-cli-plan.c — care-cli commands for plan documents: plan-pdf, key,
 * verify, plan-scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "care-case-store.h"
#include "care-cli.h"
#include "care-minisign.h"
#include "care-office-key.h"
#include "care-plan-code.h"
#include "care-plan-document.h"
#include "care-plan-pdf.h"
#include "care-plan-scan-store.h"
#include "care-plan-verify.h"

static int
report_other_error (const GError *error,
                    int           exit_code)
{
  g_printerr ("care-cli: %s\n", error->message);
  return exit_code;
}

static gboolean
parse_paper (const char     *text,
             CarePaperSize  *out_paper)
{
  if (text == NULL || g_ascii_strcasecmp (text, "a4") == 0)
    *out_paper = CARE_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *out_paper = CARE_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* The trusted comment says what was signed, without personal data: the
 * signature file travels with the PDF but may be kept apart from it. */
static char *
make_trusted_comment (CarePlanDocument *document,
                      const char       *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *code = care_plan_code_format (care_plan_document_get_code (document));

  /* minisign's own layout of a trusted comment, tab-separated. */
  return g_strdup_printf ("timestamp:%" G_GINT64_FORMAT "\tfile:%s\tcase:%s\tversion:%u\tcode:%s",
                          g_date_time_to_unix (now), base,
                          care_plan_document_get_case_number (document),
                          care_plan_document_get_version (document), code);
}

int
care_cli_plan_pdf (const CareCliGlobals *globals,
                   int                   argc,
                   char                **argv)
{
  g_autofree char *user = NULL, *output = NULL, *language = NULL, *paper_name = NULL;
  g_autofree char *organisation = NULL, *logo = NULL;
  int version = 0;
  gboolean sign = FALSE;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareCase) care_case = NULL;
  g_autoptr(CareSettings) settings = NULL;
  g_autoptr(CarePlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CarePlanDocumentOptions options = { 0 };
  int exit_code;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_("Which version of the plan (default: the current one)"), N_("N") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, N_("The document’s language, fr or en (default: the plan’s)"), N_("LANG") },
    { "sign", 0, 0, G_OPTION_ARG_NONE, &sign, N_("Also write FILE.minisig, signed with the office key"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 (default) or letter"), N_("SIZE") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("The organisation’s name, printed at the top"), N_("NAME") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("The organisation’s logo, a PNG image"), N_("FILE") },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("plan-pdf", "CASE_NUMBER -o FILE.pdf",
                               _("Write a plan as a PDF document in the plan’s language, ready to print and sign. "
                                 "The PDF is the one file CARE writes unencrypted: it is written to a private "
                                 "temporary file in the same directory as FILE, then renamed, so nothing "
                                 "unencrypted is ever left in /tmp or half-written. Keep it safe and delete it "
                                 "once printed."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;

  if (output == NULL)
    {
      g_printerr (_("care-cli plan-pdf: say where to write the PDF with -o FILE.pdf\n"));
      return CARE_EXIT_USAGE;
    }
  if (version < 0)
    {
      g_printerr (_("care-cli plan-pdf: --version takes a version number from 1\n"));
      return CARE_EXIT_USAGE;
    }
  if (!parse_paper (paper_name, &options.paper))
    {
      /* Translators: %s is what was typed after --paper */
      g_printerr (_("care-cli plan-pdf: unknown paper size “%s”: use a4 or letter\n"), paper_name);
      return CARE_EXIT_USAGE;
    }
  if (language != NULL && !g_str_equal (language, "fr") && !g_str_equal (language, "en"))
    {
      /* Translators: %s is what was typed after --lang */
      g_printerr (_("care-cli plan-pdf: unknown language “%s”: use fr or en\n"), language);
      return CARE_EXIT_USAGE;
    }

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL ||
      (care_case = care_case_store_load (vault, argv[1], &error)) == NULL ||
      (settings = care_settings_store_load (vault, &error)) == NULL)
    return care_cli_report_error (error);

  options.language = language;
  options.organisation = organisation;
  options.logo_path = logo;
  options.settings = settings;
  document = care_plan_document_new (care_case, version, &options, &error);
  if (document == NULL)
    return report_other_error (error, CARE_EXIT_INVALID);

  if (!care_plan_pdf_write (document, output, &error))
    return report_other_error (error, CARE_EXIT_INVALID);

  if (sign)
    {
      g_autoptr(CareOfficeKey) key = care_office_key_load (vault, TRUE, &error);
      g_autofree char *comment = NULL, *signature = NULL;
      g_autofree char *sig_path = g_strconcat (output, ".minisig", NULL);

      if (key == NULL)
        return care_cli_report_error (error);
      comment = make_trusted_comment (document, output);
      signature = care_minisign_sign_file (key, output, comment, &error);
      if (signature == NULL ||
          !care_file_write_atomically (sig_path, signature, strlen (signature), &error))
        return report_other_error (error, CARE_EXIT_INVALID);
    }

  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, output);
      json_builder_set_member_name (b, "case_number");
      json_builder_add_string_value (b, care_plan_document_get_case_number (document));
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, care_plan_document_get_version (document));
      json_builder_set_member_name (b, "language");
      json_builder_add_string_value (b, care_plan_document_get_language (document));
      json_builder_set_member_name (b, "pages");
      json_builder_add_int_value (b, care_plan_document_get_n_pages (document));
      json_builder_set_member_name (b, "draft");
      json_builder_add_boolean_value (b, care_plan_document_is_draft (document));
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, care_plan_document_get_code (document));
      json_builder_set_member_name (b, "signed");
      json_builder_add_boolean_value (b, sign);
      json_builder_end_object (b);
      care_cli_print_json (json_builder_get_root (b));
    }
  else
    {
      g_autofree char *display = g_filename_display_name (output);
      g_autofree char *code = care_plan_code_format (care_plan_document_get_code (document));
      guint n_pages = care_plan_document_get_n_pages (document);

      /* Translators: %1$s is a file name, %2$u a number of pages, %3$s a code such as ABCD-EFGH */
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%1$s written: %2$u page, verification code %3$s. The file is not encrypted.\n",
                               "%1$s written: %2$u pages, verification code %3$s. The file is not encrypted.\n",
                               n_pages),
                  display, n_pages, code);
      if (sign)
        /* Translators: %s is a file name */
        g_printerr (_("Signature written to %s.minisig.\n"), display);
    }
  return CARE_EXIT_OK;
}

int
care_cli_key (const CareCliGlobals *globals,
              int                   argc,
              char                **argv)
{
  g_autofree char *user = NULL, *output = NULL, *text = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(CareOfficeKey) key = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the key to FILE instead of the standard output"), N_("FILE") },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("key", "export [-o FILE]",
                               _("Export the office’s public key in minisign’s format, so that anyone can check "
                                 "a signed plan with “minisign -V -p FILE -m PLAN.pdf”."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;
  if (!g_str_equal (argv[1], "export"))
    {
      /* Translators: %s is what was typed after "key" */
      g_printerr (_("care-cli key: unknown action “%s”: the only one is export\n"), argv[1]);
      return CARE_EXIT_USAGE;
    }

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL || (key = care_office_key_load (vault, FALSE, &error)) == NULL)
    return care_cli_report_error (error);

  text = care_minisign_format_public_key (key);
  if (output == NULL)
    {
      g_print ("%s", text);
      return CARE_EXIT_OK;
    }
  if (!care_file_write_atomically (output, text, strlen (text), &error))
    return report_other_error (error, CARE_EXIT_INVALID);
  return CARE_EXIT_OK;
}

static const char *
signature_word (CarePlanSignature signature)
{
  switch (signature)
    {
    case CARE_PLAN_SIGNATURE_VALID:
      return "valid";
    case CARE_PLAN_SIGNATURE_INVALID:
      return "invalid";
    case CARE_PLAN_SIGNATURE_ABSENT:
    default:
      return "absent";
    }
}

static void
print_verdict (const CareCliGlobals *globals,
               const CarePlanStamp  *stamp,
               const CarePlanVerdict *v,
               gboolean              ok)
{
  g_autofree char *code = care_plan_code_format (stamp->code);

  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "ok");
      json_builder_add_boolean_value (b, ok);
      json_builder_set_member_name (b, "case_number");
      json_builder_add_string_value (b, stamp->case_number);
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, stamp->version);
      json_builder_set_member_name (b, "agreed_on");
      if (v->agreed_on != NULL && *v->agreed_on != '\0')
        json_builder_add_string_value (b, v->agreed_on);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, stamp->code);
      json_builder_set_member_name (b, "found");
      json_builder_add_boolean_value (b, v->found);
      json_builder_set_member_name (b, "code_matches");
      json_builder_add_boolean_value (b, v->code_matches);
      json_builder_set_member_name (b, "vault_code");
      if (v->vault_code != NULL)
        json_builder_add_string_value (b, v->vault_code);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "differences");
      json_builder_begin_array (b);
      for (guint i = 0; v->differences != NULL && i < v->differences->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (v->differences, i));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "signature");
      json_builder_add_string_value (b, signature_word (v->signature));
      json_builder_set_member_name (b, "signature_problem");
      if (v->signature_problem != NULL)
        json_builder_add_string_value (b, v->signature_problem);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      care_cli_print_json (json_builder_get_root (b));
      return;
    }

  if (v->agreed_on != NULL && *v->agreed_on != '\0')
    /* Translators: %1$s is a case number, %2$u a version number, %3$s a date (YYYY-MM-DD) */
    g_print (_("Case %1$s, plan version %2$u, agreed on %3$s.\n"), stamp->case_number, stamp->version, v->agreed_on);
  else
    /* Translators: %1$s is a case number, %2$u a version number */
    g_print (_("Case %1$s, plan version %2$u, a draft (not agreed).\n"), stamp->case_number, stamp->version);

  if (!v->found)
    ;  /* said on stderr already */
  else if (v->code_matches)
    /* Translators: %s is a code such as ABCD-EFGH */
    g_print (_("Verification code %s: the document matches the plan in the vault.\n"), code);
  else
    {
      g_autofree char *vault_code = care_plan_code_format (v->vault_code);

      /* Translators: %1$s and %2$s are codes such as ABCD-EFGH */
      g_print (_("MISMATCH: the document’s verification code is %1$s, the plan in the vault gives %2$s.\n"),
               code, vault_code);
      for (guint i = 0; v->differences != NULL && i < v->differences->len; i++)
        /* Translators: %s is a part of the plan, such as "the measures" */
        g_print (_("  Differs: %s.\n"), (const char *) g_ptr_array_index (v->differences, i));
    }

  if (v->signature == CARE_PLAN_SIGNATURE_VALID)
    g_print (_("Signature: valid, made with this vault’s office key; the file is intact.\n"));
  else if (v->signature == CARE_PLAN_SIGNATURE_ABSENT)
    g_print (_("Signature: none (no .minisig file next to the document), so the file itself cannot be "
               "checked byte for byte.\n"));
  else
    /* Translators: %s says what is wrong with the signature */
    g_print (_("Signature: INVALID: %s\n"), v->signature_problem);
}

int
care_cli_verify (const CareCliGlobals *globals,
                 int                   argc,
                 char                **argv)
{
  g_autofree char *user = NULL, *signature_path = NULL, *signature_text = NULL;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  CarePlanStamp stamp = { 0 };
  CarePlanVerdict v = { 0 };
  gboolean ok;
  int exit_code;
  const GOptionEntry entries[] = {
    { "signature", 's', 0, G_OPTION_ARG_FILENAME, &signature_path, N_("The signature file (default: FILE.pdf.minisig)"), N_("FILE") },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("verify", "FILE.pdf",
                               _("Say which case, plan version and agreement date a PDF shows, whether it still "
                                 "matches the plan in the vault, and whether its signature (FILE.pdf.minisig) is "
                                 "valid. Exit status 4 when anything does not match."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;

  if (!care_plan_pdf_read_stamp (argv[1], &stamp, &error))
    return report_other_error (error, CARE_EXIT_INVALID);

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL)
    {
      care_plan_stamp_clear (&stamp);
      return care_cli_report_error (error);
    }

  {
    g_autofree char *default_path = g_strconcat (argv[1], ".minisig", NULL);
    const char *path = signature_path != NULL ? signature_path : default_path;

    if (!g_file_get_contents (path, &signature_text, NULL, signature_path != NULL ? &error : NULL) &&
        signature_path != NULL)
      {
        care_plan_stamp_clear (&stamp);
        return report_other_error (error, CARE_EXIT_INVALID);
      }
  }

  if (!care_plan_verify (vault, argv[1], &stamp, signature_text, &v, &error))
    {
      care_plan_stamp_clear (&stamp);
      return care_cli_report_error (error);
    }
  if (!v.found)
    {
      if (!v.case_found)
        /* Translators: %s is a case number */
        g_printerr (_("care-cli: case %s is not in this vault.\n"), stamp.case_number);
      else
        /* Translators: %1$s is a case number, %2$u a version number */
        g_printerr (_("care-cli: case %1$s has no plan version %2$u in this vault.\n"),
                    stamp.case_number, stamp.version);
    }

  ok = care_plan_verdict_is_ok (&v);
  print_verdict (globals, &stamp, &v, ok);
  care_plan_verdict_clear (&v);
  care_plan_stamp_clear (&stamp);
  return ok ? CARE_EXIT_OK : CARE_EXIT_INTEGRITY;
}

int
care_cli_plan_scan (const CareCliGlobals *globals,
                    int                   argc,
                    char                **argv)
{
  g_autofree char *user = NULL, *attach = NULL;
  int version = 0;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scans = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    { "attach", 0, 0, G_OPTION_ARG_FILENAME, &attach, N_("The scan to attach: a PDF, PNG or JPEG file"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_("The agreed version it is the signed copy of"), N_("N") },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("plan-scan", "CASE_NUMBER [--attach FILE --version N]",
                               _("List the scans of signed plans of a case, or attach one to an agreed version. "
                                 "The scan is kept inside the vault, encrypted; you may then delete the file."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;
  if (attach != NULL && version <= 0)
    {
      g_printerr (_("care-cli plan-scan: say which agreed version the scan is of with --version N\n"));
      return CARE_EXIT_USAGE;
    }

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL)
    return care_cli_report_error (error);

  if (attach != NULL)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (attach, FALSE, &error);
      g_autoptr(GBytes) data = NULL;
      g_autoptr(CareCase) care_case = NULL;

      if (mapped == NULL)
        return report_other_error (error, CARE_EXIT_INVALID);
      /* The case number as the store writes it, whatever case was typed. */
      if ((care_case = care_case_store_load (vault, argv[1], &error)) == NULL)
        return care_cli_report_error (error);
      {
        g_autofree char *number = care_case_number_format (&care_case->number);

        data = g_mapped_file_get_bytes (mapped);
        if (!care_plan_scan_store_attach (vault, number, version, attach, data, &error))
          return care_cli_report_error (error);
      }
      /* Translators: %1$u is a plan version number, %2$s a case number */
      g_printerr (_("Scan attached to version %1$u of the plan of case %2$s.\n"), version, argv[1]);
      return CARE_EXIT_OK;
    }

  {
    g_autoptr(CareCase) care_case = care_case_store_load (vault, argv[1], &error);
    g_autofree char *number = NULL;

    if (care_case == NULL)
      return care_cli_report_error (error);
    number = care_case_number_format (&care_case->number);
    scans = care_plan_scan_store_list (vault, number, &error);
    if (scans == NULL)
      return care_cli_report_error (error);
  }

  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < scans->len; i++)
        {
          const CarePlanScan *s = g_ptr_array_index (scans, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "version");
          json_builder_add_int_value (b, s->version);
          json_builder_set_member_name (b, "media_type");
          json_builder_add_string_value (b, s->media_type);
          json_builder_set_member_name (b, "file_name");
          json_builder_add_string_value (b, s->file_name);
          json_builder_set_member_name (b, "size");
          json_builder_add_int_value (b, s->size);
          json_builder_set_member_name (b, "attached_at");
          json_builder_add_string_value (b, s->attached_at);
          json_builder_set_member_name (b, "attached_by");
          json_builder_add_string_value (b, s->attached_by);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      care_cli_print_json (json_builder_get_root (b));
      return CARE_EXIT_OK;
    }

  for (guint i = 0; i < scans->len; i++)
    {
      const CarePlanScan *s = g_ptr_array_index (scans, i);

      g_print ("%u\t%s\t%s\t%" G_GSIZE_FORMAT "\t%s\t%s\n", s->version, s->media_type, s->file_name,
               s->size, s->attached_at, s->attached_by);
    }
  return CARE_EXIT_OK;
}
