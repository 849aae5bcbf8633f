//! Counter sales over HTTP: every line leaves the shelf in one go or none does, the
//! cost of what was sold is kept so the margin is known, and a sale sent again with
//! the same `Idempotency-Key` sells once.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::brand_id;
use crate::stock::{Shelf, id, ledger_sums, on_hand, receive, shelf};

/// A second part (price `price` in `currency`) on the same shelf.
pub async fn another_part(app: &TestApp, first: &Shelf, sku: &str, price: &str, currency: &str) -> Shelf {
    let admin = app.token("admin").await;
    let daikin = brand_id(app, &admin, "DAIKIN").await;
    let part = json!({"brand_id": daikin, "sku": sku, "name": "Fan motor", "unit": "pcs",
        "standard_cost": {"amount": price, "currency": currency}, "price": {"amount": price, "currency": currency}});
    let response = app.post("/api/v1/parts", &admin, &part).await;
    assert_eq!(response.status(), StatusCode::CREATED, "part {sku}");
    Shelf { warehouse: first.warehouse.clone(), part: id(&json(response).await) }
}

/// The id of a demo customer, as the administrator sees it.
async fn customer_named(app: &TestApp, name: &str) -> Value {
    let admin = app.token("admin").await;
    let page = json(app.get("/api/v1/customers?limit=200", &admin).await).await;
    let found =
        page["items"].as_array().and_then(|items| items.iter().find(|c| c["name"] == name)).map(|c| c["id"].clone());
    found.unwrap_or_else(|| panic!("no demo customer {name}"))
}

fn line(shelf: &Shelf, quantity: i64) -> Value {
    json!({"part_id": shelf.part, "quantity": quantity})
}

fn sale(shelf: &Shelf, lines: Vec<Value>) -> Value {
    json!({"warehouse_id": shelf.warehouse, "currency": "VND", "customer_name": "Walk-in", "lines": lines})
}

/// Everything a sale could have changed: both shelves and their ledgers, and the list of sales.
async fn state(app: &TestApp, token: &str, a: &Shelf, b: &Shelf) -> Value {
    let sales = json(app.get(&format!("/api/v1/part-sales?warehouse_id={}", a.warehouse), token).await).await;
    json!([
        on_hand(app, token, a).await,
        ledger_sums(app, token, a).await,
        on_hand(app, token, b).await,
        ledger_sums(app, token, b).await,
        sales["items"].as_array().map(Vec::len)
    ])
}

