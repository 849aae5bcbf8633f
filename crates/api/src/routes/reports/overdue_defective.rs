use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{OverdueDefectiveLine, OverdueDefectiveQuery, OverdueDefectiveReport};
use aftersales_persistence::defective_parts::{self, DefectiveFilter};
use aftersales_persistence::{parts, users};
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, Principal, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::workbook::{self, Cell, Sheet};
use crate::use_cases::reports::{MAX_LINES, report_filter, within_limit};

async fn load(
    state: &AppState,
    me: &Principal,
    query: OverdueDefectiveQuery,
) -> Result<OverdueDefectiveReport, ApiError> {
    report_filter(&state.db, me, query.branch_id, None).await?;
    let now = Utc::now();
    let filter = DefectiveFilter {
        overdue: Some(true),
        branch_id: query.branch_id,
        limit: MAX_LINES as u32,
        ..Default::default()
    };
    let rows = within_limit(defective_parts::list(&state.db, &me.scope, filter, now).await?)?;
    let mut part_names = BTreeMap::new();
    let mut people: BTreeMap<Uuid, String> = BTreeMap::new();
    let mut lines = Vec::with_capacity(rows.len());
    for row in rows {
        let d = row.part;
        if let Entry::Vacant(slot) = part_names.entry(d.part_id) {
            let part = parts::find(&state.db, d.part_id).await?;
            slot.insert((part.sku, part.name));
        }
        if let Entry::Vacant(slot) = people.entry(d.technician_id) {
            slot.insert(users::find(&state.db, d.technician_id).await?.display_name);
        }
        let (sku, part_name) = part_names.get(&d.part_id).cloned().unwrap_or_default();
        lines.push(OverdueDefectiveLine {
            defective_part_id: d.id,
            ticket_id: d.ticket_id,
            ticket_number: row.ticket_number,
            part_id: d.part_id,
            sku,
            part_name,
            technician_id: d.technician_id,
            technician_name: people.get(&d.technician_id).cloned().unwrap_or_default(),
            quantity: d.quantity,
            due_at: d.due_at,
            days_overdue: (now - d.due_at).num_days(),
        });
    }
    Ok(OverdueDefectiveReport { branch_id: query.branch_id, lines })
}

fn sheets(report: OverdueDefectiveReport) -> Vec<Sheet> {
    let rows = report
        .lines
        .into_iter()
        .map(|l| {
            vec![
                l.technician_name.into(),
                l.ticket_number.into(),
                l.sku.into(),
                l.part_name.into(),
                l.quantity.into(),
                Cell::Text(l.due_at.format("%Y-%m-%d %H:%M UTC").to_string()),
                l.days_overdue.into(),
            ]
        })
        .collect();
    vec![Sheet {
        name: "overdue_defective_returns",
        headers: &["technician", "ticket", "sku", "part", "quantity", "due_at", "days_overdue"],
        rows,
    }]
}

/// Old parts technicians still owe past their due time, in your branches (one
/// branch's with `branch_id`), the longest overdue first.
#[utoipa::path(
    get, path = "/api/v1/reports/overdue-defective-returns", tag = "reports",
    operation_id = "report_overdue_defective_returns",
    security(("bearer" = [])),
    params(OverdueDefectiveQuery),
    responses(
        (status = 200, description = "The report", body = OverdueDefectiveReport),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/overdue-defective-returns")]
pub async fn report_overdue_defective_returns(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<OverdueDefectiveQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(load(&state, &me, query).await?))
}

/// The overdue old parts as an XLSX workbook (sheet `overdue_defective_returns`).
#[utoipa::path(
    get, path = "/api/v1/reports/overdue-defective-returns.xlsx", tag = "reports",
    operation_id = "report_overdue_defective_returns_xlsx",
    security(("bearer" = [])),
    params(OverdueDefectiveQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/overdue-defective-returns.xlsx")]
pub async fn report_overdue_defective_returns_xlsx(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<OverdueDefectiveQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = load(&state, &me, query).await?;
    workbook::download("overdue-defective-returns.xlsx", sheets(report)).await
}
