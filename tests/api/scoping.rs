//! A user sees and changes only their branch and those below it.
use aftersales_tests::{assert_problem, json, spawn_app};
use reqwest::StatusCode;
use serde_json::json;

fn codes(page: &serde_json::Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().filter_map(|b| b["code"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn a_regional_manager_sees_the_region_and_nothing_else() {
    let app = spawn_app().await;
    let manager = app.token("manager.hn").await;
    let visible = codes(&json(app.get("/api/v1/branches", &manager).await).await);
    assert_eq!(visible, vec!["HN01", "HN02", "RC-HN"]);
    let admin = app.token("admin").await;
    let teh = app.branch_id(&admin, "TEH01").await;
    assert_problem(app.get(&format!("/api/v1/branches/{teh}"), &manager).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    let users = json(app.get("/api/v1/users", &manager).await).await;
    let names: Vec<&str> =
        users["items"].as_array().into_iter().flatten().filter_map(|u| u["username"].as_str()).collect();
    assert!(names.contains(&"tech.hn01"));
    assert!(!names.contains(&"clerk.teh01"));
    assert!(!names.contains(&"admin"));
}

#[tokio::test]
async fn an_outlet_admin_cannot_read_or_change_another_outlet() {
    let app = spawn_app().await;
    let hq_admin = app.token("admin").await;
    let hn01 = app.branch_id(&hq_admin, "HN01").await;
    let hn02 = app.branch_id(&hq_admin, "HN02").await;
    let body = json!({"username": "admin.hn01", "display_name": "Outlet admin", "branch_id": hn01, "roles": ["admin"], "password": "outlet-admin-pw"});
    assert_eq!(app.post("/api/v1/users", &hq_admin, &body).await.status(), StatusCode::CREATED);
    let outlet_admin = json(app.try_login("admin.hn01", "outlet-admin-pw").await).await["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    assert_eq!(codes(&json(app.get("/api/v1/branches", &outlet_admin).await).await), vec!["HN01"]);
    let other = format!("/api/v1/branches/{hn02}");
    assert_problem(app.get(&other, &outlet_admin).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_problem(
        app.patch(&other, &outlet_admin, &json!({"name": "Taken over"})).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let intruder = json!({"username": "spy", "display_name": "Spy", "branch_id": hn02, "roles": ["clerk"], "password": "spy-password-1"});
    let problem = assert_problem(
        app.post("/api/v1/users", &outlet_admin, &intruder).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "branch_id");
    // Nothing changed in the other outlet.
    assert_eq!(json(app.get(&other, &hq_admin).await).await["name"], "Hà Nội — Long Biên");
    // And the outlet admin cannot lift their own branch out from under HQ's view.
    let escape = app.patch(&format!("/api/v1/branches/{hn01}"), &outlet_admin, &json!({"parent_id": hn02})).await;
    assert_eq!(escape.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_clerk_cannot_list_users_or_read_the_audit_log() {
    let app = spawn_app().await;
    let clerk = app.token("clerk.hn01").await;
    assert_problem(app.get("/api/v1/users", &clerk).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert_problem(app.get("/api/v1/audit", &clerk).await, StatusCode::FORBIDDEN, "forbidden").await;
}
