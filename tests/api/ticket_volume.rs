//! The ticket-volume report: tickets taken in and closed per branch and month,
//! each branch's months cut at its own local midnight, in the Gregorian or the
//! Jalali calendar; the XLSX has the same numbers; nobody sees another's branch.
use aftersales_persistence::{ConnectionTrait, DbBackend, Statement};
use aftersales_tests::{TestApp, assert_problem, json};
use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::dispatch::desk;

/// Moves a ticket's intake (and closing, when given) to other instants, as if
/// it had been taken in then: the report reads only these two columns.
async fn happened(app: &TestApp, ticket: &Value, created: &str, closed: Option<&str>) {
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_else(|e| panic!("{s}: {e}"));
    let id: uuid::Uuid = ticket["id"].as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("{ticket}"));
    let backend = app.db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "UPDATE tickets SET created_at = $1, closed_at = COALESCE($2, closed_at) WHERE id = $3",
        _ => "UPDATE tickets SET created_at = ?, closed_at = COALESCE(?, closed_at) WHERE id = ?",
    };
    let values = [at(created).into(), closed.map(at).into(), id.into()];
    app.db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.unwrap_or_else(|e| panic!("{e}"));
}

async fn cancel(app: &TestApp, token: &str, ticket: &Value) {
    let path = format!("/api/v1/tickets/{}/transitions", ticket["id"].as_str().unwrap_or_default());
    let response = app.post(&path, token, &json!({"to": "cancelled", "note": "customer withdrew"})).await;
    assert_eq!(response.status(), StatusCode::OK, "cancel");
}

fn line<'a>(report: &'a Value, branch: &str, month: &str) -> &'a Value {
    report["lines"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|l| l["branch_code"] == branch && l["month"] == month)
        .unwrap_or_else(|| panic!("no line for {branch} in {month}: {report}"))
}

#[tokio::test]
async fn tickets_are_counted_in_their_branch_s_local_month_and_closing_times_averaged() {
    let desk = desk().await;
    let app = &desk.app;
    let t = [desk.take_in().await, desk.take_in().await, desk.take_in().await, desk.take_in().await];
    // Hà Nội is UTC+7: 17:00 UTC is local midnight.
    happened(app, &t[0], "2026-01-31T16:59:59Z", None).await; // 31 January, 23:59:59
    happened(app, &t[1], "2026-01-31T17:00:00Z", None).await; // 1 February, 00:00
    for ticket in &t[2..] {
        cancel(app, &desk.dispatcher, ticket).await;
    }
    // Taken in during February, closed 10 and 20 hours later, still in February.
    happened(app, &t[2], "2026-02-10T00:00:00Z", Some("2026-02-10T10:00:00Z")).await;
    happened(app, &t[3], "2026-02-11T00:00:00Z", Some("2026-02-11T20:00:00Z")).await;

    let path = "/api/v1/reports/ticket-volume?from=2026-01-01&to=2026-03-31";
    let report = json(app.get(path, &desk.dispatcher).await).await;
    let labels: Vec<&str> =
        report["months"].as_array().into_iter().flatten().filter_map(|m| m["label"].as_str()).collect();
    assert_eq!(labels, ["2026-01", "2026-02", "2026-03"]);
    let january = line(&report, "HN01", "2026-01");
    assert_eq!((january["received"].clone(), january["closed"].clone()), (json!(1), json!(0)), "{january}");
    assert_eq!(january["mean_hours_to_close"], Value::Null);
    let february = line(&report, "HN01", "2026-02");
    assert_eq!(february["received"], 3, "{february}");
    assert_eq!(
        february["received_by_kind"],
        json!({"repair": 3, "installation": 0, "maintenance": 0, "return_exchange": 0})
    );
    assert_eq!(february["closed"], 2, "{february}");
    let mean = february["mean_hours_to_close"].as_f64().unwrap_or_default();
    assert!((mean - 15.0).abs() < 0.01, "(10 + 20) / 2 hours, not {mean}");
    assert!(report["lines"].as_array().into_iter().flatten().all(|l| l["month"] != "2026-03"), "March had nothing");

    // The same tickets in the Jalali months: Bahman 1404 runs from 21 January to
    // 19 February, so all four fall in it.
    let jalali = json(app.get(&format!("{path}&calendar=jalali"), &desk.dispatcher).await).await;
    let bahman = line(&jalali, "HN01", "1404-11");
    assert_eq!((bahman["received"].clone(), bahman["closed"].clone()), (json!(4), json!(2)), "{jalali}");
    assert_eq!(jalali["months"][0]["label"], "1404-10", "Dey 1404 holds 1 January 2026");

    // The workbook has the same numbers.
    let download = app.get(&path.replace("ticket-volume", "ticket-volume.xlsx"), &desk.dispatcher).await;
    assert_eq!(download.status(), StatusCode::OK);
    let bytes = download.bytes().await.unwrap_or_else(|e| panic!("{e}"));
    let mut book = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap_or_else(|e| panic!("{e}"));
    let sheet = book.worksheet_range("ticket_volume").unwrap_or_else(|e| panic!("{e}"));
    let row = sheet
        .rows()
        .find(|r| r.get(2) == Some(&Data::String("2026-02".into())))
        .unwrap_or_else(|| panic!("no February row"));
    assert_eq!(
        (row[3].clone(), row[10].clone(), row[11].clone()),
        (Data::Float(3.0), Data::Float(2.0), Data::Float(15.0))
    );
}

#[tokio::test]
async fn another_branch_s_tickets_stay_out_and_a_bad_period_is_refused_by_field() {
    let desk = desk().await;
    let app = &desk.app;
    desk.take_in().await;
    // The report's days are the outlet's: Hà Nội is UTC+7 all year, so from 17:00 UTC
    // its today is the UTC tomorrow.
    let today = (Utc::now() + chrono::Duration::hours(7)).date_naive();
    let path = format!("/api/v1/reports/ticket-volume?from={today}&to={today}");
    let tehran = app.token("clerk.teh01").await;
    let theirs = json(app.get(&path, &tehran).await).await;
    assert_eq!(theirs["lines"], json!([]), "Tehran sees none of Hà Nội's tickets: {theirs}");
    let ours = json(app.get(&path, &desk.admin).await).await;
    assert_eq!(line(&ours, "HN01", &today.format("%Y-%m").to_string())["received"], 1);

    let elsewhere = app.get(&format!("{path}&branch_id={}", desk.hn01), &tehran).await;
    let problem = assert_problem(elsewhere, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "branch_id", "{problem}");
    let reversed = app.get("/api/v1/reports/ticket-volume?from=2026-03-01&to=2026-02-01", &desk.admin).await;
    let problem = assert_problem(reversed, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "to", "{problem}");
    let calendar = app.get(&format!("{path}&calendar=lunar"), &desk.admin).await;
    let problem = assert_problem(calendar, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "calendar", "{problem}");
}
