//! Change a customer, or move them to another branch of the actor's.
use aftersales_api_types::customers::{CustomerDto, UpdateCustomer};
use aftersales_domain::access::Permission;
use aftersales_domain::customers::{Email, Phone};
use aftersales_domain::text::optional_text;
use aftersales_persistence::{DatabaseConnection, customers};
use uuid::Uuid;

use super::{contacts_in, refuse_duplicates};
use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::{Actor, Work};

/// Refused with 412 when the customer is no longer at `expected` version; a phone
/// or e-mail added here that another customer already has is refused with 409
/// unless `allow_duplicate` is set.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdateCustomer,
) -> Result<CustomerDto, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageCustomers)?;
    let contacts = contacts_in(body.phones, body.emails, body.addresses)?;
    let work = Work::begin(db, actor).await?;
    let txn = work.db();
    let current = customers::find_in_scope(txn, &me.scope, id).await.or_not_found("customer")?;
    // A stale edit is refused before anything else: what it was based on is gone.
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    if let Some(branch_id) = body.branch_id {
        ensure_branch_in_scope(txn, &me.scope, branch_id).await?;
    }
    if !body.allow_duplicate {
        // Only what is new: a duplicate allowed once is not refused on every later edit.
        let new_phones: Vec<Phone> = contacts
            .phones
            .iter()
            .flatten()
            .filter(|p| !current.phones.iter().any(|c| c.normalized == p.normalized))
            .cloned()
            .collect();
        let new_emails: Vec<Email> = contacts
            .emails
            .iter()
            .flatten()
            .filter(|e| !current.emails.iter().any(|c| c.address == e.address))
            .cloned()
            .collect();
        refuse_duplicates(txn, &me.scope, &new_phones, &new_emails, Some(current.id.uuid())).await?;
    }
    let changes = customers::CustomerChanges {
        branch_id: body.branch_id,
        kind: body.kind.map(dto::customer_kind_in),
        name: body.name.map(|n| n.trim().to_owned()),
        tax_id: body.tax_id.map(optional_text),
        locale: body.locale.map(dto::locale_in),
        source: body.source.map(dto::source_in),
        notes: body.notes.map(optional_text),
        phones: contacts.phones,
        emails: contacts.emails,
        addresses: contacts.addresses,
    };
    let updated = customers::update(txn, &current, expected, changes, work.now()).await?;
    let out = dto::customer_out(&updated);
    work.audit(Change {
        action: "customer.update",
        entity: "customer",
        entity_id: updated.id.uuid(),
        branch_id: Some(updated.branch_id.uuid()),
        before: snapshot(&dto::customer_out(&current)),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}
