use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::problem::FieldError;
use aftersales_api_types::stocktakes::StocktakeDto;
use aftersales_domain::stock::stocktake::{self, PostingLine, PostingRefusal, StocktakeStatus, ensure_open};
use aftersales_persistence::stock::{self, MovementMeta};
use aftersales_persistence::{begin_write, stocktakes};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::stock::refused;
use crate::use_cases::stocktakes::{ENTITY, closed, parts_of, stocktake_out};

/// Post a counted sheet: every part whose count differs from what the books hold
/// *now* is adjusted with a `stocktake_adjustment` movement, so the books show the
/// count (parts issued or received during the count are not undone), and the sheet
/// closes. Refused with 409 while a part is not counted, or when a part is counted
/// below what is reserved for tickets (release those reservations first); nothing
/// is adjusted then. Of two people posting at once, one posts and the other gets 409.
#[utoipa::path(
    post, path = "/api/v1/stocktakes/{id}/post", tag = "stock", operation_id = "post_stocktake",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Stocktake id")),
    responses(
        (status = 200, description = "Posted; each line shows what it moved", body = StocktakeDto),
        (status = 404, description = "No such stocktake in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already closed, a part not counted, or a count below the reserved quantity; `errors` names each refused line (`lines[i].counted`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/stocktakes/{id}/post")]
pub async fn post_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let sheet = stocktakes::find_in_scope(&txn, &me.scope, *id).await.or_not_found("stocktake")?;
    ensure_open(sheet.status).map_err(|_| closed(sheet.status))?;
    let now = Utc::now();
    // Closing first is what makes a concurrent second posting see the sheet closed
    // (it waits on the row, then matches nothing) instead of adjusting twice.
    if !stocktakes::close(&txn, sheet.id, StocktakeStatus::Posted, me.user_id, now).await? {
        let current = stocktakes::find(&txn, sheet.id).await?;
        return Err(closed(current.status));
    }
    // Read again: counts may have been committed since the first read.
    let sheet = stocktakes::find(&txn, sheet.id).await?;
    let parts = parts_of(&txn, &sheet).await?;
    let sku = |part_id: &Uuid| parts.get(part_id).map(|p| p.sku.clone()).unwrap_or_else(|| part_id.to_string());
    let mut lines = Vec::with_capacity(sheet.lines.len());
    for line in &sheet.lines {
        // Locked: nothing moves this part until the adjustment is written.
        let balance = stock::locked_balance(&txn, sheet.warehouse_id, line.part_id, now).await?;
        lines.push(PostingLine { key: line.part_id, counted: line.counted, balance });
    }
    // Each refused part is named by its line of the sheet (`lines[i].counted`).
    let line_of = |part: &Uuid| {
        let i = sheet.lines.iter().position(|l| l.part_id == *part).unwrap_or_default();
        format!("lines[{i}].counted")
    };
    let adjustments = stocktake::plan(&lines).map_err(|refusal| match refusal {
        PostingRefusal::Uncounted(missing) => ApiError::ConflictAt {
            message: format!(
                "not every part is counted yet: {}",
                missing.iter().map(&sku).collect::<Vec<_>>().join(", ")
            ),
            errors: missing.iter().map(|part| FieldError::new(line_of(part), "not_counted", sku(part))).collect(),
        },
        PostingRefusal::BelowReserved(below) => ApiError::ConflictAt {
            message: format!(
                "counted below what is reserved for tickets: {}; release those reservations first",
                below
                    .iter()
                    .map(|(part, counted, reserved)| format!("{} (counted {counted}, {reserved} reserved)", sku(part)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            errors: below
                .iter()
                .map(|(part, _, reserved)| {
                    FieldError::new(line_of(part), "below_reserved", format!("{reserved} reserved"))
                })
                .collect(),
        },
    })?;
    for line in &lines {
        let delta = adjustments.iter().find(|(part, _)| *part == line.key).map(|(_, d)| *d);
        let (value, movement_id) = match delta {
            None => (0, None),
            Some(delta) => {
                let meta = MovementMeta {
                    actor_id: Some(me.user_id),
                    reason: Some("stocktake".into()),
                    document_kind: Some(ENTITY.into()),
                    document_id: Some(sheet.id),
                    ticket_id: None,
                };
                let movement = stocktake::adjustment(delta);
                let (_, row) = crate::use_cases::stock::ledger::move_stock(
                    &txn,
                    sheet.warehouse_id,
                    line.key,
                    movement,
                    meta,
                    now,
                )
                .await?
                .map_err(refused)?;
                (row.value_delta_minor, Some(row.id))
            }
        };
        stocktakes::record_posting(&txn, sheet.id, line.key, line.balance.on_hand, value, movement_id).await?;
    }
    let after = stocktakes::find(&txn, sheet.id).await?;
    let out = stocktake_out(&txn, &after).await?;
    let change = Change {
        action: "stocktake.post",
        entity: ENTITY,
        entity_id: sheet.id,
        branch_id: Some(sheet.branch_id),
        before: None,
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(out))
}
