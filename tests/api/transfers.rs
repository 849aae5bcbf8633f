//! Stock transfers over HTTP: shipped all at once or not at all, received in
//! parts at the shipped cost, what never arrived written down, received once
//! however many people press the button, and only by the receiving side.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::stock::{ledger_sums, on_hand, receive, shelf};
use crate::stock_fixtures::{at, demo_warehouse, id, part, stranger, warehouse};

fn lines(items: &[(&str, i64)]) -> Value {
    Value::Array(items.iter().map(|(part, quantity)| json!({"part_id": part, "quantity": quantity})).collect())
}

async fn draft(app: &TestApp, token: &str, from: &str, to: &str, items: &[(&str, i64)]) -> Value {
    let body = json!({"from_warehouse_id": from, "to_warehouse_id": to, "lines": lines(items)});
    let response = app.post("/api/v1/transfers", token, &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "draft");
    json(response).await
}

async fn step(app: &TestApp, token: &str, transfer: &Value, action: &str, body: &Value) -> Response {
    app.post(&format!("/api/v1/transfers/{}/{action}", id(transfer)), token, body).await
}

async fn ship(app: &TestApp, token: &str, transfer: &Value) -> Response {
    app.request(Method::POST, &format!("/api/v1/transfers/{}/ship", id(transfer)), Some(token))
        .send()
        .await
        .unwrap_or_else(|e| panic!("ship: {e}"))
}

/// Shipped, received and in transit of each line.
fn quantities(transfer: &Value) -> Vec<(i64, i64, i64, i64)> {
    let rows = transfer["lines"].as_array().cloned().unwrap_or_default();
    let n = |r: &Value, k: &str| r[k].as_i64().unwrap_or(-1);
    rows.iter().map(|r| (n(r, "shipped"), n(r, "received"), n(r, "in_transit"), n(r, "missing"))).collect()
}

