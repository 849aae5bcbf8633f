//! The bulk of the network: a sold unit for each ticket, and tickets of every kind
//! in every stage, with their timelines, numbered as intake would have numbered them.
use std::collections::BTreeMap;

use aftersales_domain::serials::normalize_serial;
use aftersales_domain::tickets::numbering::ticket_number;
use aftersales_domain::tickets::workflow::Workflow;
use aftersales_domain::tickets::{Channel, Origin, Priority, StageCategory, TicketKind, WarrantyStatus};
use aftersales_persistence::catalogue::models::{self, ModelFilter};
use aftersales_persistence::serials::{NewUnit, UnitFacts, bulk as serial_bulk};
use aftersales_persistence::tickets::bulk::{BulkEvent, BulkTicket, insert_events, insert_tickets};
use aftersales_persistence::tickets::{self, NewTicket, counters};
use aftersales_persistence::{DatabaseConnection, begin_write, workflows};
use anyhow::Context;
use chrono::{Datelike, Duration, Utc};
use rand::Rng;
use rand::rngs::StdRng;
use uuid::Uuid;

use super::{Person, Volume};
use crate::use_cases::tickets::tracking;

/// Tickets written per transaction: large enough to amortise the commit, small
/// enough that memory stays flat at a million tickets.
const TICKETS_PER_BATCH: usize = 50_000;
/// The stage a ticket taken in `age_days` ago stands in: most older tickets are
/// closed, recent ones are spread over the workflow.
fn stage_for(workflow: &Workflow, age_days: i64, rng: &mut StdRng) -> (String, StageCategory) {
    let closed: Vec<_> = workflow.stages.iter().filter(|s| s.category == StageCategory::Closed).collect();
    let stage = match closed.first() {
        Some(last) if age_days > 21 && rng.gen_bool(0.92) => last,
        _ => &workflow.stages[rng.gen_range(0..workflow.stages.len())],
    };
    (stage.code.clone(), stage.category)
}

