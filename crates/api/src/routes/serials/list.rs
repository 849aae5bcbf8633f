use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::serials::{SerialQuery, SerialUnitDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::serials::list::list;

/// Find units by serial (in any case, with any separators), warranty card, sale
/// document, the owner's phone (any format), brand or model; oldest first.
#[utoipa::path(
    get, path = "/api/v1/serials", tag = "serials", operation_id = "list_serials",
    security(("bearer" = [])),
    params(SerialQuery),
    responses((status = 200, description = "One page of units", body = Page<SerialUnitDto>)),
)]
#[get("/api/v1/serials")]
pub async fn list_serials(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    ValidatedQuery(query): ValidatedQuery<SerialQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
