//! What an order does to the registry and the workshop: its buyer found or
//! registered, its units sold (registered with the order's dates, so their
//! warranties run), an installation ticket for each unit whose model needs one.
use aftersales_api_types::serials::RegisterSerial;
use aftersales_api_types::tickets::{Channel, CreateTicket, IntakeCustomer, TicketKind, UnitRef};
use aftersales_persistence::catalogue::models;
use aftersales_persistence::orders::{self, Order, OrderLine};
use aftersales_persistence::serials::{self, UnitFacts};
use aftersales_persistence::{StoreError, customers};
use serde_json::json;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::Work;
use crate::use_cases::customers::contacts_in;
use crate::use_cases::serials::{register::register_unit, registry_problem_at, unit_event};
use crate::use_cases::tickets::intake::{customer_for, nested};
use crate::use_cases::tickets::take_in;

/// The order's buyer: `customer_id`, or the customer of the branch who has one of
/// the phones or e-mails given (a platform's repeat buyer), or a new customer.
pub(super) async fn buyer(
    work: &Work,
    me: &Principal,
    branch_id: Uuid,
    customer_id: Option<Uuid>,
    customer: Option<IntakeCustomer>,
) -> Result<Uuid, ApiError> {
    if let (None, Some(given)) = (customer_id, &customer) {
        let contacts = contacts_in(Some(given.phones.clone()), Some(given.emails.clone()), None)
            .map_err(|e| nested("customer", e))?;
        let phones: Vec<String> = contacts.phones.unwrap_or_default().into_iter().map(|p| p.normalized).collect();
        let emails: Vec<String> = contacts.emails.unwrap_or_default().into_iter().map(|e| e.address).collect();
        let known = customers::sharing_contacts(work.db(), &me.scope, &phones, &emails, None, 1).await?;
        if let Some(known) = known.first() {
            return Ok(known.id.uuid());
        }
    }
    let customer = customer.map(|c| IntakeCustomer { allow_duplicate: true, ..c });
    let channel = aftersales_domain::tickets::Channel::Ecommerce;
    let (customer, _) = customer_for(work.db(), &me.scope, branch_id, customer_id, customer, channel, work.now())
        .await
        .map_err(|e| e.with_fields_renamed(|f| f.replacen("new_customer", "customer", 1)))?;
    Ok(customer.id.uuid())
}

/// Registers the unit of every line whose serial is known and not yet registered,
/// sold on the order's day to its buyer, and opens the installation tickets; the
/// order's lines as they are then.
pub(super) async fn sell_units(
    work: &Work,
    me: &Principal,
    order: &Order,
    seller: &str,
    mut lines: Vec<OrderLine>,
) -> Result<Vec<OrderLine>, ApiError> {
    for line in &mut lines {
        let Some(serial) = line.serial.clone().filter(|_| line.serial_id.is_none()) else { continue };
        let body = RegisterSerial {
            model_id: line.model_id,
            serial,
            lot: None,
            manufacture_date: None,
            sale_date: Some(order.ordered_on),
            sale_document: Some(order.external_reference.clone()),
            seller: Some(seller.to_owned()),
            delivery_date: order.delivered_on,
            installation_date: None,
            installation_address: order.installation_address.clone(),
            registration_date: None,
            warranty_card_number: None,
            owner_customer_id: Some(order.customer_id),
        };
        let at = format!("lines[{}]", line.line_no.saturating_sub(1));
        let (unit, _) =
            register_unit(work, me, body).await.map_err(|e| registry_problem_at(e, |f| format!("{at}.{f}")))?;
        line.serial_id = Some(unit.id.uuid());
        line.installation_ticket_id = installation_ticket(work, me, order, line).await?;
        orders::set_line(work.db(), line.id, line.serial.clone(), line.serial_id, line.installation_ticket_id).await?;
    }
    Ok(lines)
}

/// An installation ticket for the line's unit, when its model needs installing.
async fn installation_ticket(
    work: &Work,
    me: &Principal,
    order: &Order,
    line: &OrderLine,
) -> Result<Option<Uuid>, ApiError> {
    let (Some(serial_id), true) = (line.serial_id, models::find(work.db(), line.model_id).await?.needs_installation)
    else {
        return Ok(None);
    };
    let about = format!("Installation for order {}", order.external_reference);
    let ticket = order_ticket(order, TicketKind::Installation, serial_id, about, order.installation_address.clone());
    let (ticket, _) = take_in::open(work, me, ticket, Some(order.partner_id)).await?;
    Ok(Some(ticket.id.uuid()))
}

/// A ticket an order opens for one of its units (its installation, its return):
/// at the order's branch, for its buyer, taken in through the platform.
pub(super) fn order_ticket(
    order: &Order,
    kind: TicketKind,
    serial_id: Uuid,
    fault_description: String,
    condition_notes: Option<String>,
) -> CreateTicket {
    CreateTicket {
        branch_id: order.branch_id,
        kind,
        channel: Channel::Ecommerce,
        origin: None,
        priority: None,
        customer_id: Some(order.customer_id),
        new_customer: None,
        unit: Some(UnitRef {
            serial_id: Some(serial_id),
            serial: None,
            brand_id: None,
            warranty_card: None,
            sale_document: None,
            barcode: None,
        }),
        model_id: None,
        external_reference: None,
        fault_codes: Vec::new(),
        fault_description: Some(fault_description),
        claim_conditions: Vec::new(),
        accessories: Vec::new(),
        condition_notes,
        requested_from: None,
        requested_to: None,
        expected_on: None,
    }
}

/// The delivery day on the order's units that were registered before it was known.
pub(super) async fn mark_delivered(work: &Work, order: &Order, lines: &[OrderLine]) -> Result<(), ApiError> {
    let Some(day) = order.delivered_on else { return Ok(()) };
    for line in lines {
        let Some(serial_id) = line.serial_id else { continue };
        let unit = match serials::find(work.db(), serial_id).await {
            Err(StoreError::NotFound) => continue,
            other => other?,
        };
        if unit.delivery_date.is_some() {
            continue;
        }
        let facts = UnitFacts { delivery_date: Some(day), ..UnitFacts::of(&unit) };
        serials::update_facts(work.db(), &unit, None, facts, work.now()).await?;
        unit_event(work, serial_id, "delivered", json!({ "delivery_date": day, "order": order.external_reference }))
            .await?;
    }
    Ok(())
}
