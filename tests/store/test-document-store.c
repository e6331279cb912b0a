/* test-document-store.c — the files attached to a case: attached, listed,
 * read back whole, renamed, removed and restored, each change in the
 * history; refusals change nothing; nothing of a file is found in clear in
 * the vault; a deleted case takes its documents with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "care-case-store.h"
#include "care-document-store.h"
#include "vault-test-util.h"

typedef VaultFixture Fixture;

#define MARKER "ZEPHYRINE-MARKER-PASSPORT-4471"

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
};

static char *
add_case (Fixture *f)
{
  g_autoptr(CareCase) c = care_case_new ();
  g_autoptr(GError) error = NULL;

  c->person->family_name = g_strdup ("Okafor");
  c->person->given_names = g_strdup ("Blessing");
  c->person->sex = CARE_SEX_FEMALE;
  c->host_country = g_strdup ("FR");
  c->return_country = g_strdup ("NG");
  c->person->nationality = g_strdup ("NG");
  c->referral_date = vault_test_date (2014, 3, 10);
  c->planned_return_date = vault_test_date (2014, 6, 1);
  care_case_store_save (f->vault, c, NULL, &f->today, &error);
  g_assert_no_error (error);
  return care_case_number_format (&c->number);
}

static GBytes *
text_file (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static gint64
attach_ok (Fixture    *f,
           const char *number,
           const char *title,
           const char *file_name,
           GBytes     *data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = care_document_store_attach (f->vault, number, title, file_name, data, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The newest history entry of the case. */
