//! Change a partner: name, contacts, brands, or make it inactive (its keys stop).
use aftersales_api_types::partners::{PartnerDto, UpdatePartner};
use aftersales_domain::access::Permission;
use aftersales_domain::partners::PartnerKind;
use aftersales_domain::text::optional_text;
use aftersales_persistence::catalogue::brands;
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, StoreError, partners};
use uuid::Uuid;

use super::partner_out;
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Work};

/// 412 when the partner is no longer at `expected`; brands only for a manufacturer.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdatePartner,
) -> Result<PartnerDto, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManagePartners)?;
    let work = Work::begin(db, actor).await?;
    let current = partners::find_in_scope(work.db(), &me.scope, id).await.or_not_found("partner")?;
    let brand_ids = match body.brand_ids {
        Some(ids) if current.kind != PartnerKind::Manufacturer && !ids.is_empty() => {
            return Err(ApiError::field("brand_ids", "not_manufacturer", "only a manufacturer names brands"));
        }
        Some(ids) => Some(known_brands(work.db(), ids).await?),
        None => None,
    };
    let changes = partners::PartnerChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        active: body.active,
        contact_name: body.contact_name.map(optional_text),
        contact_email: body.contact_email.map(optional_text),
        contact_phone: body.contact_phone.map(optional_text),
        brand_ids,
    };
    let partner = partners::update(work.db(), &current, expected, changes, work.now()).await?;
    let out = partner_out(&partner);
    let change = Change {
        action: "partner.update",
        entity: "partner",
        entity_id: partner.id,
        branch_id: Some(partner.branch_id),
        before: snapshot(&partner_out(&current)),
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.commit().await?;
    Ok(out)
}

/// The brand ids, each of a brand that exists (422 naming the first that does not).
pub(super) async fn known_brands(db: &impl ConnectionTrait, mut ids: Vec<Uuid>) -> Result<Vec<Uuid>, ApiError> {
    ids.sort();
    ids.dedup();
    for (i, id) in ids.iter().enumerate() {
        match brands::find(db, *id).await {
            Ok(_) => {}
            Err(StoreError::NotFound) => {
                return Err(ApiError::field(&format!("brand_ids[{i}]"), "unknown_brand", "no such brand"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(ids)
}
