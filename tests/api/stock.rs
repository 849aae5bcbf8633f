//! The stock ledger over HTTP: it never goes negative however many clerks press
//! the button at once, a refused or failed movement leaves nothing behind, and a
//! request replayed with the same `Idempotency-Key` moves stock once.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::brand_id;

pub struct Shelf {
    pub warehouse: String,
    pub part: String,
}

/// A new part and a new outlet warehouse at HN01, made through the API.
pub async fn shelf(app: &TestApp, code: &str) -> Shelf {
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let daikin = brand_id(app, &admin, "DAIKIN").await;
    let part = json!({"brand_id": daikin, "sku": format!("CMP-{code}"), "name": "Compressor", "unit": "pcs",
        "serialised": false, "standard_cost": {"amount": "1200000", "currency": "VND"},
        "price": {"amount": "1800000", "currency": "VND"}, "reorder_point": 2});
    let response = app.post("/api/v1/parts", &admin, &part).await;
    assert_eq!(response.status(), StatusCode::CREATED, "part");
    let part = json(response).await;
    let warehouse = json!({"branch_id": hn01, "code": format!("WH-{code}"), "name": "Shelf", "kind": "outlet"});
    let response = app.post("/api/v1/warehouses", &admin, &warehouse).await;
    assert_eq!(response.status(), StatusCode::CREATED, "warehouse");
    let warehouse = json(response).await;
    Shelf { warehouse: id(&warehouse), part: id(&part) }
}

pub fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

pub async fn receive(app: &TestApp, token: &str, shelf: &Shelf, quantity: i64, cost: &str) -> Response {
    let body = json!({"warehouse_id": shelf.warehouse, "part_id": shelf.part, "quantity": quantity, "unit_cost": cost});
    app.post("/api/v1/stock/receipts", token, &body).await
}

fn issue_body(shelf: &Shelf, quantity: i64) -> Value {
    json!({"warehouse_id": shelf.warehouse, "part_id": shelf.part, "quantity": quantity})
}

pub async fn on_hand(app: &TestApp, token: &str, shelf: &Shelf) -> (i64, i64) {
    let path = format!("/api/v1/stock?warehouse_id={}&part_id={}", shelf.warehouse, shelf.part);
    let lines = json(app.get(&path, token).await).await["items"].take();
    (lines[0]["on_hand"].as_i64().unwrap_or_default(), lines[0]["value_minor"].as_i64().unwrap_or_default())
}

/// The ledger's quantities and values, summed.
pub async fn ledger_sums(app: &TestApp, token: &str, shelf: &Shelf) -> (i64, i64, usize) {
    let path = format!("/api/v1/stock/movements?warehouse_id={}&part_id={}&limit=200", shelf.warehouse, shelf.part);
    let page = json(app.get(&path, token).await).await;
    let rows = page["items"].as_array().cloned().unwrap_or_default();
    let quantity = rows.iter().map(|r| r["quantity"].as_i64().unwrap_or_default()).sum();
    let value = rows.iter().map(|r| r["value_delta_minor"].as_i64().unwrap_or_default()).sum();
    (quantity, value, rows.len())
}

