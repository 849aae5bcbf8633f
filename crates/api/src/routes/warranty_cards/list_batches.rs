use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::warranty_cards::{BatchQuery, CardBatchDto};
use aftersales_persistence::warranty_cards;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::warranty_cards::batch_out;

/// List issued card batches, oldest first.
#[utoipa::path(
    get, path = "/api/v1/warranty-cards/batches", tag = "warranty", operation_id = "list_warranty_card_batches",
    security(("bearer" = [])),
    params(BatchQuery),
    responses((status = 200, description = "One page of batches", body = Page<CardBatchDto>)),
)]
#[get("/api/v1/warranty-cards/batches")]
pub async fn list_batches(
    state: web::Data<AppState>,
    _: Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<BatchQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let after_id = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let rows = warranty_cards::list_batches(&state.db, query.brand_id, after_id, limit).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |b| b.id.to_string(), batch_out)))
}
