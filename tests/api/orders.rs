//! Orders from e-commerce platforms, end to end with a platform's key: an
//! order's units registered with their warranties and an installation ticket
//! for the model that needs one, the marketplace lifecycle with its refusals,
//! a platform seeing only its own orders, and a return request that opens a
//! linked ticket whose decision (by staff, once) reaches the platform's
//! webhook receiver, signed.
use std::time::Duration;

use aftersales_tests::receiver::Receiver;
use aftersales_tests::{TestApp, json, spawn_app};
use chrono::Utc;
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::model_id;
use crate::partners::{new_key, partner, secret, with_key};
use crate::tickets::{daikin_policy, id_of};

/// A platform of HN01 and a key of it with the order and ticket scopes.
async fn platform(app: &TestApp, admin: &str, code: &str, extra_scopes: &[&str]) -> (Value, String) {
    let platform = partner(app, admin, code, "ecommerce_platform", json!({})).await;
    let mut scopes = vec!["orders:write", "tickets:read"];
    scopes.extend_from_slice(extra_scopes);
    (platform.clone(), secret(&new_key(app, admin, &platform, &scopes).await))
}

/// Asserts a problem answer with this status that names `field`.
async fn refused(response: Response, status: StatusCode, field: &str) -> Value {
    assert_eq!(response.status(), status);
    let problem = json(response).await;
    let fields: Vec<&str> =
        problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str()).collect();
    assert!(fields.contains(&field), "{field} in {problem}");
    problem
}

fn today() -> String {
    Utc::now().date_naive().to_string()
}

fn buyer(phone: &str) -> Value {
    json!({"kind": "individual", "name": "Nguyễn Thị Lan", "phones": [{"number": phone}]})
}

async fn post_order(app: &TestApp, key: &str, body: &Value) -> Response {
    with_key(app, Method::POST, "/api/v1/orders", key, Some(body)).await
}

async fn order_status(app: &TestApp, key: &str, order: &Value, body: &Value) -> Response {
    with_key(app, Method::POST, &format!("/api/v1/orders/{}/status", id_of(order)), key, Some(body)).await
}

async fn read(app: &TestApp, key: &str, path: &str) -> Value {
    let response = with_key(app, Method::GET, path, key, None).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    json(response).await
}

#[tokio::test]
async fn an_order_with_three_serials_registers_three_warranties_and_one_installation_ticket() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let admin = app.token("admin").await;
    let (_, key) = platform(&app, &admin, "SHOPEE", &[]).await;
    let aircon = model_id(&app, &admin, "FTKB25WVMV").await;
    let fridge = model_id(&app, &admin, "RT38CG6584B1").await;
    let tv = model_id(&app, &admin, "QA55Q60D").await;
    let body = json!({
        "external_reference": "SHP-1001", "status": "delivered", "ordered_on": today(), "delivered_on": today(),
        "customer": buyer("0913 555 101"), "installation_address": "12 Phố Huế, Hà Nội",
        "lines": [{"model_id": aircon, "serial": "DK-ORD-0001"}, {"model_id": fridge, "serial": "SS-ORD-0002"},
                  {"model_id": tv, "serial": "TV-ORD-0003"}]
    });
    let response = post_order(&app, &key, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let order = json(response).await;
    assert_eq!(order["status"], "delivered");
    let lines = order["lines"].as_array().cloned().unwrap_or_default();
    assert_eq!(lines.len(), 3);

    // Three units registered as sold on the order's day to its buyer.
    for line in &lines {
        let unit = read(&app, &admin, &format!("/api/v1/serials/{}", line["serial_id"].as_str().unwrap_or("-"))).await;
        assert_eq!(unit["sale_date"], today(), "{unit}");
        assert_eq!(unit["delivery_date"], today());
        assert_eq!(unit["sale_document"], "SHP-1001");
        assert_eq!(unit["owner_customer_id"], order["customer_id"]);
    }
    let check = json!({"serial_id": lines[0]["serial_id"], "claim": {"date": today()}});
    let decision = json(app.post("/api/v1/warranty/evaluate", &admin, &check).await).await;
    assert_eq!(decision["legs"][0]["covered"], true, "the air conditioner's warranty runs: {decision}");

    // One installation ticket, for the air conditioner, which the platform's key reads.
    let tickets: Vec<&Value> = lines.iter().filter(|l| !l["installation_ticket_id"].is_null()).collect();
    assert_eq!(tickets.len(), 1, "{lines:?}");
    assert_eq!(tickets[0]["model_id"], aircon.as_str());
    let id = tickets[0]["installation_ticket_id"].as_str().unwrap_or_default();
    let ticket = read(&app, &key, &format!("/api/v1/tickets/{id}")).await;
    assert_eq!(ticket["kind"], "installation");
    assert_eq!(ticket["channel"], "ecommerce");
    assert_eq!(ticket["serial_id"], lines[0]["serial_id"]);
    assert_eq!(ticket["customer_id"], order["customer_id"]);

    // The same order number again is refused; the buyer is not registered twice.
    let again = post_order(&app, &key, &body).await;
    refused(again, StatusCode::CONFLICT, "external_reference").await;
    // A unit sold already cannot be sold again: the 409 names the line.
    let resold = json!({"external_reference": "SHP-1003", "status": "delivered", "ordered_on": today(),
        "delivered_on": today(), "customer": buyer("0913 555 102"),
        "lines": [{"model_id": tv, "serial": "TV-ORD-0099"}, {"model_id": tv, "serial": "TV-ORD-0003"}]});
    refused(post_order(&app, &key, &resold).await, StatusCode::CONFLICT, "lines[1].serial").await;
    let half = read(&app, &admin, "/api/v1/serials?serial=TV-ORD-0099").await;
    assert_eq!(half["items"].as_array().map(Vec::len), Some(0), "nothing of the refused order is kept: {half}");
    let second = json!({"external_reference": "SHP-1002", "status": "new", "ordered_on": today(),
        "customer": buyer("0913555101"), "lines": [{"model_id": tv}]});
    let second = json(post_order(&app, &key, &second).await).await;
    assert_eq!(second["customer_id"], order["customer_id"], "a repeat buyer is found by phone");
    assert!(second["lines"][0]["serial_id"].is_null(), "a new order sells nothing yet");
}

