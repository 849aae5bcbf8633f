//! Moving tickets: the workflow's steps and guards, optimistic concurrency on
//! changes, sealing on close and the admin reopen, and configuring workflows.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::customers::{create, customer};
use crate::tickets::{id_of, intake, timeline_kinds};

async fn new_repair(app: &TestApp, clerk: &str) -> Value {
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let owner = create(app, clerk, &customer(&hn01, "Đỗ Minh Tuấn", "0904 222 333")).await;
    intake(
        app,
        clerk,
        &json!({"branch_id": hn01, "kind": "repair", "channel": "counter", "customer_id": id_of(&owner)}),
    )
    .await
}

async fn step(app: &TestApp, token: &str, ticket: &Value, body: Value) -> reqwest::Response {
    app.post(&format!("/api/v1/tickets/{}/transitions", id_of(ticket)), token, &body).await
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn a_step_the_workflow_lacks_or_whose_guards_fail_is_refused_naming_why() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = new_repair(&app, &clerk).await;

    let skip = step(&app, &clerk, &ticket, json!({"to": "completed"})).await;
    let problem = assert_problem(skip, StatusCode::CONFLICT, "conflict").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains("diagnosed, cancelled"), "{problem}");

    let guarded = step(&app, &clerk, &ticket, json!({"to": "diagnosed"})).await;
    let problem = assert_problem(guarded, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(fields(&problem), vec!["technician_assigned", "diagnosis_recorded"]);

    let unknown = step(&app, &clerk, &ticket, json!({"to": "teleported"})).await;
    assert_problem(unknown, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let steps = json(app.get(&format!("/api/v1/tickets/{}/transitions", id_of(&ticket)), &clerk).await).await;
    let to: Vec<&str> = steps.as_array().into_iter().flatten().filter_map(|s| s["to"].as_str()).collect();
    assert_eq!(to, vec!["diagnosed", "cancelled"]);
    assert_eq!(steps[0]["allowed"], false);
    assert_eq!(steps[0]["guards"][0]["guard"], "technician_assigned");
    assert_eq!(steps[0]["guards"][0]["holds"], false);
    assert_eq!(steps[1]["allowed"], true, "cancelling only needs the note sent with it");

    let fetched = json(app.get(&format!("/api/v1/tickets/{}", id_of(&ticket)), &clerk).await).await;
    assert_eq!(fetched["stage"], "received", "nothing moved");
    assert_eq!(fetched["version"], 1);
}

#[tokio::test]
async fn a_stale_change_is_refused_and_each_change_lands_on_the_timeline() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = new_repair(&app, &clerk).await;
    let path = format!("/api/v1/tickets/{}", id_of(&ticket));
    let change = |body: Value, version: &str| {
        app.request(Method::PATCH, &path, Some(&clerk)).header("If-Match", version.to_owned()).json(&body).send()
    };
    let first = change(json!({"priority": "urgent", "condition_notes": "dent on top"}), "\"1\"")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    let stale = change(json!({"priority": "low"}), "\"1\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;

    let now = json(app.get(&path, &clerk).await).await;
    assert_eq!(now["priority"], "urgent");
    assert_eq!(now["condition_notes"], "dent on top");
    assert_eq!(timeline_kinds(&app, &clerk, &id_of(&ticket)).await, vec!["created", "field_changed", "field_changed"]);

    // A technician records work but does not change what the office agreed with the customer.
    let tech = app.token("tech.hn01").await;
    let problem = assert_problem(
        app.patch(&path, &tech, &json!({"priority": "low"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(fields(&problem), vec!["priority"]);
    let notes =
        app.patch(&path, &tech, &json!({"technician_notes": "Fan motor hums", "time_on_site_minutes": 45})).await;
    assert_eq!(notes.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_closed_ticket_is_sealed_until_an_admin_reopens_it() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = new_repair(&app, &clerk).await;
    let id = id_of(&ticket);

    let without_note = step(&app, &clerk, &ticket, json!({"to": "cancelled"})).await;
    assert_eq!(fields(&assert_problem(without_note, StatusCode::CONFLICT, "guard_failed").await), vec!["note_given"]);
    let tech = app.token("tech.hn01").await;
    let by_tech = step(&app, &tech, &ticket, json!({"to": "cancelled", "note": "customer withdrew"})).await;
    assert_problem(by_tech, StatusCode::FORBIDDEN, "forbidden").await;
    let cancelled = step(&app, &clerk, &ticket, json!({"to": "cancelled", "note": "customer withdrew"})).await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    let cancelled = json(cancelled).await;
    assert_eq!(cancelled["sealed"], true);
    assert!(cancelled["closed_at"].is_string());

    let path = format!("/api/v1/tickets/{id}");
    assert_problem(app.patch(&path, &clerk, &json!({"priority": "high"})).await, StatusCode::CONFLICT, "conflict")
        .await;
    assert_problem(step(&app, &clerk, &ticket, json!({"to": "received"})).await, StatusCode::CONFLICT, "conflict")
        .await;
    let reopen = json!({"reason": "Customer changed their mind"});
    let by_clerk = app.post(&format!("/api/v1/tickets/{id}/reopen"), &clerk, &reopen).await;
    assert_problem(by_clerk, StatusCode::FORBIDDEN, "forbidden").await;

    let admin = app.token("admin").await;
    let reopened = app.post(&format!("/api/v1/tickets/{id}/reopen"), &admin, &reopen).await;
    assert_eq!(reopened.status(), StatusCode::OK);
    let reopened = json(reopened).await;
    assert_eq!(reopened["stage"], "received", "back where it was before closing");
    assert_eq!(reopened["sealed"], false);
    assert_eq!(reopened["closed_at"], Value::Null);
    assert_eq!(app.patch(&path, &clerk, &json!({"priority": "high"})).await.status(), StatusCode::OK);
    assert_eq!(timeline_kinds(&app, &clerk, &id).await, vec!["created", "stage_changed", "reopened", "field_changed"]);
    let again = app.post(&format!("/api/v1/tickets/{id}/reopen"), &admin, &reopen).await;
    assert_problem(again, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn admins_configure_a_workflow_checked_as_a_whole() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let clerk = app.token("clerk.hn01").await;
    let current = app.get("/api/v1/workflows/maintenance", &clerk).await;
    assert_eq!(current.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"0\""), "the shipped default");
    let current = json(current).await;
    assert_eq!(current["stages"][0]["code"], "scheduled");
    assert_eq!(current["stages"][0]["names"]["vi"], "Đã lên lịch");

    let names = |en: &str| json!({"en": en});
    let simple = json!({
        "stages": [
            {"code": "booked", "category": "open", "names": names("Booked")},
            {"code": "done", "category": "done", "names": names("Done")},
            {"code": "closed", "category": "closed", "names": names("Closed")}],
        "transitions": [
            {"from": "booked", "to": "done", "roles": [], "guards": []},
            {"from": "done", "to": "closed", "roles": ["clerk"], "guards": []}]});
    let put = |body: Value, token: String, version: &'static str| {
        app.request(Method::PUT, "/api/v1/workflows/maintenance", Some(&token))
            .header("If-Match", version)
            .json(&body)
            .send()
    };
    let by_clerk = put(simple.clone(), clerk.clone(), "\"0\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(by_clerk.status(), StatusCode::FORBIDDEN);

    let mut broken = simple.clone();
    broken["stages"][0]["category"] = json!("in_progress");
    broken["transitions"][1]["to"] = json!("nowhere");
    let problem = put(broken, admin.clone(), "\"0\"").await.unwrap_or_else(|e| panic!("{e}"));
    let problem = assert_problem(problem, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(fields(&problem), vec!["stages[0].category", "transitions[1].to"]);

    let stored = put(simple.clone(), admin.clone(), "\"0\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stored.status(), StatusCode::OK);
    assert_eq!(json(stored).await["version"], 1);
    let stale = put(simple.clone(), admin.clone(), "\"0\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;

    // New maintenance tickets run on it; a stage with tickets in it cannot be removed.
    let hn01 = app.branch_id(&admin, "HN01").await;
    let owner = create(&app, &clerk, &customer(&hn01, "Vũ Hải", "0905 444 555")).await;
    let ticket = intake(
        &app,
        &clerk,
        &json!({"branch_id": hn01, "kind": "maintenance", "channel": "phone", "customer_id": id_of(&owner)}),
    )
    .await;
    assert_eq!(ticket["stage"], "booked");
    assert_eq!(step(&app, &clerk, &ticket, json!({"to": "done"})).await.status(), StatusCode::OK);
    let mut without_done = simple.clone();
    without_done["stages"][1]["code"] = json!("finished");
    without_done["transitions"] = json!([{"from": "booked", "to": "finished"}, {"from": "finished", "to": "closed"}]);
    let refused = put(without_done, admin.clone(), "\"1\"").await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(refused, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(step(&app, &clerk, &ticket, json!({"to": "closed"})).await.status(), StatusCode::OK);
}
