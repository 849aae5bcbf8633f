//! Purchase orders over HTTP: a draft changes, an order does not; goods arrive in
//! parts at the price paid, which the moving-average cost follows; nobody
//! receives more than was ordered; and each branch sees only its own orders.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::stock::{ledger_sums, on_hand, receive, shelf};
use crate::stock_fixtures::{at, id, part, stranger};

fn line(part: &str, quantity: i64, cost: &str) -> Value {
    json!({"part_id": part, "quantity": quantity, "unit_cost": cost})
}

async fn draft(app: &TestApp, token: &str, warehouse: &str, lines: Value) -> Value {
    let body = json!({"warehouse_id": warehouse, "supplier_name": "Daikin Vietnam", "currency": "VND",
        "expected_on": "2026-03-01", "lines": lines});
    let response = app.post("/api/v1/purchase-orders", token, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "draft");
    json(response).await
}

async fn act(app: &TestApp, token: &str, order: &Value, action: &str) -> Response {
    app.request(Method::POST, &format!("/api/v1/purchase-orders/{}/{action}", id(order)), Some(token))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"))
}

async fn receive_po(app: &TestApp, token: &str, order: &Value, lines: Value) -> Response {
    app.post(&format!("/api/v1/purchase-orders/{}/receive", id(order)), token, &json!({"lines": lines})).await
}

fn received(order: &Value) -> Vec<(i64, i64)> {
    let rows = order["lines"].as_array().cloned().unwrap_or_default();
    rows.iter()
        .map(|r| (r["quantity_received"].as_i64().unwrap_or(-1), r["outstanding"].as_i64().unwrap_or(-1)))
        .collect()
}

