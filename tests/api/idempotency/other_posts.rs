//! The key on POSTs of other areas: each retried one answers as the first time and
//! does its work once (a customer, a complaint, a callback, a transfer, a file).
use aftersales_tests::{assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{header, post_keyed, seen};
use crate::followups::{completed_maintenance, completed_return, id_of};

fn count(page: &Value) -> usize {
    page["items"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_retried_customer_is_registered_once() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let hn01 = app.branch_id(&app.token("admin").await, "HN01").await;
    let body = crate::customers::customer(&hn01, "Phạm Quốc Huy", "0913 555 010");

    let first = seen(post_keyed(&app, "/api/v1/customers", &clerk, "cust-1", &body).await).await;
    assert_eq!(first.0, StatusCode::CREATED);
    // Without the key the second one would be refused as a duplicate phone (409).
    let again = post_keyed(&app, "/api/v1/customers", &clerk, "cust-1", &body).await;
    assert_eq!(header(&again, "idempotent-replayed"), "true");
    assert_eq!(seen(again).await, first);
    assert_eq!(count(&json(app.get("/api/v1/customers?q=0913555010", &clerk).await).await), 1);
}

#[tokio::test]
async fn a_retried_complaint_is_opened_once() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = completed_return(&app, &clerk).await;
    let path = format!("/api/v1/tickets/{}/complaints", id_of(&ticket));
    let body = json!({"category": "attitude", "description": "The technician was rude"});

    let sends = (0..4).map(|_| post_keyed(&app, &path, &clerk, "complaint-1", &body));
    let mut answers = Vec::new();
    for response in futures_util::future::join_all(sends).await {
        answers.push(seen(response).await);
    }
    assert!(answers.iter().all(|a| a == &answers[0] && a.0 == StatusCode::CREATED), "{answers:?}");
    let open = json(app.get("/api/v1/complaints?status=open", &clerk).await).await;
    assert_eq!(count(&open), 1, "{open}");
}

#[tokio::test]
async fn a_retried_callback_replays_its_record_instead_of_refusing_it_as_done() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    let ticket = completed_maintenance(&app, &clerk, None).await;
    let path = format!("/api/v1/tickets/{}/callback", id_of(&ticket));
    let body = json!({"reached": true, "answers": {"unit_working": true, "technician_attitude": 5,
        "service_quality": 4, "was_charged": true}});

    let first = seen(post_keyed(&app, &path, &clerk, "call-1", &body).await).await;
    assert_eq!((first.0, first.3["status"].as_str()), (StatusCode::OK, Some("done")));
    assert_eq!(seen(post_keyed(&app, &path, &clerk, "call-1", &body).await).await, first);
    let events = json(app.get(&format!("/api/v1/tickets/{}/timeline", id_of(&ticket)), &clerk).await).await;
    let recorded = events.as_array().into_iter().flatten().filter(|e| e["kind"] == "callback_recorded").count();
    assert_eq!(recorded, 1);
    // Without the key, recording it again is refused: the retry above was not a second call.
    assert_problem(app.post(&path, &clerk, &body).await, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn a_retried_transfer_is_drafted_once() {
    let app = spawn_app().await;
    let keeper = app.token("warehouse.hn01").await;
    let shelf = crate::stock::shelf(&app, "IDEM").await;
    let to = crate::stock_fixtures::warehouse(&app, "WH-IDEM-B").await;
    let body = json!({"from_warehouse_id": shelf.warehouse, "to_warehouse_id": to,
        "lines": [{"part_id": shelf.part, "quantity": 2}]});

    let first = seen(post_keyed(&app, "/api/v1/transfers", &keeper, "move-1", &body).await).await;
    assert_eq!(first.0, StatusCode::CREATED, "{}", first.3);
    assert_eq!(seen(post_keyed(&app, "/api/v1/transfers", &keeper, "move-1", &body).await).await, first);
    let page = json(app.get(&format!("/api/v1/transfers?warehouse_id={}", shelf.warehouse), &keeper).await).await;
    assert_eq!(count(&page), 1, "{page}");
}

#[tokio::test]
async fn a_retried_upload_attaches_the_file_once_and_another_file_under_the_key_is_refused() {
    let app = spawn_app().await;
    let (clerk, ticket) = crate::tracking::take_in(&app, "repair", "").await;
    let path = format!("/api/v1/tickets/{}/attachments?purpose=photo", id_of(&ticket));
    let upload = |bytes: Vec<u8>| {
        app.request(Method::POST, &path, Some(&clerk))
            .header("Idempotency-Key", "photo-1")
            .header("content-type", "image/png")
            .body(bytes)
            .send()
    };
    let png = |tag: u8| {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend((0..=255u8).map(|b| b ^ tag));
        bytes
    };

    let first = seen(upload(png(1)).await.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(first.0, StatusCode::CREATED, "{}", first.3);
    assert_eq!(seen(upload(png(1)).await.unwrap_or_else(|e| panic!("{e}"))).await, first);
    let other = upload(png(2)).await.unwrap_or_else(|e| panic!("{e}"));
    let problem = assert_problem(other, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "Idempotency-Key");
    let listed = json(app.get(&format!("/api/v1/tickets/{}/attachments", id_of(&ticket)), &clerk).await).await;
    assert_eq!(listed.as_array().map_or(0, Vec::len) + count(&listed), 1, "{listed}");
}

#[tokio::test]
async fn a_retried_partner_is_created_once_and_a_malformed_key_is_refused() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let hn01 = app.branch_id(&admin, "HN01").await;
    let body = json!({"branch_id": hn01, "code": "SHOP-RETRY", "name": "Retry shop", "kind": "repair_shop"});

    let first = seen(post_keyed(&app, "/api/v1/partners", &admin, "partner-1", &body).await).await;
    assert_eq!(first.0, StatusCode::CREATED);
    // Without the key the second one would be refused as a taken code (409).
    assert_eq!(seen(post_keyed(&app, "/api/v1/partners", &admin, "partner-1", &body).await).await, first);
    let partners = json(app.get("/api/v1/partners?limit=200", &admin).await).await;
    let named = partners["items"].as_array().into_iter().flatten().filter(|p| p["code"] == "SHOP-RETRY").count();
    assert_eq!(named, 1, "{partners}");

    let key = json(
        app.post(
            &format!("/api/v1/partners/{}/api-keys", id_of(&first.3)),
            &admin,
            &json!({"name": "k", "scopes": ["tickets:read"]}),
        )
        .await,
    )
    .await;
    let revoke = format!("/api/v1/partners/{}/api-keys/{}/revoke", id_of(&first.3), id_of(&key["key"]));
    let malformed =
        app.request(Method::POST, &revoke, Some(&admin)).header("Idempotency-Key", "no spaces allowed").send().await;
    assert_problem(malformed.unwrap_or_else(|e| panic!("{e}")), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let revoked = seen(post_keyed(&app, &revoke, &admin, "revoke-1", &json!({})).await).await;
    assert_eq!(revoked.0, StatusCode::OK);
    assert!(revoked.3["revoked_at"].is_string());
    assert_eq!(seen(post_keyed(&app, &revoke, &admin, "revoke-1", &json!({})).await).await, revoked);
}
