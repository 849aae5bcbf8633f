//! Dispatch over HTTP: sending a technician, reassigning, the warnings and their
//! override, the skills a category requires, and what dispatch unlocks.
use std::sync::atomic::{AtomicU32, Ordering};

use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use chrono::NaiveDate;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::{category_id, model_id};
use crate::customers::{create, customer};

/// The demo network with a customer at HN01 and the Daikin air conditioner model.
pub struct Desk {
    pub app: TestApp,
    pub admin: String,
    pub dispatcher: String,
    pub hn01: String,
    customer: String,
    model: String,
}

pub async fn desk() -> Desk {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let dispatcher = app.token("dispatcher.hn01").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let customer = id_of(&create(&app, &dispatcher, &customer(&hn01, "Vũ Thị Lan", "0987 654 321")).await);
    let model = model_id(&app, &dispatcher, "FTKB25WVMV").await;
    Desk { app, admin, dispatcher, hn01, customer, model }
}

impl Desk {
    /// A repair ticket of the air conditioner taken in at HN01.
    pub async fn take_in(&self) -> Value {
        let body = json!({"branch_id": self.hn01, "kind": "repair", "channel": "counter",
            "customer_id": self.customer, "model_id": self.model});
        let response = self.app.post("/api/v1/tickets", &self.dispatcher, &body).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        json(response).await
    }

    /// The id of a user, by username.
    pub async fn user(&self, username: &str) -> String {
        let page = json(self.app.get(&format!("/api/v1/users?q={username}"), &self.admin).await).await;
        page["items"]
            .as_array()
            .and_then(|users| users.iter().find(|u| u["username"] == username))
            .map(id_of)
            .unwrap_or_else(|| panic!("no user {username}: {page}"))
    }

    /// A new technician at the branch with `code`, with these skills.
    pub async fn hire(&self, username: &str, branch_code: &str, skills: &[&str]) -> String {
        let branch = self.app.branch_id(&self.admin, branch_code).await;
        let body = json!({"username": username, "display_name": username, "branch_id": branch,
            "roles": ["technician"], "skills": skills, "password": "long-password-1"});
        let response = self.app.post("/api/v1/users", &self.admin, &body).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{body}");
        id_of(&json(response).await)
    }

    pub async fn dispatch(&self, token: &str, ticket: &Value, body: &Value) -> reqwest::Response {
        self.app.post(&format!("/api/v1/tickets/{}/dispatch", id_of(ticket)), token, body).await
    }

    pub async fn timeline(&self, ticket: &Value) -> Vec<Value> {
        let events =
            json(self.app.get(&format!("/api/v1/tickets/{}/timeline", id_of(ticket)), &self.admin).await).await;
        events.as_array().cloned().unwrap_or_default()
    }

    pub async fn ticket(&self, ticket: &Value) -> Value {
        json(self.app.get(&format!("/api/v1/tickets/{}", id_of(ticket)), &self.admin).await).await
    }
}

static NEXT_DAY: AtomicU32 = AtomicU32::new(0);

/// Sends the demo user `username` (a technician of HN01) to a ticket of HN01 as
/// dispatcher.hn01 would, without warnings; each call books its own day, so no
/// technician reaches the daily job limit. Returns the technician's id.
pub async fn send_technician(app: &TestApp, ticket: &str, username: &str) -> String {
    let dispatcher = app.token("dispatcher.hn01").await;
    let page = json(app.get(&format!("/api/v1/users?q={username}"), &dispatcher).await).await;
    let technician = page["items"]
        .as_array()
        .and_then(|users| users.iter().find(|u| u["username"] == username))
        .map(id_of)
        .unwrap_or_else(|| panic!("no user {username}: {page}"));
    let day = NaiveDate::from_ymd_opt(2030, 6, 1).unwrap_or_default()
        + chrono::Days::new(u64::from(NEXT_DAY.fetch_add(1, Ordering::Relaxed)));
    let body = json!({"technician_id": technician, "appointment_from": format!("{day}T02:00:00Z"),
        "appointment_to": format!("{day}T04:00:00Z")});
    let response = app.post(&format!("/api/v1/tickets/{ticket}/dispatch"), &dispatcher, &body).await;
    assert_eq!(response.status(), StatusCode::OK, "dispatch {username} to {ticket}");
    let result = json(response).await;
    assert_eq!(result["ticket"]["technician_id"], technician, "{result}");
    technician
}

pub fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

/// A dispatch to `technician` on 6 May 2030 at `hour` UTC, for two hours.
pub fn visit(technician: &str, hour: u32) -> Value {
    json!({"technician_id": technician, "appointment_from": format!("2030-05-06T{hour:02}:00:00Z"),
        "appointment_to": format!("2030-05-06T{:02}:00:00Z", hour + 2)})
}