#[tokio::test]
async fn an_order_arrives_in_two_receipts_and_the_average_cost_follows_the_price_paid() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "PO").await;
    assert_eq!(receive(&app, &keeper, &shelf, 10, "1000").await.status(), StatusCode::CREATED);

    let order = draft(&app, &keeper, &shelf.warehouse, json!([line(&shelf.part, 10, "1300")])).await;
    let number = order["number"].as_str().unwrap_or_default();
    assert!(number.starts_with("PO-HN01-") && number.ends_with("-000001"), "{number}");
    assert_eq!(order["status"], "draft");

    let path = format!("/api/v1/purchase-orders/{}", id(&order));
    let edit = json!({"lines": [line(&shelf.part, 10, "1600")]});
    let stale = app.request(Method::PATCH, &path, Some(&keeper)).header("If-Match", "\"9\"").json(&edit).send().await;
    let stale = stale.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    let edited = app.request(Method::PATCH, &path, Some(&keeper)).header("If-Match", "\"1\"").json(&edit).send().await;
    let edited = json(edited.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(edited["lines"][0]["unit_cost"], json!({"amount": "1600", "currency": "VND"}));

    let early = receive_po(&app, &keeper, &order, json!([{"part_id": shelf.part, "quantity": 1}])).await;
    assert_problem(early, StatusCode::CONFLICT, "conflict").await;
    let ordered = act(&app, &keeper, &order, "order").await;
    assert_eq!(ordered.status(), StatusCode::OK);
    assert_eq!(json(ordered).await["status"], "ordered");
    let late_edit = app.patch(&path, &keeper, &edit).await;
    assert_problem(late_edit, StatusCode::CONFLICT, "conflict").await;

    let four = receive_po(&app, &keeper, &order, json!([{"part_id": shelf.part, "quantity": 4}])).await;
    assert_eq!(four.status(), StatusCode::OK);
    let four = json(four).await;
    assert_eq!((four["status"].as_str(), received(&four)), (Some("partially_received"), vec![(4, 6)]));
    assert_eq!(on_hand(&app, &keeper, &shelf).await, (14, 10_000 + 4 * 1600));

    let rest = receive_po(&app, &keeper, &order, json!([{"part_id": shelf.part, "quantity": 6}])).await;
    let rest = json(rest).await;
    assert_eq!((rest["status"].as_str(), received(&rest)), (Some("received"), vec![(10, 0)]));
    let stock =
        json(app.get(&format!("/api/v1/stock?warehouse_id={}", shelf.warehouse), &keeper).await).await["items"].take();
    assert_eq!((stock[0]["on_hand"].as_i64(), stock[0]["average_cost_minor"].as_i64()), (Some(20), Some(1300)));

    let page = json(
        app.get(&format!("/api/v1/stock/movements?warehouse_id={}&part_id={}", shelf.warehouse, shelf.part), &keeper)
            .await,
    )
    .await;
    let receipts: Vec<(Value, Value, Value)> = page["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|m| m["kind"] == "purchase_receipt")
        .map(|m| (m["quantity"].clone(), m["unit_cost_minor"].clone(), m["document_id"].clone()))
        .collect();
    assert_eq!(receipts, [(json!(4), json!(1600), order["id"].clone()), (json!(6), json!(1600), order["id"].clone())]);
    assert_problem(act(&app, &keeper, &order, "cancel").await, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn over_receipt_is_refused_naming_the_line_and_nothing_of_the_request_arrives() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "OVER").await;
    let board = part(&app, "OVER").await;
    let order =
        draft(&app, &keeper, &shelf.warehouse, json!([line(&shelf.part, 5, "1000"), line(&board, 5, "200")])).await;
    assert_eq!(act(&app, &keeper, &order, "order").await.status(), StatusCode::OK);
    let board_at = at(&shelf.warehouse, &board);
    let before = (ledger_sums(&app, &keeper, &shelf).await, ledger_sums(&app, &keeper, &board_at).await);

    let too_many = json!([{"part_id": shelf.part, "quantity": 2}, {"part_id": board, "quantity": 6}]);
    let problem = assert_problem(
        receive_po(&app, &keeper, &order, too_many).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "lines[1].quantity");
    assert_eq!(problem["errors"][0]["message"], "only 5 outstanding, 6 received");
    let stranger_part = json!([{"part_id": shelf.part, "quantity": 1}, {"part_id": id(&order), "quantity": 1}]);
    let problem = assert_problem(
        receive_po(&app, &keeper, &order, stranger_part).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "lines[1].part_id");

    assert_eq!((on_hand(&app, &keeper, &shelf).await, on_hand(&app, &keeper, &board_at).await), ((0, 0), (0, 0)));
    assert_eq!((ledger_sums(&app, &keeper, &shelf).await, ledger_sums(&app, &keeper, &board_at).await), before);
    let got = json(app.get(&format!("/api/v1/purchase-orders/{}", id(&order)), &keeper).await).await;
    assert_eq!((got["status"].as_str(), received(&got)), (Some("ordered"), vec![(0, 5), (0, 5)]));

    let invoice = json!([{"part_id": board, "quantity": 5, "unit_cost": "250"}]);
    let priced = json(receive_po(&app, &keeper, &order, invoice).await).await;
    assert_eq!(priced["status"], "partially_received");
    assert_eq!(on_hand(&app, &keeper, &board_at).await, (5, 1_250), "at the invoice's price");
}

#[tokio::test]
async fn drafts_are_checked_and_an_order_is_cancelled_only_while_nothing_arrived() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "CANCEL").await;
    let body = |currency: &str, lines: Value| json!({"warehouse_id": shelf.warehouse, "supplier_name": "Daikin Vietnam", "currency": currency, "lines": lines});
    let usd = app.post("/api/v1/purchase-orders", &keeper, &body("USD", json!([line(&shelf.part, 1, "10")]))).await;
    let problem = assert_problem(usd, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        (problem["errors"][0]["field"].as_str(), problem["errors"][0]["code"].as_str()),
        (Some("lines[0].part_id"), Some("currency_mismatch"))
    );
    let zero = app.post("/api/v1/purchase-orders", &keeper, &body("VND", json!([line(&shelf.part, 0, "10")]))).await;
    let problem = assert_problem(zero, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "lines[0].quantity");

    let empty = draft(&app, &keeper, &shelf.warehouse, json!([])).await;
    assert_problem(act(&app, &keeper, &empty, "order").await, StatusCode::CONFLICT, "conflict").await;
    let cancelled = act(&app, &keeper, &empty, "cancel").await;
    assert_eq!(json(cancelled).await["status"], "cancelled");

    let order = draft(&app, &keeper, &shelf.warehouse, json!([line(&shelf.part, 3, "1000")])).await;
    assert_eq!(act(&app, &keeper, &order, "order").await.status(), StatusCode::OK);
    let one = receive_po(&app, &keeper, &order, json!([{"part_id": shelf.part, "quantity": 1}])).await;
    assert_eq!(one.status(), StatusCode::OK);
    let problem = assert_problem(act(&app, &keeper, &order, "cancel").await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(problem["detail"], "goods have already been received against this order");
    let listed = json(app.get("/api/v1/purchase-orders?status=partially_received", &keeper).await).await;
    assert_eq!(listed["items"].as_array().map(|items| items.len()), Some(1));
}

#[tokio::test]
async fn a_tehran_keeper_neither_sees_nor_receives_a_hanoi_order() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = shelf(&app, "TEH").await;
    let order = draft(&app, &keeper, &shelf.warehouse, json!([line(&shelf.part, 2, "1000")])).await;
    assert_eq!(act(&app, &keeper, &order, "order").await.status(), StatusCode::OK);

    let clerk = app.token("clerk.teh01").await;
    let tehran = stranger(&app, "keeper.teh01", "TEH01", "warehouse").await;
    let path = format!("/api/v1/purchase-orders/{}", id(&order));
    assert_problem(app.get(&path, &clerk).await, StatusCode::NOT_FOUND, "not_found").await;
    let theirs = json(app.get("/api/v1/purchase-orders", &tehran).await).await;
    assert_eq!(theirs["items"], json!([]));
    let lines = json!([{"part_id": shelf.part, "quantity": 2}]);
    assert_problem(receive_po(&app, &clerk, &order, lines.clone()).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert_problem(receive_po(&app, &tehran, &order, lines).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_problem(act(&app, &tehran, &order, "cancel").await, StatusCode::NOT_FOUND, "not_found").await;
    let into_hanoi = json!({"warehouse_id": shelf.warehouse, "supplier_name": "X", "currency": "VND"});
    let problem = assert_problem(
        app.post("/api/v1/purchase-orders", &tehran, &into_hanoi).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "warehouse_id");
    assert_eq!(on_hand(&app, &keeper, &shelf).await, (0, 0));
}
