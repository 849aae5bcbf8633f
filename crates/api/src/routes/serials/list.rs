use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::serials::{SerialQuery, SerialUnitDto};
use aftersales_domain::serials::normalize_serial;
use aftersales_domain::text_fold::normalize_phone;
use aftersales_persistence::{customers, serials};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::serial_dto;
use crate::state::AppState;

/// Owners found by phone whose units are looked up: more would be a list, not a lookup.
const MAX_OWNERS: u64 = 200;

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
    let limit = pagination::limit(query.limit);
    let after_id = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let serial_key = match query.serial.as_deref() {
        Some(raw) => Some(normalize_serial(raw).ok_or_else(|| {
            ApiError::field("serial", "format", "letters and digits, with spaces, '-', '.', '/' or '_' between them")
        })?),
        None => None,
    };
    let owner_customer_ids = match query.phone.as_deref() {
        Some(raw) => {
            let number =
                normalize_phone(raw).ok_or_else(|| ApiError::field("phone", "format", "is not a phone number"))?;
            let owners = customers::sharing_contacts(&state.db, &me.scope, &[number], &[], None, MAX_OWNERS).await?;
            Some(owners.into_iter().map(|c| c.id).collect())
        }
        None => None,
    };
    let lookup = serials::UnitLookup {
        serial_key,
        brand_id: query.brand_id,
        model_id: query.model_id,
        warranty_card_number: query.warranty_card.map(|c| c.trim().to_owned()),
        sale_document: query.document.map(|d| d.trim().to_owned()),
        owner_customer_ids,
        after_id,
        limit,
    };
    let rows = serials::lookup(&state.db, lookup).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |u| u.id.to_string(), serial_dto::unit_out)))
}