async fn listed(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let page = json(app.get(&format!("/api/v1/transfers?{query}"), token).await).await;
    page["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|t| t["number"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn a_transfer_is_shipped_at_once_and_arrives_in_two_receipts() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let source = shelf(&app, "TRA").await;
    let board = part(&app, "TRA").await;
    let to = warehouse(&app, "WH-TRA-B").await;
    assert_eq!(receive(&app, &keeper, &source, 10, "1000").await.status(), StatusCode::CREATED);
    assert_eq!(receive(&app, &keeper, &at(&source.warehouse, &board), 4, "500").await.status(), StatusCode::CREATED);

    let transfer = draft(&app, &keeper, &source.warehouse, &to, &[(&source.part, 6), (&board, 4)]).await;
    let number = transfer["number"].as_str().unwrap_or_default();
    assert!(number.starts_with("TR-HN01-") && number.ends_with("-000001"), "{number}");
    assert_eq!(transfer["status"], "draft");
    assert_eq!(on_hand(&app, &keeper, &source).await, (10, 10_000), "a draft moves nothing");

    let shipped = ship(&app, &keeper, &transfer).await;
    assert_eq!(shipped.status(), StatusCode::OK);
    let shipped = json(shipped).await;
    assert_eq!(shipped["status"], "shipped");
    assert_eq!(quantities(&shipped), [(6, 0, 6, 0), (4, 0, 4, 0)]);
    assert_eq!(shipped["lines"][0]["shipped_unit_cost_minor"], 1000);
    assert_eq!(on_hand(&app, &keeper, &source).await, (4, 4_000));
    assert_eq!(on_hand(&app, &keeper, &at(&source.warehouse, &board)).await, (0, 0));
    assert_eq!(listed(&app, &keeper, "in_transit=true").await, [number]);

    let more = step(&app, &keeper, &transfer, "receive", &json!({"lines": lines(&[(&source.part, 7)])})).await;
    let problem = assert_problem(more, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "lines[0].quantity");
    assert_eq!(problem["errors"][0]["message"], "only 6 in transit, 7 received");

    let first = step(&app, &keeper, &transfer, "receive", &json!({"lines": lines(&[(&source.part, 2)])})).await;
    assert_eq!(first.status(), StatusCode::OK);
    let first = json(first).await;
    assert_eq!(first["status"], "partially_received");
    assert_eq!(quantities(&first), [(6, 2, 4, 0), (4, 0, 4, 0)]);
    assert_eq!(on_hand(&app, &keeper, &at(&to, &source.part)).await, (2, 2_000), "at the shipped cost");

    let rest = json!({"lines": lines(&[(&board, 4), (&source.part, 4)])});
    let done = json(step(&app, &keeper, &transfer, "receive", &rest).await).await;
    assert_eq!(done["status"], "received");
    assert_eq!(quantities(&done), [(6, 6, 0, 0), (4, 4, 0, 0)]);
    assert!(done["received_at"].is_string());
    assert_eq!(on_hand(&app, &keeper, &at(&to, &source.part)).await, (6, 6_000));
    assert_eq!(on_hand(&app, &keeper, &at(&to, &board)).await, (4, 2_000));
    assert_eq!(listed(&app, &keeper, "in_transit=true").await, Vec::<String>::new());
    assert_eq!(listed(&app, &keeper, &format!("status=received&warehouse_id={to}")).await, [number]);

    let again = step(&app, &keeper, &transfer, "receive", &json!({"lines": lines(&[(&board, 1)])})).await;
    assert_problem(again, StatusCode::CONFLICT, "conflict").await;
    let got = json(app.get(&format!("/api/v1/transfers/{}", id(&transfer)), &keeper).await).await;
    assert_eq!(got, done);
}

#[tokio::test]
async fn what_never_arrived_is_written_down_and_closes_the_transfer() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let source = shelf(&app, "LOST").await;
    let to = warehouse(&app, "WH-LOST-B").await;
    assert_eq!(receive(&app, &keeper, &source, 5, "1000").await.status(), StatusCode::CREATED);
    let transfer = draft(&app, &keeper, &source.warehouse, &to, &[(&source.part, 5)]).await;
    assert_eq!(ship(&app, &keeper, &transfer).await.status(), StatusCode::OK);
    let three = step(&app, &keeper, &transfer, "receive", &json!({"lines": lines(&[(&source.part, 3)])})).await;
    assert_eq!(three.status(), StatusCode::OK);

    let close = |missing: i64| json!({"lines": [{"part_id": source.part, "missing": missing, "note": "box crushed"}]});
    let wrong = step(&app, &keeper, &transfer, "close-with-discrepancy", &close(1)).await;
    let problem = assert_problem(wrong, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "lines[0].missing");

    let closed = step(&app, &keeper, &transfer, "close-with-discrepancy", &close(2)).await;
    assert_eq!(closed.status(), StatusCode::OK);
    let closed = json(closed).await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(quantities(&closed), [(5, 3, 0, 2)], "shipped = received + in transit + missing");
    assert_eq!(closed["lines"][0]["discrepancy_note"], "box crushed");
    assert_eq!(on_hand(&app, &keeper, &source).await, (0, 0));
    assert_eq!(on_hand(&app, &keeper, &at(&to, &source.part)).await, (3, 3_000), "the missing two arrive nowhere");

    let late = step(&app, &keeper, &transfer, "receive", &json!({"lines": lines(&[(&source.part, 1)])})).await;
    assert_problem(late, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn a_transfer_short_on_its_last_line_moves_nothing_anywhere() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let source = shelf(&app, "SHORT").await;
    let (second, third) = (part(&app, "SHORT-2").await, part(&app, "SHORT-3").await);
    let to = warehouse(&app, "WH-SHORT-B").await;
    assert_eq!(receive(&app, &keeper, &source, 5, "1000").await.status(), StatusCode::CREATED);
    let second_at = at(&source.warehouse, &second);
    let third_at = at(&source.warehouse, &third);
    assert_eq!(receive(&app, &keeper, &second_at, 5, "700").await.status(), StatusCode::CREATED);
    assert_eq!(receive(&app, &keeper, &third_at, 1, "300").await.status(), StatusCode::CREATED);
    let shelves = [source, second_at, third_at, at(&to, &second), at(&to, &third)];
    let mut before = Vec::new();
    for s in &shelves {
        before.push((on_hand(&app, &keeper, s).await, ledger_sums(&app, &keeper, s).await));
    }

    let transfer =
        draft(&app, &keeper, &shelves[0].warehouse, &to, &[(&shelves[0].part, 2), (&second, 2), (&third, 2)]).await;
    let problem = assert_problem(ship(&app, &keeper, &transfer).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(problem["detail"], "line 3 (PRT-SHORT-3): not enough stock: 1 available, 2 requested");
    assert_eq!(
        (problem["errors"][0]["field"].clone(), problem["errors"][0]["code"].clone()),
        (json!("lines[2].quantity"), json!("insufficient_stock"))
    );

    let mut after = Vec::new();
    for s in &shelves {
        after.push((on_hand(&app, &keeper, s).await, ledger_sums(&app, &keeper, s).await));
    }
    assert_eq!(after, before, "neither warehouse's stock nor ledger moved");
    let got = json(app.get(&format!("/api/v1/transfers/{}", id(&transfer)), &keeper).await).await;
    assert_eq!((got["status"].as_str(), got["version"].as_i64()), (Some("draft"), Some(1)));
}

#[tokio::test]
async fn twelve_people_receiving_the_same_transfer_at_once_receive_it_once() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let manager = app.token("manager.hn").await;
    let source = shelf(&app, "TWICE").await;
    let to = warehouse(&app, "WH-TWICE-B").await;
    assert_eq!(receive(&app, &keeper, &source, 5, "1000").await.status(), StatusCode::CREATED);
    let transfer = draft(&app, &keeper, &source.warehouse, &to, &[(&source.part, 5)]).await;
    assert_eq!(ship(&app, &keeper, &transfer).await.status(), StatusCode::OK);

    let body = json!({"lines": lines(&[(&source.part, 5)])});
    let tokens = [&keeper, &manager];
    let attempts = (0..12).map(|i| step(&app, tokens[i % 2], &transfer, "receive", &body));
    let mut statuses: Vec<u16> =
        futures_util::future::join_all(attempts).await.iter().map(|r| r.status().as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409, 409, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    let into = at(&to, &source.part);
    assert_eq!(on_hand(&app, &keeper, &into).await, (5, 5_000));
    assert_eq!(ledger_sums(&app, &keeper, &into).await, (5, 5_000, 1), "one transfer_in");
}

#[tokio::test]
async fn a_replayed_ship_ships_once_and_a_stale_version_is_refused() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let source = shelf(&app, "KEY").await;
    let to = warehouse(&app, "WH-KEY-B").await;
    assert_eq!(receive(&app, &keeper, &source, 4, "1000").await.status(), StatusCode::CREATED);
    let transfer = draft(&app, &keeper, &source.warehouse, &to, &[(&source.part, 3)]).await;
    let path = format!("/api/v1/transfers/{}/ship", id(&transfer));
    let send = |if_match: &'static str| {
        app.request(Method::POST, &path, Some(&keeper))
            .header("Idempotency-Key", "ship-0001")
            .header("If-Match", if_match)
            .send()
    };
    let stale = app.request(Method::POST, &path, Some(&keeper)).header("If-Match", "\"7\"").send().await;
    let stale = stale.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    let first = send("\"1\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    let again = send("\"1\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.headers().get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(on_hand(&app, &keeper, &source).await, (1, 1_000), "shipped once");
}

#[tokio::test]
async fn a_bad_draft_is_refused_naming_the_line() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let source = shelf(&app, "BAD").await;
    let to = warehouse(&app, "WH-BAD-B").await;
    let other = part(&app, "BAD-2").await;
    let refused = |body: Value| {
        let app = &app;
        let keeper = &keeper;
        async move {
            let response = app.post("/api/v1/transfers", keeper, &body).await;
            let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            (
                problem["errors"][0]["field"].as_str().unwrap_or_default().to_owned(),
                problem["errors"][0]["code"].clone(),
            )
        }
    };
    let body = |to: &str, items: &[(&str, i64)]| json!({"from_warehouse_id": source.warehouse, "to_warehouse_id": to, "lines": lines(items)});
    let zero = body(&to, &[(&source.part, 1), (&other, 1), (&source.part, 0)]);
    assert_eq!(refused(zero).await.0, "lines[2].quantity");
    let twice = body(&to, &[(&source.part, 1), (&source.part, 2)]);
    assert_eq!(refused(twice).await, ("lines[1].part_id".to_owned(), json!("duplicate")));
    assert_eq!(refused(body(&source.warehouse, &[(&source.part, 1)])).await.0, "to_warehouse_id");
    assert_eq!(refused(body(&to, &[])).await.0, "lines");

    let admin = app.token("admin").await;
    let retired = app.patch(&format!("/api/v1/parts/{other}"), &admin, &json!({"active": false})).await;
    assert_eq!(retired.status(), StatusCode::OK);
    let discontinued = body(&to, &[(&source.part, 1), (&other, 1)]);
    assert_eq!(refused(discontinued).await, ("lines[1].part_id".to_owned(), json!("inactive_part")));
    assert_eq!(listed(&app, &keeper, "").await, Vec::<String>::new(), "nothing drafted");
}

