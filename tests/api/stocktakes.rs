//! Stocktakes over HTTP: a posted count makes the books show the count even when
//! stock moved during it, a warehouse counts one sheet at a time, and a sheet is
//! posted once however many press the button.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::part_sales::another_part;
use crate::stock::{Shelf, ledger_sums, on_hand, receive, shelf};

async fn open(app: &TestApp, token: &str, body: &Value) -> Value {
    let response = app.post("/api/v1/stocktakes", token, body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "open");
    json(response).await
}

fn path(sheet: &Value, action: &str) -> String {
    format!("/api/v1/stocktakes/{}{action}", sheet["id"].as_str().unwrap_or_default())
}

async fn count(app: &TestApp, token: &str, sheet: &Value, lines: Value) -> reqwest::Response {
    app.request(reqwest::Method::PUT, &path(sheet, "/counts"), Some(token))
        .json(&json!({"lines": lines}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn line_of<'a>(sheet: &'a Value, shelf: &Shelf) -> &'a Value {
    sheet["lines"]
        .as_array()
        .and_then(|lines| lines.iter().find(|l| l["part_id"] == shelf.part.as_str()))
        .unwrap_or_else(|| panic!("no line for {} in {sheet}", shelf.part))
}

/// The stocktake adjustments in a shelf's ledger.
async fn adjustments(app: &TestApp, token: &str, shelf: &Shelf) -> Vec<i64> {
    let path = format!("/api/v1/stock/movements?warehouse_id={}&part_id={}&limit=200", shelf.warehouse, shelf.part);
    let page = json(app.get(&path, token).await).await;
    let rows = page["items"].as_array().cloned().unwrap_or_default();
    rows.iter()
        .filter(|r| r["kind"] == "stocktake_adjustment")
        .map(|r| r["quantity"].as_i64().unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn a_count_with_a_movement_during_it_posts_to_the_count() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "COUNT").await;
    let motor = another_part(&app, &compressor, "MTR-COUNT", "500000", "VND").await;
    assert_eq!(receive(&app, &keeper, &compressor, 10, "1000").await.status(), StatusCode::CREATED);
    assert_eq!(receive(&app, &keeper, &motor, 4, "300").await.status(), StatusCode::CREATED);

    let sheet = open(&app, &keeper, &json!({"warehouse_id": compressor.warehouse})).await;
    assert_eq!(sheet["status"], "counting");
    assert_eq!(sheet["lines"].as_array().map(Vec::len), Some(2), "every part the warehouse has");
    assert_eq!(line_of(&sheet, &compressor)["expected"], 10);

    // Three compressors leave while the count is going on; the counter, coming later
    // to that shelf, finds 6 of the 7 the books now hold.
    let issue = json!({"warehouse_id": compressor.warehouse, "part_id": compressor.part, "quantity": 3});
    assert_eq!(app.post("/api/v1/stock/issues", &keeper, &issue).await.status(), StatusCode::CREATED);
    let lines = json!([{"part_id": compressor.part, "counted": 6}, {"part_id": motor.part, "counted": 5}]);
    let counted = count(&app, &keeper, &sheet, lines).await;
    assert_eq!(counted.status(), StatusCode::OK);
    let counted = json(counted).await;
    let line = line_of(&counted, &compressor);
    assert_eq!(
        (line["expected"].as_i64(), line["on_hand"].as_i64(), line["variance"].as_i64()),
        (Some(10), Some(7), Some(-1))
    );
    assert_eq!(line["variance_value_minor"], -1000, "one unit at the average cost");
    assert_eq!(line_of(&counted, &motor)["variance"], 1);

    let manager = app.token("manager.hn").await;
    let posted = app.post(&path(&sheet, "/post"), &manager, &json!({})).await;
    assert_eq!(posted.status(), StatusCode::OK);
    let posted = json(posted).await;
    assert_eq!(posted["status"], "posted");
    assert_eq!(on_hand(&app, &keeper, &compressor).await, (6, 6000));
    assert_eq!(on_hand(&app, &keeper, &motor).await, (5, 1500));
    assert_eq!(ledger_sums(&app, &keeper, &compressor).await.0, 6, "the ledger adds up to the count");
    assert_eq!(ledger_sums(&app, &keeper, &motor).await.0, 5);
    assert_eq!(adjustments(&app, &keeper, &compressor).await, [-1], "not -4: the issue during the count stands");
    assert_eq!(adjustments(&app, &keeper, &motor).await, [1]);
    let line = line_of(&posted, &compressor);
    assert_eq!((line["on_hand"].as_i64(), line["variance"].as_i64()), (Some(7), Some(-1)), "as posted");
    assert!(line["movement_id"].is_string());

    let late = count(&app, &keeper, &sheet, json!([{"part_id": motor.part, "counted": 9}])).await;
    assert_problem(late, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(on_hand(&app, &keeper, &motor).await.0, 5);
}

#[tokio::test]
async fn a_sheet_is_posted_only_when_every_part_is_counted() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "HALF").await;
    let motor = another_part(&app, &compressor, "MTR-HALF", "500000", "VND").await;
    assert_eq!(receive(&app, &keeper, &compressor, 2, "1000").await.status(), StatusCode::CREATED);
    let sheet =
        open(&app, &keeper, &json!({"warehouse_id": compressor.warehouse, "part_ids": [compressor.part, motor.part]}))
            .await;
    assert_eq!(line_of(&sheet, &motor)["expected"], 0, "a part with no stock yet");
    assert_eq!(
        count(&app, &keeper, &sheet, json!([{"part_id": compressor.part, "counted": 1}])).await.status(),
        StatusCode::OK
    );

    let problem =
        assert_problem(app.post(&path(&sheet, "/post"), &keeper, &json!({})).await, StatusCode::CONFLICT, "conflict")
            .await;
    assert_eq!(problem["detail"], "not every part is counted yet: MTR-HALF");
    let motor_line = sheet["lines"].as_array().and_then(|l| l.iter().position(|l| l["part_id"] == motor.part.as_str()));
    assert_eq!(problem["errors"][0]["field"], format!("lines[{}].counted", motor_line.unwrap_or(99)));
    assert_eq!(
        (problem["errors"][0]["code"].clone(), problem["errors"][0]["message"].clone()),
        (json!("not_counted"), json!("MTR-HALF"))
    );
    assert_eq!(on_hand(&app, &keeper, &compressor).await.0, 2, "nothing adjusted");
    let still = json(app.get(&path(&sheet, ""), &keeper).await).await;
    assert_eq!(still["status"], "counting", "the refused posting left the sheet open");
}

