use std::collections::BTreeSet;

use actix_web::{HttpResponse, put, web};
use aftersales_api_types::stocktakes::{StocktakeCounts, StocktakeDto};
use aftersales_api_types::{FieldError, Problem};
use aftersales_domain::stock::stocktake::ensure_open;
use aftersales_persistence::{StoreError, begin_write, parts, stock, stocktakes};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::stocktakes::{ENTITY, closed, stocktake_out};

/// Record counts on an open sheet (a part counted again takes the new count). A
/// part not yet on the sheet, found on the shelf, is added with what the books
/// hold now. A part that does not exist is 422 naming its line; a closed sheet 409.
#[utoipa::path(
    put, path = "/api/v1/stocktakes/{id}/counts", tag = "stock", operation_id = "count_stocktake",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Stocktake id")),
    request_body = StocktakeCounts,
    responses(
        (status = 200, description = "Counted; the sheet as it is now", body = StocktakeDto),
        (status = 404, description = "No such stocktake in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The stocktake is posted or cancelled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/api/v1/stocktakes/{id}/counts")]
pub async fn count_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<StocktakeCounts>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let sheet = stocktakes::find_in_scope(&txn, &me.scope, *id).await.or_not_found("stocktake")?;
    ensure_open(sheet.status).map_err(|_| closed(sheet.status))?;
    // Takes the sheet first: a posting that is under way finishes before these counts
    // are looked at, and then they are refused as late.
    if !stocktakes::touch_open(&txn, sheet.id).await? {
        let now = stocktakes::find(&txn, sheet.id).await?;
        return Err(closed(now.status));
    }
    let on_sheet: BTreeSet<Uuid> = sheet.lines.iter().map(|l| l.part_id).collect();
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, line) in body.lines.iter().enumerate() {
        let field = format!("lines[{i}].part_id");
        if !seen.insert(line.part_id) {
            errors.push(FieldError::new(field, "duplicate", "this part is counted on an earlier line"));
        } else if !on_sheet.contains(&line.part_id) {
            match parts::find(&txn, line.part_id).await {
                Err(StoreError::NotFound) => {
                    errors.push(FieldError::new(field, "unknown_part", "there is no part with this id"))
                }
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = Utc::now();
    for line in &body.lines {
        let expected = if on_sheet.contains(&line.part_id) {
            0
        } else {
            let books = stock::balances(&txn, sheet.warehouse_id, Some(line.part_id)).await?;
            books.first().map(|l| l.balance.on_hand).unwrap_or(0)
        };
        stocktakes::record_count(&txn, sheet.id, line.part_id, line.counted, expected, me.user_id, now).await?;
    }
    let after = stocktakes::find(&txn, sheet.id).await?;
    let out = stocktake_out(&txn, &after).await?;
    let change = Change {
        action: "stocktake.count",
        entity: ENTITY,
        entity_id: sheet.id,
        branch_id: Some(sheet.branch_id),
        before: None,
        after: snapshot(&body),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(out))
}
