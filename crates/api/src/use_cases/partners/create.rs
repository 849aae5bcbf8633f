//! Create a partner (with the technical user its keys will act as).
use actix_web::http::StatusCode;
use aftersales_api_types::partners::{CreatePartner, PartnerDto};
use aftersales_domain::access::Permission;
use aftersales_domain::partners::{PartnerKind, partner_code};
use aftersales_domain::text::optional_text;
use aftersales_persistence::{DatabaseConnection, partners};
use uuid::Uuid;

use super::out::kind_in;
use super::partner_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::{Actor, Begun, Once, Work};

/// A partner of a branch in your part of the network; brands only for a
/// manufacturer (422 otherwise), a taken code is a 409.
pub async fn create(db: &DatabaseConnection, actor: &Actor, body: CreatePartner) -> Result<Once<PartnerDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManagePartners)?;
    let code = partner_code(&body.code)
        .ok_or_else(|| ApiError::field("code", "format", "2 to 32 upper-case letters, digits and '-'"))?;
    let kind = kind_in(body.kind);
    if kind != PartnerKind::Manufacturer && !body.brand_ids.is_empty() {
        return Err(ApiError::field("brand_ids", "not_manufacturer", "only a manufacturer names brands"));
    }
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    ensure_branch_in_scope(work.db(), &me.scope, body.branch_id).await?;
    let brand_ids = super::update::known_brands(work.db(), body.brand_ids).await?;
    let new = partners::NewPartner {
        id: Uuid::now_v7(),
        branch_id: body.branch_id,
        code,
        name: body.name.trim().to_owned(),
        kind,
        contact_name: optional_text(body.contact_name),
        contact_email: optional_text(body.contact_email),
        contact_phone: optional_text(body.contact_phone),
        brand_ids,
    };
    let partner = partners::insert(work.db(), new, work.now()).await.map_err(|e| match e {
        aftersales_persistence::StoreError::Conflict(m) => ApiError::conflict_at("code", "taken", "already used", m),
        other => other.into(),
    })?;
    let out = partner_out(&partner);
    let change = Change {
        action: "partner.create",
        entity: "partner",
        entity_id: partner.id,
        branch_id: Some(partner.branch_id),
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}
