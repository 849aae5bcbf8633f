//! Old parts taken out of units on tickets, owed back by technicians, handed in
//! to a defective-parts warehouse, then scrapped or sent back to the
//! manufacturer: one use case per file, and the old part on the wire.
pub mod list;
pub mod overdue;
pub mod receive;
pub mod scrap;

use std::collections::{BTreeMap, HashMap};

use aftersales_api_types::defective_parts::{DefectivePartDto, DefectiveStatus};
use aftersales_domain::stock::ticket_parts::DefectiveStatus as Status;
use aftersales_persistence::defective_parts::{self, DefectivePart, PartLabel};
use aftersales_persistence::{ConnectionTrait, users};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::ApiError;

pub(crate) const ENTITY: &str = "defective_part";

pub fn status_out(s: Status) -> DefectiveStatus {
    match s {
        Status::Owed => DefectiveStatus::Owed,
        Status::Received => DefectiveStatus::Received,
        Status::Shipped => DefectiveStatus::Shipped,
        Status::WrittenOff => DefectiveStatus::WrittenOff,
        Status::Scrapped => DefectiveStatus::Scrapped,
    }
}

pub fn status_in(s: DefectiveStatus) -> Status {
    match s {
        DefectiveStatus::Owed => Status::Owed,
        DefectiveStatus::Received => Status::Received,
        DefectiveStatus::Shipped => Status::Shipped,
        DefectiveStatus::WrittenOff => Status::WrittenOff,
        DefectiveStatus::Scrapped => Status::Scrapped,
    }
}

/// What the old parts point at, by name: their tickets' numbers, the parts'
/// SKUs and names, and the technicians who owe them. Read once per answer, so a
/// list carries what its screen prints.
#[derive(Debug, Default)]
pub struct Names {
    tickets: BTreeMap<Uuid, String>,
    parts: BTreeMap<Uuid, PartLabel>,
    people: HashMap<Uuid, String>,
}

impl Names {
    pub async fn of<'a>(
        db: &impl ConnectionTrait,
        parts: impl Iterator<Item = &'a DefectivePart> + Clone,
    ) -> Result<Self, ApiError> {
        Ok(Self {
            tickets: defective_parts::ticket_numbers(db, parts.clone().map(|p| p.ticket_id)).await?,
            parts: defective_parts::part_labels(db, parts.clone().map(|p| p.part_id)).await?,
            people: users::display_names(db, parts.map(|p| p.technician_id)).await?,
        })
    }

    /// A technician's display name (empty for one that no longer exists).
    pub fn person(&self, id: Uuid) -> String {
        self.people.get(&id).cloned().unwrap_or_default()
    }

    /// The old part on the wire.
    pub fn out(&self, d: &DefectivePart, now: DateTime<Utc>) -> DefectivePartDto {
        let part = self.parts.get(&d.part_id);
        DefectivePartDto {
            id: d.id,
            ticket_id: d.ticket_id,
            ticket_number: self.tickets.get(&d.ticket_id).cloned().unwrap_or_default(),
            part_id: d.part_id,
            part_sku: part.map(|p| p.sku.clone()).unwrap_or_default(),
            part_name: part.map(|p| p.name.clone()).unwrap_or_default(),
            brand_id: part.map_or(Uuid::nil(), |p| p.brand_id),
            technician_id: d.technician_id,
            technician_name: self.person(d.technician_id),
            branch_id: d.branch_id,
            quantity: d.quantity,
            due_at: d.due_at,
            overdue: d.overdue(now),
            status: status_out(d.status),
            received_warehouse_id: d.received_warehouse_id,
            received_at: d.received_at,
            rtv_shipment_id: d.rtv_shipment_id,
            closed_at: d.closed_at,
            close_reason: d.close_reason.clone(),
            created_at: d.created_at,
            version: d.version,
        }
    }
}

/// One old part on the wire, with its names.
pub async fn defective_out(
    db: &impl ConnectionTrait,
    d: &DefectivePart,
    now: DateTime<Utc>,
) -> Result<DefectivePartDto, ApiError> {
    Ok(Names::of(db, std::iter::once(d)).await?.out(d, now))
}