pub fn warning_fields(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect()
}

fn of_kind<'a>(events: &'a [Value], kind: &str) -> Option<&'a Value> {
    events.iter().find(|e| e["kind"] == kind)
}

async fn technician_guard_holds(desk: &Desk, ticket: &Value) -> Option<bool> {
    let steps = json(desk.app.get(&format!("/api/v1/tickets/{}/transitions", id_of(ticket)), &desk.admin).await).await;
    let step = steps.as_array()?.iter().find(|s| s["to"] == "diagnosed")?.clone();
    let guard = step["guards"].as_array()?.iter().find(|g| g["guard"] == "technician_assigned")?.clone();
    guard["holds"].as_bool()
}

#[tokio::test]
async fn a_skilled_local_technician_is_dispatched_without_warnings() {
    let desk = desk().await;
    let ticket = desk.take_in().await;
    let tech = desk.user("tech.hn01").await;
    assert_eq!(technician_guard_holds(&desk, &ticket).await, Some(false));

    let response = desk.dispatch(&desk.dispatcher, &ticket, &visit(&tech, 2)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    let result = json(response).await;
    assert_eq!(result["overridden_warnings"], json!([]));
    let stored = desk.ticket(&ticket).await;
    assert_eq!(stored["technician_id"], tech);
    assert!(stored["dispatched_at"].is_string(), "{stored}");
    assert_eq!(stored["appointment_from"], "2030-05-06T02:00:00Z");
    assert_eq!(stored["appointment_to"], "2030-05-06T04:00:00Z");

    let events = desk.timeline(&ticket).await;
    let dispatched = of_kind(&events, "dispatched").unwrap_or_else(|| panic!("no dispatched event: {events:?}"));
    assert_eq!(dispatched["to"], tech);
    assert_eq!(dispatched["from"], Value::Null);
    // The repair workflow's first step asks for a technician: now there is one.
    assert_eq!(technician_guard_holds(&desk, &ticket).await, Some(true));
    let audit = json(
        desk.app
            .get(
                &format!("/api/v1/audit?entity=ticket&entity_id={}&action=ticket.dispatch", id_of(&ticket)),
                &desk.admin,
            )
            .await,
    )
    .await;
    assert_eq!(audit["items"][0]["after"]["technician_id"], tech, "{audit}");
}

#[tokio::test]
async fn reassigning_needs_a_reason_and_shows_who_took_over() {
    let desk = desk().await;
    let ticket = desk.take_in().await;
    let first = desk.user("tech.hn01").await;
    let second = desk.hire("tech2.hn01", "HN01", &["air_conditioner"]).await;
    assert_eq!(desk.dispatch(&desk.dispatcher, &ticket, &visit(&first, 2)).await.status(), StatusCode::OK);

    let problem = assert_problem(
        desk.dispatch(&desk.dispatcher, &ticket, &visit(&second, 2)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["reason"]);
    assert_eq!(desk.ticket(&ticket).await["technician_id"], first, "nothing changed");

    let mut body = visit(&second, 3);
    body["reason"] = json!("An is off sick");
    assert_eq!(desk.dispatch(&desk.dispatcher, &ticket, &body).await.status(), StatusCode::OK);
    let events = desk.timeline(&ticket).await;
    let reassigned = of_kind(&events, "reassigned").unwrap_or_else(|| panic!("no reassigned event: {events:?}"));
    assert_eq!(reassigned["from"], first);
    assert_eq!(reassigned["to"], second);
    assert!(reassigned["note"].as_str().unwrap_or_default().contains("An is off sick"), "{reassigned}");
    // The same technician at another time is no reassignment: no reason needed.
    assert_eq!(desk.dispatch(&desk.dispatcher, &ticket, &visit(&second, 6)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_technician_of_another_branch_needs_an_override_with_a_reason() {
    let desk = desk().await;
    let ticket = desk.take_in().await;
    let outsider = desk.hire("tech.hn02", "HN02", &["air_conditioner"]).await;
    // Outside the dispatcher's outlet, the technician is not theirs to send.
    let problem = assert_problem(
        desk.dispatch(&desk.dispatcher, &ticket, &visit(&outsider, 2)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["technician_id"]);

    let manager = desk.app.token("manager.hn").await;
    let problem = assert_problem(
        desk.dispatch(&manager, &ticket, &visit(&outsider, 2)).await,
        StatusCode::CONFLICT,
        "dispatch_warnings",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["outside_branch"]);
    assert_eq!(desk.ticket(&ticket).await["technician_id"], Value::Null, "nothing changed");

    let mut body = visit(&outsider, 2);
    body["override"] = json!(true);
    let problem = assert_problem(
        desk.dispatch(&manager, &ticket, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["override_reason"]);

    body["override_reason"] = json!("HN01 has nobody free this week");
    let response = desk.dispatch(&manager, &ticket, &body).await;
    assert_eq!(response.status(), StatusCode::OK);
    let result = json(response).await;
    assert_eq!(result["overridden_warnings"][0]["code"], "outside_branch", "{result}");
    assert_eq!(result["ticket"]["technician_id"], outsider);
    let events = desk.timeline(&ticket).await;
    let note = of_kind(&events, "dispatched").and_then(|e| e["note"].as_str()).unwrap_or_default().to_owned();
    assert!(note.contains("outside_branch") && note.contains("nobody free"), "{note}");
}

#[tokio::test]
async fn only_active_technicians_are_sent() {
    let desk = desk().await;
    let ticket = desk.take_in().await;
    let clerk = desk.user("clerk.hn01").await;
    let problem = assert_problem(
        desk.dispatch(&desk.dispatcher, &ticket, &visit(&clerk, 2)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "not_a_technician");
    let gone = desk.hire("tech.gone", "HN01", &["air_conditioner"]).await;
    let off = desk.app.patch(&format!("/api/v1/users/{gone}"), &desk.admin, &json!({"active": false})).await;
    assert_eq!(off.status(), StatusCode::OK);
    let problem = assert_problem(
        desk.dispatch(&desk.dispatcher, &ticket, &visit(&gone, 2)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["technician_id"]);
}

#[tokio::test]
async fn a_technician_lacking_the_category_skill_is_warned_until_the_category_no_longer_asks() {
    let desk = desk().await;
    let ticket = desk.take_in().await;
    let novice = desk.hire("tech.novice", "HN01", &["television"]).await;
    let problem = assert_problem(
        desk.dispatch(&desk.dispatcher, &ticket, &visit(&novice, 2)).await,
        StatusCode::CONFLICT,
        "dispatch_warnings",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["missing_skill"]);
    assert!(problem["detail"].as_str().unwrap_or_default().contains("air_conditioner"), "{problem}");

    let aircon = category_id(&desk.app, &desk.admin, "air_conditioner").await;
    let path = format!("/api/v1/product-categories/{aircon}/required-skills");
    let clear = desk.app.send_json(Method::PUT, &path, Some(&desk.admin), &json!({"skills": []})).await;
    assert_eq!(clear.status(), StatusCode::OK);
    assert_eq!(desk.dispatch(&desk.dispatcher, &ticket, &visit(&novice, 2)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_category_s_required_skills_are_replaced_as_a_whole() {
    let desk = desk().await;
    let aircon = category_id(&desk.app, &desk.admin, "air_conditioner").await;
    let path = format!("/api/v1/product-categories/{aircon}/required-skills");
    let codes = |v: &Value| -> Vec<String> {
        v["skills"].as_array().into_iter().flatten().filter_map(|s| s["code"].as_str().map(str::to_owned)).collect()
    };
    let tech = desk.app.token("tech.hn01").await;
    assert_eq!(codes(&json(desk.app.get(&path, &tech).await).await), vec!["air_conditioner"], "the demo asks it");

    let put = |token: String, body: Value| {
        let app = &desk.app;
        let path = path.clone();
        async move { app.send_json(Method::PUT, &path, Some(&token), &body).await }
    };
    let clerk = desk.app.token("clerk.hn01").await;
    assert_problem(put(clerk, json!({"skills": []})).await, StatusCode::FORBIDDEN, "forbidden").await;
    let problem = assert_problem(
        put(desk.admin.clone(), json!({"skills": ["refrigerator", "nope"]})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["skills"]);
    assert_eq!(codes(&json(desk.app.get(&path, &tech).await).await), vec!["air_conditioner"], "unchanged");

    let response = put(desk.admin.clone(), json!({"skills": ["refrigerator", "air_conditioner"]})).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(codes(&json(response).await), vec!["air_conditioner", "refrigerator"]);
    assert_eq!(codes(&json(desk.app.get(&path, &tech).await).await), vec!["air_conditioner", "refrigerator"]);
    let audit = json(
        desk.app
            .get(&format!("/api/v1/audit?entity_id={aircon}&action=product_category.required_skills"), &desk.admin)
            .await,
    )
    .await;
    assert_eq!(audit["items"][0]["after"]["skills"], json!(["air_conditioner", "refrigerator"]), "{audit}");
    assert_eq!(audit["items"][0]["before"]["skills"], json!(["air_conditioner"]));
}