#[tokio::test]
async fn a_sale_of_two_lines_moves_both_and_records_the_margin() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "SALE2").await;
    let motor = another_part(&app, &compressor, "MTR-SALE2", "500000", "VND").await;
    assert_eq!(receive(&app, &keeper, &compressor, 5, "1250000").await.status(), StatusCode::CREATED);
    assert_eq!(receive(&app, &keeper, &motor, 10, "300000").await.status(), StatusCode::CREATED);

    let mut discounted = line(&motor, 3);
    discounted["discount"] = json!("100000");
    discounted["price_reason"] = json!("bought with the compressor");
    let response =
        app.post("/api/v1/part-sales", &keeper, &sale(&compressor, vec![line(&compressor, 2), discounted])).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let sold = json(response).await;
    assert!(sold["number"].as_str().is_some_and(|n| n.starts_with("PS-HN01-") && n.ends_with("-000001")), "{sold}");
    // 2 × 1 800 000 + (3 × 500 000 − 100 000); cost 2 × 1 250 000 + 3 × 300 000.
    assert_eq!(sold["total"], json!({"amount": "5000000", "currency": "VND"}));
    assert_eq!(sold["cost"], json!({"amount": "3400000", "currency": "VND"}));
    assert_eq!(sold["margin_minor"], 1_600_000);
    assert_eq!(sold["lines"][0]["unit_price"]["amount"], "1800000", "the part's selling price");
    assert_eq!(sold["lines"][0]["unit_cost"]["amount"], "1250000");
    assert_eq!(sold["lines"][1]["margin_minor"], 500_000);
    assert_eq!(sold["lines"][1]["price_reason"], "bought with the compressor");
    // A sale carries the names a slip prints, not only ids.
    assert_eq!((sold["branch_code"].as_str(), sold["warehouse_code"].as_str()), (Some("HN01"), Some("WH-SALE2")));
    assert_eq!(
        (sold["lines"][0]["sku"].as_str(), sold["lines"][0]["part_name"].as_str()),
        (Some("CMP-SALE2"), Some("Compressor"))
    );
    assert_eq!(sold["buyer_name"], "Walk-in");
    assert!(sold["sold_by_name"].as_str().is_some_and(|n| !n.is_empty()), "{sold}");
    assert_eq!(on_hand(&app, &keeper, &compressor).await, (3, 3_750_000));
    assert_eq!(on_hand(&app, &keeper, &motor).await, (7, 2_100_000));

    let path = format!("/api/v1/stock/movements?warehouse_id={}&part_id={}", motor.warehouse, motor.part);
    let ledger = json(app.get(&path, &keeper).await).await;
    let last = &ledger["items"][1];
    assert_eq!((last["kind"].as_str(), last["quantity"].as_i64()), (Some("sale"), Some(-3)));
    assert_eq!(last["document_id"], sold["id"]);
    assert_eq!(last["id"], sold["lines"][1]["movement_id"]);

    let again = app.get(&format!("/api/v1/part-sales/{}", sold["id"].as_str().unwrap_or_default()), &keeper).await;
    assert_eq!(json(again).await, sold);
    let second = app.post("/api/v1/part-sales", &keeper, &sale(&compressor, vec![line(&compressor, 1)])).await;
    assert!(json(second).await["number"].as_str().is_some_and(|n| n.ends_with("-000002")), "numbers follow on");
}

#[tokio::test]
async fn a_sale_whose_second_line_is_short_leaves_nothing() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "SHORT").await;
    let motor = another_part(&app, &compressor, "MTR-SHORT", "500000", "VND").await;
    assert_eq!(receive(&app, &keeper, &compressor, 5, "1250000").await.status(), StatusCode::CREATED);
    assert_eq!(receive(&app, &keeper, &motor, 1, "300000").await.status(), StatusCode::CREATED);
    let before = state(&app, &keeper, &compressor, &motor).await;

    let response =
        app.post("/api/v1/part-sales", &keeper, &sale(&compressor, vec![line(&compressor, 2), line(&motor, 2)])).await;
    let problem = assert_problem(response, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(problem["detail"], "lines[1]: not enough stock of MTR-SHORT: 1 available, 2 requested");
    assert_eq!(
        (problem["errors"][0]["field"].clone(), problem["errors"][0]["code"].clone()),
        (json!("lines[1].quantity"), json!("insufficient_stock"))
    );
    assert_eq!(state(&app, &keeper, &compressor, &motor).await, before, "the first line was not sold either");

    let fits =
        app.post("/api/v1/part-sales", &keeper, &sale(&compressor, vec![line(&compressor, 2), line(&motor, 1)])).await;
    let fits = json(fits).await;
    assert!(fits["number"].as_str().is_some_and(|n| n.ends_with("-000001")), "the refused sale used no number: {fits}");
}

