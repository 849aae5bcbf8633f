//! The movements report over a period: cut at the branch's local midnight, both
//! days included, opening + in − out = closing, consecutive periods chain, and
//! everything agrees with the ledger.
use aftersales_domain::stock::MovementKind::{IssueToTicket, Receipt, WriteOff};
use aftersales_tests::{assert_problem, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

use super::{Data, cell, ledger_rows, lines_of, moved_at, report, sum, workbook};
use crate::stock::shelf;

fn int(v: &Value, key: &str) -> i64 {
    v[key].as_i64().unwrap_or_else(|| panic!("{key} in {v}"))
}

#[tokio::test]
async fn a_period_opens_and_closes_with_the_ledger_at_local_midnight() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "PERIOD").await;
    // Hà Nội is UTC+7: 17:00 UTC is local midnight.
    moved_at(&app, &shelf, Receipt, 10, Some(1_000), "2026-01-10T03:00:00Z").await;
    moved_at(&app, &shelf, IssueToTicket, 2, None, "2026-02-01T16:59:59Z").await; // 1 Feb, 23:59:59
    moved_at(&app, &shelf, Receipt, 8, Some(1_500), "2026-02-01T17:00:00Z").await; // 2 Feb, 00:00
    moved_at(&app, &shelf, IssueToTicket, 4, None, "2026-02-28T16:59:59Z").await; // 28 Feb, last second
    moved_at(&app, &shelf, WriteOff, 1, None, "2026-02-28T17:00:00Z").await; // 1 March

    let feb = report(&app, &keeper, "/api/v1/reports/stock-movements?from=2026-02-02&to=2026-02-28").await;
    assert_eq!(feb["time_zones"], serde_json::json!(["Asia/Ho_Chi_Minh"]));
    let kinds: Vec<(String, i64, i64, i64, i64, i64)> = lines_of(&feb, "movements", &shelf)
        .iter()
        .map(|m| {
            let kind = m["kind"].as_str().unwrap_or_default().to_owned();
            (
                kind,
                int(m, "count"),
                int(m, "quantity_in"),
                int(m, "quantity_out"),
                int(m, "value_in_minor"),
                int(m, "value_out_minor"),
            )
        })
        .collect();
    // 8 at 1 000 plus 8 at 1 500 is 16 at 1 250; four leave at 1 250.
    assert_eq!(kinds, [("issue_to_ticket".into(), 1, 0, 4, 0, 5_000), ("receipt".into(), 1, 8, 0, 12_000, 0)]);
    let feb_position = &lines_of(&feb, "positions", &shelf)[0];
    let numbers = |p: &Value| {
        [
            "opening_on_hand",
            "opening_value_minor",
            "quantity_in",
            "quantity_out",
            "closing_on_hand",
            "closing_value_minor",
        ]
        .map(|k| int(p, k))
    };
    assert_eq!(numbers(feb_position), [8, 8_000, 8, 4, 12, 15_000]);

    // March opens where February closed, and takes the write-off.
    let march = report(&app, &keeper, "/api/v1/reports/stock-movements?from=2026-03-01&to=2026-03-31").await;
    let march_position = &lines_of(&march, "positions", &shelf)[0];
    assert_eq!(numbers(march_position), [12, 15_000, 0, 1, 11, 13_750]);

    // One long period is the two together, and closes on the ledger.
    let both = report(&app, &keeper, "/api/v1/reports/stock-movements?from=2026-02-02&to=2026-03-31").await;
    assert_eq!(numbers(&lines_of(&both, "positions", &shelf)[0]), [8, 8_000, 8, 5, 11, 13_750]);
    let rows = ledger_rows(&app, &keeper, &shelf).await;
    assert_eq!((sum(&rows, "quantity"), sum(&rows, "value_delta_minor")), (11, 13_750));
    let last_in_february = rows.iter().rfind(|r| r["at"].as_str() < Some("2026-02-28T17:00:00Z"));
    assert_eq!(last_in_february.map(|r| int(r, "on_hand_after")), Some(12), "the ledger's own running total");

    // A period with no movements still shows what was held at the start.
    let april = report(&app, &keeper, "/api/v1/reports/stock-movements?from=2026-04-01&to=2026-04-01").await;
    assert_eq!(lines_of(&april, "movements", &shelf), Vec::<Value>::new());
    assert_eq!(numbers(&lines_of(&april, "positions", &shelf)[0]), [11, 13_750, 0, 0, 11, 13_750]);

    let path =
        format!("/api/v1/reports/stock-movements.xlsx?from=2026-02-02&to=2026-02-28&warehouse_id={}", shelf.warehouse);
    let mut book = workbook(&app, &keeper, &path).await;
    assert_eq!(cell(&mut book, "movements", (2, 3)), Data::String("receipt".into()));
    assert_eq!(cell(&mut book, "movements", (2, 7)), Data::Float(12_000.0), "value in");
    assert_eq!(cell(&mut book, "opening_closing", (0, 6)), Data::String("closing".into()));
    assert_eq!(cell(&mut book, "opening_closing", (1, 6)), Data::Float(12.0));
}

#[tokio::test]
async fn a_bad_period_is_refused_naming_the_field() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let cases = [
        ("/api/v1/reports/stock-movements?from=2026-03-02&to=2026-03-01", "to"),
        ("/api/v1/reports/stock-movements?from=2025-01-01&to=2026-01-02", "to"),
        ("/api/v1/reports/stock-movements.xlsx?from=2026-02-30&to=2026-03-01", "from"),
        ("/api/v1/reports/parts-used?from=2026-03-01&to=yesterday", "to"),
        ("/api/v1/reports/parts-used?from=2026-03-01&to=2026-03-02&group_by=customer", "group_by"),
        ("/api/v1/reports/parts-used.xlsx?from=2026-03-02&to=2026-03-01", "to"),
    ];
    for (path, field) in cases {
        let problem =
            assert_problem(app.get(path, &keeper).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(problem["errors"][0]["field"], field, "{path}: {problem}");
    }
    let leap_year = "/api/v1/reports/stock-movements?from=2024-01-01&to=2024-12-31";
    assert_eq!(app.get(leap_year, &keeper).await.status(), StatusCode::OK, "366 days are allowed");
}
