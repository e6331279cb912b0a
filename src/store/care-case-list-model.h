/* care-case-list-model.h — the cases of a vault that match a query, as a
 * GListModel of CareCaseItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "care-case-item.h"
#include "care-case-store.h"
#include "care-vault.h"

G_BEGIN_DECLS

#define CARE_TYPE_CASE_LIST_MODEL (care_case_list_model_get_type ())

G_DECLARE_FINAL_TYPE (CareCaseListModel, care_case_list_model, CARE, CASE_LIST_MODEL, GObject)

CareCaseListModel *care_case_list_model_new              (void);

CareVault         *care_case_list_model_get_vault        (CareCaseListModel *self);
void               care_case_list_model_set_vault        (CareCaseListModel *self,
                                                          CareVault         *vault);

/* Each setter reloads the list (see care_case_list_model_reload). */
const char        *care_case_list_model_get_search       (CareCaseListModel *self);
void               care_case_list_model_set_search       (CareCaseListModel *self,
                                                          const char        *search);
void               care_case_list_model_set_status_filter (CareCaseListModel *self,
                                                           gboolean           by_status,
                                                           CareCaseStatus     status);
void               care_case_list_model_set_host_country (CareCaseListModel *self,
                                                          const char        *host_country);
void               care_case_list_model_set_minors_only  (CareCaseListModel *self,
                                                          gboolean           minors_only);
void               care_case_list_model_set_overdue_only (CareCaseListModel *self,
                                                          gboolean           overdue_only);
/* CARE_CASE_ORDER_NUMBER ascending until set. */
void               care_case_list_model_set_order        (CareCaseListModel *self,
                                                          CareCaseOrder      order,
                                                          gboolean           descending);
CareCaseOrder      care_case_list_model_get_order        (CareCaseListModel *self,
                                                          gboolean          *descending);
/* TRUE when a search or a filter is set. */
gboolean           care_case_list_model_is_filtered      (CareCaseListModel *self);

/* Runs the query in a worker thread; the list keeps its rows until the
 * answer comes. The items held by someone (the rows on screen) then show
 * the new answer's row at their position and emit "changed"; only a change
 * of length is an items-changed. A long answer in case-number order shows
 * its first rows before the rest ("answered" is emitted for each, with
 * complete FALSE then TRUE). A newer reload supersedes an older one still
 * running. "loading" is TRUE until the whole answer is shown. Answers and
 * the model's timeouts come in the thread-default main context of the
 * thread that made the model, the only thread that may use it. */
void               care_case_list_model_reload           (CareCaseListModel *self);
gboolean           care_case_list_model_get_loading      (CareCaseListModel *self);
/* The error of the last reload, or NULL. */
const GError      *care_case_list_model_get_error        (CareCaseListModel *self);

G_END_DECLS
