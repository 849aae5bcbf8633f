use aftersales_tests::{assert_problem, json, spawn_app, spawn_app_with};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn the_demo_admin_signs_in_and_sees_who_they_are() {
    let app = spawn_app().await;
    let tokens = app.login("admin").await;
    assert_eq!(tokens.token_type, "Bearer");
    assert!(tokens.refresh_token.starts_with("rt_"));
    let me = json(app.get("/api/v1/auth/me", &tokens.access_token).await).await;
    assert_eq!(me["username"], "admin");
    assert_eq!(me["roles"], json!(["admin"]));
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    let app = spawn_app().await;
    let wrong = assert_problem(
        app.try_login("admin", "not-the-password").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    let unknown = assert_problem(
        app.try_login("nobody", "not-the-password").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    assert_eq!(wrong, unknown);
}

#[tokio::test]
async fn repeated_failures_lock_the_account_even_for_the_right_password() {
    let app = spawn_app().await;
    for _ in 0..5 {
        assert_eq!(app.try_login("clerk.hn01", "wrong-password").await.status(), StatusCode::UNAUTHORIZED);
    }
    let locked = app.try_login("clerk.hn01", aftersales_tests::DEMO_PASSWORD).await;
    assert!(locked.headers().contains_key("retry-after"));
    assert_problem(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // Other accounts are not affected.
    app.login("admin").await;
    // Unknown names lock the same way, so a lock reveals nothing.
    for _ in 0..5 {
        app.try_login("ghost", "wrong-password").await;
    }
    assert_eq!(app.try_login("ghost", "wrong-password").await.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_client_address() {
    let app = spawn_app_with(|c| c.login_per_ip_per_minute = 3).await;
    for _ in 0..3 {
        app.try_login("admin", "wrong-password-x").await;
    }
    assert_problem(
        app.try_login("admin", aftersales_tests::DEMO_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
    )
    .await;
}

#[tokio::test]
async fn a_refresh_token_rotates_and_its_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let first = app.login("admin").await;
    let refresh = |token: &str| {
        let body = json!({"refresh_token": token});
        let app = &app;
        async move { app.send_json(Method::POST, "/api/v1/auth/refresh", None, &body).await }
    };
    let second = refresh(&first.refresh_token).await;
    assert_eq!(second.status(), StatusCode::OK);
    let second: aftersales_api_types::auth::TokenResponse = second.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(second.refresh_token, first.refresh_token);
    assert_eq!(app.get("/api/v1/auth/me", &second.access_token).await.status(), StatusCode::OK);

    // Replaying the spent token is theft: refused, and the live token dies with it.
    assert_problem(refresh(&first.refresh_token).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert_problem(refresh(&second.refresh_token).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    // Another session of the same user is a different family and lives on.
    let other = app.login("admin").await;
    assert_eq!(refresh(&other.refresh_token).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn two_refreshes_racing_with_one_token_let_only_one_through() {
    let app = spawn_app().await;
    let tokens = app.login("admin").await;
    let body = json!({"refresh_token": tokens.refresh_token});
    let (a, b) = tokio::join!(
        app.send_json(Method::POST, "/api/v1/auth/refresh", None, &body),
        app.send_json(Method::POST, "/api/v1/auth/refresh", None, &body)
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 401]);
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    let app = spawn_app().await;
    let tokens = app.login("admin").await;
    let body = json!({"refresh_token": tokens.refresh_token});
    assert_eq!(app.send_json(Method::POST, "/api/v1/auth/logout", None, &body).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.send_json(Method::POST, "/api/v1/auth/refresh", None, &body).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_forged_or_missing_access_token_is_refused() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let mut forged = token.clone();
    forged.pop();
    forged.push(if token.ends_with('A') { 'B' } else { 'A' });
    assert_problem(app.get("/api/v1/auth/me", &forged).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let missing = app.request(Method::GET, "/api/v1/auth/me", None).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(missing.headers().get("www-authenticate").and_then(|v| v.to_str().ok()), Some("Bearer"));
    assert_problem(missing, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test]
async fn a_disabled_user_is_signed_out_at_once() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let clerk = app.login("clerk.hn01").await;
    let me = json(app.get("/api/v1/auth/me", &clerk.access_token).await).await;
    let id = me["id"].as_str().unwrap_or_default();
    let r = app.patch(&format!("/api/v1/users/{id}"), &admin, &json!({"active": false})).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/auth/me", &clerk.access_token).await.status(), StatusCode::UNAUTHORIZED);
    let refresh = json!({"refresh_token": clerk.refresh_token});
    assert_eq!(
        app.send_json(Method::POST, "/api/v1/auth/refresh", None, &refresh).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.try_login("clerk.hn01", aftersales_tests::DEMO_PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
}

/// What the web app offers follows `aftersales_domain::access`: the counter clerk
/// takes tickets in, keeps customers and calls them back; the technician only works
/// tickets. Both read the catalogue, customers, tickets, stock and parts.
#[tokio::test]
async fn a_clerk_and_a_technician_are_told_what_their_roles_allow() {
    let app = spawn_app().await;
    let clerk = json(app.get("/api/v1/auth/me", &app.token("clerk.hn01").await).await).await;
    let technician = json(app.get("/api/v1/auth/me", &app.token("tech.hn01").await).await).await;
    assert_eq!(clerk["username"], "clerk.hn01");
    assert_eq!(clerk["roles"], json!(["clerk"]));
    assert_eq!(
        clerk["permissions"],
        json!([
            "view_catalogue",
            "manage_customers",
            "view_customers",
            "view_tickets",
            "manage_tickets",
            "work_tickets",
            "handle_follow_ups",
            "view_stock",
            "view_parts",
            "manage_orders"
        ])
    );
    assert_eq!(technician["username"], "tech.hn01");
    assert_eq!(
        technician["permissions"],
        json!(["view_catalogue", "view_customers", "view_tickets", "work_tickets", "view_stock", "view_parts"])
    );
}

#[tokio::test]
async fn the_admin_is_told_every_permission_once() {
    let app = spawn_app().await;
    let me = json(app.get("/api/v1/auth/me", &app.token("admin").await).await).await;
    let names: Vec<&str> =
        me["permissions"].as_array().map(|a| a.iter().filter_map(|p| p.as_str()).collect()).unwrap_or_default();
    let distinct: std::collections::BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(names.len(), 25, "{names:?}");
    assert_eq!(distinct.len(), names.len(), "{names:?}");
    assert!(names.contains(&"configure_tickets") && names.contains(&"reopen_tickets"), "{names:?}");
    assert!(names.contains(&"manage_partners") && names.contains(&"manage_webhooks"), "{names:?}");
    assert!(names.contains(&"manage_orders"), "{names:?}");
}