#[tokio::test]
async fn thirty_two_requests_for_the_last_ten_units_issue_exactly_ten() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "RACE").await;
    assert_eq!(receive(&app, &keeper, &shelf, 10, "1250000").await.status(), StatusCode::CREATED);

    let body = issue_body(&shelf, 1);
    let issues = (0..32).map(|_| app.post("/api/v1/stock/issues", &keeper, &body));
    let responses = futures_util::future::join_all(issues).await;
    let (mut issued, mut refused) = (0, 0);
    for response in responses {
        match response.status() {
            StatusCode::CREATED => issued += 1,
            StatusCode::CONFLICT => {
                let problem = json(response).await;
                assert_eq!(problem["detail"], "not enough stock: 0 available, 1 requested");
                refused += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((issued, refused), (10, 22));
    assert_eq!(on_hand(&app, &keeper, &shelf).await, (0, 0), "an empty shelf is worth nothing");
    let (quantity, value, rows) = ledger_sums(&app, &keeper, &shelf).await;
    assert_eq!((quantity, value, rows), (0, 0, 11), "one receipt and ten issues, adding up to the shelf");
}

#[tokio::test]
async fn a_replayed_issue_moves_stock_once() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "REPLAY").await;
    assert_eq!(receive(&app, &keeper, &shelf, 5, "1000000").await.status(), StatusCode::CREATED);
    let send = |body: Value, key: &'static str| {
        app.request(Method::POST, "/api/v1/stock/issues", Some(&keeper))
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
    };
    let first = send(issue_body(&shelf, 2), "pick-0001").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.status(), StatusCode::CREATED);
    let first = json(first).await;
    let again = send(issue_body(&shelf, 2), "pick-0001").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers().get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(json(again).await, first, "the first answer, word for word");
    assert_eq!(on_hand(&app, &keeper, &shelf).await.0, 3, "moved once");

    let other = send(issue_body(&shelf, 1), "pick-0001").await.unwrap_or_else(|e| panic!("{e}"));
    let problem = assert_problem(other, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "Idempotency-Key");
    assert_eq!(on_hand(&app, &keeper, &shelf).await.0, 3);
}

#[tokio::test]
async fn a_refused_or_failed_movement_leaves_nothing_behind() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "SAFE").await;
    assert_eq!(receive(&app, &keeper, &shelf, 3, "1000000").await.status(), StatusCode::CREATED);
    assert_eq!(receive(&app, &keeper, &shelf, 1, "1000003").await.status(), StatusCode::CREATED);
    let before = (on_hand(&app, &keeper, &shelf).await, ledger_sums(&app, &keeper, &shelf).await);
    assert_eq!(before.0, (4, 4_000_003));

    let too_many = app.post("/api/v1/stock/issues", &keeper, &issue_body(&shelf, 5)).await;
    let problem = assert_problem(too_many, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(problem["detail"], "not enough stock: 4 available, 5 requested");
    assert_eq!(
        (problem["errors"][0]["field"].clone(), problem["errors"][0]["code"].clone()),
        (json!("quantity"), json!("insufficient_stock"))
    );
    assert_eq!(problem["errors"][0]["message"], "4 available");
    let mut for_nothing = issue_body(&shelf, 1);
    for_nothing["ticket_id"] = json!("0193a4f2-7b1c-7cde-8f00-000000000000");
    let problem = assert_problem(
        app.post("/api/v1/stock/issues", &keeper, &for_nothing).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "ticket_id");
    let fraction = receive(&app, &keeper, &shelf, 1, "10.5").await;
    assert_problem(fraction, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!((on_hand(&app, &keeper, &shelf).await, ledger_sums(&app, &keeper, &shelf).await), before);

    // Three of four leave at the moving average; the last takes the rest of the value.
    let three = json(app.post("/api/v1/stock/issues", &keeper, &issue_body(&shelf, 3)).await).await;
    assert_eq!(three["movement"]["value_delta_minor"], -3_000_002);
    assert_eq!(three["stock"]["value_minor"], 1_000_001);
}

#[tokio::test]
async fn only_the_warehouse_s_own_people_move_its_stock() {
    let app = spawn_app().await;
    let shelf = shelf(&app, "SCOPE").await;
    let tehran = app.token("clerk.teh01").await;
    assert_eq!(
        receive(&app, &tehran, &shelf, 1, "1").await.status(),
        StatusCode::FORBIDDEN,
        "clerks do not move stock"
    );
    let tech = app.token("tech.hn01").await;
    assert_eq!(receive(&app, &tech, &shelf, 1, "1").await.status(), StatusCode::FORBIDDEN);
    let path = format!("/api/v1/stock?warehouse_id={}", shelf.warehouse);
    assert_eq!(app.get(&path, &tech).await.status(), StatusCode::OK, "technicians see stock");
    let problem =
        assert_problem(app.get(&path, &tehran).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "warehouse_id");
}

#[tokio::test]
async fn a_discontinued_part_or_a_closed_warehouse_moves_no_stock() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "RETIRED").await;
    assert_eq!(receive(&app, &keeper, &shelf, 2, "100").await.status(), StatusCode::CREATED);

    let retired = app.patch(&format!("/api/v1/parts/{}", shelf.part), &admin, &json!({"active": false})).await;
    assert_eq!(retired.status(), StatusCode::OK);
    let problem = assert_problem(
        app.post("/api/v1/stock/issues", &keeper, &issue_body(&shelf, 1)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        (problem["errors"][0]["field"].as_str(), problem["errors"][0]["code"].as_str()),
        (Some("part_id"), Some("inactive_part"))
    );

    let back = app.patch(&format!("/api/v1/parts/{}", shelf.part), &admin, &json!({"active": true})).await;
    assert_eq!(back.status(), StatusCode::OK);
    let closed = app.patch(&format!("/api/v1/warehouses/{}", shelf.warehouse), &admin, &json!({"active": false})).await;
    assert_eq!(closed.status(), StatusCode::OK);
    let problem = assert_problem(
        receive(&app, &keeper, &shelf, 1, "100").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "inactive_warehouse");
    assert_eq!(on_hand(&app, &keeper, &shelf).await, (2, 200), "nothing moved");
}

