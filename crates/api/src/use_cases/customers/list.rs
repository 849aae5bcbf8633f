//! The customers of the caller's branch and those below it, newest first.
use aftersales_api_types::Page;
use aftersales_api_types::customers::{CustomerDto, CustomerQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::customers::{self, CustomerFilter};

use crate::auth::Principal;
use crate::dto;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: CustomerQuery,
) -> Result<Page<CustomerDto>, ApiError> {
    me.require(Permission::ViewCustomers)?;
    let limit = pagination::limit(query.limit);
    let filter = CustomerFilter {
        branch_id: query.branch_id,
        kind: query.kind.map(dto::customer_kind_in),
        source: query.source.map(dto::source_in),
        q: query.q,
        before_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = customers::list(db, &me.scope, filter).await?;
    Ok(pagination::page(rows, limit, |c| c.id.to_string(), dto::customer_out))
}
