use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::parts::{PartDto, PartQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::parts::list;

/// List the parts catalogue by SKU: of a brand, fitting a product model, of a
/// component, or matching a search over SKU and name.
#[utoipa::path(
    get, path = "/api/v1/parts", tag = "parts", operation_id = "list_parts",
    security(("bearer" = [])),
    params(PartQuery),
    responses((status = 200, description = "One page of parts", body = Page<PartDto>)),
)]
#[get("/api/v1/parts")]
pub async fn list_parts(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewParts>,
    ValidatedQuery(query): ValidatedQuery<PartQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list::list(&state.db, &me, query).await?))
}
