//! Register a customer in one of the actor's branches.
use actix_web::http::StatusCode;
use aftersales_api_types::customers::{CreateCustomer, CustomerDto};
use aftersales_domain::access::Permission;
use aftersales_domain::text::optional_text;
use aftersales_persistence::{DatabaseConnection, customers};
use uuid::Uuid;

use super::{contacts_in, refuse_duplicates};
use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::ApiError;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::{Actor, Begun, Once, Work};

/// A phone number or e-mail address that another customer of the actor's part of
/// the network already has is refused (409 naming that customer), unless
/// `allow_duplicate` is set.
pub async fn register(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateCustomer,
) -> Result<Once<CustomerDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageCustomers)?;
    // Recognised by what was sent, before it is taken apart.
    let asked = serde_json::to_value(&body).map_err(|e| ApiError::Internal(e.into()))?;
    let contacts = contacts_in(Some(body.phones), Some(body.emails), Some(body.addresses))?;
    let (phones, emails, addresses) = (
        contacts.phones.unwrap_or_default(),
        contacts.emails.unwrap_or_default(),
        contacts.addresses.unwrap_or_default(),
    );
    let work = match Work::begin_retryable(db, actor, &asked).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let txn = work.db();
    ensure_branch_in_scope(txn, &me.scope, body.branch_id).await?;
    if !body.allow_duplicate {
        refuse_duplicates(txn, &me.scope, &phones, &emails, None).await?;
    }
    let new = customers::NewCustomer {
        id: Uuid::now_v7(),
        branch_id: body.branch_id,
        kind: dto::customer_kind_in(body.kind),
        name: body.name.trim().to_owned(),
        tax_id: optional_text(body.tax_id),
        locale: dto::locale_in(body.locale),
        source: dto::source_in(body.source),
        notes: optional_text(body.notes),
        phones,
        emails,
        addresses,
    };
    let customer = customers::insert(txn, new, work.now()).await?;
    let out = dto::customer_out(&customer);
    work.audit(Change {
        action: "customer.create",
        entity: "customer",
        entity_id: customer.id.uuid(),
        branch_id: Some(customer.branch_id.uuid()),
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}
