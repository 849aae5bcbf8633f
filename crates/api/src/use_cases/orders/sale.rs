//! What an order does to the registry and the workshop: its buyer found or
//! registered, its units sold (registered with the order's dates, so their
//! warranties run), an installation ticket for each unit whose model needs one.
use aftersales_api_types::FieldError;
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
use crate::use_cases::serials::{register::register_unit, unit_event};
use crate::use_cases::tickets::intake::{customer_for, nested};
use crate::use_cases::tickets::take_in;

/// The field errors of a nested use case, renamed to where the order has them
/// (`new_customer.phones[0]` → `customer.phones[0]`, `serial` → `lines[1].serial`).
fn renamed(err: ApiError, rename: impl Fn(&str) -> String) -> ApiError {
    match err {
        ApiError::Validation(errors) => {
            ApiError::Validation(errors.into_iter().map(|e| FieldError { field: rename(&e.field), ..e }).collect())
        }
        ApiError::Conflict(message) => {
            let field = rename("serial");
            ApiError::conflict_at(&field, "taken", message.clone(), message)
        }
        other => other,
    }
}

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
        .map_err(|e| renamed(e, |f| f.replacen("new_customer", "customer", 1)))?;
    Ok(customer.id.uuid())
}

/// Registers the unit of every line whose serial is known and not yet registered,
/// sold on the order's day to its buyer, and opens the installation tickets.
pub(super) async fn sell_units(work: &Work, me: &Principal, order: &Order, seller: &str) -> Result<(), ApiError> {
    for line in orders::lines_of(work.db(), order.id).await? {
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
        let (unit, _) = register_unit(work, me, body).await.map_err(|e| renamed(e, |f| format!("{at}.{f}")))?;
        let ticket = installation_ticket(work, me, order, &line, unit.id.uuid()).await?;
        orders::set_line(work.db(), line.id, line.serial.clone(), Some(unit.id.uuid()), ticket).await?;
    }
    Ok(())
}

/// An installation ticket for the unit, when its model needs installing.
async fn installation_ticket(
    work: &Work,
    me: &Principal,
    order: &Order,
    line: &OrderLine,
    serial_id: Uuid,
) -> Result<Option<Uuid>, ApiError> {
    let model = models::find(work.db(), line.model_id).await?;
    if !model.needs_installation {
        return Ok(None);
    }
    let body = CreateTicket {
        branch_id: order.branch_id,
        kind: TicketKind::Installation,
        channel: Channel::Ecommerce,
        origin: None,
        priority: None,
        customer_id: Some(order.customer_id),
        new_customer: None,
        unit: Some(unit_ref(serial_id)),
        model_id: None,
        external_reference: None,
        fault_codes: Vec::new(),
        fault_description: Some(format!("Installation for order {}", order.external_reference)),
        claim_conditions: Vec::new(),
        accessories: Vec::new(),
        condition_notes: order.installation_address.clone(),
        requested_from: None,
        requested_to: None,
        expected_on: None,
    };
    let (ticket, _) = take_in::open(work, me, body, Some(order.partner_id)).await?;
    Ok(Some(ticket.id.uuid()))
}

pub(super) fn unit_ref(serial_id: Uuid) -> UnitRef {
    UnitRef {
        serial_id: Some(serial_id),
        serial: None,
        brand_id: None,
        warranty_card: None,
        sale_document: None,
        barcode: None,
    }
}

/// The delivery day on the order's units that were registered before it was known.
pub(super) async fn mark_delivered(work: &Work, order: &Order) -> Result<(), ApiError> {
    let Some(day) = order.delivered_on else { return Ok(()) };
    for line in orders::lines_of(work.db(), order.id).await? {
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
