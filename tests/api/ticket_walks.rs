//! A repair and an installation walked from intake to closed through the seeded
//! workflows, every step over HTTP as the office, the dispatcher, the technician
//! and the customer would take it.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::catalogue::{category_id, id_in, model_id};
use crate::dispatch::{visit, warning_fields};
use crate::tickets::{daikin_policy, id_of, intake, sold_unit, timeline_kinds};

async fn step(app: &TestApp, token: &str, ticket: &str, to: &str) -> reqwest::Response {
    app.post(&format!("/api/v1/tickets/{ticket}/transitions"), token, &json!({"to": to})).await
}

async fn moved(app: &TestApp, token: &str, ticket: &str, to: &str) -> Value {
    let response = step(app, token, ticket, to).await;
    assert_eq!(response.status(), StatusCode::OK, "to {to}");
    let body = json(response).await;
    assert_eq!(body["stage"], to);
    body
}

fn failed_guards(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect()
}

async fn user_id(app: &TestApp, token: &str) -> String {
    json(app.get("/api/v1/auth/me", token).await).await["id"].as_str().unwrap_or_default().to_owned()
}

async fn track(app: &TestApp, code: &str) -> reqwest::Response {
    let path = format!("/api/v1/public/track/{code}");
    app.request(Method::GET, &path, None).send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

/// The customer's answers on the phone.
fn answers(was_charged: bool) -> Value {
    json!({"reached": true, "answers": {"unit_working": true, "on_time": true, "technician_attitude": 5,
        "service_quality": 4, "was_charged": was_charged}})
}

#[tokio::test]
async fn a_covered_repair_goes_from_the_counter_to_closed() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let dispatcher = app.token("dispatcher.hn01").await;
    let tech = app.token("tech.hn01").await;
    let (_, owner) = sold_unit(&app, &clerk, "WALK-R1", 60).await;

    // Intake: the unit by its serial, the warranty decided on the spot.
    let body = json!({"branch_id": hn01, "kind": "repair", "channel": "counter", "customer_id": id_of(&owner),
        "unit": {"serial": "walk r1"}, "fault_codes": ["no_cooling"], "accessories": ["remote control"]});
    let ticket = intake(&app, &clerk, &body).await;
    let id = id_of(&ticket);
    assert_eq!(ticket["warranty_status"], "covered");
    assert_eq!(ticket["fault_codes"], json!(["NO_COOLING"]));
    let code = ticket["tracking_code"].as_str().unwrap_or_default().to_owned();

    // The customer follows it without signing in and sees nothing personal.
    let public = track(&app, &code.to_lowercase()).await;
    assert_eq!(public.status(), StatusCode::OK);
    let text = public.text().await.unwrap_or_default();
    for private in ["Owner of WALK-R1", "WALK-R1", "0912", "remote control"] {
        assert!(!text.contains(private), "{private} leaked: {text}");
    }
    assert_problem(track(&app, "ABCDEFGHJKMN").await, StatusCode::NOT_FOUND, "not_found").await;

    // Diagnosis needs a technician and a diagnosis code.
    let refused = assert_problem(step(&app, &tech, &id, "diagnosed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(failed_guards(&refused), vec!["technician_assigned", "diagnosis_recorded"]);
    let tech_id = user_id(&app, &tech).await;
    let sent = app.post(&format!("/api/v1/tickets/{id}/dispatch"), &dispatcher, &visit(&tech_id, 2)).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let path = format!("/api/v1/tickets/{id}");
    assert_eq!(app.patch(&path, &tech, &json!({"diagnosis_code": "GAS_LEAK"})).await.status(), StatusCode::OK);
    moved(&app, &tech, &id, "diagnosed").await;
    moved(&app, &tech, &id, "in_repair").await;

    // Completion needs the resolution and the labour.
    let refused = assert_problem(step(&app, &tech, &id, "completed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(failed_guards(&refused), vec!["resolution_recorded", "labour_recorded"]);
    assert_eq!(app.patch(&path, &tech, &json!({"resolution_code": "RECHARGED_GAS"})).await.status(), StatusCode::OK);
    let ac = category_id(&app, &tech, "air_conditioner").await;
    let gas = id_in(&app, &tech, &format!("/api/v1/service-items?category_id={ac}"), "code", "AC_GAS").await;
    let labour = app.post(&format!("{path}/labour"), &tech, &json!({"service_item_id": gas})).await;
    assert_eq!(labour.status(), StatusCode::CREATED);
    moved(&app, &tech, &id, "completed").await;

    // The office calls back; the customer says they paid for a covered repair.
    let callback = json(app.get(&format!("{path}/callback"), &clerk).await).await;
    assert_eq!(callback["status"], "pending");
    moved(&app, &clerk, &id, "callback").await;
    let refused = assert_problem(step(&app, &clerk, &id, "closed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(failed_guards(&refused), vec!["callback_done"]);
    let recorded = app.post(&format!("{path}/callback"), &clerk, &answers(true)).await;
    assert_eq!(recorded.status(), StatusCode::OK);
    let flagged = json(app.get(&path, &clerk).await).await;
    assert_eq!(flagged["flags"]["contradiction"], true, "charged on a covered repair");
    assert_eq!(flagged["satisfaction_score"], 5);
    let listed = json(app.get("/api/v1/tickets?contradiction=true", &clerk).await).await;
    assert_eq!(listed["items"][0]["id"], ticket["id"]);

    // Closing seals it.
    let closed = moved(&app, &clerk, &id, "closed").await;
    assert_eq!(closed["sealed"], true);
    assert_problem(app.patch(&path, &clerk, &json!({"priority": "high"})).await, StatusCode::CONFLICT, "conflict")
        .await;
    assert_problem(
        app.post(&format!("{path}/labour"), &tech, &json!({"service_item_id": gas})).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    let resend = app.post(&format!("{path}/dispatch"), &dispatcher, &visit(&tech_id, 5)).await;
    assert_problem(resend, StatusCode::CONFLICT, "conflict").await;

    let public = json(track(&app, &code).await).await;
    assert_eq!(public["closed"], true);
    let categories: Vec<&str> =
        public["timeline"].as_array().into_iter().flatten().filter_map(|s| s["category"].as_str()).collect();
    assert_eq!(categories, vec!["open", "in_progress", "in_progress", "done", "done", "closed"]);
    let kinds = timeline_kinds(&app, &clerk, &id).await;
    for kind in [
        "created",
        "dispatched",
        "field_changed",
        "labour_added",
        "stage_changed",
        "callback_recorded",
        "flagged_contradiction",
    ] {
        assert!(kinds.contains(&kind.to_owned()), "{kind} missing from {kinds:?}");
    }
}

#[tokio::test]
async fn an_installation_goes_from_an_online_order_to_closed() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let manager = app.token("manager.hn").await;
    let model = model_id(&app, &clerk, "FTKB25WVMV").await;
    let body = json!({"branch_id": hn01, "kind": "installation", "channel": "ecommerce", "origin": "dispatched",
        "external_reference": "TIKI-778812", "model_id": model,
        "new_customer": {"kind": "individual", "name": "Hoàng Văn Bình", "phones": [{"number": "0913 222 111"}]}});
    let ticket = intake(&app, &clerk, &body).await;
    let id = id_of(&ticket);
    let path = format!("/api/v1/tickets/{id}");
    assert_eq!(ticket["stage"], "unprocessed");

    // The only free technician works at another outlet: a warning, overridden with a reason.
    let hn02 = app.branch_id(&admin, "HN02").await;
    let hire = json!({"username": "tech.hn02", "display_name": "Kỹ thuật HN02", "branch_id": hn02,
        "roles": ["technician"], "skills": ["air_conditioner"], "password": "long-password-1"});
    let outsider = json(app.post("/api/v1/users", &admin, &hire).await).await;
    let visit_hn02 = visit(&id_of(&outsider), 1);
    let warned = app.post(&format!("{path}/dispatch"), &manager, &visit_hn02).await;
    let problem = assert_problem(warned, StatusCode::CONFLICT, "dispatch_warnings").await;
    assert_eq!(warning_fields(&problem), vec!["outside_branch"]);
    let mut overridden = visit_hn02.clone();
    overridden["override"] = json!(true);
    let no_reason = app.post(&format!("{path}/dispatch"), &manager, &overridden).await;
    assert_eq!(
        failed_guards(&assert_problem(no_reason, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await),
        vec!["override_reason"]
    );
    overridden["override_reason"] = json!("HN01 technicians are all booked that day");
    let sent = app.post(&format!("{path}/dispatch"), &manager, &overridden).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let sent = json(sent).await;
    assert_eq!(sent["overridden_warnings"][0]["code"], "outside_branch");
    let version = sent["ticket"]["version"].as_i64().unwrap_or_default();

    // A clerk holding an old copy cannot overwrite the dispatcher's change.
    let stale = app
        .request(Method::PATCH, &path, Some(&clerk))
        .header("If-Match", format!("\"{}\"", version - 1))
        .json(&json!({"condition_notes": "box opened"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;

    let signed_in = json(app.try_login("tech.hn02", "long-password-1").await).await;
    let tech = signed_in["access_token"].as_str().unwrap_or_default().to_owned();
    // The technician from HN02 finds the job among theirs and works it.
    let mine = json(app.get(&format!("/api/v1/tickets?technician_id={}", id_of(&outsider)), &tech).await).await;
    assert_eq!(mine["items"][0]["id"], ticket["id"]);
    moved(&app, &tech, &id, "in_service").await;
    let refused = assert_problem(step(&app, &tech, &id, "completed").await, StatusCode::CONFLICT, "guard_failed").await;
    assert_eq!(failed_guards(&refused), vec!["installation_card_returned"]);
    let mut card = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    card.extend(0..=200u8);
    let uploaded = app
        .request(Method::POST, &format!("{path}/attachments?purpose=installation_card&file_name=card.png"), Some(&tech))
        .header("content-type", "image/png")
        .body(card)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(uploaded.status(), StatusCode::CREATED);
    moved(&app, &tech, &id, "completed").await;
    moved(&app, &clerk, &id, "callback").await;
    assert_eq!(app.post(&format!("{path}/callback"), &clerk, &answers(false)).await.status(), StatusCode::OK);
    let closed = moved(&app, &clerk, &id, "closed").await;
    assert_eq!(closed["sealed"], true);
    assert_eq!(closed["flags"]["contradiction"], false, "nothing charged, nothing billed");
    assert_problem(step(&app, &admin, &id, "in_service").await, StatusCode::CONFLICT, "conflict").await;
    let kinds = timeline_kinds(&app, &clerk, &id).await;
    assert!(kinds.contains(&"attachment_added".to_owned()), "{kinds:?}");
}