#[tokio::test]
async fn counts_name_their_bad_lines_and_a_found_part_joins_the_sheet() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "FOUND").await;
    assert_eq!(receive(&app, &keeper, &compressor, 2, "1000").await.status(), StatusCode::CREATED);
    let sheet = open(&app, &keeper, &json!({"warehouse_id": compressor.warehouse})).await;
    let nobody = "0193a4f2-7b1c-7cde-8f00-000000000000";
    let bad = count(
        &app,
        &keeper,
        &sheet,
        json!([{"part_id": compressor.part, "counted": 2}, {"part_id": nobody, "counted": 1}]),
    )
    .await;
    let problem = assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "lines[1].part_id");
    let negative = count(&app, &keeper, &sheet, json!([{"part_id": compressor.part, "counted": -1}])).await;
    let problem = assert_problem(negative, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "lines[0].counted");
    let untouched = json(app.get(&path(&sheet, ""), &keeper).await).await;
    assert_eq!(
        line_of(&untouched, &compressor)["counted"],
        Value::Null,
        "the good line of a refused request is not kept"
    );

    let found = another_part(&app, &compressor, "MTR-FOUND", "500000", "VND").await;
    let lines = json!([{"part_id": compressor.part, "counted": 2}, {"part_id": found.part, "counted": 3}]);
    let counted = json(count(&app, &keeper, &sheet, lines).await).await;
    assert_eq!(
        (line_of(&counted, &found)["expected"].as_i64(), line_of(&counted, &found)["variance"].as_i64()),
        (Some(0), Some(3))
    );
    assert_eq!(app.post(&path(&sheet, "/post"), &keeper, &json!({})).await.status(), StatusCode::OK);
    assert_eq!((on_hand(&app, &keeper, &compressor).await.0, on_hand(&app, &keeper, &found).await.0), (2, 3));
    assert_eq!(adjustments(&app, &keeper, &compressor).await, Vec::<i64>::new(), "a count that agrees moves nothing");
}

#[tokio::test]
async fn a_warehouse_counts_one_sheet_at_a_time() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "ONCE").await;
    let body = json!({"warehouse_id": compressor.warehouse});
    let first = open(&app, &keeper, &body).await;
    let problem =
        assert_problem(app.post("/api/v1/stocktakes", &keeper, &body).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(problem["detail"], "this warehouse already has an open stocktake; post or cancel it first");

    let cancelled = app.post(&path(&first, "/cancel"), &keeper, &json!({})).await;
    assert_eq!(json(cancelled).await["status"], "cancelled");
    assert_problem(app.post(&path(&first, "/post"), &keeper, &json!({})).await, StatusCode::CONFLICT, "conflict").await;
    let second = open(&app, &keeper, &body).await;
    assert_ne!(second["id"], first["id"]);
    let listed = json(
        app.get(&format!("/api/v1/stocktakes?warehouse_id={}&status=counting", compressor.warehouse), &keeper).await,
    )
    .await;
    assert_eq!(
        listed["items"].as_array().map(|i| i.iter().map(|s| s["id"].clone()).collect::<Vec<_>>()),
        Some(vec![second["id"].clone()])
    );
}

