//! Complaints of the caller's part of the network, newest first.
use aftersales_api_types::Page;
use aftersales_api_types::followups::{ComplaintDto, ComplaintQuery};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::complaints::{self, ComplaintFilter};

use super::{Concerns, complaint_out, names_of};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;
use crate::use_cases::tickets::convert::ToDomain;

pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: ComplaintQuery,
) -> Result<Page<ComplaintDto>, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = ComplaintFilter {
        status: query.status.to_domain(),
        branch_id: query.branch_id,
        technician_id: query.technician_id,
        ticket_id: query.ticket_id,
        after_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = complaints::list(db, &me.scope, filter).await?;
    let concerns: Vec<Concerns> = rows
        .iter()
        .map(|c| Concerns { ticket_id: c.ticket_id, technician_id: c.technician_id, settled_by: c.resolved_by })
        .collect();
    let names = names_of(db, &concerns).await?;
    let items: Vec<ComplaintDto> =
        rows.iter().zip(names).map(|(c, names)| ComplaintDto { names, ..complaint_out(c) }).collect();
    Ok(pagination::page(items, limit, |c| c.id.to_string(), Clone::clone))
}
