//! The network's decision on a return or exchange, once the unit is inspected.
use actix_web::http::StatusCode;
use aftersales_api_types::orders::{DecideReturn, OrderReturnDto};
use aftersales_api_types::serials::RegisterSerial;
use aftersales_domain::access::Permission;
use aftersales_domain::orders::{ExchangeTerm, ReturnOutcome, SaleDates, exchange_unit_dates};
use aftersales_domain::regional::local_date;
use aftersales_domain::serials::SerialUnit;
use aftersales_domain::text::optional_text;
use aftersales_domain::warehouses::WarehouseKind;
use aftersales_domain::warranty::{reference_date, select_policy};
use aftersales_domain::webhooks::WebhookEvent;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::orders::{self, Order, OrderReturn, ReturnDecision};
use aftersales_persistence::tickets::events::NewEvent;
use aftersales_persistence::{
    ConnectionTrait, DatabaseConnection, StoreError, branches, partners, serials, warehouses, warranty_policies,
};
use chrono::NaiveDate;
use serde_json::json;
use uuid::Uuid;

use super::out::{outcome_in, return_out, summary_of};
use super::{move_order, order_in_sight};
use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::serial_dto::unit_facts;
use crate::use_cases::serials::register::register_unit;
use crate::use_cases::serials::unit_event;
use crate::use_cases::serials::{registry_problem_at, serial_key_at};
use crate::use_cases::{Actor, Begun, Once, Work};

/// Records the outcome and moves the order to what it means (refund → returned,
/// exchange → exchanged, repair or rejected → delivered). A unit the network
/// keeps (refund, exchange) goes into a returns warehouse; a unit given in
/// exchange is registered to the buyer with what was left of the replaced unit's
/// warranty, or a fresh term where its policy says so, and the registry links the
/// two. The platform hears of it (`return.decided`). Only office staff decide:
/// a platform's key may ask, not judge. Deciding twice is a 409.
pub async fn decide(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: DecideReturn,
) -> Result<Once<OrderReturnDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageOrders)?;
    if me.partner.is_some() {
        return Err(ApiError::Forbidden("the network decides returns; a platform's key asks for them"));
    }
    let outcome = outcome_in(body.outcome)?;
    check(&body, outcome)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let asked = orders::find_return(work.db(), id).await.or_not_found("return")?;
    // A return of an order out of the caller's sight does not exist for them.
    let order = match order_in_sight(work.db(), me, asked.order_id).await {
        Err(ApiError::NotFound(_)) => return Err(ApiError::not_found("return")),
        other => other?,
    };
    if asked.decision.is_some() {
        return Err(ApiError::conflict_at("outcome", "decided", "already decided", "this return was decided already"));
    }
    let warehouse_id = match (outcome.keeps_the_unit(), body.warehouse_id) {
        (true, Some(id)) => Some(returns_warehouse(work.db(), me, id).await?),
        _ => None,
    };
    let lines = orders::lines_of(work.db(), order.id).await?;
    let line = lines.iter().find(|l| l.id == asked.line_id).ok_or_else(|| ApiError::not_found("order line"))?;
    let returned = match line.serial_id {
        Some(id) => serials::find(work.db(), id).await?,
        None => return Err(ApiError::Internal(anyhow::anyhow!("return of a line without a unit"))),
    };
    let exchange_unit = match (outcome, body.exchange_serial.as_deref()) {
        (ReturnOutcome::Exchange, Some(serial)) => Some(give_in_exchange(&work, me, &order, &returned, serial).await?),
        _ => None,
    };
    let decision = ReturnDecision {
        outcome,
        warehouse_id,
        exchange_serial_id: exchange_unit.as_ref().map(|u| u.id.uuid()),
        note: optional_text(body.note),
        decided_at: work.now(),
        decided_by: Some(work.actor_id()),
    };
    let decided = orders::decide(work.db(), &asked, decision, expected).await?;
    let history_note = decided.decision.as_ref().and_then(|d| d.note.clone());
    let moved = move_order(&work, &order, outcome.order_status(), (None, history_note, None)).await?;
    if let Some(unit) = &exchange_unit {
        orders::set_line(
            work.db(),
            line.id,
            Some(unit.serial.clone()),
            Some(unit.id.uuid()),
            line.installation_ticket_id,
        )
        .await?;
    }
    if let Some(warehouse_id) = warehouse_id {
        let details =
            json!({ "warehouse_id": warehouse_id, "order": order.external_reference, "return_id": decided.id });
        unit_event(&work, returned.id.uuid(), "returned", details).await?;
    }
    record_on_ticket(&work, &decided).await?;
    let out = return_out(&decided, line.line_no);
    let news = json!({ "return": out, "order": summary_of(work.db(), &moved).await? });
    crate::use_cases::webhooks::publish::order_news(&work, WebhookEvent::ReturnDecided, order.partner_id, news).await?;
    let change = Change {
        action: "order.return_decide",
        entity: "order",
        entity_id: order.id,
        branch_id: Some(order.branch_id),
        before: snapshot(&return_out(&asked, line.line_no)),
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}

