//! The day's load, the dispatch board, and what dispatch refuses outright.
use aftersales_tests::{assert_problem, json};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::dispatch::{desk, id_of, visit, warning_fields};

fn numbers(jobs: &Value) -> Vec<String> {
    jobs.as_array().into_iter().flatten().filter_map(|j| j["number"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn the_day_s_load_is_counted_on_the_branch_s_calendar_and_shown_on_the_board() {
    let desk = desk().await;
    let tech = desk.user("tech.hn01").await;
    let mut tickets = Vec::new();
    for _ in 0..7 {
        tickets.push(desk.take_in().await);
    }
    // 17:30 UTC on 5 May is half past midnight on 6 May in Hà Nội: the same local
    // day as the jobs after it, though another UTC day.
    let early = json!({"technician_id": tech, "appointment_from": "2030-05-05T17:30:00Z",
        "appointment_to": "2030-05-05T18:30:00Z"});
    assert_eq!(desk.dispatch(&desk.dispatcher, &tickets[0], &early).await.status(), StatusCode::OK);
    for (i, ticket) in tickets[1..6].iter().enumerate() {
        let response = desk.dispatch(&desk.dispatcher, ticket, &visit(&tech, 1 + i as u32)).await;
        assert_eq!(response.status(), StatusCode::OK, "job {}", i + 2);
    }
    let problem = assert_problem(
        desk.dispatch(&desk.dispatcher, &tickets[6], &visit(&tech, 9)).await,
        StatusCode::CONFLICT,
        "dispatch_warnings",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["over_daily_load"]);
    assert!(problem["errors"][0]["message"].as_str().unwrap_or_default().contains("6 job(s)"), "{problem}");
    // Re-dispatching one of the six to the same day does not count it twice.
    assert_eq!(desk.dispatch(&desk.dispatcher, &tickets[5], &visit(&tech, 10)).await.status(), StatusCode::OK);

    let board_path = format!("/api/v1/dispatch-board?branch_id={}&date=2030-05-06", desk.hn01);
    let board = json(desk.app.get(&board_path, &desk.dispatcher).await).await;
    assert_eq!(board["time_zone"], "Asia/Ho_Chi_Minh");
    let technicians = board["technicians"].as_array().cloned().unwrap_or_default();
    let mine = technicians.iter().find(|t| t["technician_id"] == tech).unwrap_or_else(|| panic!("{board}"));
    assert_eq!(mine["load"], 6);
    assert_eq!(mine["limit"], 6);
    let expected: Vec<String> =
        tickets[..6].iter().map(|t| t["number"].as_str().unwrap_or_default().to_owned()).collect();
    assert_eq!(numbers(&mine["jobs"]), expected, "by appointment");
    assert_eq!(mine["jobs"][0]["appointment_from"], "2030-05-05T17:30:00Z");
    // Each card names its customer: the board needs no look-up per card.
    let customer = json(
        desk.app
            .get(
                &format!("/api/v1/customers/{}", tickets[0]["customer_id"].as_str().unwrap_or_default()),
                &desk.dispatcher,
            )
            .await,
    )
    .await;
    assert_eq!(mine["jobs"][0]["customer_name"], customer["name"], "{customer}");
    assert!(!board["unassigned"][0]["customer_name"].as_str().unwrap_or_default().is_empty(), "{board}");
    assert_eq!(numbers(&board["unassigned"]), vec![tickets[6]["number"].as_str().unwrap_or_default().to_owned()]);
    assert_eq!(board["unassigned_total"], 1);

    // The next day the technician is free again.
    let next_day = format!("/api/v1/dispatch-board?branch_id={}&date=2030-05-07", desk.hn01);
    let board = json(desk.app.get(&next_day, &desk.dispatcher).await).await;
    let mine = board["technicians"].as_array().and_then(|ts| ts.iter().find(|t| t["technician_id"] == tech).cloned());
    assert_eq!(mine.map(|t| t["load"].clone()), Some(json!(0)));
}

#[tokio::test]
async fn the_unassigned_queue_is_oldest_first_and_the_board_is_the_dispatchers() {
    let desk = desk().await;
    let first = desk.take_in().await;
    let second = desk.take_in().await;
    let board_path = format!("/api/v1/dispatch-board?branch_id={}", desk.hn01);
    let board = json(desk.app.get(&board_path, &desk.dispatcher).await).await;
    let expected = vec![first["number"].as_str().unwrap_or_default(), second["number"].as_str().unwrap_or_default()];
    assert_eq!(numbers(&board["unassigned"]), expected);
    assert!(board["date"].is_string(), "today where the branch is: {board}");
    let usernames: Vec<&str> =
        board["technicians"].as_array().into_iter().flatten().filter_map(|t| t["username"].as_str()).collect();
    assert_eq!(usernames, vec!["tech.hn01"]);

    let clerk = desk.app.token("clerk.hn01").await;
    assert_problem(desk.app.get(&board_path, &clerk).await, StatusCode::FORBIDDEN, "forbidden").await;
    let teh01 = desk.app.branch_id(&desk.admin, "TEH01").await;
    let elsewhere = format!("/api/v1/dispatch-board?branch_id={teh01}");
    let problem = assert_problem(
        desk.app.get(&elsewhere, &desk.dispatcher).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["branch_id"]);
}

#[tokio::test]
async fn dispatch_refuses_a_stale_version_a_clerk_a_backwards_window_and_a_closed_ticket() {
    let desk = desk().await;
    let ticket = desk.take_in().await;
    let tech = desk.user("tech.hn01").await;
    let path = format!("/api/v1/tickets/{}/dispatch", id_of(&ticket));

    let stale = desk
        .app
        .request(Method::POST, &path, Some(&desk.dispatcher))
        .header("If-Match", "\"7\"")
        .json(&visit(&tech, 2))
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"));
    assert_problem(stale, StatusCode::PRECONDITION_FAILED, "version_mismatch").await;
    assert_eq!(desk.ticket(&ticket).await["technician_id"], Value::Null);

    let clerk = desk.app.token("clerk.hn01").await;
    assert_problem(desk.dispatch(&clerk, &ticket, &visit(&tech, 2)).await, StatusCode::FORBIDDEN, "forbidden").await;

    let backwards = json!({"technician_id": tech, "appointment_from": "2030-05-06T04:00:00Z",
        "appointment_to": "2030-05-06T02:00:00Z"});
    let problem = assert_problem(
        desk.dispatch(&desk.dispatcher, &ticket, &backwards).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(warning_fields(&problem), vec!["appointment_to"]);

    let current = desk
        .app
        .request(Method::POST, &path, Some(&desk.dispatcher))
        .header("If-Match", "\"1\"")
        .json(&visit(&tech, 2))
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"));
    assert_eq!(current.status(), StatusCode::OK, "the version read is the current one");

    let cancel = json!({"to": "cancelled", "note": "Customer withdrew"});
    let transitions = format!("/api/v1/tickets/{}/transitions", id_of(&ticket));
    assert_eq!(desk.app.post(&transitions, &desk.dispatcher, &cancel).await.status(), StatusCode::OK);
    assert_problem(desk.dispatch(&desk.dispatcher, &ticket, &visit(&tech, 5)).await, StatusCode::CONFLICT, "conflict")
        .await;
}
