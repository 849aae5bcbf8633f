//! The work on a generated ticket once a technician has it: parts issued from
//! their van or the outlet's shelf and what became of them, labour, the callback
//! after the job, a complaint now and then, and the old parts owed back. Each
//! change of a parts line is the line's own rule (`TicketPart::issue`, `record`)
//! and each movement the ledger's, as the use cases apply them one request at a time.
use std::collections::BTreeMap;

use aftersales_domain::ids::{PartId, TicketId, TicketPartId, WarehouseId};
use aftersales_domain::stock::charging::{PartsCover, charge_to};
use aftersales_domain::stock::ticket_parts::{DefectiveStatus, Outcome, TicketPart};
use aftersales_domain::tickets::callback::CallbackStatus;
use aftersales_domain::tickets::complaint::{ComplaintCategory, ComplaintStatus};
use aftersales_domain::tickets::{StageCategory, TicketKind, WarrantyStatus};
use aftersales_persistence::defective_parts::DefectivePart;
use aftersales_persistence::parts::Part;
use aftersales_persistence::tickets::bulk_work as bulk;
use aftersales_persistence::tickets::callbacks::Callback;
use aftersales_persistence::tickets::complaints::Complaint;
use aftersales_persistence::tickets::labour::NewLabourLine;
use aftersales_persistence::tickets::service_items::ServiceItem;
use aftersales_persistence::{ConnectionTrait, stock_bulk};
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand::rngs::StdRng;
use uuid::Uuid;

use super::stock::{Ledger, Stores, Why};

/// What the work generator needs to know of a ticket.
pub(super) struct Job<'a> {
    pub ticket_id: Uuid,
    pub branch_id: Uuid,
    pub kind: TicketKind,
    pub stage: &'a str,
    pub category: StageCategory,
    pub technician: Option<Uuid>,
    pub model_id: Uuid,
    pub warranty: WarrantyStatus,
    pub parts_cover: &'a PartsCover,
    /// When the technician started, and finished (for a job that is done).
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
}

/// What stays the same for every ticket.
pub(super) struct Shop {
    pub parts_by_model: BTreeMap<Uuid, Vec<Part>>,
    pub stores: Stores,
    pub services: Vec<ServiceItem>,
    pub callback_due_hours: i64,
    pub defective_return_days: i64,
    pub now: DateTime<Utc>,
}

/// Rows decided and not yet written, and the ledger, which outlives a batch.
#[derive(Default)]
pub(super) struct Work {
    pub ledger: Ledger,
    lines: Vec<TicketPart>,
    labour: Vec<(NewLabourLine, DateTime<Utc>)>,
    callbacks: Vec<Callback>,
    complaints: Vec<Complaint>,
    owed: Vec<DefectivePart>,
}

impl Work {
    /// Decides the work of one ticket; nothing for a ticket nobody worked on.
    pub fn add(&mut self, shop: &Shop, job: &Job, rng: &mut StdRng) -> anyhow::Result<()> {
        let Some(technician) = job.technician else { return Ok(()) };
        if job.category == StageCategory::Open || job.stage == "cancelled" {
            return Ok(());
        }
        let finished = matches!(job.category, StageCategory::Done | StageCategory::Closed);
        let lines = match job.kind {
            TicketKind::Repair | TicketKind::ReturnExchange => rng.gen_range(1..=3),
            _ => rng.gen_range(0..=1),
        };
        let fitting = shop.parts_by_model.get(&job.model_id).map(Vec::as_slice).unwrap_or_default();
        // Distinct parts: a ticket has one line per part and warehouse.
        let first = rng.gen_range(0..fitting.len().max(1));
        for n in 0..lines.min(fitting.len()) {
            self.part_line(shop, job, technician, &fitting[(first + n) % fitting.len()], finished, rng)?;
        }
        if finished || rng.gen_bool(0.5) {
            self.labour_line(shop, job, technician);
        }
        if finished {
            self.after_the_job(shop, job, technician, rng);
        }
        Ok(())
    }

    fn part_line(
        &mut self,
        shop: &Shop,
        job: &Job,
        technician: Uuid,
        part: &Part,
        finished: bool,
        rng: &mut StdRng,
    ) -> anyhow::Result<()> {
        let shelf =
            *shop.stores.shelf_of.get(&job.branch_id).ok_or_else(|| anyhow::anyhow!("an outlet without a shelf"))?;
        let warehouse = shop.stores.van_of.get(&technician).copied().unwrap_or(shelf);
        let quantity = if rng.gen_bool(0.15) { 2 } else { 1 };
        let at = job.started_at;
        let line = TicketPart {
            id: TicketPartId::generate(),
            ticket_id: TicketId::from(job.ticket_id),
            part_id: PartId::from(part.id),
            warehouse_id: WarehouseId::from(warehouse),
            counts: Default::default(),
            issued_value_minor: 0,
            charge_to: charge_to(job.warranty, job.parts_cover, part.component_code.as_deref()),
            unit_price: part.price,
            created_at: at,
            updated_at: at,
            version: 1,
        };
        let why = Why { actor: Some(technician), ticket: Some(job.ticket_id), reason: None };
        self.ledger.restock(warehouse, shelf, part, quantity, at, rng)?;
        let issued = line.issue(quantity, self.ledger.balance(warehouse, part.id))?;
        for m in &issued.movements {
            self.ledger.apply(warehouse, part.id, *m, why, at)?;
        }
        let mut line = TicketPart { version: 2, ..issued.line };
        if finished {
            // A second unit taken along is usually not needed; an old component
            // taken out of a unit lately is still owed back.
            let returned_unused = quantity - 1;
            let used = quantity - returned_unused;
            let recent = job.finished_at > shop.now - Duration::days(21);
            let defective = if recent && part.component_code.is_some() { used } else { 0 };
            let recorded = line.record(Outcome { used, returned_unused, defective })?;
            for m in &recorded.movements {
                self.ledger.apply(warehouse, part.id, *m, why, job.finished_at)?;
            }
            line = TicketPart { version: 3, updated_at: job.finished_at, ..recorded.line };
            if recorded.old_parts_owed > 0 {
                self.owed.push(owed(shop, job, technician, &line, recorded.old_parts_owed));
            }
        }
        self.lines.push(line);
        Ok(())
    }

