use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::warranty::{CreatePolicy, PolicyDto};
use aftersales_persistence::begin_write;
use aftersales_persistence::warranty_policies::{self, NewVersion};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::state::AppState;
use crate::warranty_dto::{policy_out, scope_in, terms_in};

/// Write a warranty policy for a brand, category or model; its terms become version 1.
#[utoipa::path(
    post, path = "/api/v1/warranty-policies", tag = "warranty", operation_id = "create_warranty_policy",
    security(("bearer" = [])),
    request_body = CreatePolicy,
    responses((status = 201, description = "Created", body = PolicyDto,
        headers(("Location" = String, description = "URL of the new policy")))),
)]
#[post("/api/v1/warranty-policies")]
pub async fn create_policy(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageWarranty>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<CreatePolicy>,
) -> Result<HttpResponse, ApiError> {
    let id = Uuid::now_v7();
    let name = body.name.trim();
    let scope = scope_in(body.scope);
    let terms = terms_in(id, 1, name, scope, &body.terms)?;
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    crate::use_cases::warranty::ensure_scope_exists(&txn, scope).await?;
    warranty_policies::insert_policy(&txn, id, name, scope, now).await?;
    let version = NewVersion { policy_id: id, version: 1, terms: &terms, created_by: Some(me.user_id) };
    warranty_policies::insert_version(&txn, version, now).await?;
    let out = policy_out(&warranty_policies::find(&txn, id).await?);
    let change = Change {
        action: "warranty_policy.create",
        entity: "warranty_policy",
        entity_id: id,
        branch_id: None,
        before: None,
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/warranty-policies/{id}"))).json(out))
}