fn check(body: &DecideReturn, outcome: ReturnOutcome) -> Result<(), ApiError> {
    if outcome.keeps_the_unit() && body.warehouse_id.is_none() {
        return Err(ApiError::field("warehouse_id", "required", "name the returns warehouse the unit goes to"));
    }
    if !outcome.keeps_the_unit() && body.warehouse_id.is_some() {
        return Err(ApiError::field("warehouse_id", "not_kept", "the unit goes back to the customer"));
    }
    match (outcome, &body.exchange_serial) {
        (ReturnOutcome::Exchange, None) => {
            Err(ApiError::field("exchange_serial", "required", "give the serial of the unit given in exchange"))
        }
        (ReturnOutcome::Exchange, Some(serial)) => serial_key_at(serial, "exchange_serial").map(|_| ()),
        (_, Some(_)) => Err(ApiError::field("exchange_serial", "not_exchange", "only an exchange gives another unit")),
        (_, None) => Ok(()),
    }
}

/// A returns warehouse the caller may move stock in.
async fn returns_warehouse(db: &impl ConnectionTrait, me: &Principal, id: Uuid) -> Result<Uuid, ApiError> {
    let unknown =
        || ApiError::field("warehouse_id", "unknown_warehouse", "no such warehouse in your part of the network");
    let warehouse = match warehouses::find_in_scope(db, &me.scope, id).await {
        Err(StoreError::NotFound) => return Err(unknown()),
        other => other?,
    };
    if warehouse.kind != WarehouseKind::Returns || !warehouse.active {
        return Err(ApiError::field("warehouse_id", "not_returns", "choose an active warehouse of the returns kind"));
    }
    Ok(warehouse.id)
}

/// Registers the unit given in exchange to the buyer, with the warranty its
/// policy gives an exchange unit, and links it and the replaced unit.
async fn give_in_exchange(
    work: &Work,
    me: &Principal,
    order: &Order,
    replaced: &SerialUnit,
    serial: &str,
) -> Result<SerialUnit, ApiError> {
    let branch = branches::find(work.db(), order.branch_id).await?;
    let today = local_date(&branch.time_zone, work.now()).unwrap_or_else(|| work.now().date_naive());
    let term = exchange_term(work.db(), replaced, today).await?;
    let replaced_dates = SaleDates {
        sale_date: replaced.sale_date,
        delivery_date: replaced.delivery_date,
        installation_date: replaced.installation_date,
    };
    let dates = exchange_unit_dates(replaced_dates, today, term);
    let seller = partners::find(work.db(), order.partner_id).await?;
    let body = RegisterSerial {
        model_id: replaced.model_id.uuid(),
        serial: serial.trim().to_owned(),
        lot: None,
        manufacture_date: None,
        sale_date: dates.sale_date,
        sale_document: Some(order.external_reference.clone()),
        seller: Some(seller.name),
        delivery_date: dates.delivery_date,
        installation_date: dates.installation_date,
        installation_address: replaced.installation_address.clone(),
        registration_date: None,
        warranty_card_number: None,
        owner_customer_id: Some(order.customer_id),
    };
    let (unit, _) =
        register_unit(work, me, body).await.map_err(|e| registry_problem_at(e, |f| format!("exchange_{f}")))?;
    let exchange = json!({ "replaces": replaced.id.uuid(), "serial": replaced.serial, "term": term.as_str() });
    unit_event(work, unit.id.uuid(), "exchange_unit", exchange).await?;
    let replaced_by =
        json!({ "replaced_by": unit.id.uuid(), "serial": unit.serial, "order": order.external_reference });
    unit_event(work, replaced.id.uuid(), "exchanged_for", replaced_by).await?;
    Ok(unit)
}

/// What the policy in force for the replaced unit says an exchange unit gets;
/// without a policy, what was left of the replaced unit's warranty.
async fn exchange_term(db: &impl ConnectionTrait, unit: &SerialUnit, on: NaiveDate) -> Result<ExchangeTerm, ApiError> {
    let model = models::find(db, unit.model_id.uuid()).await?;
    let facts = unit_facts(unit, model.category_id.uuid());
    let policies =
        warranty_policies::candidates_for(db, unit.brand_id.uuid(), model.category_id.uuid(), unit.model_id.uuid())
            .await?;
    let reference = reference_date(&facts, on);
    Ok(select_policy(&policies, &facts, reference).map_or(ExchangeTerm::CarryOver, |p| p.exchange_term))
}

/// The decision on the return/exchange ticket's timeline.
async fn record_on_ticket(work: &Work, decided: &OrderReturn) -> Result<(), ApiError> {
    let Some(decision) = &decided.decision else { return Ok(()) };
    let note = match &decision.note {
        Some(note) => format!("{}: {note}", decision.outcome.as_str()),
        None => decision.outcome.as_str().to_owned(),
    };
    let event = NewEvent {
        field: Some("return_outcome"),
        to_value: Some(decision.outcome.as_str().to_owned()),
        note: Some(note),
        ..NewEvent::kind("return_decided")
    };
    work.timeline(decided.ticket_id.into(), event).await
}
