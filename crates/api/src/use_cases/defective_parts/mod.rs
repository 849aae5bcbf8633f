//! Old parts taken out of units on tickets, owed back by technicians, handed in
//! to a defective-parts warehouse, then scrapped or sent back to the
//! manufacturer: one use case per file, and the old part on the wire.
pub mod list;
pub mod overdue;
pub mod receive;
pub mod scrap;

use aftersales_api_types::defective_parts::{DefectivePartDto, DefectiveStatus};
use aftersales_domain::stock::ticket_parts::DefectiveStatus as Status;
use aftersales_persistence::defective_parts::DefectivePart;
use chrono::{DateTime, Utc};

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

pub fn defective_out(d: &DefectivePart, ticket_number: &str, now: DateTime<Utc>) -> DefectivePartDto {
    DefectivePartDto {
        id: d.id,
        ticket_id: d.ticket_id,
        ticket_number: ticket_number.to_owned(),
        part_id: d.part_id,
        technician_id: d.technician_id,
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
