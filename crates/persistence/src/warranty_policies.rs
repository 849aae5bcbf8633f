//! Warranty policies and their versions. Versions are only ever added; publishing
//! one closes the one before (rules in `aftersales_domain::warranty::versions`).
use aftersales_domain::orders::ExchangeTerm;
use aftersales_domain::warranty::{ComponentOverride, Leg, LegTerm, PolicyScope, StartBasis, WarrantyPolicy};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::entities::{warranty_policies as policies, warranty_policy_versions as versions};
use crate::{StoreError, fetch_size};

/// A policy with all its versions, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRecord {
    pub id: Uuid,
    pub name: String,
    pub scope: PolicyScope,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub versions: Vec<WarrantyPolicy>,
}

/// The terms of one version, as published.
pub struct NewVersion<'a> {
    pub policy_id: Uuid,
    pub version: i32,
    pub terms: &'a WarrantyPolicy,
    pub created_by: Option<Uuid>,
}

pub async fn insert_policy(
    db: &impl ConnectionTrait,
    id: Uuid,
    name: &str,
    scope: PolicyScope,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    policies::ActiveModel {
        id: Set(id),
        name: Set(name.to_owned()),
        scope_kind: Set(scope.kind().to_owned()),
        scope_id: Set(scope.id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn insert_version(
    db: &impl ConnectionTrait,
    new: NewVersion<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let t = new.terms;
    versions::ActiveModel {
        id: Set(Uuid::now_v7()),
        policy_id: Set(new.policy_id),
        version: Set(new.version),
        effective_from: Set(t.effective_from),
        effective_to: Set(None),
        start_basis: Set(t.start_basis.as_str().to_owned()),
        manufacture_grace_days: Set(i32::try_from(t.manufacture_grace_days).unwrap_or(i32::MAX)),
        repair_warranty_days: Set(i32::try_from(t.repair_warranty_days).unwrap_or(i32::MAX)),
        exchange_term: Set(t.exchange_term.as_str().to_owned()),
        legs: Set(encode_legs(&t.legs)),
        component_overrides: Set(encode_overrides(&t.component_overrides)),
        exclusions: Set(json!(t.exclusions).to_string()),
        created_at: Set(now),
        created_by: Set(new.created_by),
    }
    .insert(db)
    .await
    .map_err(|e| {
        StoreError::from(e).explain_conflict("another version with this number was published at the same time")
    })?;
    policies::Entity::update_many()
        .col_expr(policies::Column::UpdatedAt, Expr::value(now))
        .filter(policies::Column::Id.eq(new.policy_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends a version the day `until` (exclusive) when a newer one takes over.
pub async fn close_version(
    db: &impl ConnectionTrait,
    policy_id: Uuid,
    version: i32,
    until: NaiveDate,
) -> Result<(), StoreError> {
    versions::Entity::update_many()
        .col_expr(versions::Column::EffectiveTo, Expr::value(until))
        .filter(versions::Column::PolicyId.eq(policy_id))
        .filter(versions::Column::Version.eq(version))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<PolicyRecord, StoreError> {
    let policy = policies::Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    let mut records = with_versions(db, vec![policy]).await?;
    records.pop().ok_or(StoreError::NotFound)
}

pub struct PolicyFilter {
    pub scope: Option<PolicyScope>,
    /// Keyset cursor: the id of the last policy of the previous page.
    pub after_id: Option<Uuid>,
    pub limit: u32,
}

pub async fn list(db: &impl ConnectionTrait, filter: PolicyFilter) -> Result<Vec<PolicyRecord>, StoreError> {
    let mut query = policies::Entity::find();
    if let Some(scope) = filter.scope {
        query =
            query.filter(policies::Column::ScopeKind.eq(scope.kind())).filter(policies::Column::ScopeId.eq(scope.id()));
    }
    if let Some(after) = filter.after_id {
        query = query.filter(policies::Column::Id.gt(after));
    }
    let rows = query.order_by_asc(policies::Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    with_versions(db, rows).await
}

/// Every version of every policy written for this brand, category or model: the
/// candidates the entitlement engine chooses from.
pub async fn candidates_for(
    db: &impl ConnectionTrait,
    brand_id: Uuid,
    category_id: Uuid,
    model_id: Uuid,
) -> Result<Vec<WarrantyPolicy>, StoreError> {
    let scope = |kind: &str, id: Uuid| {
        Condition::all().add(policies::Column::ScopeKind.eq(kind)).add(policies::Column::ScopeId.eq(id))
    };
    let rows = policies::Entity::find()
        .filter(
            Condition::any()
                .add(scope("brand", brand_id))
                .add(scope("category", category_id))
                .add(scope("model", model_id)),
        )
        .all(db)
        .await?;
    Ok(with_versions(db, rows).await?.into_iter().flat_map(|p| p.versions).collect())
}

async fn with_versions(db: &impl ConnectionTrait, rows: Vec<policies::Model>) -> Result<Vec<PolicyRecord>, StoreError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|p| p.id).collect();
    let all_versions = versions::Entity::find()
        .filter(versions::Column::PolicyId.is_in(ids))
        .order_by_asc(versions::Column::Version)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|p| {
            let scope = PolicyScope::parse(&p.scope_kind, p.scope_id)
                .ok_or_else(|| StoreError::Corrupt(format!("policy {} has scope kind '{}'", p.id, p.scope_kind)))?;
            let versions = all_versions
                .iter()
                .filter(|v| v.policy_id == p.id)
                .map(|v| to_domain(v, &p.name, scope))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(PolicyRecord {
                id: p.id,
                name: p.name,
                scope,
                created_at: p.created_at,
                updated_at: p.updated_at,
                versions,
            })
        })
        .collect()
}

fn to_domain(v: &versions::Model, name: &str, scope: PolicyScope) -> Result<WarrantyPolicy, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("policy {} v{}: {what}", v.policy_id, v.version));
    Ok(WarrantyPolicy {
        id: v.policy_id.into(),
        version: v.version,
        name: name.to_owned(),
        scope,
        effective_from: v.effective_from,
        effective_to: v.effective_to,
        start_basis: StartBasis::parse(&v.start_basis).ok_or_else(|| corrupt("start basis"))?,
        manufacture_grace_days: u32::try_from(v.manufacture_grace_days).unwrap_or(0),
        legs: decode_legs(&v.legs).ok_or_else(|| corrupt("legs"))?,
        component_overrides: decode_overrides(&v.component_overrides).ok_or_else(|| corrupt("component overrides"))?,
        exclusions: serde_json::from_str(&v.exclusions).map_err(|_| corrupt("exclusions"))?,
        repair_warranty_days: u32::try_from(v.repair_warranty_days).unwrap_or(0),
        exchange_term: ExchangeTerm::parse(&v.exchange_term).ok_or_else(|| corrupt("exchange term"))?,
    })
}

fn encode_legs(legs: &[LegTerm]) -> String {
    Value::Array(legs.iter().map(|t| json!({"leg": t.leg.as_str(), "months": t.months})).collect()).to_string()
}

fn encode_overrides(overrides: &[ComponentOverride]) -> String {
    let items = overrides
        .iter()
        .map(|o| json!({"component_code": o.component_code, "leg": o.leg.as_str(), "months": o.months}))
        .collect();
    Value::Array(items).to_string()
}

fn leg_and_months(item: &Value) -> Option<(Leg, u32)> {
    let leg = Leg::parse(item.get("leg")?.as_str()?)?;
    let months = u32::try_from(item.get("months")?.as_u64()?).ok()?;
    Some((leg, months))
}

fn decode_legs(raw: &str) -> Option<Vec<LegTerm>> {
    let items: Vec<Value> = serde_json::from_str(raw).ok()?;
    items.iter().map(|i| leg_and_months(i).map(|(leg, months)| LegTerm { leg, months })).collect()
}

fn decode_overrides(raw: &str) -> Option<Vec<ComponentOverride>> {
    let items: Vec<Value> = serde_json::from_str(raw).ok()?;
    items
        .iter()
        .map(|i| {
            let (leg, months) = leg_and_months(i)?;
            Some(ComponentOverride { component_code: i.get("component_code")?.as_str()?.to_owned(), leg, months })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_survive_the_round_trip_through_json() {
        let legs = vec![LegTerm { leg: Leg::Parts, months: 24 }, LegTerm { leg: Leg::Travel, months: 6 }];
        assert_eq!(decode_legs(&encode_legs(&legs)), Some(legs));
        let overrides = vec![ComponentOverride { component_code: "compressor".into(), leg: Leg::Parts, months: 60 }];
        assert_eq!(decode_overrides(&encode_overrides(&overrides)), Some(overrides));
    }
}
