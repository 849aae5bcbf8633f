//! Bulk import of product models and serials (CSV, XLSX), all or nothing per file,
//! as background jobs; and export to XLSX that imports again.
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use aftersales_persistence::{ConnectionTrait, Statement};
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, Response, StatusCode};
use serde_json::Value;

const CSV: &str = "text/csv";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SERIAL_HEADER: &str = "brand_code,sku,serial,lot,manufacture_date,sale_date,sale_document,seller,\
                             delivery_date,installation_date,warranty_card_number\n";

async fn send(app: &TestApp, token: &str, path: &str, content_type: &str, body: Vec<u8>) -> Response {
    app.request(Method::POST, path, Some(token))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

/// Uploads a file and waits for its job to finish; returns the finished job.
async fn import(app: &TestApp, token: &str, kind: &str, dry_run: bool, content_type: &str, body: Vec<u8>) -> Value {
    let path = format!("/api/v1/imports/{kind}?dry_run={dry_run}");
    let response = send(app, token, &path, content_type, body).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let job = json(response).await;
    assert_eq!(location, format!("/api/v1/imports/{}", job["id"].as_str().unwrap_or_default()));
    assert_eq!(job["kind"], kind);
    wait(app, token, &location).await
}

async fn wait(app: &TestApp, token: &str, location: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let job = json(app.get(location, token).await).await;
        if job["status"] != "running" {
            assert_eq!(job["processed_rows"], job["total_rows"], "{job}");
            return job;
        }
        assert!(job["processed_rows"].as_i64() <= job["total_rows"].as_i64());
        assert!(Instant::now() < deadline, "job still running: {job}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let backend = app.db.get_database_backend();
    let row = app.db.query_one_raw(Statement::from_string(backend, sql.to_owned())).await;
    row.ok().flatten().and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or(-1)
}

/// (row, column) of every error of a job.
fn errors(job: &Value) -> Vec<(u64, String)> {
    job["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| (e["row"].as_u64().unwrap_or(0), e["column"].as_str().unwrap_or_default().to_owned()))
        .collect()
}

fn message(job: &Value, row: u64) -> String {
    let found = job["errors"].as_array().into_iter().flatten().find(|e| e["row"] == row);
    found.and_then(|e| e["message"].as_str()).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_dry_run_lists_every_bad_row_and_the_fixed_file_imports() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    // The demo data has a few units already.
    let seeded = count(&app, "SELECT COUNT(*) FROM serials").await;
    let bad = format!(
        "{SERIAL_HEADER}\
         DAIKIN,ftkb25wvmv,DK-0001,L1,2026-01-05,2026-02-01,INV-1,Shop A,2026-02-02,2026-02-03,WC-1\n\
         NOBRAND,FTKB25WVMV,DK-0002,,,,,,,,\n\
         DAIKIN,FTKB25WVMV,DK-0003,,2026-02-30,,,,,,\n\
         daikin,FTKB25WVMV,dk 0001,,,,,,,,\n\
         DAIKIN,FTKB25WVMV,DK-0005,,2026-03-01,2026-02-01,,,,,\n\
         DAIKIN,NOSUCHSKU,DK-0006,,,,,,,,\n\
         SAMSUNG,QA55Q60D,SS-0001,,,,,,,,WC-1\n"
    );
    let job = import(&app, &token, "serials", true, CSV, bad.clone().into_bytes()).await;
    assert_eq!(job["status"], "failed");
    assert_eq!(job["total_rows"], 7);
    let expected = [
        (3, "brand_code"),
        (4, "manufacture_date"),
        (5, "serial"),
        (6, "sale_date"),
        (7, "sku"),
        (8, "warranty_card_number"),
    ];
    let expected: Vec<(u64, String)> = expected.iter().map(|(r, c)| (*r, (*c).to_owned())).collect();
    assert_eq!(errors(&job), expected, "{job}");
    assert_eq!(job["error_count"], 6);
    assert!(message(&job, 5).contains("also on row 2"), "{job}");
    assert!(message(&job, 8).contains("also on row 2"), "{job}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM serials").await, seeded);

    // The real import of the same file fails the same way and stores nothing.
    let job = import(&app, &token, "serials", false, CSV, bad.into_bytes()).await;
    assert_eq!((job["status"].as_str(), job["error_count"].as_i64()), (Some("failed"), Some(6)));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM serials").await, seeded);

    let fixed = format!(
        "{SERIAL_HEADER}\
         DAIKIN,ftkb25wvmv,DK-0001,L1,2026-01-05,2026-02-01,INV-1,Shop A,2026-02-02,2026-02-03,WC-1\n\
         SAMSUNG,QA55Q60D,SS-0001,,,,,,,,WC-2\n\
         daikin,FTKB35WVMV,DK-0002,,2026-01-01,2026-02-01,,,,,\n"
    );
    let job = import(&app, &token, "serials", true, CSV, fixed.clone().into_bytes()).await;
    assert_eq!((job["status"].as_str(), job["error_count"].as_i64()), (Some("succeeded"), Some(0)), "{job}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM serials").await, seeded, "a dry run stores nothing");
    let job = import(&app, &token, "serials", false, CSV, fixed.clone().into_bytes()).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM serials").await, seeded + 3);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM serial_events WHERE kind = 'imported'").await, 3);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'import.serials'").await, 1);

    // Again: every serial and card is now taken in the database.
    let job = import(&app, &token, "serials", true, CSV, fixed.into_bytes()).await;
    let rows: Vec<u64> = errors(&job).iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [2, 2, 3, 3, 4], "{job}");

    let listed = json(app.get("/api/v1/imports?limit=2", &token).await).await;
    assert_eq!(listed["items"][0]["id"], job["id"], "newest first");
    assert!(listed["next_cursor"].is_string());
}

