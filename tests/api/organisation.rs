use aftersales_tests::{assert_problem, json, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::json;

fn outlet(parent: &str, code: &str) -> serde_json::Value {
    json!({"parent_id": parent, "code": code, "name": format!("Outlet {code}"), "kind": "outlet",
           "time_zone": "Asia/Ho_Chi_Minh", "currency": "VND"})
}

#[tokio::test]
async fn an_admin_creates_reads_and_renames_a_branch() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let region = app.branch_id(&token, "RC-HN").await;
    let created = app.post("/api/v1/branches", &token, &outlet(&region, "HN03")).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let location = created.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let body = json(created).await;
    assert_eq!(location, format!("/api/v1/branches/{}", body["id"].as_str().unwrap_or_default()));
    assert_eq!(body["parent_id"], region.as_str());

    let fetched = app.get(&location, &token).await;
    assert_eq!(fetched.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"1\""));
    let renamed = app.patch(&location, &token, &json!({"name": "Hà Nội — Hoàn Kiếm"})).await;
    assert_eq!(renamed.headers().get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    assert_eq!(json(renamed).await["name"], "Hà Nội — Hoàn Kiếm");
}

#[tokio::test]
async fn a_duplicate_branch_code_is_a_409() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let hq = app.branch_id(&token, "HQ").await;
    assert_problem(app.post("/api/v1/branches", &token, &outlet(&hq, "HN01")).await, StatusCode::CONFLICT, "conflict")
        .await;
}

#[tokio::test]
async fn a_stale_if_match_is_a_412_and_changes_nothing() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let id = app.branch_id(&token, "HN02").await;
    let path = format!("/api/v1/branches/{id}");
    let first =
        app.request(Method::PATCH, &path, Some(&token)).header("if-match", "\"1\"").json(&json!({"name": "First"}));
    assert_eq!(first.send().await.map(|r| r.status()).ok(), Some(StatusCode::OK));
    let second =
        app.request(Method::PATCH, &path, Some(&token)).header("if-match", "\"1\"").json(&json!({"name": "Second"}));
    let second = second.send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(second, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(json(app.get(&path, &token).await).await["name"], "First");
}

#[tokio::test]
async fn two_clerks_saving_the_same_version_at_once_do_not_both_win() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let id = app.branch_id(&token, "HN02").await;
    let path = format!("/api/v1/branches/{id}");
    let send = |name: &'static str| {
        app.request(Method::PATCH, &path, Some(&token)).header("if-match", "\"1\"").json(&json!({"name": name})).send()
    };
    let (a, b) = tokio::join!(send("Alice's name"), send("Bob's name"));
    let mut statuses = [a.map(|r| r.status().as_u16()).unwrap_or(0), b.map(|r| r.status().as_u16()).unwrap_or(0)];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 412]);
    assert_eq!(json(app.get(&path, &token).await).await["version"], 2);
}

