use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::tracking::qr;

/// The QR code of the ticket's public tracking link (`{public_url}/track/{code}`) as SVG.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/qr.svg", tag = "tickets", operation_id = "ticket_qr_svg",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "An SVG image", content_type = "image/svg+xml", body = String),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/qr.svg")]
pub async fn ticket_qr_svg(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let svg = qr::svg(&state.db, &me, &state.config, *id).await?;
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(svg))
}

/// The QR code of the ticket's public tracking link (`{public_url}/track/{code}`) as PNG.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/qr.png", tag = "tickets", operation_id = "ticket_qr_png",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "A PNG image", content(("image/png"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/qr.png")]
pub async fn ticket_qr_png(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let png = qr::png(&state.db, &me, &state.config, *id).await?;
    Ok(HttpResponse::Ok()
        .content_type("image/png")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(png))
}
