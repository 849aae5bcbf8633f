//! The endpoints partners have subscribed to events, with their signing secrets.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::partners::PartnerKind;
use aftersales_domain::webhooks::{ROTATION_OVERLAP, WebhookEvent, WebhookSecret};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::branches::branches_in;
use crate::entities::webhook_endpoints::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};

#[derive(Debug, Clone)]
pub struct WebhookEndpoint {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub url: String,
    pub description: Option<String>,
    pub events: Vec<WebhookEvent>,
    pub secret: WebhookSecret,
    pub previous_secret: Option<WebhookSecret>,
    pub previous_secret_until: Option<DateTime<Utc>>,
    pub active: bool,
    pub disabled_reason: Option<String>,
    pub failing_since: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

impl WebhookEndpoint {
    /// The secrets a message is signed with now: the current one, and the one
    /// before a rotation while its overlap lasts.
    pub fn signing_secrets(&self, now: DateTime<Utc>) -> Vec<&WebhookSecret> {
        let previous = self.previous_secret.as_ref().filter(|_| self.previous_secret_until.is_some_and(|u| now < u));
        std::iter::once(&self.secret).chain(previous).collect()
    }
}

pub struct NewEndpoint {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub url: String,
    pub description: Option<String>,
    pub events: Vec<WebhookEvent>,
    pub secret: WebhookSecret,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Default)]
pub struct EndpointChanges {
    pub url: Option<String>,
    pub description: Option<Option<String>>,
    pub events: Option<Vec<WebhookEvent>>,
    pub active: Option<bool>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("webhook endpoint {what}"))
}

