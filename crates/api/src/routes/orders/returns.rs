use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use aftersales_api_types::orders::{DecideReturn, OrderReturnDto, RequestReturn, ReturnedUnitsQuery};
use aftersales_api_types::{Page, Problem};
use uuid::Uuid;

use crate::auth::{Authorized, StaffOrPartner, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, ValidatedQuery};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, orders};

/// Ask for a return or an exchange of one unit of a delivered order: a
/// return/exchange ticket is opened for it, on which the unit is inspected.
#[utoipa::path(
    post, path = "/api/v1/orders/{id}/returns", tag = "orders", operation_id = "request_order_return",
    security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path, description = "Order id")),
    request_body = RequestReturn,
    responses(
        (status = 201, description = "Asked for; `ticket_id` is the return/exchange ticket", body = OrderReturnDto,
            headers(("Location" = String, description = "URL of the order"))),
        (status = 404, description = "No such order in your reach", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order is not with the customer, or the unit's request is still open", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/orders/{id}/returns")]
pub async fn request_order_return(
    state: web::Data<AppState>,
    StaffOrPartner(me, ..): StaffOrPartner<need::ManageOrders>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<RequestReturn>,
) -> Result<HttpResponse, ApiError> {
    let actor = Actor::new(me, request_id, key);
    let asked = orders::returns::request_return(&state.db, &actor, *id, body).await?;
    Ok(reply::created_at(asked, |r: &OrderReturnDto| format!("/api/v1/orders/{}", r.order_id)))
}

/// Decide a return or exchange once the unit is inspected: refund or exchange
/// (the unit goes to a returns warehouse; an exchange unit is registered to the
/// buyer), repair or rejection (the unit goes back). The platform is told
/// (`return.decided`). Office staff only.
#[utoipa::path(
    post, path = "/api/v1/order-returns/{id}/decision", tag = "orders", operation_id = "decide_order_return",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Return id"),
        ("If-Match" = Option<String>, Header, description = "The ETag (version) of the return you read")),
    request_body = DecideReturn,
    responses(
        (status = 200, description = "Decided", body = OrderReturnDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such return in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Decided already, or the exchange serial is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/order-returns/{id}/decision")]
pub async fn decide_order_return(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageOrders>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<DecideReturn>,
) -> Result<HttpResponse, ApiError> {
    let actor = Actor::new(me, request_id, key);
    let decided = orders::decide::decide(&state.db, &actor, *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, decided, |r| r.version))
}

/// The units returned by customers and kept in a returns warehouse, newest first.
#[utoipa::path(
    get, path = "/api/v1/warehouses/{id}/returned-units", tag = "orders", operation_id = "list_returned_units",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Warehouse id"), ReturnedUnitsQuery),
    responses(
        (status = 200, description = "A page of decided returns whose unit is kept here", body = Page<OrderReturnDto>),
        (status = 404, description = "No such warehouse in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/warehouses/{id}/returned-units")]
pub async fn list_returned_units(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageOrders>,
    id: web::Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<ReturnedUnitsQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(orders::list::returned_units(&state.db, &me, *id, query).await?))
}
