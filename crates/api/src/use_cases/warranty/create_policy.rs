//! Write a warranty policy for a brand, category or model; its terms become version 1.
use actix_web::http::StatusCode;
use aftersales_api_types::warranty::{CreatePolicy, PolicyDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::warranty_policies::{self, NewVersion};
use uuid::Uuid;

use super::{ensure_scope_exists, policy_audit};
use crate::audit::snapshot;
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};
use crate::warranty_dto::{policy_out, scope_in, terms_in};

pub async fn create_policy(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreatePolicy,
) -> Result<Once<PolicyDto>, ApiError> {
    actor.me.require(Permission::ManageWarranty)?;
    let id = Uuid::now_v7();
    let name = body.name.trim();
    let scope = scope_in(body.scope);
    let terms = terms_in(id, 1, name, scope, &body.terms)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    ensure_scope_exists(work.db(), scope).await?;
    warranty_policies::insert_policy(work.db(), id, name, scope, work.now()).await?;
    let version = NewVersion { policy_id: id, version: 1, terms: &terms, created_by: Some(actor.user_id()) };
    warranty_policies::insert_version(work.db(), version, work.now()).await?;
    let out = policy_out(&warranty_policies::find(work.db(), id).await?);
    policy_audit(&work, "warranty_policy.create", id, None, snapshot(&out)).await?;
    work.finish(StatusCode::CREATED, out).await
}