#[tokio::test]
async fn the_stock_list_names_each_part_and_pages_by_sku() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "NAMES").await;
    let daikin = brand_id(&app, &admin, "DAIKIN").await;
    let mut parts = vec![shelf.part.clone()];
    for (sku, name) in [("CMP-NAMES-B", "Fan motor"), ("CMP-NAMES-A", "Run capacitor")] {
        let part = json!({"brand_id": daikin, "sku": sku, "name": name, "unit": "pcs", "serialised": false,
            "standard_cost": {"amount": "10", "currency": "VND"}, "price": {"amount": "20", "currency": "VND"},
            "reorder_point": 2});
        let response = app.post("/api/v1/parts", &admin, &part).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{sku}");
        parts.push(id(&json(response).await));
    }
    for part in &parts {
        let on_shelf = Shelf { warehouse: shelf.warehouse.clone(), part: part.clone() };
        assert_eq!(receive(&app, &keeper, &on_shelf, 2, "100").await.status(), StatusCode::CREATED);
    }

    let path = format!("/api/v1/stock?warehouse_id={}&limit=2", shelf.warehouse);
    let first = json(app.get(&path, &keeper).await).await;
    let named = |page: &Value| -> Vec<(String, String, String, String, i64)> {
        page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| {
                let text = |field: &str| l[field].as_str().unwrap_or_default().to_owned();
                (
                    text("sku"),
                    text("part_name"),
                    text("warehouse_code"),
                    text("currency"),
                    l["on_hand"].as_i64().unwrap_or(-1),
                )
            })
            .collect()
    };
    let line = |sku: &str, name: &str| (sku.to_owned(), name.to_owned(), "WH-NAMES".to_owned(), "VND".to_owned(), 2);
    assert_eq!(named(&first), vec![line("CMP-NAMES", "Compressor"), line("CMP-NAMES-A", "Run capacitor")]);
    let cursor = first["next_cursor"].as_str().unwrap_or_default();
    assert!(!cursor.is_empty(), "a full page points at the next: {first}");

    let rest = json(app.get(&format!("{path}&cursor={cursor}"), &keeper).await).await;
    assert_eq!(named(&rest), vec![line("CMP-NAMES-B", "Fan motor")]);
    assert_eq!(rest["next_cursor"], Value::Null, "the last page");

    let too_many = format!("/api/v1/stock?warehouse_id={}&limit=201", shelf.warehouse);
    assert_problem(app.get(&too_many, &keeper).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}