#[tokio::test]
async fn two_people_posting_the_same_sheet_at_once_post_it_once() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let manager = app.token("manager.hn").await;
    let compressor = shelf(&app, "TWICE").await;
    assert_eq!(receive(&app, &keeper, &compressor, 10, "1000").await.status(), StatusCode::CREATED);
    let sheet = open(&app, &keeper, &json!({"warehouse_id": compressor.warehouse})).await;
    assert_eq!(
        count(&app, &keeper, &sheet, json!([{"part_id": compressor.part, "counted": 7}])).await.status(),
        StatusCode::OK
    );

    let post = path(&sheet, "/post");
    let empty = json!({});
    let (a, b) = tokio::join!(app.post(&post, &keeper, &empty), app.post(&post, &manager, &empty));
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    assert_eq!(adjustments(&app, &keeper, &compressor).await, [-3], "adjusted once");
    assert_eq!(on_hand(&app, &keeper, &compressor).await.0, 7);
}

#[tokio::test]
async fn only_the_warehouse_s_own_people_count_it_and_only_managers_of_parts_post() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "WHO").await;
    let body = json!({"warehouse_id": compressor.warehouse});
    let clerk = app.token("clerk.hn01").await;
    assert_eq!(
        app.post("/api/v1/stocktakes", &clerk, &body).await.status(),
        StatusCode::FORBIDDEN,
        "clerks do not count"
    );
    let sheet = open(&app, &keeper, &body).await;
    let tech = app.token("tech.hn01").await;
    assert_eq!(app.get(&path(&sheet, ""), &tech).await.status(), StatusCode::OK, "technicians see it");
    assert_eq!(app.post(&path(&sheet, "/post"), &tech, &json!({})).await.status(), StatusCode::FORBIDDEN);
    let tehran = app.token("clerk.teh01").await;
    assert_problem(app.get(&path(&sheet, ""), &tehran).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(json(app.get("/api/v1/stocktakes", &tehran).await).await["items"], json!([]));
}

/// Promises `quantity` units to tickets. There is no reservation endpoint yet, so
/// the balance row is set directly, as a reservation would leave it.
async fn reserve(app: &TestApp, shelf: &Shelf, quantity: i64) {
    use aftersales_persistence::{ConnectionTrait, DbBackend, Statement};
    let backend = app.db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "UPDATE stock_balances SET reserved = $1 WHERE warehouse_id = $2 AND part_id = $3",
        _ => "UPDATE stock_balances SET reserved = ? WHERE warehouse_id = ? AND part_id = ?",
    };
    let ids = [&shelf.warehouse, &shelf.part].map(|id| uuid::Uuid::parse_str(id).unwrap_or_default());
    let done = app
        .db
        .execute_raw(Statement::from_sql_and_values(backend, sql, [quantity.into(), ids[0].into(), ids[1].into()]))
        .await
        .unwrap_or_else(|e| panic!("reserve: {e}"));
    assert_eq!(done.rows_affected(), 1);
}

#[tokio::test]
async fn a_count_below_what_is_promised_to_tickets_is_not_posted() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "PROMISED").await;
    assert_eq!(receive(&app, &keeper, &compressor, 5, "1000").await.status(), StatusCode::CREATED);
    reserve(&app, &compressor, 3).await;
    let sheet = open(&app, &keeper, &json!({"warehouse_id": compressor.warehouse})).await;
    let counted = json(count(&app, &keeper, &sheet, json!([{"part_id": compressor.part, "counted": 1}])).await).await;
    assert_eq!(line_of(&counted, &compressor)["reserved"], 3);
    let before = (on_hand(&app, &keeper, &compressor).await, ledger_sums(&app, &keeper, &compressor).await);

    let refused = app.post(&path(&sheet, "/post"), &keeper, &json!({})).await;
    let problem = assert_problem(refused, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(
        problem["detail"],
        "counted below what is reserved for tickets: CMP-PROMISED (counted 1, 3 reserved); release those reservations first"
    );
    assert_eq!(
        (problem["errors"][0]["code"].clone(), problem["errors"][0]["message"].clone()),
        (json!("below_reserved"), json!("3 reserved"))
    );
    assert_eq!((on_hand(&app, &keeper, &compressor).await, ledger_sums(&app, &keeper, &compressor).await), before);
    assert_eq!(json(app.get(&path(&sheet, ""), &keeper).await).await["status"], "counting");

    // Down to exactly what is promised is fine.
    assert_eq!(
        count(&app, &keeper, &sheet, json!([{"part_id": compressor.part, "counted": 3}])).await.status(),
        StatusCode::OK
    );
    assert_eq!(app.post(&path(&sheet, "/post"), &keeper, &json!({})).await.status(), StatusCode::OK);
    let stock =
        json(app.get(&format!("/api/v1/stock?warehouse_id={}", compressor.warehouse), &keeper).await).await["items"]
            .take();
    assert_eq!((stock[0]["on_hand"].as_i64(), stock[0]["reserved"].as_i64()), (Some(3), Some(3)));
}
