use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, web};
use aftersales_api_types::orders::{ChangeOrderStatus, CreateOrder, OrderDto, OrderQuery, OrderSummaryDto};
use aftersales_api_types::{Page, Problem};
use uuid::Uuid;

use crate::auth::{StaffOrPartner, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, ValidatedQuery, etag};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, orders};

/// Take in an order a platform sold. Units with a serial are registered once the
/// order is shipped or delivered (their warranties run from the order's dates),
/// and each model that needs installing gets an installation ticket.
#[utoipa::path(
    post, path = "/api/v1/orders", tag = "orders", operation_id = "create_order",
    security(("bearer" = []), ("api_key" = [])),
    request_body = CreateOrder,
    responses(
        (status = 201, description = "Taken in", body = OrderDto,
            headers(("Location" = String, description = "URL of the order"), ("ETag" = String, description = "Version of the order"))),
        (status = 404, description = "No such partner in your reach", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order number or a serial is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/orders")]
pub async fn create_order(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageOrders>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateOrder>,
) -> Result<HttpResponse, ApiError> {
    let created = orders::create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(created, |o: &OrderDto| format!("/api/v1/orders/{}", o.id), |o| o.version))
}

/// Orders you see (a platform's key: its own), newest first.
#[utoipa::path(
    get, path = "/api/v1/orders", tag = "orders", operation_id = "list_orders",
    security(("bearer" = []), ("api_key" = [])),
    params(OrderQuery),
    responses((status = 200, description = "A page of orders", body = Page<OrderSummaryDto>))
)]
#[get("/api/v1/orders")]
pub async fn list_orders(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageOrders>,
    ValidatedQuery(query): ValidatedQuery<OrderQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(orders::list::list(&state.db, &me, query).await?))
}

/// One order with its lines, its status history and its returns.
#[utoipa::path(
    get, path = "/api/v1/orders/{id}", tag = "orders", operation_id = "get_order",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Order id")),
    responses(
        (status = 200, description = "The order", body = OrderDto, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such order in your reach", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/orders/{id}")]
pub async fn get_order(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageOrders>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let order = orders::list::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(order.version))).json(order))
}

/// A status message: the order moves one step of its lifecycle (new → confirmed
/// → shipped → delivered; cancellation requested → accepted → cancelled). Serials
/// learned since are sent with it.
#[utoipa::path(
    post, path = "/api/v1/orders/{id}/status", tag = "orders", operation_id = "change_order_status",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Order id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = ChangeOrderStatus,
    responses(
        (status = 200, description = "Moved", body = OrderDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such order in your reach", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The lifecycle does not allow this step, or a serial is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/orders/{id}/status")]
pub async fn change_order_status(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageOrders>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<ChangeOrderStatus>,
) -> Result<HttpResponse, ApiError> {
    let actor = Actor::new(me, request_id, key);
    let moved = orders::status::change_status(&state.db, &actor, *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, moved, |o| o.version))
}