#[tokio::test]
async fn a_replayed_sale_sells_once() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "RESELL").await;
    assert_eq!(receive(&app, &keeper, &compressor, 5, "1250000").await.status(), StatusCode::CREATED);
    let body = sale(&compressor, vec![line(&compressor, 2)]);
    let send = || {
        app.request(Method::POST, "/api/v1/part-sales", Some(&keeper))
            .header("Idempotency-Key", "till-7-0042")
            .json(&body)
            .send()
    };
    let first = send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.status(), StatusCode::CREATED);
    let first = json(first).await;
    let again = send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers().get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(json(again).await, first, "the first answer, word for word");
    assert_eq!(on_hand(&app, &keeper, &compressor).await.0, 3, "sold once");
    let sales =
        json(app.get(&format!("/api/v1/part-sales?warehouse_id={}", compressor.warehouse), &keeper).await).await;
    assert_eq!(sales["items"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn bad_lines_are_named_and_sell_nothing() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "BADLINE").await;
    let dollars = another_part(&app, &compressor, "MTR-USD", "12.50", "USD").await;
    assert_eq!(receive(&app, &keeper, &compressor, 5, "1250000").await.status(), StatusCode::CREATED);
    assert_eq!(receive(&app, &keeper, &dollars, 5, "10").await.status(), StatusCode::CREATED);
    let before = state(&app, &keeper, &compressor, &dollars).await;

    let refused = |body: Value| {
        let app = &app;
        let keeper = &keeper;
        async move {
            let response = app.post("/api/v1/part-sales", keeper, &body).await;
            let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            problem["errors"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
                .collect::<Vec<_>>()
        }
    };
    let mixed = sale(&compressor, vec![line(&compressor, 1), line(&dollars, 1)]);
    assert_eq!(refused(mixed).await, ["lines[1].part_id"], "a USD part in a VND sale");

    let mut cheaper = line(&compressor, 1);
    cheaper["unit_price"] = json!("1500000");
    assert_eq!(refused(sale(&compressor, vec![cheaper.clone()])).await, ["lines[0].price_reason"]);
    cheaper["price_reason"] = json!("display unit");
    let mut over = line(&compressor, 1);
    over["discount"] = json!("2000000");
    over["price_reason"] = json!("too generous");
    assert_eq!(refused(sale(&compressor, vec![line(&compressor, 1), over])).await, ["lines[1].discount"]);
    assert_eq!(
        refused(sale(&compressor, vec![line(&compressor, 1), line(&compressor, 1)])).await,
        ["lines[1].part_id"],
        "one line per part"
    );

    let tehran_customer = customer_named(&app, "مریم رضایی").await;
    let mut elsewhere = sale(&compressor, vec![line(&compressor, 1)]);
    elsewhere["customer_id"] = tehran_customer;
    elsewhere.as_object_mut().map(|o| o.remove("customer_name"));
    assert_eq!(refused(elsewhere).await, ["customer_id"], "a customer of another branch");
    assert_eq!(state(&app, &keeper, &compressor, &dollars).await, before);

    let explained = app.post("/api/v1/part-sales", &keeper, &sale(&compressor, vec![cheaper])).await;
    assert_eq!(json(explained).await["total"]["amount"], "1500000", "with a reason, the other price stands");
}

#[tokio::test]
async fn a_sale_is_seen_in_its_own_part_of_the_network_only() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let compressor = shelf(&app, "SEEN").await;
    assert_eq!(receive(&app, &keeper, &compressor, 5, "1250000").await.status(), StatusCode::CREATED);
    let hoa = customer_named(&app, "Nguyễn Thị Hoa").await;
    let mut body = sale(&compressor, vec![line(&compressor, 1)]);
    body["customer_id"] = hoa.clone();
    body.as_object_mut().map(|o| o.remove("customer_name"));
    let sold = json(app.post("/api/v1/part-sales", &keeper, &body).await).await;
    assert_eq!(sold["customer_id"], hoa);
    assert_eq!(sold["buyer_name"], "Nguyễn Thị Hoa", "the registered customer's name");
    let path = format!("/api/v1/part-sales/{}", sold["id"].as_str().unwrap_or_default());

    let by_customer = format!("/api/v1/part-sales?customer_id={}", hoa.as_str().unwrap_or_default());
    assert_eq!(json(app.get(&by_customer, &keeper).await).await["items"][0]["id"], sold["id"]);
    let tech = app.token("tech.hn01").await;
    assert_eq!(app.get(&path, &tech).await.status(), StatusCode::OK, "the outlet's technician sees it");
    assert_eq!(app.post("/api/v1/part-sales", &tech, &body).await.status(), StatusCode::FORBIDDEN, "but does not sell");
    let tehran = app.token("clerk.teh01").await;
    assert_problem(app.get(&path, &tehran).await, StatusCode::NOT_FOUND, "not_found").await;
    let listed = json(app.get("/api/v1/part-sales", &tehran).await).await;
    assert_eq!(listed["items"], json!([]), "another branch's sales are not listed");
}
