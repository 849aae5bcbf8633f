use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stocktakes::StocktakeDto;
use aftersales_domain::stock::stocktake::{StocktakeStatus, ensure_open};
use aftersales_persistence::{begin_write, stocktakes};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::stocktakes::{ENTITY, closed, stocktake_out, summary_out};

/// Close an open sheet without adjusting anything; the warehouse may then open another.
#[utoipa::path(
    post, path = "/api/v1/stocktakes/{id}/cancel", tag = "stock", operation_id = "cancel_stocktake",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Stocktake id")),
    responses(
        (status = 200, description = "Cancelled", body = StocktakeDto),
        (status = 404, description = "No such stocktake in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The stocktake is already posted or cancelled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/stocktakes/{id}/cancel")]
pub async fn cancel_stocktake(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let sheet = stocktakes::find_in_scope(&txn, &me.scope, *id).await.or_not_found("stocktake")?;
    ensure_open(sheet.status).map_err(|_| closed(sheet.status))?;
    if !stocktakes::close(&txn, sheet.id, StocktakeStatus::Cancelled, me.user_id, Utc::now()).await? {
        let now = stocktakes::find(&txn, sheet.id).await?;
        return Err(closed(now.status));
    }
    let after = stocktakes::find(&txn, sheet.id).await?;
    let out = stocktake_out(&txn, &after).await?;
    let change = Change {
        action: "stocktake.cancel",
        entity: ENTITY,
        entity_id: sheet.id,
        branch_id: Some(sheet.branch_id),
        before: snapshot(&summary_out(&sheet)),
        after: snapshot(&summary_out(&after)),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(out))
}
