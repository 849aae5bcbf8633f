//! Change a part of the catalogue.
use aftersales_api_types::parts::{PartDto, UpdatePart};
use aftersales_domain::access::Permission;
use aftersales_domain::catalogue::normalise_sku;
use aftersales_domain::money::Money;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::parts::{self, Part, PartChanges};
use uuid::Uuid;

use super::{ENTITY, check_models, part_out, prices_in};
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::money_dto::money_in;
use crate::use_cases::{Actor, Work};

/// Changes SKU, name, component, unit, serialisation, prices, reorder point or
/// compatible models, or retires the part (`active: false`); the brand stays.
/// `expected` is the version the caller read (412 when the part changed since).
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdatePart,
) -> Result<PartDto, ApiError> {
    actor.me.require(Permission::ManageParts)?;
    let work = Work::begin(db, actor).await?;
    let current = parts::find(work.db(), id).await.or_not_found("part")?;
    let (standard_cost, price) = prices(&current, &body)?;
    let model_ids = match &body.model_ids {
        Some(ids) => {
            let mut errors = Vec::new();
            let kept = check_models(work.db(), current.brand_id, ids, &mut errors).await?;
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
        standard_cost,
        price,
        reorder_point: body.reorder_point,
        model_ids,
        active: body.active,
    };
    let updated = parts::update(work.db(), &current, expected, changes, work.now()).await?;
    let out = part_out(&updated);
    let change = Change {
        action: "part.update",
        entity: ENTITY,
        entity_id: updated.id,
        branch_id: None,
        before: snapshot(&part_out(&current)),
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.commit().await?;
    Ok(out)
}

/// The new standard cost and price, each `None` when unchanged. Both together may
/// change the part's currency; one alone must be in the part's currency.
fn prices(current: &Part, body: &UpdatePart) -> Result<(Option<Money>, Option<Money>), ApiError> {
    let part_currency = current.price.currency();
    let same_currency = |field: &str, money: Money| {
        if money.currency() == part_currency {
            Ok(money)
        } else {
            Err(ApiError::field(
                &format!("{field}.currency"),
                "currency_mismatch",
                format!(
                    "must be the part's currency ({part_currency}); send standard_cost and price together to change it"
                ),
            ))
        }
    };
    match (&body.standard_cost, &body.price) {
        (Some(cost), Some(price)) => {
            let (cost, price) = prices_in(cost, price)?;
            Ok((Some(cost), Some(price)))
        }
        (Some(cost), None) => Ok((Some(same_currency("standard_cost", money_in(cost, "standard_cost")?)?), None)),
        (None, Some(price)) => Ok((None, Some(same_currency("price", money_in(price, "price")?)?))),
        (None, None) => Ok((None, None)),
    }
}
