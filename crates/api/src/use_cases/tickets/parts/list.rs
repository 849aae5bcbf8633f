//! The parts of a ticket, as its page shows them.
use std::collections::BTreeMap;

use aftersales_api_types::ticket_parts::TicketPartsDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::tickets::parts as lines;
use aftersales_persistence::{DatabaseConnection, parts};
use uuid::Uuid;

use super::wire::parts_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;

/// One line per part and warehouse, oldest first, with who pays for each and the
/// exact totals the customer owes and the manufacturer's claim.
pub async fn list(db: &DatabaseConnection, me: &Principal, ticket_id: Uuid) -> Result<TicketPartsDto, ApiError> {
    me.require(Permission::ViewTickets)?;
    let ticket = ticket_in_scope(db, me, ticket_id).await?;
    let found = lines::of_ticket(db, ticket.id.uuid()).await?;
    let mut catalogue = BTreeMap::new();
    let mut with_parts = Vec::with_capacity(found.len());
    for line in found {
        let part = match catalogue.get(&line.part_id.uuid()) {
            Some(part) => Clone::clone(part),
            None => {
                let part = parts::find(db, line.part_id.uuid()).await?;
                catalogue.insert(part.id, part.clone());
                part
            }
        };
        with_parts.push((line, part));
    }
    parts_out(&with_parts)
}
