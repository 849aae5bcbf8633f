//! The dashboard counts what needs attention in the user's part of the network.
use aftersales_tests::{assert_problem, json};
use chrono::Utc;
use reqwest::StatusCode;
use serde_json::{Value, json};

use aftersales_persistence::tickets::dashboard::fold_open_counts;
use aftersales_persistence::{ConnectionTrait, Statement};

use crate::dispatch::{Desk, desk, id_of};

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

/// The dashboard's open counts per (stage, kind) and its unassigned count, beside
/// the same counted from the tickets themselves (the admin sees every branch).
async fn kept_and_counted(desk: &Desk) -> ((Vec<(String, String, u64)>, u64), (Vec<(String, String, u64)>, u64)) {
    let board = json(desk.app.get("/api/v1/dashboard", &desk.admin).await).await;
    let mut kept: Vec<(String, String, u64)> = board["open"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| {
            (
                t["stage"].as_str().unwrap_or("").into(),
                t["kind"].as_str().unwrap_or("").into(),
                t["count"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    kept.sort();
    let sql = "SELECT stage, kind, COUNT(*) FROM tickets WHERE stage_category <> 'closed' GROUP BY stage, kind";
    let db = &desk.app.db;
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut counted: Vec<(String, String, u64)> = rows
        .iter()
        .map(|r| {
            let n: i64 = r.try_get_by_index(2).unwrap_or(-1);
            (
                r.try_get_by_index(0).unwrap_or_default(),
                r.try_get_by_index(1).unwrap_or_default(),
                u64::try_from(n).unwrap_or(0),
            )
        })
        .collect();
    counted.sort();
    let sql = "SELECT COUNT(*) FROM tickets WHERE technician_id IS NULL AND stage_category IN ('open', 'in_progress', 'waiting')";
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let unassigned: i64 = row.and_then(|r| r.try_get_by_index(0).ok()).unwrap_or(-1);
    ((kept, board["unassigned"].as_u64().unwrap_or(0)), (counted, u64::try_from(unassigned).unwrap_or(0)))
}

#[tokio::test]
async fn the_open_counts_follow_intake_dispatch_stage_changes_and_cancelling_and_survive_folding() {
    let desk = desk().await;
    let tickets = [desk.take_in().await, desk.take_in().await, desk.take_in().await];
    let (kept, counted) = kept_and_counted(&desk).await;
    assert_eq!(kept, counted, "after intake");
    assert!(kept.1 >= 3, "three new tickets wait for a technician: {kept:?}");

    let tech = desk.user("tech.hn01").await;
    let visit = json!({"technician_id": tech, "appointment_from": "2031-03-03T02:00:00Z",
        "appointment_to": "2031-03-03T04:00:00Z"});
    assert_eq!(desk.dispatch(&desk.dispatcher, &tickets[0], &visit).await.status(), StatusCode::OK);
    let cancel = json!({"to": "cancelled", "note": "the customer took the unit back"});
    let cancelled =
        desk.app.post(&format!("/api/v1/tickets/{}/transitions", id_of(&tickets[1])), &desk.admin, &cancel).await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    let (after, counted) = kept_and_counted(&desk).await;
    assert_eq!(after, counted, "after a dispatch and a cancellation");
    assert_eq!(after.1 + 2, kept.1, "one ticket has a technician and one is closed: {after:?}");

    fold_open_counts(&desk.app.db).await.unwrap_or_else(|e| panic!("{e}"));
    let (folded, counted) = kept_and_counted(&desk).await;
    assert_eq!(folded, counted, "after folding");
    assert_eq!(folded, after, "folding changes no count");
}
