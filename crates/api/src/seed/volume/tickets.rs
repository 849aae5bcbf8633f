//! The bulk of the network: a sold unit for each ticket, and tickets of every kind
//! in every stage, with their timelines, numbered as intake would have numbered
//! them, their warranty decided by the policies in force, and the work done on them.
use std::collections::BTreeMap;

use aftersales_domain::serials::normalize_serial;
use aftersales_domain::tickets::numbering::ticket_number;
use aftersales_domain::tickets::workflow::Workflow;
use aftersales_domain::tickets::{Channel, Origin, Priority, StageCategory, TicketKind};
use aftersales_persistence::serials::{NewUnit, UnitFacts, bulk as serial_bulk};
use aftersales_persistence::tickets::bulk::{BulkEvent, BulkTicket, insert_events, insert_tickets};
use aftersales_persistence::tickets::{self, NewTicket, counters};
use aftersales_persistence::{DatabaseConnection, begin_bulk_write, begin_write, workflows};
use anyhow::Context;
use chrono::{Datelike, Duration};
use rand::Rng;
use rand::rngs::StdRng;
use uuid::Uuid;

use super::warranty::Policies;
use super::work::{Job, Shop, Work};
use super::{Network, Volume};
use crate::use_cases::tickets::tracking;

/// Tickets written per transaction: large enough to amortise the commit, small
/// enough that memory stays flat at a million tickets.
const TICKETS_PER_BATCH: usize = 10_000;

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

/// Every stage of every kind's workflow, once: the newest tickets walk through
/// them, so that each list and board has something to show whatever the size.
fn tour(flows: &BTreeMap<&'static str, Workflow>) -> Vec<(TicketKind, String, StageCategory)> {
    let mut all = Vec::new();
    for kind in TicketKind::ALL {
        for stage in &flows[kind.as_str()].stages {
            all.push((*kind, stage.code.clone(), stage.category));
        }
    }
    all
}

fn random_kind(rng: &mut StdRng) -> TicketKind {
    match rng.gen_range(0..20) {
        0 | 1 => TicketKind::Installation,
        2 | 3 => TicketKind::Maintenance,
        4 => TicketKind::ReturnExchange,
        _ => TicketKind::Repair,
    }
}

/// Units and tickets, a unit for each ticket, in batches of one transaction each.
/// Answers one ticket's tracking code and one unit's serial.
pub(super) async fn tickets_and_units(
    db: &DatabaseConnection,
    network: &Network,
    shop: &Shop,
    policies: &Policies,
    volume: Volume,
    rng: &mut StdRng,
) -> anyhow::Result<(String, String, Work)> {
    let (catalogue, people, technicians) = (&network.catalogue, &network.people, &network.technicians);
    let mut flows = BTreeMap::new();
    for kind in TicketKind::ALL {
        flows.insert(kind.as_str(), workflows::get(db, *kind).await?.workflow);
    }
    let tour = tour(&flows);
    let tour_from = volume.tickets.saturating_sub(tour.len());
    let now = shop.now;
    let span_minutes = volume.span_days * 24 * 60;
    let mut work = Work::default();
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
            let age = Duration::minutes(((volume.tickets - i) as i64 * span_minutes) / volume.tickets.max(1) as i64);
            let created_at = now - age;
            let sold_on = (created_at - Duration::days(rng.gen_range(30..900))).date_naive();
            units.push(NewUnit {
                id: unit_id,
                brand_id: model.brand_id.uuid(),
                model_id: model.id.uuid(),
                serial_key: normalize_serial(&serial).unwrap_or_else(|| serial.clone()),
                serial: serial.clone(),
                facts: UnitFacts {
                    sale_date: Some(sold_on),
                    owner_customer_id: Some(person.id),
                    ..UnitFacts::default()
                },
            });
            let (kind, stage, category) = match i.checked_sub(tour_from).and_then(|n| tour.get(n)) {
                Some((kind, stage, category)) => (*kind, stage.clone(), *category),
                None => {
                    let kind = random_kind(rng);
                    let (stage, category) = stage_for(&flows[kind.as_str()], age.num_days(), rng);
                    (kind, stage, category)
                }
            };
            let workflow = &flows[kind.as_str()];
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
            let (started_at, finished_at) =
                ((created_at + Duration::hours(20)).min(now), (created_at + Duration::days(2)).min(now));
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
                    at: (created_at + Duration::hours(rng.gen_range(1..72))).min(now),
                    actor_id: technician,
                    kind: "stage_changed",
                    field: Some("stage"),
                    from_value: Some(initial),
                    to_value: Some(stage.clone()),
                });
            }
            let entitled = policies.decide(model, sold_on, created_at.date_naive());
            let job = Job {
                ticket_id: id,
                branch_id: person.branch_id,
                kind,
                stage: &stage,
                category,
                technician,
                model_id: model.id.uuid(),
                warranty: entitled.status,
                parts_cover: &entitled.parts_cover,
                started_at,
                finished_at,
            };
            work.add(shop, &job, rng)?;
            let search_text =
                tickets::search_text(&number, &person.name, std::slice::from_ref(&person.normalized), Some(&serial));
            let closed_at = (category == StageCategory::Closed).then(|| (created_at + Duration::days(3)).min(now));
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
                    warranty_status: entitled.status,
                    warranty_snapshot: entitled.snapshot,
                    repeat_of_ticket_id: None,
                    expected_on: None,
                    tracking_code: code,
                    tracking_hash: hash,
                    search_text,
                    created_by: None,
                },
                technician_id: technician,
                dispatched_at: technician.map(|_| (created_at + Duration::hours(1)).min(now)),
                closed_at,
                created_at,
                updated_at: closed_at.unwrap_or(created_at),
            });
        }
        let txn = begin_bulk_write(db).await?;
        serial_bulk::insert_units(&txn, units, None, &serde_json::json!({"source": "seed-volume"}), now).await?;
        insert_tickets(&txn, rows).await?;
        insert_events(&txn, events).await?;
        work.flush(&txn).await?;
        txn.commit().await?;
    }
    // Intake numbers on from where the generator stopped.
    let txn = begin_write(db).await?;
    for ((branch_id, kind, year), last) in sequences {
        let kind = TicketKind::parse(kind).context("ticket kind")?;
        counters::raise_to(&txn, branch_id, kind, year, last).await?;
    }
    txn.commit().await?;
    Ok((tracking_code, serial_of_first, work))
}
