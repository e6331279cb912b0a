/* care-cli-documents.c — care-cli documents: the files attached to a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "care-case-store.h"
#include "care-cli.h"
#include "care-document-store.h"
#include "care-plan-pdf.h"
#include "care-vault-error.h"

#define PARAMETERS "CASE_NUMBER [--attach FILE [--title T] | --save ID --output FILE | --remove ID]"

/* The case number as the store writes it, whatever case was typed. */
static char *
canonical_number (CareVault   *vault,
                  const char  *typed,
                  GError     **error)
{
  g_autoptr(CareCase) care_case = care_case_store_load (vault, typed, error);

  return care_case != NULL ? care_case_number_format (&care_case->number) : NULL;
}

/* The document ID, if it is one of the case's. */
static CareDocument *
get_document_of_case (CareVault   *vault,
                      const char  *number,
                      gint64       id,
                      gboolean     with_data,
                      GError     **error)
{
  g_autoptr(CareDocument) document = care_document_store_get (vault, id, with_data, error);

  if (document != NULL && g_strcmp0 (document->case_number, number) != 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: %1$s is a document number, %2$s a case number */
      g_set_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND,
                   _("Document %1$s is not one of case %2$s."), id_text, number);
      return NULL;
    }
  return g_steal_pointer (&document);
}

static int
attach (const CareCliGlobals *globals,
        CareVault            *vault,
        const char           *number,
        const char           *path,
        const char           *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *default_title = NULL;
  g_autofree char *id_text = NULL;
  GStatBuf st;
  gint64 id;

  /* Refused before it is read: a film of 2 GB says so at once. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && !care_document_check_size (st.st_size, &error))
    return care_cli_report_error (error);
  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      g_printerr ("care-cli: %s\n", error->message);
      return CARE_EXIT_INVALID;
    }
  data = g_mapped_file_get_bytes (mapped);
  if (title == NULL)
    title = default_title = care_document_default_title (path);
  id = care_document_store_attach (vault, number, title, path, data, &error);
  if (id == 0)
    return care_cli_report_error (error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (globals->format == CARE_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, id);
      json_builder_end_object (b);
      care_cli_print_json (json_builder_get_root (b));
    }
  else
    g_print ("%s\n", id_text);
  /* Translators: %1$s is a document number, %2$s a case number */
  g_printerr (_("Document %1$s attached to case %2$s, kept encrypted in the vault; "
                "you may now delete the file.\n"), id_text, number);
  return CARE_EXIT_OK;
}

static int
save_copy (CareVault  *vault,
           const char *number,
           gint64      id,
           const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareDocument) document = get_document_of_case (vault, number, id, TRUE, &error);
  const void *bytes;
  gsize length;

  if (document == NULL)
    return care_cli_report_error (error);
  bytes = g_bytes_get_data (document->data, &length);
  if (!care_file_write_atomically (output, bytes, length, &error))
    {
      g_printerr ("care-cli: %s\n", error->message);
      return CARE_EXIT_INVALID;
    }
  /* Translators: %s is a file name */
  g_printerr (_("Warning: the copy %s is not encrypted. Keep it safe, and delete it when it is no longer needed.\n"),
              output);
  return CARE_EXIT_OK;
}

static int
remove_document (CareVault  *vault,
                 const char *number,
                 gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CareDocument) document = get_document_of_case (vault, number, id, FALSE, &error);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (document == NULL || !care_document_store_remove (vault, id, &error))
    return care_cli_report_error (error);
  /* Translators: %1$s is a document number, %2$s a case number */
  g_printerr (_("Document %1$s removed from case %2$s.\n"), id_text, number);
  return CARE_EXIT_OK;
}

