//! Change a draft purchase order.
use aftersales_api_types::purchasing::{PurchaseOrderDto, UpdatePurchaseOrder};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::purchasing::{PurchaseAction, Revision};
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{brand_in, lines_in, refused, save_step, visible};
use crate::error::ApiError;
use crate::use_cases::{Actor, Work};
use aftersales_domain::text::optional_text;

/// Supplier, manufacturer, expected date, note, and its lines (`lines` replaces
/// them all, checked as on creation). Once ordered, an order no longer changes
/// (409). The warehouse and currency stay.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdatePurchaseOrder,
) -> Result<PurchaseOrderDto, ApiError> {
    actor.me.require(Permission::ManageParts)?;
    let work = Work::begin(db, actor).await?;
    let txn = work.db();
    let before = visible(txn, &actor.me, id, true).await?;
    before.may(PurchaseAction::Edit).map_err(refused)?;
    if let Some(brand_id) = body.brand_id {
        brand_in(txn, brand_id).await?;
    }
    let lines = match &body.lines {
        Some(lines) => Some(lines_in(txn, lines, before.currency).await?),
        None => None,
    };
    let revision = Revision {
        supplier_name: body.supplier_name.map(|s| s.trim().to_owned()),
        brand_id: body.brand_id.map(|b| b.map(Into::into)),
        expected_on: body.expected_on,
        note: body.note.map(optional_text),
        lines,
    };
    let mut after = before.clone();
    after.revise(revision).map_err(refused)?;
    let out = save_step(&work, "purchase_order.update", &before, &after, expected).await?;
    work.commit().await?;
    Ok(out)
}
