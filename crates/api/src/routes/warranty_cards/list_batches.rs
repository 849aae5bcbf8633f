use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::warranty_cards::{BatchQuery, CardBatchDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::warranty_cards::list_batches::list_batches as use_case;

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
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<BatchQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(use_case(&state.db, &me, query).await?))
}