static CareHistoryEntry *
newest_entry (Fixture    *f,
              const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = care_history_list (f->vault, number, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  return g_ptr_array_steal_index (entries, 0);
}

static void
assert_history_sound (Fixture *f)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (care_history_verify (f->vault, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *number = add_case (f);
  g_autoptr(GBytes) letter = text_file ("Letter from the referring association. " MARKER "\n");
  g_autoptr(GBytes) photo = g_bytes_new_static (png_bytes, sizeof png_bytes);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CareDocument) got = NULL;
  g_autoptr(CareHistoryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 letter_id, photo_id;
  CareDocument *first;

  letter_id = attach_ok (f, number, "  Referral letter ", "/home/amina/Documents/letter.txt", letter);
  photo_id = attach_ok (f, number, "Photo for the passport", "photo.png", photo);
  g_assert_cmpint (photo_id, >, letter_id);

  list = care_document_store_list (f->vault, number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpint (first->id, ==, letter_id);
  g_assert_cmpstr (first->case_number, ==, number);
  g_assert_cmpstr (first->title, ==, "Referral letter");
  g_assert_cmpstr (first->file_name, ==, "letter.txt");
  g_assert_cmpstr (first->media_type, ==, "text/plain");
  g_assert_cmpuint (first->size, ==, g_bytes_get_size (letter));
  g_assert_cmpstr (first->attached_by, ==, TEST_USER);
  g_assert_true (g_str_has_suffix (first->attached_at, "Z"));
  g_assert_null (first->data);
  g_assert_cmpstr (((CareDocument *) g_ptr_array_index (list, 1))->media_type, ==, "image/png");

  got = care_document_store_get (f->vault, letter_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got->data, letter));

  entry = newest_entry (f, number);
  g_assert_cmpstr (entry->record, ==, "document");
  g_assert_cmpint (entry->record_id, ==, photo_id);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_nonnull (strstr (entry->new_value, "title=Photo for the passport"));
  g_clear_pointer (&entry, care_history_entry_free);

  /* Renamed: the old and new titles in the history. */
  g_assert_true (care_document_store_rename (f->vault, letter_id, "Letter of Amicale du Nid", &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, care_document_free);
  got = care_document_store_get (f->vault, letter_id, FALSE, &error);
  g_assert_cmpstr (got->title, ==, "Letter of Amicale du Nid");
  entry = newest_entry (f, number);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->field, ==, "title");
  g_assert_cmpstr (entry->old_value, ==, "Referral letter");
  g_assert_cmpstr (entry->new_value, ==, "Letter of Amicale du Nid");
  g_clear_pointer (&entry, care_history_entry_free);

  /* The text of a file never reaches the disk in clear. */
  g_assert_false (vault_test_file_contains (f->path, MARKER));
  assert_history_sound (f);
}

static void
test_remove_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *number = add_case (f);
  g_autoptr(GBytes) letter = text_file ("Birth certificate, translated.\n");
  g_autoptr(CareDocument) before = NULL;
  g_autoptr(CareDocument) after = NULL;
  g_autoptr(CareHistoryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, next;

  id = attach_ok (f, number, "Birth certificate", "birth.txt", letter);
  before = care_document_store_get (f->vault, id, TRUE, &error);
  g_assert_no_error (error);

  g_assert_true (care_document_store_remove (f->vault, id, &error));
  g_assert_no_error (error);
  g_assert_null (care_document_store_get (f->vault, id, FALSE, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  entry = newest_entry (f, number);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_cmpint (entry->record_id, ==, id);
  g_assert_nonnull (strstr (entry->old_value, "title=Birth certificate"));
  g_clear_pointer (&entry, care_history_entry_free);

  /* A removed document's id is never given to another. */
  next = attach_ok (f, number, "Another", "other.txt", letter);
  g_assert_cmpint (next, >, id);

  /* Undo: back whole, under its own id, author and date. */
  g_assert_true (care_document_store_restore (f->vault, before, &error));
  g_assert_no_error (error);
  after = care_document_store_get (f->vault, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->title, ==, before->title);
  g_assert_cmpstr (after->attached_at, ==, before->attached_at);
  g_assert_cmpstr (after->attached_by, ==, before->attached_by);
  g_assert_true (g_bytes_equal (after->data, letter));
  entry = newest_entry (f, number);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_true (g_str_has_prefix (entry->new_value, "restored: "));
  g_clear_pointer (&entry, care_history_entry_free);

  /* Undone twice: still one document. */
  g_assert_true (care_document_store_restore (f->vault, before, &error));
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT count(*) FROM case_documents"), ==, 2);
  assert_history_sound (f);
}

static void
assert_refused (Fixture    *f,
                const char *number,
                const char *title,
                GBytes     *data,
                int         code)
{
  g_autofree char *before = vault_test_checksum (f->path);
  g_autofree char *after = NULL;
  gint64 history = vault_test_query_int (f->vault, "SELECT count(*) FROM history");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (care_document_store_attach (f->vault, number, title, "file.bin", data, &error), ==, 0);
  g_assert_error (error, CARE_VAULT_ERROR, code);
  g_assert_nonnull (error->message);
  after = vault_test_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT count(*) FROM case_documents"), ==, 1);
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT count(*) FROM history"), ==, history);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *number = add_case (f);
  g_autoptr(GBytes) letter = text_file ("A letter.\n");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (CARE_DOCUMENT_MAX_BYTES + 1), CARE_DOCUMENT_MAX_BYTES + 1);
  g_autofree char *long_title = g_strnfill (201, 'a');
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = attach_ok (f, number, "A letter", "letter.txt", letter);
  assert_refused (f, "CARE-FR-2014-9999", "Passport", letter, CARE_VAULT_ERROR_NOT_FOUND);
  assert_refused (f, "not a number", "Passport", letter, CARE_VAULT_ERROR_NOT_FOUND);
  assert_refused (f, number, "Passport", empty, CARE_VAULT_ERROR_INVALID);
  assert_refused (f, number, "Passport", huge, CARE_VAULT_ERROR_INVALID);
  assert_refused (f, number, "   ", letter, CARE_VAULT_ERROR_INVALID);
  assert_refused (f, number, NULL, letter, CARE_VAULT_ERROR_INVALID);
  assert_refused (f, number, long_title, letter, CARE_VAULT_ERROR_INVALID);

  /* Renaming to nothing, or something that is not there. */
  g_assert_false (care_document_store_rename (f->vault, id, " ", &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (care_document_store_rename (f->vault, id + 100, "Letter", &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (care_document_store_remove (f->vault, id + 100, &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (care_document_store_list (f->vault, "CARE-FR-2014-9999", &error));
  g_assert_error (error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND);
}

static void
test_media_types (void)
{
  static const char pdf[] = "%PDF-1.4\n%%EOF\n";
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F' };
  static const guint8 binary[] = { 0x00, 0x13, 0x37, 0xfe, 0x01, 0x02, 0x99, 0x00 };
  g_autofree char *t1 = care_document_sniff ("scan.pdf", (const guint8 *) pdf, sizeof pdf - 1);
  g_autofree char *t2 = care_document_sniff ("x", jpeg, sizeof jpeg);
  g_autofree char *t3 = care_document_sniff ("x", png_bytes, sizeof png_bytes);
  g_autofree char *t4 = care_document_sniff ("mystery", binary, sizeof binary);
  /* Named like a picture, not one inside: CARE does not claim it is. */
  g_autofree char *t5 = care_document_sniff ("photo.png", binary, sizeof binary);

  g_assert_cmpstr (t1, ==, "application/pdf");
  g_assert_cmpstr (t2, ==, "image/jpeg");
  g_assert_cmpstr (t3, ==, "image/png");
  g_assert_cmpstr (t4, ==, "application/octet-stream");
  g_assert_cmpstr (t5, ==, "application/octet-stream");
}

static void
test_case_deletion (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *number = add_case (f);
  g_autofree char *other = add_case (f);
  g_autoptr(GBytes) letter = text_file ("Certificate. " MARKER "\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;

  attach_ok (f, number, "Certificate", "certificate.txt", letter);
  attach_ok (f, number, "Photo", "photo.txt", letter);
  attach_ok (f, other, "Kept", "kept.txt", letter);

  g_assert_true (care_case_store_delete (f->vault, number, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vault_test_query_int (f->vault, "SELECT count(*) FROM case_documents"), ==, 1);
  left = care_document_store_list (f->vault, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_false (vault_test_file_contains (f->path, MARKER));
  assert_history_sound (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/documents/" path, Fixture, NULL, vault_fixture_set_up, func, vault_fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("remove-and-restore", test_remove_and_restore);
  ADD ("refusals", test_refusals);
  ADD ("case-deletion", test_case_deletion);
  g_test_add_func ("/documents/media-types", test_media_types);
#undef ADD

  return g_test_run ();
}