#[tokio::test]
async fn an_order_follows_the_marketplace_lifecycle_and_refuses_a_step_it_does_not_allow() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let (_, key) = platform(&app, &admin, "LAZADA", &[]).await;
    let fridge = model_id(&app, &admin, "RT38CG6584B1").await;
    let body = json!({"external_reference": "LZ-77", "status": "confirmed", "ordered_on": today(),
        "customer": buyer("0913 555 201"), "lines": [{"model_id": fridge}]});
    let order = json(post_order(&app, &key, &body).await).await;

    let skip = order_status(&app, &key, &order, &json!({"status": "delivered", "delivered_on": today()})).await;
    let problem = refused(skip, StatusCode::CONFLICT, "status").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains("shipped"), "{problem}");
    let by_return = order_status(&app, &key, &order, &json!({"status": "returned"})).await;
    refused(by_return, StatusCode::UNPROCESSABLE_ENTITY, "status").await;
    let undated = order_status(&app, &key, &order, &json!({"status": "delivered"})).await;
    refused(undated, StatusCode::UNPROCESSABLE_ENTITY, "delivered_on").await;

    // Shipped with the serial learned since: the unit is sold now, delivered later.
    let shipped = json!({"status": "shipped", "serials": [{"line_no": 1, "serial": "SS-LZ-0077"}]});
    let order = json(order_status(&app, &key, &order, &shipped).await).await;
    let unit_id = order["lines"][0]["serial_id"].as_str().unwrap_or_default().to_owned();
    let unit = read(&app, &admin, &format!("/api/v1/serials/{unit_id}")).await;
    assert_eq!(unit["serial"], "SS-LZ-0077");
    assert!(unit["delivery_date"].is_null());
    let order =
        json(order_status(&app, &key, &order, &json!({"status": "delivered", "delivered_on": today()})).await).await;
    let unit = read(&app, &admin, &format!("/api/v1/serials/{unit_id}")).await;
    assert_eq!(unit["delivery_date"], today(), "delivery dates the unit sold before");

    let cancel = order_status(&app, &key, &order, &json!({"status": "cancelled"})).await;
    refused(cancel, StatusCode::CONFLICT, "status").await;
    let history: Vec<&str> =
        order["history"].as_array().into_iter().flatten().filter_map(|e| e["to_status"].as_str()).collect();
    assert_eq!(history, ["confirmed", "shipped", "delivered"]);

    // Another platform does not even learn that the order exists.
    let (_, other) = platform(&app, &admin, "TIKI", &[]).await;
    let response = with_key(&app, Method::GET, &format!("/api/v1/orders/{}", id_of(&order)), &other, None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let listed = read(&app, &other, "/api/v1/orders").await;
    assert_eq!(listed["items"].as_array().map(Vec::len), Some(0));
    let found = read(&app, &key, "/api/v1/orders?external_reference=LZ-77").await;
    assert_eq!(found["items"][0]["id"], order["id"]);
}

