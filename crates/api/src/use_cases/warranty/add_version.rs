//! Publish new terms for a policy from a date; the version before ends that day.
use actix_web::http::StatusCode;
use aftersales_api_types::warranty::{PolicyDto, PolicyTerms};
use aftersales_domain::access::Permission;
use aftersales_domain::warranty::versions::{VersionSpan, plan_version};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::warranty_policies::{self, NewVersion};
use uuid::Uuid;

use super::policy_audit;
use crate::audit::snapshot;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Begun, Once, Work};
use crate::warranty_dto::{policy_out, terms_in};

/// Versions are never edited: units sold before the new date keep the terms they
/// were sold under. 409 when the new version does not start after the latest one.
pub async fn add_version(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: PolicyTerms,
) -> Result<Once<PolicyDto>, ApiError> {
    actor.me.require(Permission::ManageWarranty)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let before = warranty_policies::find(work.db(), id).await.or_not_found("warranty policy")?;
    let spans: Vec<VersionSpan> = before
        .versions
        .iter()
        .map(|v| VersionSpan { version: v.version, effective_from: v.effective_from, effective_to: v.effective_to })
        .collect();
    let plan = plan_version(&spans, body.effective_from).map_err(|e| ApiError::Conflict(e.to_string()))?;
    let terms = terms_in(before.id, plan.version, &before.name, before.scope, &body).map_err(terms_are_the_body)?;
    if let Some(closed) = plan.closes {
        warranty_policies::close_version(work.db(), before.id, closed, body.effective_from).await?;
    }
    let version =
        NewVersion { policy_id: before.id, version: plan.version, terms: &terms, created_by: Some(actor.user_id()) };
    warranty_policies::insert_version(work.db(), version, work.now()).await?;
    let out = policy_out(&warranty_policies::find(work.db(), before.id).await?);
    policy_audit(&work, "warranty_policy.publish_version", before.id, snapshot(&policy_out(&before)), snapshot(&out))
        .await?;
    work.finish(StatusCode::CREATED, out).await
}

/// The terms are the whole body here, not a `terms` member: field errors name the
/// field itself.
fn terms_are_the_body(error: ApiError) -> ApiError {
    match error {
        ApiError::Validation(list) => ApiError::Validation(
            list.into_iter()
                .map(|mut f| {
                    f.field = f.field.trim_start_matches("terms.").to_owned();
                    f
                })
                .collect(),
        ),
        other => other,
    }
}
