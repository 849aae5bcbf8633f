//! The dashboard counts what needs attention in the user's part of the network.
use aftersales_tests::{assert_problem, json};
use chrono::Utc;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::dispatch::desk;

fn count_of(dashboard: &Value, stage: &str, kind: &str) -> u64 {
    dashboard["open"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|t| t["stage"] == stage && t["kind"] == kind)
        .and_then(|t| t["count"].as_u64())
        .unwrap_or(0)
}

#[tokio::test]
async fn open_tickets_unassigned_ones_and_today_s_dispatches_are_counted_per_part_of_the_network() {
    let desk = desk().await;
    let empty = json(desk.app.get("/api/v1/dashboard", &desk.dispatcher).await).await;
    assert_eq!((empty["open_total"].clone(), empty["dispatched_today"].clone()), (json!(0), json!(0)), "{empty}");

    let tickets = [desk.take_in().await, desk.take_in().await, desk.take_in().await];
    let stage = tickets[0]["stage"].as_str().unwrap_or_default().to_owned();
    let tech = desk.user("tech.hn01").await;
    // An appointment starting now is today's wherever the day boundary falls.
    let now = Utc::now();
    let visit = json!({"technician_id": tech, "appointment_from": now.to_rfc3339(),
        "appointment_to": (now + chrono::Duration::hours(2)).to_rfc3339()});
    let dispatched = desk.dispatch(&desk.dispatcher, &tickets[0], &visit).await;
    assert_eq!(dispatched.status(), StatusCode::OK);

    let board = json(desk.app.get("/api/v1/dashboard", &desk.dispatcher).await).await;
    assert_eq!(board["open_total"], 3, "{board}");
    assert_eq!(board["unassigned"], 2, "{board}");
    assert_eq!(board["dispatched_today"], 1, "{board}");
    assert_eq!(board["overdue_callbacks"], 0);
    let sum: u64 = board["open"].as_array().into_iter().flatten().filter_map(|t| t["count"].as_u64()).sum();
    assert_eq!(sum, 3, "the stages add up to the total: {board}");
    assert!(count_of(&board, &stage, "repair") >= 2, "{board}");

    // The same numbers for the branch asked by name; none for the branch next door.
    let hn01 = json(desk.app.get(&format!("/api/v1/dashboard?branch_id={}", desk.hn01), &desk.admin).await).await;
    assert_eq!((hn01["open_total"].clone(), hn01["branch_id"].clone()), (json!(3), json!(desk.hn01)));
    let tehran = desk.app.token("clerk.teh01").await;
    let theirs = json(desk.app.get("/api/v1/dashboard", &tehran).await).await;
    assert_eq!((theirs["open_total"].clone(), theirs["dispatched_today"].clone()), (json!(0), json!(0)));

    // A branch outside the user's part of the network is refused, by field.
    let problem = assert_problem(
        desk.app.get(&format!("/api/v1/dashboard?branch_id={}", desk.hn01), &tehran).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "branch_id", "{problem}");
}
