//! Files attached to tickets: type and size checks, the content matching its type,
//! listing and byte-identical download, and the installation card that lets an
//! installation be completed.
use aftersales_tests::{TestApp, assert_problem, json, spawn_app_with};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::dispatch::send_technician;
use crate::tracking::take_in;

/// A tiny but real PNG header and some bytes.
fn png(tag: u8) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..=255u8).map(|b| b ^ tag));
    bytes
}

async fn upload(app: &TestApp, token: &str, path: &str, content_type: &str, body: Vec<u8>) -> Response {
    app.request(Method::POST, path, Some(token))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_photo_is_attached_listed_and_downloaded_byte_for_byte() {
    let app = spawn_app_with(|c| c.max_attachment_bytes = 64 * 1024).await;
    let (clerk, ticket) = take_in(&app, "repair", "").await;
    let base = format!("/api/v1/tickets/{}/attachments", id_of(&ticket));
    let tech = app.token("tech.hn01").await;

    let photo = png(7);
    let response =
        upload(&app, &tech, &format!("{base}?purpose=photo&file_name=front%20panel.png"), "image/png", photo.clone())
            .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = header(&response, "location");
    let attached = json(response).await;
    assert_eq!(location, format!("{base}/{}", id_of(&attached)));
    assert_eq!(attached["purpose"], "photo");
    assert_eq!(attached["file_name"], "front panel.png");
    assert_eq!(attached["media_type"], "image/png");
    assert_eq!(attached["size_bytes"], photo.len());
    assert_eq!(attached["sha256"].as_str().map(str::len), Some(64));

    // The same content again is a second attachment of the same stored file.
    let again = json(upload(&app, &clerk, &format!("{base}?purpose=document"), "image/png", photo.clone()).await).await;
    assert_eq!(again["sha256"], attached["sha256"]);
    assert_eq!(again["file_name"], "document.png");

    let listed = json(app.get(&base, &clerk).await).await;
    let ids: Vec<String> = listed.as_array().into_iter().flatten().map(id_of).collect();
    assert_eq!(ids, vec![id_of(&attached), id_of(&again)]);

    let download = app.get(&location, &clerk).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(header(&download, "content-type"), "image/png");
    assert!(header(&download, "content-disposition").contains("attachment"));
    assert_eq!(download.bytes().await.unwrap_or_default().to_vec(), photo);

    let timeline = json(app.get(&format!("/api/v1/tickets/{}/timeline", id_of(&ticket)), &clerk).await).await;
    let added = timeline.as_array().into_iter().flatten().filter(|e| e["kind"] == "attachment_added").count();
    assert_eq!(added, 2);

    let unknown = app.get(&format!("{base}/{}", Uuid::now_v7()), &clerk).await;
    assert_problem(unknown, StatusCode::NOT_FOUND, "not_found").await;
    let tehran = app.token("clerk.teh01").await;
    assert_problem(app.get(&location, &tehran).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn wrong_types_oversize_files_and_disguised_content_are_refused() {
    let app = spawn_app_with(|c| c.max_attachment_bytes = 64 * 1024).await;
    let (clerk, ticket) = take_in(&app, "repair", "").await;
    let path = format!("/api/v1/tickets/{}/attachments?purpose=photo", id_of(&ticket));

    let html = upload(&app, &clerk, &path, "text/html", b"<html></html>".to_vec()).await;
    assert_problem(html, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;

    let mut huge = png(1);
    huge.resize(64 * 1024 + 1, 0);
    let too_big = upload(&app, &clerk, &path, "image/png", huge).await;
    assert_problem(too_big, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;

    let disguised = upload(&app, &clerk, &path, "image/jpeg", png(2)).await;
    let problem = assert_problem(disguised, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        problem["errors"][0],
        json!({"field": "body", "code": "content_mismatch", "message": "the content is image/png, not image/jpeg"})
    );
    let script = upload(&app, &clerk, &path, "application/pdf", b"<script>".to_vec()).await;
    assert_problem(script, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let sneaky = format!("/api/v1/tickets/{}/attachments?purpose=photo&file_name=..%2Fetc%2Fpasswd", id_of(&ticket));
    let problem = assert_problem(
        upload(&app, &clerk, &sneaky, "image/png", png(3)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "file_name");
    let purpose = format!("/api/v1/tickets/{}/attachments?purpose=selfie", id_of(&ticket));
    let problem = assert_problem(
        upload(&app, &clerk, &purpose, "image/png", png(3)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "purpose");

    let warehouse = app.token("warehouse.hn01").await;
    assert_problem(upload(&app, &warehouse, &path, "image/png", png(4)).await, StatusCode::FORBIDDEN, "forbidden")
        .await;

    let listed = json(app.get(&format!("/api/v1/tickets/{}/attachments", id_of(&ticket)), &clerk).await).await;
    assert_eq!(listed, json!([]), "nothing refused was recorded");

    let cancel = json!({"to": "cancelled", "note": "the customer took the unit back"});
    let cancelled = app.post(&format!("/api/v1/tickets/{}/transitions", id_of(&ticket)), &clerk, &cancel).await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    assert_problem(upload(&app, &clerk, &path, "image/png", png(5)).await, StatusCode::CONFLICT, "conflict").await;
}

/// Does the step to `completed` see the installation card as returned?
async fn card_holds(app: &TestApp, token: &str, id: &str) -> bool {
    let steps = json(app.get(&format!("/api/v1/tickets/{id}/transitions"), token).await).await;
    let complete = steps.as_array().into_iter().flatten().find(|s| s["to"] == "completed").cloned().unwrap_or_default();
    let guards = complete["guards"].as_array().cloned().unwrap_or_default();
    let card = guards.iter().find(|g| g["guard"] == "installation_card_returned").cloned().unwrap_or_default();
    card["holds"].as_bool().unwrap_or_else(|| panic!("no card guard in {steps}"))
}

#[tokio::test]
async fn the_returned_installation_card_lets_an_installation_be_completed() {
    let app = spawn_app_with(|_| {}).await;
    let (clerk, ticket) = take_in(&app, "installation", "").await;
    let id = id_of(&ticket);
    let tech = app.token("tech.hn01").await;
    send_technician(&app, &id, "tech.hn01").await;
    let started = app.post(&format!("/api/v1/tickets/{id}/transitions"), &tech, &json!({"to": "in_service"})).await;
    assert_eq!(started.status(), StatusCode::OK);

    assert!(!card_holds(&app, &clerk, &id).await);
    let photo =
        upload(&app, &tech, &format!("/api/v1/tickets/{id}/attachments?purpose=photo"), "image/png", png(8)).await;
    assert_eq!(photo.status(), StatusCode::CREATED);
    assert!(!card_holds(&app, &clerk, &id).await, "a photo is not the card");
    let path = format!("/api/v1/tickets/{id}/attachments?purpose=installation_card&file_name=card.pdf");
    let card = upload(&app, &tech, &path, "application/pdf", b"%PDF-1.7\n% card scan".to_vec()).await;
    assert_eq!(card.status(), StatusCode::CREATED);
    assert!(card_holds(&app, &clerk, &id).await);
    let completed = app.post(&format!("/api/v1/tickets/{id}/transitions"), &tech, &json!({"to": "completed"})).await;
    assert_eq!(completed.status(), StatusCode::OK);
}
