//! Webhooks end to end: a partner's endpoint hears of its tickets, signed by the
//! Standard Webhooks scheme, retried until a real receiver process accepts, and
//! nothing of tickets it cannot see; staff manage endpoints (ping, rotate, switch
//! off, replay); keys manage only their own partner's.
use std::time::Duration;

use aftersales_persistence::{ConnectionTrait, Statement};
use aftersales_tests::receiver::{Received, Receiver};
use aftersales_tests::{TestApp, assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::partners::{created, new_key, partner, partner_repair, secret, take_in, with_key};
use crate::tickets::id_of;

const PATIENCE: Duration = Duration::from_secs(30);

/// Makes every waiting delivery due now, as if the retry schedule's wait had
/// passed (its 5 minutes and more are too long for a test), once the dispatcher
/// has recorded `attempts` attempts (it records just after the receiver answers).
async fn fast_forward(app: &TestApp, attempts: i64) {
    let backend = app.db.get_database_backend();
    let query = |sql: &str| Statement::from_string(backend, sql.to_owned());
    for _ in 0..300 {
        let row = app.db.query_one_raw(query("SELECT COUNT(*) FROM webhook_attempts")).await.ok().flatten();
        if row.and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or_default() >= attempts {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let sql = "UPDATE webhook_deliveries SET next_attempt_at = created_at WHERE status = 'pending'";
    app.db.execute_raw(query(sql)).await.unwrap_or_else(|e| panic!("{e}"));
}

fn of_type<'a>(got: &'a [Received], kind: &str) -> Vec<&'a Received> {
    got.iter().filter(|r| r.json()["type"] == kind).collect()
}

/// Subscribes an endpoint with a key; answers (endpoint, secret).
async fn subscribe(app: &TestApp, key: &str, url: &str, events: &[&str]) -> (Value, String) {
    let body = json!({"url": url, "events": events, "description": "order sync"});
    let response = with_key(app, Method::POST, "/api/v1/webhooks", key, Some(&body)).await;
    let answer = created(response).await;
    (answer["endpoint"].clone(), answer["secret"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn a_shop_hears_of_its_ticket_signed_and_retried_until_its_receiver_accepts() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let shop = partner(&app, &admin, "SHOP-W", "repair_shop", json!({})).await;
    let scopes = ["tickets:read", "tickets:write", "webhooks:manage"];
    let key = secret(&new_key(&app, &admin, &shop, &scopes).await);
    let receiver = Receiver::start(2);
    let (endpoint, signing) = subscribe(&app, &key, &receiver.url, &["ticket.created", "ticket.stage_changed"]).await;
    assert!(signing.starts_with("whsec_"), "{signing}");
    assert_eq!(endpoint["partner_id"], id_of(&shop));

    // Another shop's ticket, taken in by staff, is none of this shop's business.
    let clerk = app.token("clerk.hn01").await;
    crate::tickets::intake(&app, &clerk, &partner_repair(&hn01, None, "0913 000 301")).await;
    let ticket = created(take_in(&app, &key, &partner_repair(&hn01, Some("ORD-77"), "0913 000 302")).await).await;

    let failed_once = receiver.wait_for(PATIENCE, |got| got.len() == 1).await;
    assert_eq!(failed_once[0].status, 500);
    fast_forward(&app, 1).await;
    receiver.wait_for(PATIENCE, |got| got.len() == 2).await;
    fast_forward(&app, 2).await;
    let got = receiver.wait_for(PATIENCE, |got| got.iter().any(|r| r.status == 204)).await;
    assert_eq!(got.len(), 3, "one message, three attempts: {got:#?}");
    assert!(got.iter().all(|r| r.id == got[0].id), "the same webhook-id on every attempt");
    assert!(got.iter().all(|r| r.signed_by(&signing)), "every attempt signed with the endpoint's secret");
    let message = got[2].json();
    assert_eq!(message["type"], "ticket.created");
    assert_eq!(message["data"]["ticket"]["id"], id_of(&ticket));
    assert_eq!(message["data"]["ticket"]["external_reference"], "ORD-77");

    let log = json(
        with_key(&app, Method::GET, &format!("/api/v1/webhooks/{}/deliveries", id_of(&endpoint)), &key, None).await,
    )
    .await;
    let deliveries = log["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(deliveries.len(), 1, "{log}");
    assert_eq!(deliveries[0]["status"], "delivered");
    assert_eq!(deliveries[0]["attempts"], 3);
    assert_eq!(deliveries[0]["event_id"], got[0].id.as_str());
    let detail = json(
        with_key(&app, Method::GET, &format!("/api/v1/webhook-deliveries/{}", id_of(&deliveries[0])), &key, None).await,
    )
    .await;
    let statuses: Vec<i64> =
        detail["attempts"].as_array().into_iter().flatten().filter_map(|a| a["status_code"].as_i64()).collect();
    assert_eq!(statuses, [500, 500, 204]);
    assert_eq!(detail["payload"], got[2].body.as_str(), "the log shows the message as sent");

    // The shop moves its ticket: the stage change follows, signed too.
    let cancel = json!({"to": "cancelled", "note": "customer withdrew"});
    let moved =
        with_key(&app, Method::POST, &format!("/api/v1/tickets/{}/transitions", id_of(&ticket)), &key, Some(&cancel))
            .await;
    assert_eq!(moved.status(), StatusCode::OK);
    let got = receiver.wait_for(PATIENCE, |got| !of_type(got, "ticket.stage_changed").is_empty()).await;
    let changed = of_type(&got, "ticket.stage_changed")[0].json();
    assert_eq!(changed["data"]["to_stage"], "cancelled");
    assert_eq!(changed["data"]["ticket"]["stage"], "cancelled");
    assert!(of_type(&got, "ticket.created").len() == 3, "nothing about the other shop's ticket: {got:#?}");
}

#[tokio::test]
async fn staff_ping_rotate_switch_off_and_replay_an_endpoint() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let shop = partner(&app, &admin, "SHOP-P", "repair_shop", json!({})).await;
    let receiver = Receiver::start(0);

    let no_partner =
        app.post("/api/v1/webhooks", &admin, &json!({"url": receiver.url, "events": ["ticket.created"]})).await;
    let problem = assert_problem(no_partner, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "partner_id");
    let bad_url = json!({"partner_id": id_of(&shop), "url": "ftp://shop.example/in", "events": ["ticket.created"]});
    let problem = assert_problem(
        app.post("/api/v1/webhooks", &admin, &bad_url).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "url");
    let ping_only = json!({"partner_id": id_of(&shop), "url": receiver.url, "events": ["webhook.ping"]});
    let problem = assert_problem(
        app.post("/api/v1/webhooks", &admin, &ping_only).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(problem["errors"][0]["field"].as_str().is_some_and(|f| f.starts_with("events")), "{problem}");
    let count = app.get(&format!("/api/v1/webhooks?partner_id={}", id_of(&shop)), &admin).await;
    assert_eq!(json(count).await, json!([]), "nothing half-made was kept");

    let body = json!({"partner_id": id_of(&shop), "url": receiver.url, "events": ["ticket.closed"]});
    let made = created(app.post("/api/v1/webhooks", &admin, &body).await).await;
    let (endpoint, first_secret) = (made["endpoint"].clone(), made["secret"].as_str().unwrap_or_default().to_owned());
    let path = format!("/api/v1/webhooks/{}", id_of(&endpoint));

    let pinged = app.post(&format!("{path}/ping"), &admin, &json!({})).await;
    assert_eq!(pinged.status(), StatusCode::ACCEPTED);
    let got = receiver.wait_for(PATIENCE, |got| got.len() == 1).await;
    assert_eq!(got[0].json()["type"], "webhook.ping");
    assert!(got[0].signed_by(&first_secret));

    let rotated = app.post(&format!("{path}/rotate-secret"), &admin, &json!({})).await;
    assert_eq!(rotated.status(), StatusCode::OK);
    let rotated = json(rotated).await;
    let second_secret = rotated["secret"].as_str().unwrap_or_default().to_owned();
    assert_ne!(second_secret, first_secret);
    assert!(rotated["endpoint"]["secret_rotated_until"].is_string(), "{rotated}");
    app.post(&format!("{path}/ping"), &admin, &json!({})).await;
    let got = receiver.wait_for(PATIENCE, |got| got.len() == 2).await;
    assert!(got[1].signed_by(&second_secret) && got[1].signed_by(&first_secret), "both sign during the overlap");

    let off = app.patch(&path, &admin, &json!({"active": false})).await;
    assert_eq!(off.status(), StatusCode::OK);
    assert_eq!(json(off).await["disabled_reason"], "switched off by a user");
    assert_problem(app.post(&format!("{path}/ping"), &admin, &json!({})).await, StatusCode::CONFLICT, "conflict").await;
    let on = app.patch(&path, &admin, &json!({"active": true})).await;
    assert_eq!(json(on).await["disabled_reason"], Value::Null);

    let log = json(app.get(&format!("{path}/deliveries?status=delivered"), &admin).await).await;
    let first = log["items"].as_array().and_then(|items| items.last()).cloned().unwrap_or_default();
    let replayed = app.post(&format!("/api/v1/webhook-deliveries/{}/replay", id_of(&first)), &admin, &json!({})).await;
    assert_eq!(replayed.status(), StatusCode::ACCEPTED);
    let got = receiver.wait_for(PATIENCE, |got| got.len() == 3).await;
    assert_eq!(got[2].id, got[0].id, "a replay keeps the webhook-id");
    assert_eq!(got[2].body, got[0].body, "and the message");
}

#[tokio::test]
async fn a_key_manages_only_its_own_partners_endpoints_and_needs_the_scope() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let shop_a = partner(&app, &admin, "SHOP-KA", "repair_shop", json!({})).await;
    let shop_b = partner(&app, &admin, "SHOP-KB", "repair_shop", json!({})).await;
    let a = secret(&new_key(&app, &admin, &shop_a, &["webhooks:manage"]).await);
    let b = secret(&new_key(&app, &admin, &shop_b, &["webhooks:manage"]).await);
    let no_scope = secret(&new_key(&app, &admin, &shop_a, &["tickets:read"]).await);
    let (endpoint_a, _) = subscribe(&app, &a, "https://a.example/hooks", &["ticket.created"]).await;
    let path = format!("/api/v1/webhooks/{}", id_of(&endpoint_a));

    assert_problem(with_key(&app, Method::GET, &path, &b, None).await, StatusCode::NOT_FOUND, "not_found").await;
    let change = json!({"url": "https://b.example/stolen"});
    assert_problem(with_key(&app, Method::PATCH, &path, &b, Some(&change)).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    let other = format!("/api/v1/webhooks?partner_id={}", id_of(&shop_a));
    assert_problem(with_key(&app, Method::GET, &other, &b, None).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(json(with_key(&app, Method::GET, "/api/v1/webhooks", &b, None).await).await, json!([]));
    assert_problem(
        with_key(&app, Method::GET, "/api/v1/webhooks", &no_scope, None).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let mine = json(with_key(&app, Method::GET, "/api/v1/webhooks", &a, None).await).await;
    assert_eq!(mine[0]["id"], id_of(&endpoint_a));
    let clerk = app.token("clerk.hn01").await;
    assert_problem(app.get(&path, &clerk).await, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn a_manufacturer_hears_of_its_brands_sold_units_and_warranty_tickets_only() {
    let app = spawn_app().await;
    crate::tickets::daikin_policy(&app).await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let daikin = crate::catalogue::brand_id(&app, &admin, "DAIKIN").await;
    let maker = partner(&app, &admin, "DAIKIN-WH", "manufacturer", json!({"brand_ids": [daikin]})).await;
    let key = secret(&new_key(&app, &admin, &maker, &["tickets:read", "webhooks:manage"]).await);
    let receiver = Receiver::start(0);
    let (_, signing) = subscribe(&app, &key, &receiver.url, &["warranty.registered", "ticket.created"]).await;

    let clerk = app.token("clerk.hn01").await;
    let (unit, owner) = crate::tickets::sold_unit(&app, &clerk, "WH-0001", 30).await;
    let repair = crate::tickets::repair(&hn01, &id_of(&owner), "WH-0001");
    let covered = crate::tickets::intake(&app, &clerk, &repair).await;
    assert_eq!(covered["warranty_status"], "covered");
    // A repair of no registered unit is not the manufacturer's business.
    crate::tickets::intake(&app, &clerk, &partner_repair(&hn01, None, "0913 000 311")).await;

    let got = receiver.wait_for(PATIENCE, |got| got.len() >= 2).await;
    let registered = of_type(&got, "warranty.registered");
    assert_eq!(registered.len(), 1, "{got:#?}");
    assert_eq!(registered[0].json()["data"]["serial"]["id"], id_of(&unit));
    let tickets = of_type(&got, "ticket.created");
    assert_eq!(tickets.len(), 1, "{got:#?}");
    assert_eq!(tickets[0].json()["data"]["ticket"]["id"], id_of(&covered));
    assert!(got.iter().all(|r| r.signed_by(&signing)));
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(receiver.received().len(), 2, "nothing about the unregistered unit's repair");
}