    fn labour_line(&mut self, shop: &Shop, job: &Job, technician: Uuid) {
        let Some(item) = shop.services.get(self.labour.len() % shop.services.len().max(1)) else { return };
        let line = NewLabourLine {
            ticket_id: job.ticket_id,
            service_item_id: Some(item.id),
            code: item.code.clone(),
            description: item.names.get("en").cloned().unwrap_or_else(|| item.code.clone()),
            quantity: 1,
            unit_price: item.price,
            minutes: item.standard_minutes,
            technician_id: Some(technician),
            created_by: Some(technician),
        };
        self.labour.push((line, job.finished_at));
    }

    /// The callback a finished job waits for (or had, lately), and a complaint now and then.
    fn after_the_job(&mut self, shop: &Shop, job: &Job, technician: Uuid, rng: &mut StdRng) {
        let due_at = job.finished_at + Duration::hours(shop.callback_due_hours);
        let recent = job.finished_at > shop.now - Duration::days(30);
        let status = match job.stage {
            "callback" => Some(CallbackStatus::Pending),
            "closed" if recent => {
                Some(if rng.gen_bool(0.9) { CallbackStatus::Done } else { CallbackStatus::Unreachable })
            }
            _ => None,
        };
        if let Some(status) = status {
            let settled_at = (status != CallbackStatus::Pending).then(|| due_at.min(shop.now));
            let attempts = match status {
                CallbackStatus::Unreachable => 3,
                CallbackStatus::Pending => rng.gen_range(0..2),
                CallbackStatus::Done => 0,
            };
            self.callbacks.push(Callback {
                id: Uuid::now_v7(),
                ticket_id: job.ticket_id,
                branch_id: job.branch_id,
                due_at,
                status,
                attempts,
                answers: None,
                satisfaction_score: (status == CallbackStatus::Done).then(|| rng.gen_range(3..=5)),
                contradictions: Vec::new(),
                notes: None,
                done_by: None,
                done_at: settled_at,
                created_at: job.finished_at,
                version: 1 + i64::from(attempts),
            });
        }
        if job.stage == "closed" && rng.gen_bool(if recent { 0.1 } else { 0.005 }) {
            let category = ComplaintCategory::ALL[rng.gen_range(0..ComplaintCategory::ALL.len())];
            let resolved = (!recent).then_some(job.finished_at + Duration::days(5));
            self.complaints.push(Complaint {
                id: Uuid::now_v7(),
                ticket_id: job.ticket_id,
                branch_id: job.branch_id,
                technician_id: Some(technician),
                category,
                description: "Khách hàng phàn nàn / the customer complains".into(),
                status: if recent { ComplaintStatus::Open } else { ComplaintStatus::Resolved },
                resolution: resolved.map(|_| "Called the customer and put it right".into()),
                created_by: None,
                created_at: job.finished_at + Duration::days(1),
                resolved_by: None,
                resolved_at: resolved,
                updated_at: resolved.unwrap_or(job.finished_at + Duration::days(1)),
                version: if recent { 1 } else { 2 },
            });
        }
    }

    /// Writes what the batch decided (the ledger's balances wait for the end).
    pub async fn flush(&mut self, db: &impl ConnectionTrait) -> anyhow::Result<()> {
        bulk::insert_part_lines(db, std::mem::take(&mut self.lines)).await?;
        bulk::insert_labour_lines(db, std::mem::take(&mut self.labour)).await?;
        let mut movements = std::mem::take(&mut self.ledger.rows);
        // In the order of the ledger's index (warehouse, part, id), so that each
        // batch walks the index once instead of touching a page per row at random:
        // at a million tickets the index is far larger than SQLite's page cache.
        movements.sort_unstable_by_key(|r| (r.warehouse_id, r.part_id, r.id));
        stock_bulk::insert_movements(db, movements).await?;
        bulk::insert_callbacks(db, std::mem::take(&mut self.callbacks)).await?;
        bulk::insert_complaints(db, std::mem::take(&mut self.complaints)).await?;
        bulk::insert_defective_parts(db, std::mem::take(&mut self.owed)).await?;
        Ok(())
    }
}

/// An old part taken out of the unit, owed back by the technician within the
/// settings' days, as `record_outcome` writes it.
fn owed(shop: &Shop, job: &Job, technician: Uuid, line: &TicketPart, quantity: i64) -> DefectivePart {
    DefectivePart {
        id: Uuid::now_v7(),
        ticket_id: job.ticket_id,
        ticket_part_id: line.id.uuid(),
        part_id: line.part_id.uuid(),
        technician_id: technician,
        branch_id: job.branch_id,
        quantity,
        due_at: job.finished_at + Duration::days(shop.defective_return_days),
        status: DefectiveStatus::Owed,
        received_warehouse_id: None,
        received_at: None,
        received_by: None,
        rtv_shipment_id: None,
        closed_at: None,
        close_reason: None,
        created_by: Some(technician),
        created_at: job.finished_at,
        updated_at: job.finished_at,
        version: 1,
    }
}
