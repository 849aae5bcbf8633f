//! Which tickets a partner's key sees, decided here once for the list and the
//! single ticket, and the two columns that tie a ticket to partners.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::WarrantyStatus;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::record::{Ticket, find, to_record};
use crate::StoreError;
use crate::branches::branches_in;
use crate::entities::product_models;
use crate::entities::tickets::{Column, Entity};

/// What a partner's key sees of the tickets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnerSight {
    /// The tickets the partner took in with its keys or was given by a dispatcher.
    Own(Uuid),
    /// The warranty tickets (covered or partly) of units of these brands, at the
    /// branches within the scope: what a manufacturer follows.
    Brands { brand_ids: Vec<Uuid>, scope: BranchScope },
}

impl PartnerSight {
    pub(crate) fn condition(&self) -> Condition {
        match self {
            PartnerSight::Own(partner) => {
                Condition::any().add(Column::PartnerId.eq(*partner)).add(Column::ServicePartnerId.eq(*partner))
            }
            PartnerSight::Brands { brand_ids, scope } => {
                let models = Query::select()
                    .column(product_models::Column::Id)
                    .from(product_models::Entity)
                    .and_where(Expr::col(product_models::Column::BrandId).is_in(brand_ids.clone()))
                    .to_owned();
                let warranty = [WarrantyStatus::Covered, WarrantyStatus::Partial].map(|w| w.as_str());
                Condition::all()
                    .add(Column::ModelId.in_subquery(models))
                    .add(Column::WarrantyStatus.is_in(warranty))
                    .add(Column::BranchId.in_subquery(branches_in(scope)))
            }
        }
    }
}

/// A ticket the partner sees; `NotFound` otherwise, so another partner's
/// tickets do not even show that they exist.
pub async fn find_for_partner(db: &impl ConnectionTrait, sight: &PartnerSight, id: Uuid) -> Result<Ticket, StoreError> {
    Entity::find_by_id(id)
        .filter(sight.condition())
        .one(db)
        .await?
        .map(to_record)
        .transpose()?
        .ok_or(StoreError::NotFound)
}

/// The partner that took the ticket in and the shop it was given to.
pub async fn partners_of(db: &impl ConnectionTrait, id: Uuid) -> Result<(Option<Uuid>, Option<Uuid>), StoreError> {
    let row: Option<(Option<Uuid>, Option<Uuid>)> = Entity::find_by_id(id)
        .select_only()
        .column(Column::PartnerId)
        .column(Column::ServicePartnerId)
        .into_tuple()
        .one(db)
        .await?;
    row.ok_or(StoreError::NotFound)
}

/// Marks a ticket just taken in as the partner's. A second ticket of the same
/// partner with the same external reference breaks the unique index: `Conflict`.
pub async fn stamp_partner(db: &impl ConnectionTrait, id: Uuid, partner_id: Uuid) -> Result<(), StoreError> {
    Entity::update_many()
        .col_expr(Column::PartnerId, Expr::value(partner_id))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await
        .map_err(|e| StoreError::from(e).explain_conflict(REFERENCE_TAKEN))?;
    Ok(())
}

pub const REFERENCE_TAKEN: &str = "the partner already has a ticket with this external_reference";

/// Whether the partner already has a ticket with this external reference.
pub async fn reference_taken(db: &impl ConnectionTrait, partner_id: Uuid, reference: &str) -> Result<bool, StoreError> {
    let found = Entity::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::PartnerId.eq(partner_id))
        .filter(Column::ExternalReference.eq(reference))
        .into_tuple::<Uuid>()
        .one(db)
        .await?;
    Ok(found.is_some())
}

/// Gives the ticket to a contracted shop (or takes it back with `None`), as a
/// change of the ticket: its version moves on.
pub async fn give_to(
    db: &impl ConnectionTrait,
    id: Uuid,
    read_version: i64,
    service_partner: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Ticket, StoreError> {
    let result = Entity::update_many()
        .col_expr(Column::ServicePartnerId, Expr::value(service_partner))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::value(read_version + 1))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(read_version))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(StoreError::StaleVersion);
    }
    find(db, id).await
}
