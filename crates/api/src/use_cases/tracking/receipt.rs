//! The intake receipt to print and hand to the customer.
use aftersales_api_types::tracking::LangQuery;
use aftersales_domain::regional::local_date;
use aftersales_domain::tickets::tracking::display_code;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::{DatabaseConnection, branches, customers, serials};
use uuid::Uuid;

use crate::auth::Principal;
use crate::config::Config;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::receipt::{Receipt, render};
use crate::use_cases::tickets::{qr, warranty};

/// The customer's own copy as an HTML page (A5 print layout): branch, number and
/// date, kind, the customer, the unit, the fault, what came in with it, the
/// warranty decision, the tracking code with its QR code. Fixed words in `lang`.
pub async fn receipt(
    db: &DatabaseConnection,
    me: &Principal,
    config: &Config,
    id: Uuid,
    query: LangQuery,
) -> Result<String, ApiError> {
    let t = ticket_in_scope(db, me, id).await?;
    let branch = branches::find(db, t.branch_id.uuid()).await?;
    let customer = customers::find(db, t.customer_id.uuid()).await?;
    let serial = match t.serial_id {
        Some(id) => Some(serials::find(db, id.uuid()).await?.serial),
        None => None,
    };
    let model = match t.model_id {
        Some(id) => models::find(db, id.uuid()).await.ok().map(|m| format!("{} — {}", m.sku, m.name)),
        None => None,
    };
    let warranty = warranty::stored(t.warranty_snapshot.as_ref());
    let url = qr::tracking_url(config, &t.tracking_code);
    let receipt = Receipt {
        lang: query.lang.unwrap_or_default(),
        branch_name: branch.name,
        branch_code: branch.code,
        number: t.number,
        received_on: local_date(&branch.time_zone, t.created_at).unwrap_or_else(|| t.created_at.date_naive()),
        kind: t.kind,
        customer_name: customer.name,
        customer_phones: customer.phones.into_iter().map(|p| p.number).collect(),
        model,
        serial,
        fault_codes: t.fault_codes,
        fault_description: t.fault_description,
        accessories: t.accessories,
        condition_notes: t.condition_notes,
        warranty_status: t.warranty_status,
        warranty,
        expected_on: t.expected_on,
        tracking_code: display_code(&t.tracking_code),
        qr_svg: qr::svg_element(&url)?,
        tracking_url: url,
    };
    Ok(render(&receipt))
}
