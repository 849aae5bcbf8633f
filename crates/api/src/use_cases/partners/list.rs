//! The partners of your part of the network, by code.
use aftersales_api_types::Page;
use aftersales_api_types::partners::{PartnerDto, PartnerQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, partners};

use super::out::kind_in;
use super::partner_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(db: &DatabaseConnection, me: &Principal, query: PartnerQuery) -> Result<Page<PartnerDto>, ApiError> {
    me.require(Permission::ManagePartners)?;
    let limit = pagination::limit(query.limit);
    let after = pagination::decode_cursor(query.cursor.as_deref())?;
    let rows = partners::list(db, &me.scope, query.kind.map(kind_in), after, limit).await?;
    Ok(pagination::page(rows, limit, |p| p.code.clone(), partner_out))
}
