use std::collections::HashSet;

use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::transfers::{CreateTransfer, TransferDto};
use aftersales_domain::regional::local_date;
use aftersales_domain::stock::numbering::{DocumentSeries, document_number};
use aftersales_persistence::transfers::{self, NewTransfer};
use aftersales_persistence::warehouses::{self, Warehouse};
use aftersales_persistence::{ConnectionTrait, StoreError, begin_write, branches, document_counters};
use chrono::{Datelike, Utc};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto::optional;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::stock::{movable_part, movable_warehouse};
use crate::use_cases::transfers::{ENTITY, transfer_out};

/// Draft a transfer of parts from a warehouse of your part of the network to any
/// other open warehouse. Nothing moves until it is shipped.
///
/// Each line names an active part, once, and 1 to 1 000 000 of it; a bad line is
/// a 422 naming it (`lines[2].quantity`). The number (`TR-HN01-2026-000001`)
/// follows the source branch's series without gaps.
#[utoipa::path(
    post, path = "/api/v1/transfers", tag = "transfers", operation_id = "create_transfer",
    security(("bearer" = [])),
    request_body = CreateTransfer,
    responses(
        (status = 201, description = "Drafted", body = TransferDto,
            headers(("Location" = String, description = "URL of the new transfer"), ("ETag" = String, description = "Version of the transfer"))),
    )
)]
#[post("/api/v1/transfers")]
pub async fn create_transfer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<CreateTransfer>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let from = movable_warehouse(&txn, &me, body.from_warehouse_id, "from_warehouse_id").await?;
    let to = destination(&txn, &from, body.to_warehouse_id).await?;
    let mut seen = HashSet::new();
    for (i, line) in body.lines.iter().enumerate() {
        let field = format!("lines[{i}].part_id");
        movable_part(&txn, line.part_id, &field).await?;
        if !seen.insert(line.part_id) {
            return Err(ApiError::field(&field, "duplicate", "each part once; add the quantities up"));
        }
    }
    let branch = branches::find(&txn, from.branch_id).await?;
    let year = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive()).year();
    let sequence = document_counters::next(&txn, branch.id, DocumentSeries::Transfer, year).await?;
    let new = NewTransfer {
        number: document_number(DocumentSeries::Transfer, &branch.code, year, sequence),
        from_warehouse_id: from.id,
        to_warehouse_id: to.id,
        from_branch_id: from.branch_id,
        to_branch_id: to.branch_id,
        note: optional(body.note),
        created_by: me.user_id,
        lines: body.lines.iter().map(|l| (l.part_id, l.quantity)).collect(),
    };
    let transfer = transfers::insert(&txn, new, now).await?;
    let out = transfer_out(&transfer);
    let change = Change {
        action: "transfer.create",
        entity: ENTITY,
        entity_id: transfer.id,
        branch_id: Some(transfer.from_branch_id),
        before: None,
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/transfers/{}", transfer.id)))
        .insert_header((header::ETAG, etag(transfer.version)))
        .json(out))
}

/// The destination: any open warehouse of the network but the source (422 on
/// `to_warehouse_id` otherwise). Sending parts up to the regional store or across
/// to another outlet is the point of a transfer, so it need not be the sender's.
async fn destination(db: &impl ConnectionTrait, from: &Warehouse, id: Uuid) -> Result<Warehouse, ApiError> {
    const FIELD: &str = "to_warehouse_id";
    if id == from.id {
        return Err(ApiError::field(FIELD, "same_warehouse", "the destination must differ from the source"));
    }
    let to = match warehouses::find(db, id).await {
        Err(StoreError::NotFound) => return Err(ApiError::field(FIELD, "unknown_warehouse", "no such warehouse")),
        other => other?,
    };
    if !to.active {
        return Err(ApiError::field(
            FIELD,
            "inactive_warehouse",
            "this warehouse is closed; stock no longer moves in it",
        ));
    }
    Ok(to)
}
