//! Add a part to the catalogue.
use actix_web::http::StatusCode;
use aftersales_api_types::parts::{CreatePart, PartDto};
use aftersales_domain::access::Permission;
use aftersales_domain::catalogue::normalise_sku;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::parts::{self, NewPart};

use super::{ENTITY, check_brand, check_models, part_out, prices_in};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Files a new part under an active brand. The SKU is trimmed and upper-cased and
/// must be new to the brand (409 otherwise); cost and price share one currency;
/// every compatible model must be of the brand (422 naming `model_ids[i]`).
pub async fn create(db: &DatabaseConnection, actor: &Actor, body: CreatePart) -> Result<Once<PartDto>, ApiError> {
    actor.me.require(Permission::ManageParts)?;
    let (standard_cost, price) = prices_in(&body.standard_cost, &body.price)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let mut errors: Vec<_> = check_brand(work.db(), body.brand_id).await?.into_iter().collect();
    let model_ids = check_models(work.db(), body.brand_id, &body.model_ids, &mut errors).await?;
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let new = NewPart {
        brand_id: body.brand_id,
        sku: normalise_sku(&body.sku),
        name: body.name.trim().to_owned(),
        component_code: body.component_code,
        unit: body.unit,
        serialised: body.serialised,
        standard_cost,
        price,
        reorder_point: body.reorder_point,
        model_ids,
    };
    let part = parts::insert(work.db(), new, work.now()).await?;
    let out = part_out(&part);
    let change = Change {
        action: "part.create",
        entity: ENTITY,
        entity_id: part.id,
        branch_id: None,
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}
