use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::parts::{PartDto, UpdatePart};
use aftersales_domain::catalogue::normalise_sku;
use aftersales_persistence::begin_write;
use aftersales_persistence::parts::{self, Part, PartChanges};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::money_dto::money_in;
use crate::state::AppState;
use crate::use_cases::parts::{ENTITY, check_models, part_out, prices_in};

/// Change a part: SKU, name, component, unit, serialisation, prices, reorder
/// point, compatible models, or retire it (`active: false`). The brand stays.
#[utoipa::path(
    patch, path = "/api/v1/parts/{id}", tag = "parts", operation_id = "update_part",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Part id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the part changed since"),
    ),
    request_body = UpdatePart,
    responses(
        (status = 200, description = "Updated", body = PartDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such part", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The brand already has a part with this SKU", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The part changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/parts/{id}")]
pub async fn update_part(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<UpdatePart>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let current = parts::find(&txn, *id).await.or_not_found("part")?;
    let (standard_cost_minor, price_minor, currency) = prices(&current, &body)?;
    let model_ids = match &body.model_ids {
        Some(ids) => {
            let mut errors = Vec::new();
            let kept = check_models(&txn, current.brand_id, ids, &mut errors).await?;
            if !errors.is_empty() {
                return Err(ApiError::Validation(errors));
            }
            Some(kept)
        }
        None => None,
    };
    let changes = PartChanges {
        sku: body.sku.as_deref().map(normalise_sku),
        name: body.name.map(|n| n.trim().to_owned()),
        component_code: body.component_code,
        unit: body.unit,
        serialised: body.serialised,
        standard_cost_minor,
        price_minor,
        currency,
        reorder_point: body.reorder_point,
        model_ids,
        active: body.active,
    };
    let updated = parts::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = part_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "part.update",
            entity: ENTITY,
            entity_id: updated.id,
            branch_id: None,
            before: snapshot(&part_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}

/// The new standard cost, price and currency, each `None` when unchanged. Both
/// together may change the currency; one alone must be in the part's currency.
#[allow(clippy::type_complexity)]
fn prices(current: &Part, body: &UpdatePart) -> Result<(Option<i64>, Option<i64>, Option<String>), ApiError> {
    let same_currency = |field: &str, currency: &str| {
        if currency == current.currency {
            Ok(())
        } else {
            Err(ApiError::field(
                &format!("{field}.currency"),
                "currency_mismatch",
                format!(
                    "must be the part's currency ({}); send standard_cost and price together to change it",
                    current.currency
                ),
            ))
        }
    };
    match (&body.standard_cost, &body.price) {
        (Some(cost), Some(price)) => {
            let (cost_minor, price_minor, currency) = prices_in(cost, price)?;
            Ok((Some(cost_minor), Some(price_minor), Some(currency)))
        }
        (Some(cost), None) => {
            let (minor, currency) = money_in(cost, "standard_cost")?;
            same_currency("standard_cost", &currency)?;
            Ok((Some(minor), None, None))
        }
        (None, Some(price)) => {
            let (minor, currency) = money_in(price, "price")?;
            same_currency("price", &currency)?;
            Ok((None, Some(minor), None))
        }
        (None, None) => Ok((None, None, None)),
    }
}