fn serials_csv(rows: usize, bad_row: Option<usize>) -> Vec<u8> {
    let mut out = String::with_capacity(rows * 90);
    out.push_str(SERIAL_HEADER);
    for i in 0..rows {
        let file_row = i + 2;
        let sale = if Some(file_row) == bad_row { "2026-02-30" } else { "2026-02-01" };
        let _ = writeln!(out, "DAIKIN,FTKB25WVMV,BULK-{i:07},L{},2026-01-01,{sale},INV-{i},Shop,,,C{i:07}", i % 50);
    }
    out.into_bytes()
}

#[tokio::test]
async fn a_hundred_thousand_rows_fail_on_one_bad_row_or_import_all() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let started = Instant::now();
    let seeded = count(&app, "SELECT COUNT(*) FROM serials").await;
    let seeded_events = count(&app, "SELECT COUNT(*) FROM serial_events").await;
    let job = import(&app, &token, "serials", false, CSV, serials_csv(100_000, Some(73_451))).await;
    let failed_in = started.elapsed();
    assert_eq!(job["status"], "failed");
    assert_eq!(errors(&job), vec![(73_451, "sale_date".to_owned())]);
    assert_eq!(job["total_rows"], 100_000);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM serials").await, seeded);

    let started = Instant::now();
    let job = import(&app, &token, "serials", false, CSV, serials_csv(100_000, None)).await;
    let imported_in = started.elapsed();
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM serials").await, seeded + 100_000);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM serial_events").await, seeded_events + 100_000);
    eprintln!("100k serials: rejected in {failed_in:?}, imported in {imported_in:?}");
}