fn to_record(m: Model) -> Result<WebhookEndpoint, StoreError> {
    let names: Vec<String> = serde_json::from_str(&m.events).map_err(|_| corrupt("events"))?;
    Ok(WebhookEndpoint {
        // An event dropped from the closed set is no longer sent.
        events: names.iter().filter_map(|n| WebhookEvent::parse(n)).collect(),
        secret: WebhookSecret::parse(&m.secret).ok_or_else(|| corrupt("secret"))?,
        previous_secret: m.previous_secret.as_deref().and_then(WebhookSecret::parse),
        previous_secret_until: m.previous_secret_until,
        id: m.id,
        partner_id: m.partner_id,
        url: m.url,
        description: m.description,
        active: m.active,
        disabled_reason: m.disabled_reason,
        failing_since: m.failing_since,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

fn event_names(events: &[WebhookEvent]) -> String {
    let names: Vec<&str> = events.iter().map(|e| e.as_str()).collect();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewEndpoint,
    now: DateTime<Utc>,
) -> Result<WebhookEndpoint, StoreError> {
    let row = ActiveModel {
        id: Set(new.id),
        partner_id: Set(new.partner_id),
        url: Set(new.url),
        description: Set(new.description),
        events: Set(event_names(&new.events)),
        secret: Set(new.secret.to_text()),
        previous_secret: Set(None),
        previous_secret_until: Set(None),
        active: Set(true),
        disabled_reason: Set(None),
        failing_since: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, "an endpoint with this id already exists", "no such partner"))?;
    to_record(row)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<WebhookEndpoint, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_record).transpose()?.ok_or(StoreError::NotFound)
}

/// The partner's endpoints, oldest first (a partner has a handful).
pub async fn of_partner(db: &impl ConnectionTrait, partner_id: Uuid) -> Result<Vec<WebhookEndpoint>, StoreError> {
    let rows = Entity::find().filter(Column::PartnerId.eq(partner_id)).order_by_asc(Column::Id).all(db).await?;
    rows.into_iter().map(to_record).collect()
}

/// The endpoints of the partners of branches within the scope, oldest first.
pub async fn in_scope(db: &impl ConnectionTrait, scope: &BranchScope) -> Result<Vec<WebhookEndpoint>, StoreError> {
    use crate::entities::partners as p;
    let partners = Query::select()
        .column(p::Column::Id)
        .from(p::Entity)
        .and_where(p::Column::BranchId.in_subquery(branches_in(scope)))
        .to_owned();
    let rows = Entity::find().filter(Column::PartnerId.in_subquery(partners)).order_by_asc(Column::Id).all(db).await?;
    rows.into_iter().map(to_record).collect()
}

/// The active endpoints of active partners that are either among `partners` or
/// manufacturers (who hear of their brands' tickets; the caller checks which).
pub async fn active_for(db: &impl ConnectionTrait, partners: &[Uuid]) -> Result<Vec<WebhookEndpoint>, StoreError> {
    use crate::entities::partners as p;
    let listening = Query::select()
        .column(p::Column::Id)
        .from(p::Entity)
        .and_where(p::Column::Active.eq(true))
        .cond_where(
            Condition::any()
                .add(p::Column::Id.is_in(partners.iter().copied()))
                .add(p::Column::Kind.eq(PartnerKind::Manufacturer.as_str())),
        )
        .to_owned();
    let rows = Entity::find()
        .filter(Column::Active.eq(true))
        .filter(Column::PartnerId.in_subquery(listening))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(to_record).collect()
}

/// Applies `changes` if the endpoint is still at `expected_version` (when
/// given). Switching an endpoint back on forgets why it was off.
pub async fn update(
    db: &impl ConnectionTrait,
    current: &WebhookEndpoint,
    expected_version: Option<i64>,
    changes: EndpointChanges,
    now: DateTime<Utc>,
) -> Result<WebhookEndpoint, StoreError> {
    let mut row = ActiveModel { id: Set(current.id), ..Default::default() };
    if let Some(url) = changes.url {
        row.url = Set(url);
    }
    if let Some(description) = changes.description {
        row.description = Set(description);
    }
    if let Some(events) = changes.events {
        row.events = Set(event_names(&events));
    }
    if let Some(active) = changes.active {
        row.active = Set(active);
        if active && !current.active {
            row.disabled_reason = Set(None);
            row.failing_since = Set(None);
        } else if !active && current.active {
            row.disabled_reason = Set(Some("switched off by a user".into()));
        }
    }
    row.updated_at = Set(now);
    row.version = Set(current.version + 1);
    let expect = Expect {
        id: (Column::Id, current.id),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, row, expect).await?;
    find(db, current.id).await
}

/// Puts `secret` in force; the one before keeps signing for [`ROTATION_OVERLAP`].
pub async fn rotate_secret(
    db: &impl ConnectionTrait,
    current: &WebhookEndpoint,
    expected_version: Option<i64>,
    secret: &WebhookSecret,
    now: DateTime<Utc>,
) -> Result<WebhookEndpoint, StoreError> {
    let row = ActiveModel {
        id: Set(current.id),
        secret: Set(secret.to_text()),
        previous_secret: Set(Some(current.secret.to_text())),
        previous_secret_until: Set(Some(now + ROTATION_OVERLAP)),
        updated_at: Set(now),
        version: Set(current.version + 1),
        ..Default::default()
    };
    let expect = Expect {
        id: (Column::Id, current.id),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, row, expect).await?;
    find(db, current.id).await
}

/// Notes an attempt's outcome on its endpoint: an accepted one ends a failing
/// streak; a failed one starts it, if none runs.
pub async fn note_outcome(
    db: &impl ConnectionTrait,
    id: Uuid,
    accepted: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let update = Entity::update_many().filter(Column::Id.eq(id));
    if accepted {
        update.col_expr(Column::FailingSince, Expr::value(Option::<DateTime<Utc>>::None)).exec(db).await?;
    } else {
        update.col_expr(Column::FailingSince, Expr::value(now)).filter(Column::FailingSince.is_null()).exec(db).await?;
    }
    Ok(())
}

/// Switches an endpoint off by the system, saying why.
pub async fn disable(db: &impl ConnectionTrait, id: Uuid, reason: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    Entity::update_many()
        .col_expr(Column::Active, Expr::value(false))
        .col_expr(Column::DisabledReason, Expr::value(reason))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
