//! Every kind of bad input answers a problem document with a stable code, never a 500.
use aftersales_tests::{assert_problem, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn an_unknown_route_is_a_404_problem() {
    let app = spawn_app().await;
    let r = app.request(Method::GET, "/api/v1/nothing-here", None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(r, StatusCode::NOT_FOUND, "route_not_found").await;
}

#[tokio::test]
async fn a_wrong_method_on_a_known_path_is_a_405_with_allow() {
    let app = spawn_app().await;
    let r = app.request(Method::PUT, "/api/v1/branches", None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.headers().get("allow").and_then(|v| v.to_str().ok()), Some("GET, POST"));
    assert_problem(r, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    let id = uuid::Uuid::now_v7();
    let r =
        app.request(Method::POST, &format!("/api/v1/users/{id}"), None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.headers().get("allow").and_then(|v| v.to_str().ok()), Some("GET, PATCH"));
}

#[tokio::test]
async fn malformed_json_is_a_400() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let r = app
        .request(Method::POST, "/api/v1/skills", Some(&token))
        .header("content-type", "application/json")
        .body("{\"code\": ")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_problem(r, StatusCode::BAD_REQUEST, "malformed_request").await;
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_415() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let r = app
        .request(Method::POST, "/api/v1/skills", Some(&token))
        .header("content-type", "text/plain")
        .body("code=x")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_problem(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
}

#[tokio::test]
async fn an_oversize_body_is_a_413() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let huge = json!({"code": "big", "name": "x".repeat(2 << 20)});
    assert_problem(app.post("/api/v1/skills", &token, &huge).await, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
        .await;
}

#[tokio::test]
async fn an_unknown_field_is_named_in_a_422() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let body = json!({"code": "ok_code", "name": "Fine", "colour": "red"});
    let problem = assert_problem(
        app.post("/api/v1/skills", &token, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "colour");
    assert_eq!(problem["errors"][0]["code"], "unknown_field");
}

#[tokio::test]
async fn a_missing_field_is_named_in_a_422() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let problem = assert_problem(
        app.post("/api/v1/skills", &token, &json!({"code": "ok_code"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "name");
    assert_eq!(problem["errors"][0]["code"], "required");
}

#[tokio::test]
async fn validation_lists_every_failing_field() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let hq = app.branch_id(&token, "HQ").await;
    let body = json!({"parent_id": hq, "code": "x", "name": "  ", "kind": "outlet", "time_zone": "Asia/Tehran", "currency": "RIAL"});
    let problem = assert_problem(
        app.post("/api/v1/branches", &token, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> =
        problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str()).collect();
    assert!(fields.contains(&"code"), "{problem}");
    assert!(fields.contains(&"name"), "{problem}");
    assert!(fields.contains(&"currency"), "{problem}");
}

#[tokio::test]
async fn domain_checks_name_their_field_too() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let hq = app.branch_id(&token, "HQ").await;
    let body = json!({"parent_id": hq, "code": "MARS1", "name": "Mars", "kind": "outlet", "time_zone": "Mars/Olympus", "currency": "XYZ"});
    let problem = assert_problem(
        app.post("/api/v1/branches", &token, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let codes: Vec<&str> =
        problem["errors"].as_array().into_iter().flatten().filter_map(|e| e["code"].as_str()).collect();
    assert_eq!(codes, vec!["unknown_time_zone", "unknown_currency"]);
}

#[tokio::test]
async fn a_bad_query_parameter_is_named_in_a_422() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let problem = assert_problem(
        app.get("/api/v1/users?limit=abc", &token).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "limit");
    let problem = assert_problem(
        app.get("/api/v1/users?limit=500", &token).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "limit");
    assert_eq!(
        (
            problem["errors"][0]["code"].clone(),
            problem["errors"][0]["min"].clone(),
            problem["errors"][0]["max"].clone()
        ),
        (json!("range"), json!(1.0), json!(200.0)),
        "the limits come as data, for clients that word the message themselves: {problem}"
    );
    let problem = assert_problem(
        app.get("/api/v1/users?cursor=%21%21", &token).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "cursor");
}

#[tokio::test]
async fn a_malformed_id_in_the_path_is_a_404() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    assert_problem(app.get("/api/v1/branches/not-a-uuid", &token).await, StatusCode::NOT_FOUND, "route_not_found")
        .await;
}

#[tokio::test]
async fn a_role_without_the_permission_gets_a_403() {
    let app = spawn_app().await;
    let token = app.token("tech.hn01").await;
    assert_problem(app.get("/api/v1/users", &token).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert_problem(
        app.post("/api/v1/skills", &token, &json!({"code": "x_y", "name": "X"})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}
