//! The use cases called directly, as the coming partner channel, order sync and
//! imports will call them: the same rules and the same records as the staff
//! handlers, without HTTP in between.
use aftersales_api::auth::Principal;
use aftersales_api::extract::RequestId;
use aftersales_api::use_cases::tickets::take_in::take_in;
use aftersales_api::use_cases::{Actor, Once};
use aftersales_api_types::tickets::CreateTicket;
use aftersales_tests::{TestApp, json, spawn_app};
use chrono::{Datelike, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::tickets::{daikin_policy, id_of, intake, repair, sold_unit, timeline_kinds};

/// The actor a signed-in user would be, read from the database as the server reads it.
async fn actor_of(app: &TestApp, username: &str) -> Actor {
    let user_id = app.login(username).await.user.id;
    let principal = Principal::of_user(&app.db, user_id).await.unwrap_or_else(|e| panic!("{username}: {e}"));
    Actor::once(principal, RequestId(format!("direct-{username}")))
}

fn body(value: Value) -> CreateTicket {
    serde_json::from_value(value).unwrap_or_else(|e| panic!("a CreateTicket: {e}"))
}

#[tokio::test]
async fn a_direct_intake_follows_the_counters_rules_and_numbering() {
    let app = spawn_app().await;
    daikin_policy(&app).await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let (unit, owner) = sold_unit(&app, &clerk, "UC-0001", 40).await;

    // One ticket at the counter, the next one straight through the use case.
    let first = intake(&app, &clerk, &repair(&hn01, &id_of(&owner), "UC-0001")).await;
    let actor = actor_of(&app, "clerk.hn01").await;
    let direct = take_in(&app.db, &actor, body(repair(&hn01, &id_of(&owner), "uc 0001")))
        .await
        .and_then(Once::into_value)
        .unwrap_or_else(|e| panic!("take in: {e}"));

    let year = Utc::now().year();
    assert_eq!(first["number"], format!("RO-HN01-{year}-000001"));
    assert_eq!(direct.number, format!("RO-HN01-{year}-000002"), "one gapless series for every entry point");
    let seen = json(app.get(&format!("/api/v1/tickets/{}", direct.id), &clerk).await).await;
    assert_eq!(seen["serial_id"], unit["id"]);
    assert_eq!(seen["warranty_status"], "covered", "the entitlement engine decided it: {seen}");
    assert_eq!(seen["repeat_of_ticket_id"], first["id"], "the counter's ticket makes this a repeat repair");
    assert_eq!(timeline_kinds(&app, &clerk, &direct.id.to_string()).await, vec!["created", "flagged_repeat_repair"]);
    let audit = json(app.get(&format!("/api/v1/audit?entity=ticket&entity_id={}", direct.id), &admin).await).await;
    assert_eq!(audit["items"][0]["action"], "ticket.create", "{audit}");
    assert_eq!(audit["items"][0]["request_id"], "direct-clerk.hn01");
}

#[tokio::test]
async fn a_direct_intake_is_refused_as_the_counter_refuses_it_and_stores_nothing() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let clerk = app.token("clerk.hn01").await;
    let customer =
        crate::customers::create(&app, &clerk, &crate::customers::customer(&hn01, "Trần Văn Bình", "0912 000 111"))
            .await;

    // A technician may not take tickets in, whoever calls the use case.
    let technician = actor_of(&app, "tech.hn01").await;
    let ticket = json!({"branch_id": hn01, "kind": "repair", "channel": "phone", "customer_id": id_of(&customer)});
    let refused = take_in(&app.db, &technician, body(ticket.clone())).await.and_then(Once::into_value);
    assert!(matches!(refused, Err(aftersales_api::error::ApiError::Forbidden(_))), "{:?}", refused.err());

    // An unknown model is named, and nothing is half-written.
    let clerk_actor = actor_of(&app, "clerk.hn01").await;
    let mut unknown_model = ticket.clone();
    unknown_model["model_id"] = json!(Uuid::now_v7());
    match take_in(&app.db, &clerk_actor, body(unknown_model)).await.and_then(Once::into_value) {
        Err(aftersales_api::error::ApiError::Validation(errors)) => assert_eq!(errors[0].field, "model_id"),
        other => panic!("expected a refusal naming model_id, got {:?}", other.map(|t| t.number)),
    }
    let list = app.get("/api/v1/tickets", &clerk).await;
    assert_eq!(list.status(), StatusCode::OK);
    assert_eq!(json(list).await["items"], json!([]), "no ticket was stored");

    // The next good intake takes the first number: the refused ones used none.
    let taken =
        take_in(&app.db, &clerk_actor, body(ticket)).await.and_then(Once::into_value).unwrap_or_else(|e| panic!("{e}"));
    assert!(taken.number.ends_with("-000001"), "{}", taken.number);
}
