//! One customer of the caller's part of the network.
use aftersales_api_types::customers::CustomerDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, customers};
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<CustomerDto, ApiError> {
    me.require(Permission::ViewCustomers)?;
    let customer = customers::find_in_scope(db, &me.scope, id).await.or_not_found("customer")?;
    Ok(dto::customer_out(&customer))
}
