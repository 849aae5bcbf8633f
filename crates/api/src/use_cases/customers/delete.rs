//! Delete a customer with their contacts; the audit log keeps what was deleted.
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, customers};
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Work};

/// 404 outside the actor's part of the network; 409 while other records refer to the customer.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.me.require(Permission::ManageCustomers)?;
    let work = Work::begin(db, actor).await?;
    let customer = customers::find_in_scope(work.db(), &actor.me.scope, id).await.or_not_found("customer")?;
    customers::delete(work.db(), customer.id.uuid()).await?;
    work.audit(Change {
        action: "customer.delete",
        entity: "customer",
        entity_id: customer.id.uuid(),
        branch_id: Some(customer.branch_id.uuid()),
        before: snapshot(&dto::customer_out(&customer)),
        after: None,
    })
    .await?;
    work.commit().await
}
