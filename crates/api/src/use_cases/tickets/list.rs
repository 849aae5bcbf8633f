//! The ticket list of the caller's part of the network.
use aftersales_api_types::Page;
use aftersales_api_types::tickets::{TicketDto, TicketQuery, TicketSort};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::{self, TicketFilter, TicketOrder};

use super::convert::ToDomain;
use super::{names_out, ticket_out};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// Every filter is optional; they combine with AND. A technician also sees the
/// tickets assigned to them elsewhere. Each ticket comes with the names the list
/// shows (customer, unit, technician, branch).
pub async fn list(db: &DatabaseConnection, me: &Principal, query: TicketQuery) -> Result<Page<TicketDto>, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = TicketFilter {
        kind: query.kind.to_domain(),
        stage: query.stage,
        stage_category: query.stage_category.to_domain(),
        branch_id: query.branch_id,
        technician_id: query.technician_id,
        unassigned: query.unassigned.unwrap_or(false),
        customer_id: query.customer_id,
        serial_id: query.serial_id,
        warranty_status: query.warranty_status.to_domain(),
        created_from: query.created_from,
        created_to: query.created_to,
        appointment_from: query.appointment_from,
        appointment_to: query.appointment_to,
        repeat_repair: query.repeat_repair,
        contradiction: query.contradiction,
        q: query.q,
        external_reference: query.external_reference,
        partner: me.partner.as_ref().map(|key| key.sight.clone()),
        order: match query.sort {
            Some(TicketSort::Oldest) => TicketOrder::OldestFirst,
            _ => TicketOrder::NewestFirst,
        },
        assigned_to: Some(me.user_id),
        after_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = tickets::list(db, &me.scope, filter).await?;
    // The names of the whole page in one query, not one look-up per row.
    let ids: Vec<_> = rows.iter().map(|t| t.id.uuid()).collect();
    let mut names = tickets::names::of_tickets(db, &ids).await?;
    let items = rows
        .iter()
        .map(|t| Ok(TicketDto { names: names.remove(&t.id.uuid()).map(names_out), ..ticket_out(t)? }))
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(pagination::page(items, limit, |t| t.id.to_string(), Clone::clone))
}
