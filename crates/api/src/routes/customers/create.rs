use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::customers::{CreateCustomer, CustomerDto};
use aftersales_persistence::{begin_write, customers};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::dto::optional;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::customers::{contacts_in, refuse_duplicates};

/// Register a customer in one of your branches.
///
/// A phone number or e-mail address that another customer of yours already has
/// is refused with 409 naming that customer, unless `allow_duplicate` is true.
#[utoipa::path(
    post, path = "/api/v1/customers", tag = "customers", operation_id = "create_customer",
    security(("bearer" = [])),
    request_body = CreateCustomer,
    responses(
        (status = 201, description = "Created", body = CustomerDto,
            headers(("Location" = String, description = "URL of the new customer"), ("ETag" = String, description = "Version of the customer"))),
        (status = 409, description = "Another customer of yours has one of these phone numbers or e-mail addresses", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/customers")]
pub async fn create_customer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<CreateCustomer>,
) -> Result<HttpResponse, ApiError> {
    let contacts = contacts_in(Some(body.phones), Some(body.emails), Some(body.addresses))?;
    let (phones, emails, addresses) = (
        contacts.phones.unwrap_or_default(),
        contacts.emails.unwrap_or_default(),
        contacts.addresses.unwrap_or_default(),
    );
    let txn = begin_write(&state.db).await?;
    ensure_branch_in_scope(&txn, &me.scope, body.branch_id).await?;
    if !body.allow_duplicate {
        refuse_duplicates(&txn, &me.scope, &phones, &emails, None).await?;
    }
    let id = Uuid::now_v7();
    let customer = customers::insert(
        &txn,
        customers::NewCustomer {
            id,
            branch_id: body.branch_id,
            kind: dto::customer_kind_in(body.kind),
            name: body.name.trim().to_owned(),
            tax_id: optional(body.tax_id),
            locale: dto::locale_in(body.locale),
            source: dto::source_in(body.source),
            notes: optional(body.notes),
            phones,
            emails,
            addresses,
        },
        Utc::now(),
    )
    .await?;
    let out = dto::customer_out(&customer);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "customer.create",
            entity: "customer",
            entity_id: id,
            branch_id: Some(customer.branch_id),
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/customers/{id}")))
        .insert_header((header::ETAG, etag(customer.version)))
        .json(out))
}
