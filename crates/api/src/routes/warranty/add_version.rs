use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::warranty::{PolicyDto, PolicyTerms};
use aftersales_domain::warranty::versions::{VersionSpan, plan_version};
use aftersales_persistence::begin_write;
use aftersales_persistence::warranty_policies::{self, NewVersion};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::warranty_dto::{policy_out, terms_in};

/// Publish new terms for a policy from a date; the version before ends that day.
///
/// Versions are never edited: units sold before the new date keep the terms they
/// were sold under.
#[utoipa::path(
    post, path = "/api/v1/warranty-policies/{id}/versions", tag = "warranty", operation_id = "add_warranty_policy_version",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Policy id")),
    request_body = PolicyTerms,
    responses(
        (status = 201, description = "Published; the policy with all its versions", body = PolicyDto),
        (status = 404, description = "No such policy", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The new version does not start after the latest one", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/warranty-policies/{id}/versions")]
pub async fn add_version(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<PolicyTerms>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let before = warranty_policies::find(&txn, *id).await.or_not_found("warranty policy")?;
    let spans: Vec<VersionSpan> = before
        .versions
        .iter()
        .map(|v| VersionSpan { version: v.version, effective_from: v.effective_from, effective_to: v.effective_to })
        .collect();
    let plan = plan_version(&spans, body.effective_from).map_err(|e| ApiError::Conflict(e.to_string()))?;
    let terms = terms_in(before.id, plan.version, &before.name, before.scope, &body).map_err(|e| match e {
        // The terms are the whole body here, not a `terms` member.
        ApiError::Validation(list) => ApiError::Validation(
            list.into_iter()
                .map(|mut f| {
                    f.field = f.field.trim_start_matches("terms.").to_owned();
                    f
                })
                .collect(),
        ),
        other => other,
    })?;
    if let Some(closed) = plan.closes {
        warranty_policies::close_version(&txn, before.id, closed, body.effective_from).await?;
    }
    let version =
        NewVersion { policy_id: before.id, version: plan.version, terms: &terms, created_by: Some(me.user_id) };
    warranty_policies::insert_version(&txn, version, now).await?;
    let out = policy_out(&warranty_policies::find(&txn, before.id).await?);
    let change = Change {
        action: "warranty_policy.publish_version",
        entity: "warranty_policy",
        entity_id: before.id,
        branch_id: None,
        before: snapshot(&policy_out(&before)),
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}