/// Units and tickets, a unit for each ticket, in batches of one transaction each.
/// Answers one ticket's tracking code and one unit's serial.
pub(super) async fn tickets_and_units(
    db: &DatabaseConnection,
    technicians: &BTreeMap<Uuid, Vec<Uuid>>,
    people: &[Person],
    volume: Volume,
    rng: &mut StdRng,
) -> anyhow::Result<(String, String)> {
    let filter =
        ModelFilter { q: None, brand_id: None, category_id: None, active: Some(true), after: None, limit: 1_000 };
    let catalogue = models::list(db, filter).await?;
    anyhow::ensure!(!catalogue.is_empty(), "the demo catalogue has no product models");
    let mut flows = BTreeMap::new();
    for kind in TicketKind::ALL {
        flows.insert(kind.as_str(), workflows::get(db, *kind).await?.workflow);
    }
    let now = Utc::now();
    let mut sequences: BTreeMap<(Uuid, &'static str, i32), i64> = BTreeMap::new();
    let (mut tracking_code, mut serial_of_first) = (String::new(), String::new());
    for start in (0..volume.tickets).step_by(TICKETS_PER_BATCH) {
        let (mut units, mut rows, mut events) = (Vec::new(), Vec::new(), Vec::new());
        for i in start..(start + TICKETS_PER_BATCH).min(volume.tickets) {
            let person = &people[i % people.len()];
            let model = &catalogue[i % catalogue.len()];
            let serial = format!("{}-{:09}", model.sku, i);
            let unit_id = Uuid::now_v7();
            // Oldest first, so that ids (UUIDv7, by generation) follow intake time.
            let age = Duration::minutes(((volume.tickets - i) as i64 * 525_600) / volume.tickets.max(1) as i64);
            let created_at = now - age;
            units.push(NewUnit {
                id: unit_id,
                brand_id: model.brand_id.uuid(),
                model_id: model.id.uuid(),
                serial_key: normalize_serial(&serial).unwrap_or_else(|| serial.clone()),
                serial: serial.clone(),
                facts: UnitFacts {
                    sale_date: Some((created_at - Duration::days(rng.gen_range(30..900))).date_naive()),
                    owner_customer_id: Some(person.id),
                    ..UnitFacts::default()
                },
            });
            let kind = match rng.gen_range(0..20) {
                0 | 1 => TicketKind::Installation,
                2 | 3 => TicketKind::Maintenance,
                4 => TicketKind::ReturnExchange,
                _ => TicketKind::Repair,
            };
            let workflow = &flows[kind.as_str()];
            let (stage, category) = stage_for(workflow, age.num_days(), rng);
            let year = created_at.year();
            let sequence = sequences.entry((person.branch_id, kind.as_str(), year)).or_insert(0);
            *sequence += 1;
            let number = ticket_number(kind, &person.branch_code, year, *sequence);
            let (code, hash) = tracking::new_code()?;
            if i == 0 {
                (tracking_code, serial_of_first) = (code.clone(), serial.clone());
            }
            let worked_on = category != StageCategory::Open;
            let crew = &technicians[&person.branch_id];
            let technician = worked_on.then(|| crew[i % crew.len()]);
            let id = Uuid::now_v7();
            let initial = workflow.stages.first().map(|s| s.code.clone()).unwrap_or_default();
            events.push(BulkEvent {
                ticket_id: id,
                at: created_at,
                actor_id: None,
                kind: "created",
                field: Some("stage"),
                from_value: None,
                to_value: Some(initial.clone()),
            });
            if stage != initial {
                events.push(BulkEvent {
                    ticket_id: id,
                    at: created_at + Duration::hours(rng.gen_range(1..72)),
                    actor_id: technician,
                    kind: "stage_changed",
                    field: Some("stage"),
                    from_value: Some(initial),
                    to_value: Some(stage.clone()),
                });
            }
            let search_text =
                tickets::search_text(&number, &person.name, std::slice::from_ref(&person.normalized), Some(&serial));
            rows.push(BulkTicket {
                new: NewTicket {
                    id,
                    number,
                    branch_id: person.branch_id,
                    kind,
                    stage,
                    stage_category: category,
                    channel: [Channel::Counter, Channel::Phone, Channel::Ecommerce][i % 3],
                    origin: Origin::OwnIntake,
                    priority: if i % 10 == 0 { Priority::High } else { Priority::Normal },
                    customer_id: person.id,
                    serial_id: Some(unit_id),
                    model_id: Some(model.id.uuid()),
                    external_reference: None,
                    fault_codes: Vec::new(),
                    fault_description: Some("Không hoạt động / does not work".into()),
                    accessories: Vec::new(),
                    condition_notes: None,
                    requested_from: None,
                    requested_to: None,
                    warranty_status: [WarrantyStatus::Covered, WarrantyStatus::NotCovered, WarrantyStatus::Partial]
                        [i % 3],
                    warranty_snapshot: None,
                    repeat_of_ticket_id: None,
                    expected_on: None,
                    tracking_code: code,
                    tracking_hash: hash,
                    search_text,
                    created_by: None,
                },
                technician_id: technician,
                dispatched_at: technician.map(|_| created_at + Duration::hours(1)),
                closed_at: (category == StageCategory::Closed).then(|| created_at + Duration::days(3)),
                created_at,
                updated_at: created_at,
            });
        }
        let txn = begin_write(db).await?;
        serial_bulk::insert_units(&txn, units, None, &serde_json::json!({"source": "seed-volume"}), now).await?;
        insert_tickets(&txn, rows).await?;
        insert_events(&txn, events).await?;
        txn.commit().await?;
    }
    // Intake numbers on from where the generator stopped.
    let txn = begin_write(db).await?;
    for ((branch_id, kind, year), last) in sequences {
        let kind = TicketKind::parse(kind).context("ticket kind")?;
        counters::raise_to(&txn, branch_id, kind, year, last).await?;
    }
    txn.commit().await?;
    Ok((tracking_code, serial_of_first))
}
