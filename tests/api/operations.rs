use aftersales_tests::{json, spawn_app, spawn_app_with};
use reqwest::{Method, StatusCode};

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    let r = app.request(Method::GET, "/healthz", None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.status(), StatusCode::OK);
    let r = app.request(Method::GET, "/readyz", None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json(r).await["status"], "ready");
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_echoes_a_sane_one() {
    let app = spawn_app().await;
    let r = app.request(Method::GET, "/healthz", None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(r.headers().get("x-request-id").is_some_and(|v| v.len() >= 32));
    let r = app
        .request(Method::GET, "/nope", None)
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.headers().get("x-request-id").and_then(|v| v.to_str().ok()), Some("abc-123"));
    let r = app
        .request(Method::GET, "/healthz", None)
        .header("x-request-id", "not ok; <script>")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(r.headers().get("x-request-id").and_then(|v| v.to_str().ok()), Some("not ok; <script>"));
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let id = app.branch_id(&token, "HQ").await;
    app.get(&format!("/api/v1/branches/{id}"), &token).await;
    let text = app
        .request(Method::GET, "/metrics", None)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .text()
        .await
        .unwrap_or_default();
    assert!(
        text.contains(
            r#"aftersales_http_requests_total{endpoint="/api/v1/branches/{id}",method="GET",status="200"} 1"#
        ),
        "{text}"
    );
    assert!(text.contains("aftersales_http_requests_duration_seconds_bucket"));
}

#[tokio::test]
async fn the_docs_page_and_the_spec_are_served() {
    let app = spawn_app().await;
    let r = app.request(Method::GET, "/api/docs/", None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap_or_default().contains("swagger"));
    let r = app.request(Method::GET, "/api/v1/openapi.json", None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json(r).await["openapi"], "3.1.0");
}

#[tokio::test]
async fn the_web_app_is_served_with_a_fallback_for_client_routes() {
    let dir = std::env::temp_dir().join(format!("aftersales-spa-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("index.html"), "<html>app shell</html>").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("app.js"), "console.log(1)").unwrap_or_else(|e| panic!("{e}"));
    let static_dir = dir.clone();
    let app = spawn_app_with(move |c| c.static_dir = static_dir).await;
    let get = |path: &'static str| {
        let app = &app;
        async move { app.request(Method::GET, path, None).send().await.unwrap_or_else(|e| panic!("{e}")) }
    };
    assert!(get("/").await.text().await.unwrap_or_default().contains("app shell"));
    assert!(get("/branches/123").await.text().await.unwrap_or_default().contains("app shell"));
    assert_eq!(get("/app.js").await.text().await.unwrap_or_default(), "console.log(1)");
    assert_eq!(get("/missing.js").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(get("/api/v1/unknown").await.status(), StatusCode::NOT_FOUND);
    let _ = std::fs::remove_dir_all(dir);
}
