//! Who owes old parts past their due time.
use aftersales_api_types::defective_parts::{ArrearsQuery, TechnicianArrearsDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, defective_parts, users};
use chrono::Utc;

use crate::auth::Principal;
use crate::error::ApiError;

/// Per technician, in the caller's part of the network: how many, and the oldest
/// due date; the longest overdue first.
pub async fn overdue_by_technician(
    db: &DatabaseConnection,
    me: &Principal,
    query: ArrearsQuery,
) -> Result<Vec<TechnicianArrearsDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    let rows = defective_parts::overdue_by_technician(db, &me.scope, query.branch_id, Utc::now()).await?;
    let names = users::display_names(db, rows.iter().map(|a| a.technician_id)).await?;
    Ok(rows
        .into_iter()
        .map(|a| TechnicianArrearsDto {
            technician_id: a.technician_id,
            technician_name: names.get(&a.technician_id).cloned().unwrap_or_default(),
            count: a.count,
            quantity: a.quantity,
            oldest_due_at: a.oldest_due_at,
        })
        .collect())
}
