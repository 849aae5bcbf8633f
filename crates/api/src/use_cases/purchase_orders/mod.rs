//! Parts ordered from a supplier or manufacturer and received into a warehouse
//! of the orderer's part of the network. Keepers of the parts catalogue write and
//! send orders; people who move stock receive them. The rules are
//! `aftersales_domain::stock::purchasing`'s.
pub mod cancel;
pub mod create;
pub mod get;
pub mod list;
pub mod order;
pub mod receive;
pub mod update;

use std::collections::HashSet;

use aftersales_api_types::purchasing::{
    PurchaseLineInput, PurchaseOrderDto, PurchaseOrderLineDto, PurchaseOrderStatus as WireStatus,
};
use aftersales_domain::money::Currency;
use aftersales_domain::stock::documents::Refused;
use aftersales_domain::stock::purchasing::{PurchaseError, PurchaseOrderStatus};
use aftersales_persistence::catalogue::brands;
use aftersales_persistence::purchase_orders::{self, NewLine, PurchaseOrder};
use aftersales_persistence::{ConnectionTrait, StoreError};
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::money_dto::{amount_in, money_out};
use crate::use_cases::Work;
use crate::use_cases::stock::movable_part;

pub(crate) const ENTITY: &str = "purchase_order";

pub fn status_out(status: PurchaseOrderStatus) -> WireStatus {
    match status {
        PurchaseOrderStatus::Draft => WireStatus::Draft,
        PurchaseOrderStatus::Ordered => WireStatus::Ordered,
        PurchaseOrderStatus::PartiallyReceived => WireStatus::PartiallyReceived,
        PurchaseOrderStatus::Received => WireStatus::Received,
        PurchaseOrderStatus::Cancelled => WireStatus::Cancelled,
    }
}

pub fn status_in(status: WireStatus) -> PurchaseOrderStatus {
    match status {
        WireStatus::Draft => PurchaseOrderStatus::Draft,
        WireStatus::Ordered => PurchaseOrderStatus::Ordered,
        WireStatus::PartiallyReceived => PurchaseOrderStatus::PartiallyReceived,
        WireStatus::Received => PurchaseOrderStatus::Received,
        WireStatus::Cancelled => PurchaseOrderStatus::Cancelled,
    }
}

pub fn order_out(o: &PurchaseOrder) -> PurchaseOrderDto {
    PurchaseOrderDto {
        id: o.id.uuid(),
        number: o.number.clone(),
        warehouse_id: o.warehouse_id.uuid(),
        supplier_name: o.supplier_name.clone(),
        brand_id: o.brand_id.map(uuid::Uuid::from),
        currency: o.currency.code().to_owned(),
        status: status_out(o.status),
        expected_on: o.expected_on,
        note: o.note.clone(),
        created_by: o.created_by.map(uuid::Uuid::from),
        created_at: o.created_at,
        ordered_by: o.ordered_by.map(uuid::Uuid::from),
        ordered_at: o.ordered_at,
        received_at: o.received_at,
        cancelled_at: o.cancelled_at,
        updated_at: o.updated_at,
        version: o.version,
        lines: o
            .lines
            .iter()
            .map(|l| PurchaseOrderLineDto {
                part_id: l.part_id.uuid(),
                quantity_ordered: l.ordered,
                unit_cost: money_out(l.unit_cost),
                quantity_received: l.received,
                outstanding: l.outstanding(),
            })
            .collect(),
    }
}

/// A step the order's status or quantities do not allow: wrong status is a 409,
/// a quantity or a line a 422 naming the request's field.
pub(crate) fn refused(refusal: Refused<PurchaseError>) -> ApiError {
    let Refused { field, reason } = refusal;
    let code = match reason {
        PurchaseError::WrongStatus { .. } | PurchaseError::NoLines | PurchaseError::AlreadyReceived => {
            return ApiError::Conflict(reason.to_string());
        }
        PurchaseError::NotPositive => "range",
        PurchaseError::OverReceipt { .. } => "over_receipt",
        PurchaseError::NotOnOrder => "not_on_order",
        PurchaseError::Duplicate => "duplicate",
    };
    ApiError::field(&field, code, reason.to_string())
}

/// The order if it is received into your part of the network (404 otherwise);
/// with `lock`, held for the rest of the transaction.
pub(crate) async fn visible(
    db: &impl ConnectionTrait,
    me: &Principal,
    id: Uuid,
    lock: bool,
) -> Result<PurchaseOrder, ApiError> {
    purchase_orders::find_in_scope(db, &me.scope, id, lock).await.or_not_found("purchase order")
}

/// Draft lines checked: active parts priced in the order's currency, each once
/// (422 naming `lines[i].part_id`), costs exact in that currency.
pub(crate) async fn lines_in(
    db: &impl ConnectionTrait,
    lines: &[PurchaseLineInput],
    currency: Currency,
) -> Result<Vec<NewLine>, ApiError> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let field = format!("lines[{i}].part_id");
        let part = movable_part(db, line.part_id, &field).await?;
        if part.currency() != currency {
            let message = format!("this part is costed in {}, the order in {currency}", part.currency());
            return Err(ApiError::field(&field, "currency_mismatch", message));
        }
        if !seen.insert(line.part_id) {
            return Err(ApiError::field(&field, "duplicate", "each part once; add the quantities up"));
        }
        let unit_cost = amount_in(&line.unit_cost, currency, &format!("lines[{i}].unit_cost"))?;
        out.push(NewLine { part_id: line.part_id.into(), quantity: line.quantity, unit_cost });
    }
    Ok(out)
}

/// The manufacturer named, if any, must be in the catalogue (422 on `brand_id`).
pub(crate) async fn brand_in(db: &impl ConnectionTrait, brand_id: Option<Uuid>) -> Result<(), ApiError> {
    let Some(id) = brand_id else { return Ok(()) };
    match brands::find(db, id).await {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => {
            Err(ApiError::field("brand_id", "unknown_brand", "there is no brand with this id"))
        }
        Err(e) => Err(e.into()),
    }
}

/// Saves a step (`before` as read, `after` as the step left it) if the order is
/// still at the version read and, when the client sent one, at its `If-Match`
/// version (412 otherwise); audits it. Returns the order as answered.
pub(crate) async fn save_step(
    work: &Work,
    action: &str,
    before: &PurchaseOrder,
    after: &PurchaseOrder,
    expected: Option<i64>,
) -> Result<PurchaseOrderDto, ApiError> {
    let saved = purchase_orders::save(work.db(), before, expected, after, work.now()).await?;
    audit_step(work, action, Some(before), &saved).await
}

/// Writes the audit row of a change to an order; returns the order as answered.
pub(crate) async fn audit_step(
    work: &Work,
    action: &str,
    before: Option<&PurchaseOrder>,
    after: &PurchaseOrder,
) -> Result<PurchaseOrderDto, ApiError> {
    let out = order_out(after);
    let change = Change {
        action,
        entity: ENTITY,
        entity_id: after.id.uuid(),
        branch_id: Some(after.branch_id.uuid()),
        before: before.map(order_out).as_ref().and_then(snapshot),
        after: snapshot(&out),
    };
    work.audit(change).await?;
    Ok(out)
}