#[tokio::test]
async fn moving_a_region_takes_its_outlets_along_and_cycles_are_refused() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let region = app.branch_id(&token, "RC-HN").await;
    let outlet = app.branch_id(&token, "HN01").await;
    let teh = app.branch_id(&token, "TEH01").await;
    let cycle = app.patch(&format!("/api/v1/branches/{region}"), &token, &json!({"parent_id": outlet})).await;
    assert_problem(cycle, StatusCode::CONFLICT, "conflict").await;

    let moved = app.patch(&format!("/api/v1/branches/{region}"), &token, &json!({"parent_id": teh})).await;
    assert_eq!(moved.status(), StatusCode::OK);
    // The manager of Tehran's outlet now sees the Hanoi outlets below it.
    let admin_teh = json!({"username": "admin.teh", "display_name": "Admin Tehran", "branch_id": teh,
                           "roles": ["admin"], "password": "long-enough-pw"});
    assert_eq!(app.post("/api/v1/users", &token, &admin_teh).await.status(), StatusCode::CREATED);
    let teh_token = json(app.try_login("admin.teh", "long-enough-pw").await).await["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(app.get(&format!("/api/v1/branches/{outlet}"), &teh_token).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_branch_with_people_or_branches_below_cannot_be_deleted_but_an_empty_one_can() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let region = app.branch_id(&token, "RC-HN").await;
    let hn01 = app.branch_id(&token, "HN01").await;
    let delete = |id: String| app.request(Method::DELETE, &format!("/api/v1/branches/{id}"), Some(&token)).send();
    assert_problem(delete(region.clone()).await.unwrap_or_else(|e| panic!("{e}")), StatusCode::CONFLICT, "conflict")
        .await;
    assert_problem(delete(hn01).await.unwrap_or_else(|e| panic!("{e}")), StatusCode::CONFLICT, "conflict").await;
    let created = json(app.post("/api/v1/branches", &token, &outlet(&region, "EMPTY1")).await).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(delete(id.clone()).await.map(|r| r.status()).ok(), Some(StatusCode::NO_CONTENT));
    assert_eq!(app.get(&format!("/api/v1/branches/{id}"), &token).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_admin_creates_a_technician_with_skills_who_can_then_sign_in() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let hn02 = app.branch_id(&token, "HN02").await;
    let body = json!({"username": "tech.hn02", "display_name": "Võ Thị Lan", "branch_id": hn02, "roles": ["technician"],
                      "skills": ["washing_machine"], "locale": "vi", "password": "a-long-secret-1", "email": "lan@example.com"});
    let created = app.post("/api/v1/users", &token, &body).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let user = json(created).await;
    assert_eq!(user["skills"], json!(["washing_machine"]));
    assert_eq!(app.try_login("tech.hn02", "a-long-secret-1").await.status(), StatusCode::OK);
    let technicians = json(app.get(&format!("/api/v1/users?role=technician&branch_id={hn02}"), &token).await).await;
    let names: Vec<&str> =
        technicians["items"].as_array().into_iter().flatten().filter_map(|u| u["username"].as_str()).collect();
    assert_eq!(names, vec!["tech.hn02"]);
    // A duplicate username is a conflict, an unknown skill a field error.
    assert_problem(app.post("/api/v1/users", &token, &body).await, StatusCode::CONFLICT, "conflict").await;
    let mut bad = body.clone();
    bad["username"] = json!("tech.other");
    bad["skills"] = json!(["juggling"]);
    let problem = assert_problem(
        app.post("/api/v1/users", &token, &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "skills");
}

#[tokio::test]
async fn an_admin_cannot_lock_themself_out() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let me = json(app.get("/api/v1/auth/me", &token).await).await;
    let path = format!("/api/v1/users/{}", me["id"].as_str().unwrap_or_default());
    assert_problem(app.patch(&path, &token, &json!({"active": false})).await, StatusCode::CONFLICT, "conflict").await;
    assert_problem(app.patch(&path, &token, &json!({"roles": ["clerk"]})).await, StatusCode::CONFLICT, "conflict")
        .await;
}

#[tokio::test]
async fn a_new_password_signs_the_user_out_and_the_new_one_works() {
    let app = spawn_app().await;
    let admin = app.token("admin").await;
    let clerk = app.login("clerk.hn01").await;
    let path = format!("/api/v1/users/{}", clerk.user.id);
    assert_eq!(app.patch(&path, &admin, &json!({"password": "brand-new-password"})).await.status(), StatusCode::OK);
    let refresh = json!({"refresh_token": clerk.refresh_token});
    assert_eq!(
        app.send_json(Method::POST, "/api/v1/auth/refresh", None, &refresh).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.try_login("clerk.hn01", "brand-new-password").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn skills_are_listed_paged_and_protected_while_in_use() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let first = json(app.get("/api/v1/skills?limit=3", &token).await).await;
    assert_eq!(first["items"].as_array().map(Vec::len), Some(3));
    let cursor = first["next_cursor"].as_str().unwrap_or_default().to_owned();
    let second = json(app.get(&format!("/api/v1/skills?limit=3&cursor={cursor}"), &token).await).await;
    assert_eq!(second["items"].as_array().map(Vec::len), Some(1));
    assert!(second["next_cursor"].is_null());
    let in_use = first["items"][0]["id"].as_str().unwrap_or_default().to_owned(); // air_conditioner: tech.hn01 has it
    let r = app
        .request(Method::DELETE, &format!("/api/v1/skills/{in_use}"), Some(&token))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_problem(r, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn a_garbage_if_match_is_a_422_naming_the_header_not_a_stale_version() {
    let app = spawn_app().await;
    let token = app.token("admin").await;
    let id = app.branch_id(&token, "HN02").await;
    let path = format!("/api/v1/branches/{id}");
    let bad_body =
        app.request(Method::PATCH, &path, Some(&token)).header("if-match", "garbage").json(&json!({"name": 5}));
    let r = bad_body.send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_problem(r, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let good_body =
        app.request(Method::PATCH, &path, Some(&token)).header("if-match", "garbage").json(&json!({"name": "x"}));
    let r = good_body.send().await.unwrap_or_else(|e| panic!("{e}"));
    let problem = assert_problem(r, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "If-Match", "{problem}");
    let branch = json(app.get(&path, &token).await).await;
    assert_ne!(branch["name"], "x", "nothing changed");
}
