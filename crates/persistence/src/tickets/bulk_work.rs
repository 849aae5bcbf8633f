//! The work on many tickets at once, for the volume generator behind the
//! benchmarks and the demo: parts lines, labour lines, callbacks, complaints and
//! old parts owed back, as the use cases would have left them one request at a
//! time, in chunked multi-row INSERTs.
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Set};
use uuid::Uuid;

use super::callbacks::Callback;
use super::complaints::Complaint;
use super::labour::NewLabourLine;
use super::parts::TicketPart;
use crate::StoreError;
use crate::bulk::insert_all;
use crate::defective_parts::DefectivePart;
use crate::entities::{complaints, defective_parts, ticket_callbacks, ticket_labour_lines, ticket_parts};

pub async fn insert_part_lines(db: &impl ConnectionTrait, all: Vec<TicketPart>) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|l| ticket_parts::ActiveModel {
        id: Set(l.id.uuid()),
        ticket_id: Set(l.ticket_id.uuid()),
        part_id: Set(l.part_id.uuid()),
        warehouse_id: Set(l.warehouse_id.uuid()),
        reserved: Set(l.counts.reserved),
        issued: Set(l.counts.issued),
        used: Set(l.counts.used),
        returned_unused: Set(l.counts.returned_unused),
        defective_returned: Set(l.counts.defective_returned),
        issued_value_minor: Set(l.issued_value_minor),
        charge_to: Set(l.charge_to.as_str().to_owned()),
        unit_price_minor: Set(l.unit_price.minor()),
        currency: Set(l.unit_price.currency().code().to_owned()),
        created_at: Set(l.created_at),
        updated_at: Set(l.updated_at),
        version: Set(l.version),
    });
    Ok(insert_all(db, rows).await?)
}

/// Labour lines, each with when it was recorded.
pub async fn insert_labour_lines(
    db: &impl ConnectionTrait,
    all: Vec<(NewLabourLine, DateTime<Utc>)>,
) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|(l, at)| ticket_labour_lines::ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(l.ticket_id),
        service_item_id: Set(l.service_item_id),
        code: Set(l.code),
        description: Set(l.description),
        quantity: Set(l.quantity),
        unit_price_minor: Set(l.unit_price.minor()),
        currency: Set(l.unit_price.currency().code().to_owned()),
        minutes: Set(l.minutes),
        technician_id: Set(l.technician_id),
        created_by: Set(l.created_by),
        created_at: Set(at),
    });
    Ok(insert_all(db, rows).await?)
}

pub async fn insert_callbacks(db: &impl ConnectionTrait, all: Vec<Callback>) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|c| ticket_callbacks::ActiveModel {
        id: Set(c.id),
        ticket_id: Set(c.ticket_id),
        branch_id: Set(c.branch_id),
        due_at: Set(c.due_at),
        status: Set(c.status.as_str().to_owned()),
        attempts: Set(i32::try_from(c.attempts).unwrap_or(i32::MAX)),
        answers: Set(c.answers.as_ref().map(ToString::to_string)),
        satisfaction_score: Set(c.satisfaction_score),
        contradictions: Set(
            (!c.contradictions.is_empty()).then(|| serde_json::to_string(&c.contradictions).unwrap_or_default())
        ),
        notes: Set(c.notes),
        done_by: Set(c.done_by),
        done_at: Set(c.done_at),
        created_at: Set(c.created_at),
        version: Set(c.version),
    });
    Ok(insert_all(db, rows).await?)
}

pub async fn insert_complaints(db: &impl ConnectionTrait, all: Vec<Complaint>) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|c| complaints::ActiveModel {
        id: Set(c.id),
        ticket_id: Set(c.ticket_id),
        branch_id: Set(c.branch_id),
        technician_id: Set(c.technician_id),
        category: Set(c.category.as_str().to_owned()),
        description: Set(c.description),
        status: Set(c.status.as_str().to_owned()),
        resolution: Set(c.resolution),
        created_by: Set(c.created_by),
        created_at: Set(c.created_at),
        resolved_by: Set(c.resolved_by),
        resolved_at: Set(c.resolved_at),
        updated_at: Set(c.updated_at),
        version: Set(c.version),
    });
    Ok(insert_all(db, rows).await?)
}

pub async fn insert_defective_parts(db: &impl ConnectionTrait, all: Vec<DefectivePart>) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|d| defective_parts::ActiveModel {
        id: Set(d.id),
        ticket_id: Set(d.ticket_id),
        ticket_part_id: Set(d.ticket_part_id),
        part_id: Set(d.part_id),
        technician_id: Set(d.technician_id),
        branch_id: Set(d.branch_id),
        quantity: Set(d.quantity),
        due_at: Set(d.due_at),
        status: Set(d.status.as_str().to_owned()),
        received_warehouse_id: Set(d.received_warehouse_id),
        received_at: Set(d.received_at),
        received_by: Set(d.received_by),
        rtv_shipment_id: Set(d.rtv_shipment_id),
        closed_at: Set(d.closed_at),
        close_reason: Set(d.close_reason),
        created_by: Set(d.created_by),
        created_at: Set(d.created_at),
        updated_at: Set(d.updated_at),
        version: Set(d.version),
    });
    Ok(insert_all(db, rows).await?)
}
