//! One counter sale.
use aftersales_api_types::part_sales::PartSaleDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, part_sales};
use uuid::Uuid;

use super::one_out;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

/// A sale of the caller's part of the network with its lines, prices, costs and
/// margin; another branch's is 404.
pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<PartSaleDto, ApiError> {
    me.require(Permission::ViewStock)?;
    let sale = part_sales::find_in_scope(db, &me.scope, id).await.or_not_found("sale")?;
    Ok(one_out(db, &sale).await?)
}