#[tokio::test]
async fn a_return_request_opens_a_linked_ticket_and_its_decision_reaches_the_platform() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let admin = app.token("admin").await;
    let (_, key) = platform(&app, &admin, "SENDO", &["webhooks:manage"]).await;
    let receiver = Receiver::start(0);
    let subscription = json!({"url": receiver.url, "events": ["order.status_changed", "return.decided"]});
    let subscribed = with_key(&app, Method::POST, "/api/v1/webhooks", &key, Some(&subscription)).await;
    assert_eq!(subscribed.status(), StatusCode::CREATED);
    let signing = json(subscribed).await["secret"].as_str().unwrap_or_default().to_owned();

    let aircon = model_id(&app, &admin, "FTKB25WVMV").await;
    let sold_on = (Utc::now() - chrono::Duration::days(40)).date_naive().to_string();
    let body = json!({"external_reference": "SD-9", "status": "delivered", "ordered_on": sold_on,
        "delivered_on": sold_on, "customer": buyer("0913 555 301"), "lines": [{"model_id": aircon, "serial": "DK-SD-0009"}]});
    let order = json(post_order(&app, &key, &body).await).await;

    let ask = json!({"line_no": 1, "kind": "exchange", "reason": "Compressor rattles"});
    let path = format!("/api/v1/orders/{}/returns", id_of(&order));
    let response = with_key(&app, Method::POST, &path, &key, Some(&ask)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let asked = json(response).await;
    let ticket = read(&app, &key, &format!("/api/v1/tickets/{}", asked["ticket_id"].as_str().unwrap_or("-"))).await;
    assert_eq!(ticket["kind"], "return_exchange");
    assert_eq!(ticket["serial_id"], order["lines"][0]["serial_id"]);
    let again = with_key(&app, Method::POST, &path, &key, Some(&ask)).await;
    refused(again, StatusCode::CONFLICT, "line_no").await;
    let order_now = read(&app, &key, &format!("/api/v1/orders/{}", id_of(&order))).await;
    assert_eq!(order_now["status"], "exchange_requested");
    assert_eq!(order_now["returns"][0]["ticket_id"], asked["ticket_id"]);

    // The network decides, not the platform; a unit it keeps needs a returns warehouse.
    let decide = format!("/api/v1/order-returns/{}/decision", id_of(&asked));
    let by_key = with_key(&app, Method::POST, &decide, &key, Some(&json!({"outcome": "refund"}))).await;
    assert_eq!(by_key.status(), StatusCode::FORBIDDEN);
    let manager = app.token("admin").await;
    let no_shelf = app.post(&decide, &manager, &json!({"outcome": "exchange", "exchange_serial": "DK-SD-0010"})).await;
    refused(no_shelf, StatusCode::UNPROCESSABLE_ENTITY, "warehouse_id").await;
    let warehouses = json(app.get("/api/v1/warehouses?limit=200", &manager).await).await;
    let code_of = |code: &str| {
        warehouses["items"].as_array().into_iter().flatten().find(|w| w["code"] == code).map(id_of).unwrap_or_default()
    };
    let (returns, main) = (code_of("HN01-RET"), code_of("HN01-MAIN"));
    let wrong_shelf = json!({"outcome": "refund", "warehouse_id": main});
    refused(app.post(&decide, &manager, &wrong_shelf).await, StatusCode::UNPROCESSABLE_ENTITY, "warehouse_id").await;

    // Two people decide at once: one decision stands.
    let exchange = json!({"outcome": "exchange", "warehouse_id": returns, "exchange_serial": "DK-SD-0010", "note": "noise confirmed"});
    let refund = json!({"outcome": "refund", "warehouse_id": returns});
    let (first, second) = tokio::join!(app.post(&decide, &manager, &exchange), app.post(&decide, &manager, &refund));
    let statuses = [first.status(), second.status()];
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert!(
        statuses.contains(&StatusCode::CONFLICT) || statuses.contains(&StatusCode::PRECONDITION_FAILED),
        "{statuses:?}"
    );
    let decided = read(&app, &key, &format!("/api/v1/orders/{}", id_of(&order))).await;
    let outcome = decided["returns"][0]["outcome"].as_str().unwrap_or_default().to_owned();
    assert_eq!(decided["status"], if outcome == "exchange" { "exchanged" } else { "returned" });

    // The unit the network kept is in the returns warehouse.
    let kept = read(&app, &manager, &format!("/api/v1/warehouses/{returns}/returned-units")).await;
    assert_eq!(kept["items"][0]["id"], asked["id"]);
    if outcome == "exchange" {
        // The exchange unit carries over what was left of the warranty: the same sale day.
        let new_unit = decided["lines"][0]["serial_id"].as_str().unwrap_or_default();
        let unit = read(&app, &manager, &format!("/api/v1/serials/{new_unit}")).await;
        assert_eq!(unit["serial"], "DK-SD-0010");
        assert_eq!(unit["sale_date"], sold_on.as_str());
        assert_eq!(unit["owner_customer_id"], order["customer_id"]);
    }

    // The platform hears of the decision, signed, and of the order's moves.
    let got = receiver
        .wait_for(Duration::from_secs(30), |got| got.iter().any(|r| r.json()["type"] == "return.decided"))
        .await;
    let news = got.iter().find(|r| r.json()["type"] == "return.decided").map(|r| (r.json(), r.signed_by(&signing)));
    let Some((message, signed)) = news else { panic!("no return.decided: {got:#?}") };
    assert!(signed, "signed with the endpoint's secret");
    assert_eq!(message["data"]["return"]["outcome"], outcome.as_str());
    assert_eq!(message["data"]["order"]["external_reference"], "SD-9");
    let moves: Vec<String> = got
        .iter()
        .map(|r| r.json())
        .filter(|m| m["type"] == "order.status_changed")
        .map(|m| m["data"]["order"]["status"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(moves.contains(&"exchange_requested".to_owned()), "{moves:?}");
}