static void
print_json (GPtrArray *documents)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < documents->len; i++)
    {
      const CareDocument *d = g_ptr_array_index (documents, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, d->id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, d->title);
      json_builder_set_member_name (b, "file_name");
      json_builder_add_string_value (b, d->file_name);
      json_builder_set_member_name (b, "media_type");
      json_builder_add_string_value (b, d->media_type);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, d->size);
      json_builder_set_member_name (b, "attached_at");
      json_builder_add_string_value (b, d->attached_at);
      json_builder_set_member_name (b, "attached_by");
      json_builder_add_string_value (b, d->attached_by);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  care_cli_print_json (json_builder_get_root (b));
}

static int
list (const CareCliGlobals *globals,
      CareVault            *vault,
      const char           *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = care_document_store_list (vault, number, &error);

  if (documents == NULL)
    return care_cli_report_error (error);
  if (globals->format == CARE_FORMAT_JSON)
    {
      print_json (documents);
      return CARE_EXIT_OK;
    }
  for (guint i = 0; i < documents->len; i++)
    {
      const CareDocument *d = g_ptr_array_index (documents, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%" G_GSIZE_FORMAT "\t%s\t%s\n", d->id, d->title, d->file_name,
               d->media_type, d->size, d->attached_at, d->attached_by);
    }
  return CARE_EXIT_OK;
}

/* Exactly one of the changes at a time, each with what it needs. */
static gboolean
check_usage (const char *attach_path,
             const char *title,
             gint64      save_id,
             const char *output,
             gint64      remove_id)
{
  guint n = (attach_path != NULL) + (save_id != 0) + (remove_id != 0);

  if (n > 1)
    g_printerr (_("care-cli documents: --attach, --save and --remove go one at a time\n"));
  else if (title != NULL && attach_path == NULL)
    g_printerr (_("care-cli documents: --title names a file given with --attach\n"));
  else if ((save_id != 0) != (output != NULL))
    g_printerr (_("care-cli documents: --save ID needs --output FILE, and --output needs --save\n"));
  else if (save_id < 0 || remove_id < 0)
    g_printerr (_("care-cli documents: a document number is a whole number from 1\n"));
  else
    return TRUE;
  return FALSE;
}

int
care_cli_documents (const CareCliGlobals *globals,
                    int                   argc,
                    char                **argv)
{
  g_autofree char *user = NULL, *attach_path = NULL, *title = NULL, *output = NULL, *number = NULL;
  gint64 save_id = 0, remove_id = 0;
  g_autoptr(CareVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    { "attach", 0, 0, G_OPTION_ARG_FILENAME, &attach_path, N_("Attach this file to the case"), N_("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("What the attached file is, e.g. “Passport copy” (default: its file name without extension)"), N_("TITLE") },
    { "save", 0, 0, G_OPTION_ARG_INT64, &save_id, N_("Write a copy of document ID (not encrypted)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where --save writes the copy"), N_("FILE") },
    { "remove", 0, 0, G_OPTION_ARG_INT64, &remove_id, N_("Remove document ID from the case"), N_("ID") },
    CARE_CLI_USER_OPTION (user),
    { NULL }
  };

  if (!care_cli_parse_options ("documents", PARAMETERS,
                               _("List the files attached to a case, attach one, save a copy of one or remove one. "
                                 "Attached files are kept inside the vault, encrypted; a saved copy is not. "
                                 "Scans of signed plans are listed by plan-scan."),
                               entries, &argc, &argv, 1, 1, &exit_code))
    return exit_code;
  if (!check_usage (attach_path, title, save_id, output, remove_id))
    return CARE_EXIT_USAGE;

  vault = care_cli_unlock (globals, user, &error);
  if (vault == NULL || (number = canonical_number (vault, argv[1], &error)) == NULL)
    return care_cli_report_error (error);

  if (attach_path != NULL)
    return attach (globals, vault, number, attach_path, title);
  if (save_id != 0)
    return save_copy (vault, number, save_id, output);
  if (remove_id != 0)
    return remove_document (vault, number, remove_id);
  return list (globals, vault, number);
}
