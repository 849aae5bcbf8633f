use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{CategoryDto, CreateCategory};
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::categories;
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::catalogue::categories::check_new_parent;
use crate::use_cases::catalogue::entity;

/// Add a product category, top-level or under another.
#[utoipa::path(
    post, path = "/api/v1/product-categories", tag = "catalogue", operation_id = "create_product_category",
    security(("bearer" = [])),
    request_body = CreateCategory,
    responses(
        (status = 201, description = "Created", body = CategoryDto,
            headers(("Location" = String, description = "URL of the new category"), ("ETag" = String, description = "Version of the category"))),
        (status = 409, description = "The code is taken, or the tree would be too deep", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/product-categories")]
pub async fn create_category(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<CreateCategory>,
) -> Result<HttpResponse, ApiError> {
    let id = Uuid::now_v7();
    let txn = begin_write(&state.db).await?;
    if let Some(parent_id) = body.parent_id {
        check_new_parent(&txn, id, parent_id).await?;
    }
    let new =
        categories::NewCategory { id, code: body.code, name: body.name.trim().to_owned(), parent_id: body.parent_id };
    let category = categories::insert(&txn, new, Utc::now()).await?;
    let out = dto::category_out(&category);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_category.create",
            entity: entity::CATEGORY,
            entity_id: id,
            branch_id: None,
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/product-categories/{id}")))
        .insert_header((header::ETAG, etag(category.version)))
        .json(out))
}
