//! The product catalogue, company-wide: brands, product categories, product models
//! and the components of each model. Every signed-in user reads it; admins and
//! managers maintain it.
pub mod brands;
pub mod categories;
pub mod components;
pub mod models;

use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::Work;

/// A kind of catalogue row as the audit log names it and its changes. Every
/// create, update and delete of the catalogue logs the same way, through
/// [`Audited::created`], [`Audited::updated`] and [`Audited::deleted`]; the
/// catalogue is company-wide, so its audit rows carry no branch.
pub(crate) struct Audited {
    entity: &'static str,
    create: &'static str,
    update: &'static str,
    delete: &'static str,
}

pub(crate) const BRAND: Audited =
    Audited { entity: "brand", create: "brand.create", update: "brand.update", delete: "brand.delete" };
pub(crate) const CATEGORY: Audited = Audited {
    entity: "product_category",
    create: "product_category.create",
    update: "product_category.update",
    delete: "product_category.delete",
};
pub(crate) const MODEL: Audited = Audited {
    entity: "product_model",
    create: "product_model.create",
    update: "product_model.update",
    delete: "product_model.delete",
};
pub(crate) const COMPONENT: Audited = Audited {
    entity: "product_component",
    create: "product_component.create",
    update: "product_component.update",
    delete: "product_component.delete",
};

impl Audited {
    /// Logs a new row, as the client sees it.
    pub(crate) async fn created(&self, work: &Work, id: Uuid, after: &impl Serialize) -> Result<(), ApiError> {
        self.record(work, self.create, id, None, snapshot(after)).await
    }

    /// Logs a changed row, as it was and as it is.
    pub(crate) async fn updated(
        &self,
        work: &Work,
        id: Uuid,
        before: &impl Serialize,
        after: &impl Serialize,
    ) -> Result<(), ApiError> {
        self.record(work, self.update, id, snapshot(before), snapshot(after)).await
    }

    /// Logs a deleted row, as it was.
    pub(crate) async fn deleted(&self, work: &Work, id: Uuid, before: &impl Serialize) -> Result<(), ApiError> {
        self.record(work, self.delete, id, snapshot(before), None).await
    }

    /// Logs any other `action` on a row of this kind.
    pub(crate) async fn record(
        &self,
        work: &Work,
        action: &str,
        id: Uuid,
        before: Option<Value>,
        after: Option<Value>,
    ) -> Result<(), ApiError> {
        work.audit(Change { action, entity: self.entity, entity_id: id, branch_id: None, before, after }).await
    }
}
