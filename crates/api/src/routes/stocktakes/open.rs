use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::stocktakes::{OpenStocktake, StocktakeDto};
use aftersales_api_types::{FieldError, Problem};
use aftersales_persistence::stocktakes::{self, ALREADY_OPEN, NewStocktake};
use aftersales_persistence::{StoreError, begin_write, parts, stock};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::use_cases::stock::movable_warehouse;
use crate::use_cases::stocktakes::{ENTITY, stocktake_out};

/// Open a count sheet for a warehouse: the given parts, or every part the warehouse
/// has stock records of, each with what the books hold now (`expected`). A
/// warehouse has one open stocktake at a time (409 while another is open).
/// Discontinued parts may be counted: their stock is real until written off.
#[utoipa::path(
    post, path = "/api/v1/stocktakes", tag = "stock", operation_id = "open_stocktake",
    security(("bearer" = [])),
    request_body = OpenStocktake,
    responses(
        (status = 201, description = "Opened", body = StocktakeDto, headers(("Location" = String, description = "The sheet"))),
        (status = 409, description = "The warehouse already has an open stocktake", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/stocktakes")]
pub async fn open_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<OpenStocktake>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let warehouse = movable_warehouse(&txn, &me, body.warehouse_id, "warehouse_id").await?;
    if stocktakes::open_in(&txn, warehouse.id).await?.is_some() {
        return Err(ApiError::Conflict(ALREADY_OPEN.into()));
    }
    let on_hand: BTreeMap<Uuid, i64> =
        stock::balances(&txn, warehouse.id, None).await?.into_iter().map(|l| (l.part_id, l.balance.on_hand)).collect();
    let lines: Vec<(Uuid, i64)> = match &body.part_ids {
        None => on_hand.iter().map(|(&part, &quantity)| (part, quantity)).collect(),
        Some(ids) => {
            let mut errors = Vec::new();
            let mut lines: Vec<(Uuid, i64)> = Vec::new();
            for (i, &id) in ids.iter().enumerate() {
                match parts::find(&txn, id).await {
                    Err(StoreError::NotFound) => errors.push(FieldError::new(
                        format!("part_ids[{i}]"),
                        "unknown_part",
                        "there is no part with this id",
                    )),
                    Err(e) => return Err(e.into()),
                    Ok(_) if lines.iter().any(|(p, _)| *p == id) => {}
                    Ok(_) => lines.push((id, on_hand.get(&id).copied().unwrap_or(0))),
                }
            }
            if !errors.is_empty() {
                return Err(ApiError::Validation(errors));
            }
            lines
        }
    };
    let new = NewStocktake {
        branch_id: warehouse.branch_id,
        warehouse_id: warehouse.id,
        started_by: me.user_id,
        note: body.note.as_deref().map(str::trim).map(str::to_owned),
        lines,
    };
    let id = stocktakes::insert(&txn, new, Utc::now()).await?;
    let sheet = stocktakes::find(&txn, id).await?;
    let out = stocktake_out(&txn, &sheet).await?;
    let change = Change {
        action: "stocktake.open",
        entity: ENTITY,
        entity_id: id,
        branch_id: Some(warehouse.branch_id),
        before: None,
        after: snapshot(&crate::use_cases::stocktakes::summary_out(&sheet)),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/stocktakes/{id}"))).json(out))
}
