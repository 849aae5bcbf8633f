//! Parts used for tickets: issued minus returned unused, per ticket and per
//! technician, from the ledger; and parts below their reorder point.
use aftersales_domain::stock::MovementKind::{ReturnUnused, Sale};
use aftersales_tests::spawn_app;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use super::{Data, cell, issue, ledger_rows, moved, report, str_of, ticket, workbook};
use crate::dispatch::send_technician;
use crate::stock::{receive, shelf};

fn today_window(base: &str) -> String {
    let today = Utc::now().date_naive();
    format!("{base}from={}&to={}", today - Duration::days(1), today + Duration::days(1))
}

fn line_of<'a>(report: &'a Value, key: &str, value: &Value) -> Option<&'a Value> {
    report["lines"].as_array()?.iter().find(|l| &l[key] == value)
}

#[tokio::test]
async fn parts_used_are_issues_net_of_unused_returns_per_ticket_and_per_technician() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "USED").await;
    assert_eq!(receive(&app, &keeper, &shelf, 10, "1000000").await.status(), StatusCode::CREATED);
    let (repaired, repaired_number) = ticket(&app, "0912 300 101").await;
    let (waiting, waiting_number) = ticket(&app, "0912 300 102").await;
    let technician = send_technician(&app, &repaired, "tech.hn01").await;
    issue(&app, &keeper, &shelf, 3, Some(&repaired)).await;
    issue(&app, &keeper, &shelf, 2, Some(&waiting)).await;
    issue(&app, &keeper, &shelf, 1, None).await; // for no ticket: not a part used on one
    moved(&app, &shelf, Sale, 1, None, None, Utc::now()).await;
    moved(&app, &shelf, ReturnUnused, 1, Some(1_000_000), Some(&repaired), Utc::now()).await;

    let by_ticket = report(&app, &keeper, &today_window("/api/v1/reports/parts-used?")).await;
    assert_eq!(by_ticket["group_by"], "ticket");
    assert_eq!(by_ticket["lines"].as_array().map(Vec::len), Some(2), "{by_ticket}");
    let line = line_of(&by_ticket, "ticket_id", &repaired.clone().into()).cloned().unwrap_or_default();
    assert_eq!(line["ticket_number"], repaired_number.as_str());
    assert_eq!(
        (line["technician_id"].as_str(), line["technician_name"].as_str()),
        (Some(technician.as_str()), Some("Nguyễn Văn An"))
    );
    let figures = |l: &Value| ["issued", "returned", "quantity", "value_minor"].map(|k| l[k].as_i64().unwrap_or(-1));
    assert_eq!(figures(&line), [3, 1, 2, 2_000_000]);
    let line = line_of(&by_ticket, "ticket_id", &waiting.clone().into()).cloned().unwrap_or_default();
    assert_eq!((line["ticket_number"].as_str(), line["technician_id"].as_str()), (Some(waiting_number.as_str()), None));
    assert_eq!(figures(&line), [2, 0, 2, 2_000_000]);

    // The report is the ledger's ticket rows, netted.
    let rows = ledger_rows(&app, &keeper, &shelf).await;
    let for_tickets: Vec<&Value> = rows.iter().filter(|r| !r["ticket_id"].is_null()).collect();
    let net: i64 = for_tickets.iter().map(|r| r["quantity"].as_i64().unwrap_or_default()).sum();
    let value: i64 = for_tickets.iter().map(|r| r["value_delta_minor"].as_i64().unwrap_or_default()).sum();
    assert_eq!((-net, -value), (4, 4_000_000));

    let by_technician = report(&app, &keeper, &today_window("/api/v1/reports/parts-used?group_by=technician&")).await;
    let theirs = line_of(&by_technician, "technician_id", &technician.clone().into()).cloned().unwrap_or_default();
    assert_eq!(
        (theirs["tickets"].as_i64(), theirs["quantity"].as_i64(), theirs["ticket_id"].as_str()),
        (Some(1), Some(2), None)
    );
    let nobody = line_of(&by_technician, "technician_id", &Value::Null).cloned().unwrap_or_default();
    assert_eq!((nobody["tickets"].as_i64(), nobody["quantity"].as_i64()), (Some(1), Some(2)));

    let last_year = "/api/v1/reports/parts-used?from=2025-01-01&to=2025-12-31";
    assert_eq!(report(&app, &keeper, last_year).await["lines"], serde_json::json!([]), "outside the period");

    let mut book = workbook(&app, &keeper, &today_window("/api/v1/reports/parts-used.xlsx?")).await;
    let first_ticket = if repaired_number < waiting_number { &repaired_number } else { &waiting_number };
    assert_eq!(cell(&mut book, "parts_used", (1, 0)), Data::String(first_ticket.clone()));
    assert_eq!(cell(&mut book, "parts_used", (1, 5)), Data::Float(2.0));
    assert_eq!(cell(&mut book, "parts_used", (1, 6)), Data::Float(2_000_000.0));
}

#[tokio::test]
async fn parts_below_their_reorder_point_are_listed_with_the_shortfall() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let admin = app.token("admin").await;
    let shelf = shelf(&app, "LOW").await; // reorder point 2
    let hn01 = app.branch_id(&admin, "HN01").await;
    let listed = |report: &Value| {
        line_of(report, "part_id", &shelf.part.clone().into())
            .map(|l| [l["on_hand"].as_i64(), l["reorder_point"].as_i64(), l["shortfall"].as_i64()])
    };
    let per_shelf = format!("/api/v1/reports/below-reorder-point?warehouse_id={}", shelf.warehouse);
    let branch = format!("/api/v1/reports/below-reorder-point?branch_id={hn01}");
    assert_eq!(listed(&report(&app, &keeper, &per_shelf).await), Some([Some(0), Some(2), Some(2)]), "none at all");

    assert_eq!(receive(&app, &keeper, &shelf, 1, "1000000").await.status(), StatusCode::CREATED);
    assert_eq!(listed(&report(&app, &keeper, &branch).await), Some([Some(1), Some(2), Some(1)]));

    assert_eq!(receive(&app, &keeper, &shelf, 1, "1000000").await.status(), StatusCode::CREATED);
    assert_eq!(listed(&report(&app, &keeper, &per_shelf).await), None, "at the reorder point is not below it");
    assert_eq!(listed(&report(&app, &keeper, "/api/v1/reports/below-reorder-point").await), None);

    // Per warehouse: another warehouse of the branch holds none of it.
    let warehouses = super::report(&app, &keeper, &format!("/api/v1/warehouses?branch_id={hn01}&limit=200")).await;
    let main = warehouses["items"]
        .as_array()
        .and_then(|w| w.iter().find(|w| w["code"] == "HN01-MAIN"))
        .map(|w| str_of(&w["id"]));
    let main = main.unwrap_or_else(|| panic!("HN01-MAIN: {warehouses}"));
    let elsewhere = format!("/api/v1/reports/below-reorder-point?warehouse_id={main}");
    assert_eq!(listed(&report(&app, &keeper, &elsewhere).await), Some([Some(0), Some(2), Some(2)]));

    // A discontinued part is not reordered.
    let response =
        app.patch(&format!("/api/v1/parts/{}", shelf.part), &admin, &serde_json::json!({"active": false})).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(listed(&report(&app, &keeper, &elsewhere).await), None);

    let mut book =
        workbook(&app, &keeper, &format!("/api/v1/reports/below-reorder-point.xlsx?warehouse_id={main}")).await;
    assert_eq!(cell(&mut book, "below_reorder_point", (0, 4)), Data::String("shortfall".into()));
}
