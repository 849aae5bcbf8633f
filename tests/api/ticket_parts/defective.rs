//! The old part taken out of a unit: owed by the technician, overdue after its due
//! date, and handed in to the quarantine shelf once.
use aftersales_persistence::{ConnectionTrait, DbBackend, Statement};
use aftersales_tests::{assert_problem, json};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::json;

use super::{Bench, fields};
use crate::tickets::id_of;

#[tokio::test]
async fn an_old_part_is_owed_until_handed_in_and_listed_overdue_after_its_due_date() {
    let b = Bench::new("TP-OWED", 40).await;
    b.stock_in(&b.main, 1).await;
    b.done(&b.keeper, "issue", &b.main, 1).await;
    let recorded = json(b.record(&b.tech, 1, 0, 1).await).await;
    let owed_id = id_of(&recorded["defective_parts"][0]);

    let mine = json(b.app.get(&format!("/api/v1/defective-parts?technician_id={}", b.tech_id), &b.keeper).await).await;
    assert_eq!(mine["items"][0]["id"], owed_id.as_str());
    assert_eq!(mine["items"][0]["overdue"], false);
    let names = (&mine["items"][0]["technician_name"], &mine["items"][0]["part_sku"]);
    assert_eq!(names, (&json!("Nguyễn Văn An"), &json!("DK-CMP-FTKB")), "the list carries the names it shows");
    let arrears = json(b.app.get("/api/v1/defective-parts/overdue-by-technician", &b.keeper).await).await;
    assert_eq!(arrears, json!([]));

    // No request moves time on: the due date is put in the past in storage.
    let backend = b.app.db.get_database_backend();
    let mark = if backend == DbBackend::Postgres { ["$1", "$2"] } else { ["?", "?"] };
    let sql = format!("UPDATE defective_parts SET due_at = {} WHERE id = {}", mark[0], mark[1]);
    let due = Utc::now() - Duration::days(1);
    let values = vec![due.into(), uuid::Uuid::parse_str(&owed_id).unwrap_or_default().into()];
    b.app.db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.unwrap_or_else(|e| panic!("{e}"));

    let overdue = json(b.app.get("/api/v1/defective-parts?overdue=true&status=owed", &b.keeper).await).await;
    assert_eq!(overdue["items"][0]["id"], owed_id.as_str());
    assert_eq!(overdue["items"][0]["overdue"], true);
    let arrears = json(b.app.get("/api/v1/defective-parts/overdue-by-technician", &b.keeper).await).await;
    assert_eq!(arrears[0]["technician_id"], b.tech_id.as_str());
    assert_eq!(arrears[0]["technician_name"], "Nguyễn Văn An");
    assert_eq!((arrears[0]["count"].clone(), arrears[0]["quantity"].clone()), (json!(1), json!(1)));
    assert_eq!(arrears.as_array().map(Vec::len), Some(1));
    let dashboard = json(b.app.get("/api/v1/dashboard", &b.keeper).await).await;
    assert_eq!(dashboard["overdue_defective_returns"], 1, "{dashboard}");
    let report = json(b.app.get("/api/v1/reports/overdue-defective-returns", &b.keeper).await).await;
    let line = &report["lines"][0];
    assert_eq!(
        (line["defective_part_id"].as_str(), line["sku"].as_str()),
        (Some(owed_id.as_str()), Some("DK-CMP-FTKB"))
    );
    assert_eq!((line["technician_name"].as_str(), line["days_overdue"].as_i64()), (Some("Nguyễn Văn An"), Some(1)));
    let workbook = b.app.get("/api/v1/reports/overdue-defective-returns.xlsx", &b.keeper).await;
    assert_eq!(workbook.status(), StatusCode::OK);
    let kind = workbook.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(kind.contains("spreadsheetml"), "{kind}");

    let path = format!("/api/v1/defective-parts/{owed_id}/receive");
    let to_shelf = b.app.post(&path, &b.keeper, &json!({"warehouse_id": b.main})).await;
    let problem = assert_problem(to_shelf, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(fields(&problem), vec!["warehouse_id"]);
    assert_problem(
        b.app.post(&path, &b.tech, &json!({"warehouse_id": b.quarantine})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    let received = b.app.post(&path, &b.keeper, &json!({"warehouse_id": b.quarantine})).await;
    assert_eq!(received.status(), StatusCode::OK);
    let received = json(received).await;
    assert_eq!(received["defective_part"]["status"], "received");
    assert_eq!(received["defective_part"]["received_warehouse_id"], b.quarantine.as_str());
    assert_eq!(received["movement"]["kind"], "defective_return");
    assert_eq!(received["stock"]["value_minor"], 0, "an old part is worth nothing on the quarantine shelf");
    assert_eq!(b.stock(&b.quarantine).await, (1, 0));
    let twice = b.app.post(&path, &b.keeper, &json!({"warehouse_id": b.quarantine})).await;
    assert_problem(twice, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(b.stock(&b.quarantine).await, (1, 0), "received once");

    let arrears = json(b.app.get("/api/v1/defective-parts/overdue-by-technician", &b.keeper).await).await;
    assert_eq!(arrears, json!([]));
    let report = json(b.app.get("/api/v1/reports/overdue-defective-returns", &b.keeper).await).await;
    assert_eq!(report["lines"], json!([]), "handed in: no longer overdue");
    let tehran = b.app.token("clerk.teh01").await;
    let elsewhere = json(b.app.get("/api/v1/defective-parts", &tehran).await).await;
    assert_eq!(elsewhere["items"], json!([]), "another branch's old parts are not listed");
}