#[tokio::test]
async fn the_sender_ships_the_receiver_receives_and_tehran_sees_nothing() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let manager = app.token("manager.hn").await;
    let source = shelf(&app, "SIDES").await;
    let regional = demo_warehouse(&app, "RC-HN-MAIN").await;
    assert_eq!(receive(&app, &keeper, &source, 2, "1000").await.status(), StatusCode::CREATED);
    let transfer = draft(&app, &keeper, &source.warehouse, &regional, &[(&source.part, 2)]).await;

    let tehran_clerk = app.token("clerk.teh01").await;
    let tehran_keeper = stranger(&app, "keeper.teh01", "TEH01", "warehouse").await;
    let path = format!("/api/v1/transfers/{}", id(&transfer));
    assert_problem(app.get(&path, &tehran_clerk).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(listed(&app, &tehran_clerk, "").await, Vec::<String>::new());
    assert_problem(ship(&app, &tehran_clerk, &transfer).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert_problem(ship(&app, &tehran_keeper, &transfer).await, StatusCode::NOT_FOUND, "not_found").await;

    assert_eq!(ship(&app, &keeper, &transfer).await.status(), StatusCode::OK);
    let body = json!({"lines": lines(&[(&source.part, 2)])});
    let not_mine = step(&app, &keeper, &transfer, "receive", &body).await;
    assert_problem(not_mine, StatusCode::FORBIDDEN, "forbidden").await;
    let stranger_tries = step(&app, &tehran_keeper, &transfer, "receive", &body).await;
    assert_problem(stranger_tries, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(app.get(&path, &keeper).await.status(), StatusCode::OK, "the sender follows it");

    let received = step(&app, &manager, &transfer, "receive", &body).await;
    assert_eq!(received.status(), StatusCode::OK, "the regional centre receives");
    assert_eq!(on_hand(&app, &manager, &at(&regional, &source.part)).await, (2, 2_000));
}
