//! Labour lines on a ticket: taken from the service catalogue at its price of the
//! day, free lines for the office only, exact totals per currency, timeline events,
//! and the `labour_recorded` guard of completing a repair.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::catalogue::{category_id, delete, id_in};
use crate::dispatch::send_technician;
use crate::ticket_work::{fields, header, ticket};

async fn service_item(app: &TestApp, token: &str, category: &str, code: &str) -> String {
    let ac = category_id(app, token, category).await;
    id_in(app, token, &format!("/api/v1/service-items?category_id={ac}"), "code", code).await
}

async fn user_id(app: &TestApp, token: &str) -> String {
    json(app.get("/api/v1/auth/me", token).await).await["id"].as_str().unwrap_or_default().to_owned()
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

/// The guard states of the step from the ticket's stage to `to`.
async fn guards_to(app: &TestApp, token: &str, ticket: &str, to: &str) -> Value {
    let steps = json(app.get(&format!("/api/v1/tickets/{ticket}/transitions"), token).await).await;
    let step = steps.as_array().into_iter().flatten().find(|s| s["to"] == to).cloned();
    step.unwrap_or_else(|| panic!("no step to {to}: {steps}"))["guards"].clone()
}

fn holds(guards: &Value, guard: &str) -> bool {
    let found = guards.as_array().into_iter().flatten().find(|g| g["guard"] == guard);
    found.unwrap_or_else(|| panic!("no guard {guard}: {guards}"))["holds"] == true
}

#[tokio::test]
async fn lines_copy_the_catalogue_price_and_add_up_exactly_per_currency() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let tech = app.token("tech.hn01").await;
    let t = ticket(&app, &clerk, "repair").await;
    let path = format!("/api/v1/tickets/{}/labour", id(&t));
    let etag_before = header(&app.get(&format!("/api/v1/tickets/{}", id(&t)), &clerk).await, "etag");
    let gas = service_item(&app, &clerk, "air_conditioner", "AC_GAS").await;

    let response = app.post(&path, &tech, &json!({"service_item_id": gas, "quantity": 2})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let line = json(response).await;
    assert_eq!(line["code"], "AC_GAS");
    assert_eq!(line["description"], "Refrigerant gas recharge");
    assert_eq!(line["unit_price"], json!({"amount": "450000", "currency": "VND"}));
    assert_eq!(line["minutes"], 45);
    assert_eq!(line["line_total"], json!({"amount": "900000", "currency": "VND"}));
    assert_eq!(line["technician_id"], user_id(&app, &tech).await, "a technician's line is theirs");

    // A later price change leaves the recorded line as it was.
    let admin = app.token("admin").await;
    let repriced = app
        .patch(
            &format!("/api/v1/service-items/{gas}"),
            &admin,
            &json!({"price": {"amount": "500000", "currency": "VND"}}),
        )
        .await;
    assert_eq!(repriced.status(), StatusCode::OK);
    let free = json!({"code": "travel", "description": "Travel beyond 20 km", "quantity": 3,
        "unit_price": {"amount": "12.5", "currency": "USD"}, "minutes": 10, "technician_id": user_id(&app, &tech).await});
    let response = app.post(&path, &clerk, &free).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let free_line = json(response).await;
    assert_eq!(free_line["code"], "TRAVEL");
    assert_eq!(free_line["line_total"], json!({"amount": "37.50", "currency": "USD"}));

    let sheet = json(app.get(&path, &clerk).await).await;
    assert_eq!(sheet["lines"].as_array().map(Vec::len), Some(2));
    assert_eq!(sheet["lines"][0]["unit_price"]["amount"], "450000");
    assert_eq!(
        sheet["totals"],
        json!([{"amount": "37.50", "currency": "USD"}, {"amount": "900000", "currency": "VND"}])
    );
    assert_eq!(sheet["total_minutes"], 2 * 45 + 3 * 10);

    // Free lines are the office's; the technician must be a technician in scope;
    // the item must be of the ticket's category; catalogue lines take nothing else.
    let refused = app
        .post(
            &path,
            &tech,
            &json!({"code": "X", "description": "x",
        "unit_price": {"amount": "1", "currency": "VND"}}),
        )
        .await;
    assert_problem(refused, StatusCode::FORBIDDEN, "forbidden").await;
    let fridge = app
        .post(
            "/api/v1/service-items",
            &admin,
            &json!({"category_id": category_id(&app, &admin, "refrigerator").await,
        "code": "RF_GAS", "names": {"en": "Fridge gas"}, "price": {"amount": "300000", "currency": "VND"},
        "standard_minutes": 40}),
        )
        .await;
    let fridge = id(&json(fridge).await);
    for (body, field) in [
        (json!({"service_item_id": gas, "technician_id": user_id(&app, &clerk).await}), "technician_id"),
        (json!({"service_item_id": gas, "technician_id": Uuid::now_v7()}), "technician_id"),
        (json!({"service_item_id": fridge}), "service_item_id"),
        (json!({"service_item_id": Uuid::now_v7()}), "service_item_id"),
        (json!({"service_item_id": gas, "unit_price": {"amount": "1", "currency": "VND"}}), "unit_price"),
    ] {
        let response = app.post(&path, &clerk, &body).await;
        let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(fields(&problem), vec![field.to_owned()], "{body}");
    }
    let incomplete = app.post(&path, &clerk, &json!({"code": "X", "description": "x"})).await;
    let problem = assert_problem(incomplete, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(fields(&problem), vec!["unit_price".to_owned()]);

    // A catalogue item that lines were taken from is retired, not deleted.
    let in_use = delete(&app, &format!("/api/v1/service-items/{gas}"), &admin).await;
    let problem = assert_problem(in_use, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains("active: false"), "{problem}");

    // Removing: the technician may not remove the office's free line, but their own.
    let free_path = format!("{path}/{}", id(&free_line));
    assert_problem(delete(&app, &free_path, &tech).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(delete(&app, &format!("{path}/{}", id(&line)), &tech).await.status(), StatusCode::NO_CONTENT);
    assert_problem(delete(&app, &format!("{path}/{}", id(&line)), &tech).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    let sheet = json(app.get(&path, &clerk).await).await;
    assert_eq!(sheet["totals"], json!([{"amount": "37.50", "currency": "USD"}]));

    let timeline = json(app.get(&format!("/api/v1/tickets/{}/timeline", id(&t)), &clerk).await).await;
    let labour: Vec<(String, Value, Value)> = timeline
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["kind"].as_str().is_some_and(|k| k.starts_with("labour_")))
        .map(|e| (e["kind"].as_str().unwrap_or_default().to_owned(), e["from"].clone(), e["to"].clone()))
        .collect();
    assert_eq!(
        labour,
        vec![
            ("labour_added".to_owned(), Value::Null, json!("AC_GAS")),
            ("labour_added".to_owned(), Value::Null, json!("TRAVEL")),
            ("labour_removed".to_owned(), json!("AC_GAS"), Value::Null),
        ]
    );
    let etag_after = header(&app.get(&format!("/api/v1/tickets/{}", id(&t)), &clerk).await, "etag");
    assert_eq!(etag_after, etag_before, "labour changes no field of the ticket");
}

#[tokio::test]
async fn a_repair_is_completed_only_with_labour_recorded() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let tech = app.token("tech.hn01").await;
    let t = ticket(&app, &clerk, "repair").await;
    let ticket_id = id(&t);
    assert_eq!(send_technician(&app, &ticket_id, "tech.hn01").await, user_id(&app, &tech).await);

    let path = format!("/api/v1/tickets/{ticket_id}");
    let step = |to: &str| json!({"to": to});
    assert_eq!(app.patch(&path, &tech, &json!({"diagnosis_code": "PCB_FAULT"})).await.status(), StatusCode::OK);
    for to in ["diagnosed", "in_repair"] {
        let moved = app.post(&format!("{path}/transitions"), &tech, &step(to)).await;
        assert_eq!(moved.status(), StatusCode::OK, "to {to}");
    }
    assert_eq!(app.patch(&path, &tech, &json!({"resolution_code": "REPLACED_PCB"})).await.status(), StatusCode::OK);

    let guards = guards_to(&app, &tech, &ticket_id, "completed").await;
    assert!(!holds(&guards, "labour_recorded"));
    assert!(holds(&guards, "resolution_recorded"));
    let refused = app.post(&format!("{path}/transitions"), &tech, &step("completed")).await;
    let problem = assert_problem(refused, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(fields(&problem), vec!["labour_recorded".to_owned()]);

    let pcb = service_item(&app, &tech, "air_conditioner", "AC_PCB").await;
    let added = app.post(&format!("{path}/labour"), &tech, &json!({"service_item_id": pcb})).await;
    assert_eq!(added.status(), StatusCode::CREATED);
    assert!(holds(&guards_to(&app, &tech, &ticket_id, "completed").await, "labour_recorded"));
    let completed = app.post(&format!("{path}/transitions"), &tech, &step("completed")).await;
    assert_eq!(completed.status(), StatusCode::OK);
    assert_eq!(json(completed).await["stage"], "completed");
}

#[tokio::test]
async fn a_closed_ticket_takes_no_labour() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let t = ticket(&app, &clerk, "maintenance").await;
    let path = format!("/api/v1/tickets/{}", id(&t));
    let clean = service_item(&app, &clerk, "air_conditioner", "AC_CLEAN").await;
    let added = app.post(&format!("{path}/labour"), &clerk, &json!({"service_item_id": clean})).await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let line = id(&json(added).await);
    let cancelled = app
        .post(&format!("{path}/transitions"), &clerk, &json!({"to": "cancelled", "note": "customer moved away"}))
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);

    let refused = app.post(&format!("{path}/labour"), &clerk, &json!({"service_item_id": clean})).await;
    assert_problem(refused, StatusCode::CONFLICT, "conflict").await;
    assert_problem(delete(&app, &format!("{path}/labour/{line}"), &clerk).await, StatusCode::CONFLICT, "conflict")
        .await;
    assert_eq!(json(app.get(&format!("{path}/labour"), &clerk).await).await["lines"].as_array().map(Vec::len), Some(1));
}
