//! Every successful change leaves one audit row in the same transaction; a failed one leaves none.
use aftersales_tests::{json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_change_is_audited_with_actor_request_and_before_after() {
    let app = spawn_app().await;
    let tokens = app.login("admin").await;
    let token = &tokens.access_token;
    let id = app.branch_id(token, "HN02").await;
    let response = app.patch(&format!("/api/v1/branches/{id}"), token, &json!({"name": "Renamed"})).await;
    let request_id =
        response.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(response.status(), StatusCode::OK);

    let page =
        json(app.get(&format!("/api/v1/audit?entity=branch&entity_id={id}&action=branch.update"), token).await).await;
    let rows = page["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 1, "{page}");
    let row = &rows[0];
    assert_eq!(row["actor_id"], tokens.user.id.to_string());
    assert_eq!(row["request_id"], request_id);
    assert_eq!(row["before"]["name"], "Hà Nội — Long Biên");
    assert_eq!(row["after"]["name"], "Renamed");
}

#[tokio::test]
async fn a_failed_change_leaves_no_audit_row() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let before = json(app.get("/api/v1/audit?limit=200", &token).await).await["items"].as_array().map(Vec::len);
    let hq = app.branch_id(&token, "HQ").await;
    let duplicate = json!({"parent_id": hq, "code": "HN01", "name": "Dup", "kind": "outlet", "time_zone": "UTC", "currency": "USD"});
    assert_eq!(app.post("/api/v1/branches", &token, &duplicate).await.status(), StatusCode::CONFLICT);
    // A user whose skill does not exist: the row would be inserted before the
    // skills are checked if the order were wrong; nothing may stay behind.
    let bad_user = json!({"username": "half.written", "display_name": "Half", "branch_id": hq, "roles": ["clerk"],
                          "skills": ["nope"], "password": "long-password-1"});
    assert_eq!(app.post("/api/v1/users", &token, &bad_user).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let after = json(app.get("/api/v1/audit?limit=200", &token).await).await["items"].as_array().map(Vec::len);
    assert_eq!(before, after);
    let users = json(app.get("/api/v1/users?q=half", &token).await).await;
    assert_eq!(users["items"], json!([]));
}

#[tokio::test]
async fn the_audit_log_pages_newest_first_without_gaps_or_repeats() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/audit?limit=4&cursor={c}"),
            None => "/api/v1/audit?limit=4".to_owned(),
        };
        let page = json(app.get(&path, &token).await).await;
        for row in page["items"].as_array().cloned().unwrap_or_default() {
            seen.push(row["id"].as_str().unwrap_or_default().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    // The demo seed writes 6 branches, 7 users, 5 customers, a catalogue of 4
    // brands, 4 categories (one requiring a skill), 6 models and 13 components,
    // 3 serials, 11 fault codes and 5 service items, 5 parts and 6 warehouses
    // (skills are not audited); the admin's sign-in is the 77th.
    assert_eq!(seen.len(), 77);
    let mut sorted = seen.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    assert_eq!(seen, sorted);
}

#[tokio::test]
async fn a_regional_admin_sees_only_the_audit_of_their_region() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let region = app.branch_id(&admin, "RC-HN").await;
    let body = json!({"username": "admin.rchn", "display_name": "Regional admin", "branch_id": region, "roles": ["admin"], "password": "regional-admin-pw"});
    assert_eq!(app.post("/api/v1/users", &admin, &body).await.status(), StatusCode::CREATED);
    let regional = json(app.try_login("admin.rchn", "regional-admin-pw").await).await["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let page = json(app.get("/api/v1/audit?entity=branch&limit=200", &regional).await).await;
    let mut names: Vec<String> = page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["after"]["code"].as_str().map(str::to_owned))
        .collect();
    names.sort();
    assert_eq!(names, vec!["HN01", "HN02", "RC-HN"]);
}

#[tokio::test]
async fn sign_in_sign_out_and_token_theft_are_audited() {
    let app = spawn_app().await;
    let stolen = app.login("clerk.hn01").await;
    let body = json!({"refresh_token": stolen.refresh_token});
    assert_eq!(app.send_json(Method::POST, "/api/v1/auth/refresh", None, &body).await.status(), StatusCode::OK);
    assert_eq!(
        app.send_json(Method::POST, "/api/v1/auth/refresh", None, &body).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let other = app.login("clerk.hn01").await;
    let logout = json!({"refresh_token": other.refresh_token});
    assert_eq!(
        app.send_json(Method::POST, "/api/v1/auth/logout", None, &logout).await.status(),
        StatusCode::NO_CONTENT
    );

    let admin = app.token("admin").await;
    let page = json(app.get(&format!("/api/v1/audit?entity=user&entity_id={}", stolen.user.id), &admin).await).await;
    let actions: Vec<&str> =
        page["items"].as_array().into_iter().flatten().filter_map(|r| r["action"].as_str()).collect();
    assert_eq!(actions, vec!["auth.logout", "auth.login", "auth.refresh_reused", "auth.login", "user.create"]);
}