#[tokio::test]
async fn an_xlsx_file_imports_and_an_export_imports_again() {
    let app = spawn_app().await;
    let token = app.token("manager.hn").await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        ["Brand", "Category", "SKU", "Name", "Needs installation"],
        ["LG", "", "", "", ""],
        ["daikin", "air_conditioner", "ftkf50", "Daikin 2 HP", ""],
        ["HAIER", "washing_machine", "HW80", "Haier 8 kg", ""],
    ];
    for (r, row) in (0u32..).zip(rows) {
        for (c, value) in (0u16..).zip(row) {
            if !value.is_empty() {
                sheet.write_string(r, c, value).map(|_| ()).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    sheet.write_boolean(2, 4, true).map(|_| ()).unwrap_or_else(|e| panic!("{e}"));
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let job = import(&app, &token, "product_models", true, XLSX, bytes.clone()).await;
    assert_eq!(errors(&job), vec![(2, "category_code".into()), (2, "sku".into()), (2, "name".into())]);

    let fixed: Vec<u8> = {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, row) in (0u32..).zip(rows.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, r)| r)) {
            for (c, value) in (0u16..).zip(row) {
                sheet.write_string(r, c, *value).map(|_| ()).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        sheet.write_boolean(1, 4, true).map(|_| ()).unwrap_or_else(|e| panic!("{e}"));
        book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
    };
    let job = import(&app, &token, "product_models", false, XLSX, fixed).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    let model = json(app.get("/api/v1/product-models?q=FTKF50", &token).await).await;
    assert_eq!(model["items"][0]["needs_installation"], true);
    assert_eq!(model["items"][0]["name"], "Daikin 2 HP");

    let export = app.get("/api/v1/exports/product-models.xlsx", &token).await;
    assert_eq!(export.status(), StatusCode::OK);
    let disposition = export.headers().get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let exported = export.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
    let models = count(&app, "SELECT COUNT(*) FROM product_models").await;
    let job = import(&app, &token, "product_models", true, XLSX, exported).await;
    assert_eq!(job["total_rows"].as_i64(), Some(models));
    assert_eq!(job["error_count"].as_i64(), Some(models), "only the expected duplicates: {job}");
    let all_taken = job["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|e| e["column"] == "sku" && e["message"].as_str().unwrap_or_default().contains("already has a model"));
    assert!(all_taken, "{job}");
}

#[tokio::test]
async fn serials_export_round_trips_and_bad_uploads_are_refused() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let file = format!("{SERIAL_HEADER}SAMSUNG,RT38CG6584B1,R-1,,2026-01-01,2026-01-02,,,,,\n");
    let job = import(&app, &token, "serials", false, CSV, file.into_bytes()).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    let export = app.get("/api/v1/exports/serials.xlsx", &token).await;
    assert_eq!(export.status(), StatusCode::OK);
    let exported = export.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
    let job = import(&app, &token, "serials", true, XLSX, exported).await;
    // Every exported unit is already registered: each row's serial is a duplicate
    // (and its card, when it has one), nothing else.
    let units = count(&app, "SELECT COUNT(*) FROM serials").await;
    assert_eq!(job["total_rows"].as_i64(), Some(units), "{job}");
    let found = errors(&job);
    let serial_rows: Vec<u64> = found.iter().filter(|(_, c)| c == "serial").map(|(r, _)| *r).collect();
    assert_eq!(serial_rows, (2..=u64::try_from(units).unwrap_or(0) + 1).collect::<Vec<_>>(), "{job}");
    assert!(found.iter().all(|(_, c)| c == "serial" || c == "warranty_card_number"), "{job}");

    let path = "/api/v1/imports/serials";
    assert_problem(
        send(&app, &token, path, "application/json", b"{}".to_vec()).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
    assert_problem(
        send(&app, &token, path, XLSX, b"garbage".to_vec()).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_problem(
        send(&app, &token, path, CSV, Vec::new()).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_problem(
        send(&app, &token, "/api/v1/imports/cars", CSV, b"a\n".to_vec()).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let bare = app.request(Method::POST, path, Some(&token)).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(bare, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    // `/imports/{kind}` and `/imports/{id}` share a shape but not their methods.
    for (url, allow) in
        [(path.to_owned(), "POST"), (format!("/api/v1/imports/{}", job["id"].as_str().unwrap_or_default()), "GET")]
    {
        let wrong = app.request(Method::DELETE, &url, Some(&token)).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(wrong.headers().get("allow").and_then(|v| v.to_str().ok()), Some(allow), "{url}");
        assert_problem(wrong, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    }
    let clerk = app.token("clerk.hn01").await;
    assert_problem(send(&app, &clerk, path, CSV, b"a\n".to_vec()).await, StatusCode::FORBIDDEN, "forbidden").await;
    // A file with the wrong columns is a job that fails on row 1.
    let job = import(&app, &token, "serials", false, CSV, b"colour\nred\n".to_vec()).await;
    assert_eq!(job["status"], "failed");
    assert!(errors(&job).iter().all(|(row, _)| *row == 1), "{job}");
}
