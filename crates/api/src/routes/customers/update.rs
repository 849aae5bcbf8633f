use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::customers::{CustomerDto, UpdateCustomer};
use aftersales_persistence::{begin_write, customers};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::dto::optional;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::customers::{contacts_in, refuse_duplicates};

/// Change a customer; a new `branch_id` moves them to another branch of yours.
///
/// A phone number or e-mail address added here that another customer of yours
/// already has is refused with 409, unless `allow_duplicate` is true.
#[utoipa::path(
    patch, path = "/api/v1/customers/{id}", tag = "customers", operation_id = "update_customer",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Customer id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the customer changed since"),
    ),
    request_body = UpdateCustomer,
    responses(
        (status = 200, description = "Updated", body = CustomerDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such customer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another customer of yours has one of the new phone numbers or e-mail addresses", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The customer changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
// `{id}` is hex digits and dashes, so that `/api/v1/customers/duplicates` is never
// taken for an id: a wrong method on it then answers 405, not 404 (see `routes::fallback`).
#[patch("/api/v1/customers/{id:[0-9a-fA-F-]+}")]
pub async fn update_customer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateCustomer>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let contacts = contacts_in(body.phones, body.emails, body.addresses)?;
    let txn = begin_write(&state.db).await?;
    let current = customers::find_in_scope(&txn, &me.scope, *id).await.or_not_found("customer")?;
    // A stale edit is refused before anything else: what it was based on is gone.
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    if let Some(branch_id) = body.branch_id {
        ensure_branch_in_scope(&txn, &me.scope, branch_id).await?;
    }
    if !body.allow_duplicate {
        // Only what is new: a duplicate allowed once is not refused on every later edit.
        let new_phones: Vec<_> = contacts
            .phones
            .iter()
            .flatten()
            .filter(|p| !current.phones.iter().any(|c| c.normalized == p.normalized))
            .cloned()
            .collect();
        let new_emails: Vec<_> = contacts
            .emails
            .iter()
            .flatten()
            .filter(|e| !current.emails.iter().any(|c| c.address == e.address))
            .cloned()
            .collect();
        refuse_duplicates(&txn, &me.scope, &new_phones, &new_emails, Some(current.id)).await?;
    }
    let changes = customers::CustomerChanges {
        branch_id: body.branch_id,
        kind: body.kind.map(dto::customer_kind_in),
        name: body.name.map(|n| n.trim().to_owned()),
        tax_id: body.tax_id.map(optional),
        locale: body.locale.map(dto::locale_in),
        source: body.source.map(dto::source_in),
        notes: body.notes.map(optional),
        phones: contacts.phones,
        emails: contacts.emails,
        addresses: contacts.addresses,
    };
    let updated = customers::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = dto::customer_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "customer.update",
            entity: "customer",
            entity_id: updated.id,
            branch_id: Some(updated.branch_id),
            before: snapshot(&dto::customer_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
