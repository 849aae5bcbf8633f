//! The living demo (`aftersales seed-demo`) and the volume generator behind it and
//! the benchmarks: what a newcomer sees on the first page of each list, and the
//! facts a generated network keeps at any size.
use aftersales_api::seed::volume::{Volume, seed_volume};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::TicketKind;
use aftersales_persistence::tickets::dashboard::fold_open_counts;
use aftersales_persistence::tickets::{self, TicketFilter};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, DbOptions, Statement, connect, migrate, workflows};
use aftersales_tests::{fresh_database, json, spawn_demo_app};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    let statement = Statement::from_string(db.get_database_backend(), sql.to_owned());
    let row = db.query_one_raw(statement).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    row.and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or_else(|| panic!("{sql}: no count"))
}

/// Every balance is the sum of its ledger rows, no ledger row left a shelf below
/// zero, and every part and warehouse that moved has its balance.
async fn assert_the_ledger_adds_up(db: &DatabaseConnection) {
    let sums = "SELECT COUNT(*) FROM stock_balances b WHERE b.on_hand <> \
        (SELECT COALESCE(SUM(m.quantity_delta), 0) FROM stock_movements m \
         WHERE m.warehouse_id = b.warehouse_id AND m.part_id = b.part_id) \
        OR b.value_minor <> (SELECT COALESCE(SUM(m.value_delta_minor), 0) FROM stock_movements m \
         WHERE m.warehouse_id = b.warehouse_id AND m.part_id = b.part_id)";
    assert_eq!(count(db, sums).await, 0, "a balance differs from the sum of its movements");
    let below = "SELECT COUNT(*) FROM stock_movements WHERE on_hand_after < 0";
    assert_eq!(count(db, below).await, 0, "a movement took a shelf below zero");
    let odd = "SELECT COUNT(*) FROM stock_balances WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand";
    assert_eq!(count(db, odd).await, 0, "a balance is negative or promises more than it has");
    let orphans = "SELECT COUNT(*) FROM (SELECT DISTINCT warehouse_id, part_id FROM stock_movements) x \
        WHERE NOT EXISTS (SELECT 1 FROM stock_balances b WHERE b.warehouse_id = x.warehouse_id AND b.part_id = x.part_id)";
    assert_eq!(count(db, orphans).await, 0, "stock moved where no balance is kept");
    assert!(count(db, "SELECT COUNT(*) FROM stock_movements").await > 0, "no stock ever moved");
}

/// Every stage of every kind's workflow has at least one ticket.
async fn assert_every_stage_of_every_kind(db: &DatabaseConnection) {
    for kind in TicketKind::ALL {
        let flow = workflows::get(db, *kind).await.unwrap_or_else(|e| panic!("{e}")).workflow;
        for stage in &flow.stages {
            let sql =
                format!("SELECT COUNT(*) FROM tickets WHERE kind = '{}' AND stage = '{}'", kind.as_str(), stage.code);
            assert!(count(db, &sql).await > 0, "no {} ticket in stage {}", kind.as_str(), stage.code);
        }
    }
}

#[tokio::test]
async fn the_demo_is_a_living_network_in_four_markets_with_its_logins_intact() {
    let app = spawn_demo_app().await;
    assert_every_stage_of_every_kind(&app.db).await;
    for currency in ["VND", "IRR", "CNY"] {
        let sql = format!(
            "SELECT COUNT(*) FROM tickets t JOIN branches b ON b.id = t.branch_id WHERE b.currency = '{currency}'"
        );
        assert!(count(&app.db, &sql).await > 10, "hardly any tickets in the {currency} market");
    }
    // The hand-made demo is still there: its clerk signs in and finds work at the counter.
    let clerk = app.token("clerk.hn01").await;
    let page = json(app.get("/api/v1/tickets?limit=50", &clerk).await).await;
    let items = page["items"].as_array().cloned().unwrap_or_default();
    assert!(items.len() >= 10, "the Cầu Giấy clerk sees {} tickets", items.len());
    let tech = app.token("tech.hn01").await;
    let mine = "SELECT COUNT(*) FROM tickets t JOIN users u ON u.id = t.technician_id WHERE u.username = 'tech.hn01'";
    assert!(count(&app.db, mine).await > 0, "the demo technician has no jobs");
    let me = json(app.get("/api/v1/auth/me", &tech).await).await;
    assert_eq!(me["username"], "tech.hn01", "{me}");
}

#[tokio::test]
async fn the_demos_stock_adds_up_on_shelves_and_in_vans_and_jobs_carry_their_work() {
    let app = spawn_demo_app().await;
    assert_the_ledger_adds_up(&app.db).await;
    for kind in ["outlet", "van"] {
        let sql = format!(
            "SELECT COUNT(*) FROM stock_balances b JOIN warehouses w ON w.id = b.warehouse_id \
             WHERE w.kind = '{kind}' AND b.on_hand > 0"
        );
        assert!(count(&app.db, &sql).await > 0, "no stock in any {kind} warehouse");
    }
    let used = "SELECT COUNT(*) FROM ticket_parts WHERE used > 0";
    assert!(count(&app.db, used).await > 0, "no part was fitted on any ticket");
    // A finished job has its labour on it (a repair cannot complete without).
    let bare = "SELECT COUNT(*) FROM tickets t WHERE t.stage_category IN ('done', 'closed') \
        AND t.stage <> 'cancelled' AND t.technician_id IS NOT NULL \
        AND NOT EXISTS (SELECT 1 FROM ticket_labour_lines l WHERE l.ticket_id = t.id)";
    assert_eq!(count(&app.db, bare).await, 0, "finished jobs without labour");
}

#[tokio::test]
async fn the_demos_units_are_covered_or_not_by_the_warranty_rules_in_force() {
    let app = spawn_demo_app().await;
    let admin = app.token("admin").await;
    for (status, covered) in [("covered", true), ("not_covered", false)] {
        let sql =
            format!("SELECT serial_id, created_at FROM tickets WHERE warranty_status = '{status}' ORDER BY id LIMIT 3");
        let statement = Statement::from_string(app.db.get_database_backend(), sql.clone());
        let rows = app.db.query_all_raw(statement).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
        assert!(!rows.is_empty(), "no ticket is {status}");
        for row in rows {
            let serial: uuid::Uuid = row.try_get("", "serial_id").unwrap_or_else(|e| panic!("{e}"));
            let taken_in: DateTime<Utc> = row.try_get("", "created_at").unwrap_or_else(|e| panic!("{e}"));
            let body = json!({"serial_id": serial, "claim": {"date": taken_in.date_naive()}});
            let decision = json(app.post("/api/v1/warranty/evaluate", &admin, &body).await).await;
            let leg = |name: &str| {
                decision["legs"].as_array().and_then(|legs| legs.iter().find(|l| l["leg"] == name)).cloned()
            };
            for name in ["parts", "labour"] {
                let found = leg(name).unwrap_or(Value::Null);
                assert_eq!(found["covered"], covered, "{status} ticket's {name} leg: {decision}");
            }
            assert!(decision["policy"].is_object(), "no policy applied: {decision}");
        }
    }
}

#[tokio::test]
async fn callbacks_are_due_complaints_open_and_old_parts_owed_in_the_demo() {
    let app = spawn_demo_app().await;
    let admin = app.token("admin").await;
    for (path, what) in [
        ("/api/v1/callbacks?overdue=true", "callbacks past due"),
        ("/api/v1/callbacks?status=done", "callbacks made"),
        ("/api/v1/complaints?status=open", "open complaints"),
        ("/api/v1/defective-parts?status=owed", "old parts owed"),
    ] {
        let page = json(app.get(path, &admin).await).await;
        let items = page["items"].as_array().map_or(0, Vec::len);
        assert!(items > 0, "no {what}: {page}");
    }
}

#[tokio::test]
async fn a_benchmark_network_scales_with_its_tickets_and_keeps_its_ledger() {
    let (url, _scratch) = fresh_database().await;
    let db = connect(&DbOptions { url, max_connections: 4, sqlite_synchronous_full: false })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    migrate(&db).await.unwrap_or_else(|e| panic!("{e}"));
    let volume = Volume::for_tickets(6_000);
    seed_volume(&db, volume).await.unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM tickets").await, 6_000);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM parts WHERE sku LIKE 'GP-%'").await, 30, "a part every 200 tickets");
    let shelves = "SELECT COUNT(*) FROM warehouses w JOIN branches b ON b.id = w.branch_id \
        WHERE b.kind = 'outlet' AND w.kind IN ('outlet', 'van')";
    assert_eq!(count(&db, shelves).await, 60, "a shelf and a van at each of 30 outlets");
    let movements = count(&db, "SELECT COUNT(*) FROM stock_movements").await;
    assert!((6_000..=18_000).contains(&movements), "{movements} movements for 6,000 tickets");
    assert_the_ledger_adds_up(&db).await;
    assert_every_stage_of_every_kind(&db).await;
    let policies = count(&db, "SELECT COUNT(*) FROM warranty_policies").await;
    assert!(policies > 0, "no warranty policy in force");
    assert_the_list_finds_what_the_text_holds(&db).await;
    assert_the_open_counts_match_the_tickets(&db).await;
    fold_open_counts(&db).await.unwrap_or_else(|e| panic!("{e}"));
    assert_the_open_counts_match_the_tickets(&db).await;
    let rows = count(&db, "SELECT COUNT(*) FROM ticket_open_counts").await;
    let keys = count(
        &db,
        "SELECT COUNT(*) FROM (SELECT DISTINCT branch_id, stage, kind, technician_id IS NULL \
        FROM tickets WHERE stage_category <> 'closed') k",
    )
    .await;
    assert_eq!(rows, keys, "folding leaves one row per branch, stage, kind and assignment");
}

/// The dashboard's counts of open tickets, kept by triggers as tickets are written
/// in bulk, are what counting the tickets themselves gives.
async fn assert_the_open_counts_match_the_tickets(db: &DatabaseConnection) {
    // Every branch path begins with "/".
    let everyone = BranchScope { branch_id: Uuid::nil().into(), path: "/".into() };
    let kept = tickets::dashboard::open_by_stage(db, &everyone, None).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(!kept.is_empty(), "no open tickets counted");
    for c in &kept {
        let sql = format!(
            "SELECT COUNT(*) FROM tickets WHERE stage = '{}' AND kind = '{}' AND stage_category <> 'closed'",
            c.stage,
            c.kind.as_str()
        );
        assert_eq!(count(db, &sql).await, i64::try_from(c.count).unwrap_or(-1), "{} {}", c.stage, c.kind.as_str());
    }
    let total: u64 = kept.iter().map(|c| c.count).sum();
    let open = count(db, "SELECT COUNT(*) FROM tickets WHERE stage_category <> 'closed'").await;
    assert_eq!(i64::try_from(total).unwrap_or(-1), open, "every open ticket is counted once");
    let unassigned = tickets::dashboard::unassigned(db, &everyone, None).await.unwrap_or_else(|e| panic!("{e}"));
    let sql = "SELECT COUNT(*) FROM tickets WHERE technician_id IS NULL \
        AND stage_category IN ('open', 'in_progress', 'waiting')";
    assert_eq!(i64::try_from(unassigned).unwrap_or(-1), count(db, sql).await, "unassigned tickets");
}

/// The ticket list finds by the search index what a plain `LIKE` over every
/// ticket finds, newest first: for a term few tickets hold (one customer's phone,
/// answered from the index) and one most hold (the repairs' number prefix, more
/// than the index is asked for, answered by walking the tickets).
async fn assert_the_list_finds_what_the_text_holds(db: &DatabaseConnection) {
    let backend = db.get_database_backend();
    let one = |sql: &str| {
        let sql = sql.to_owned();
        async move {
            let row = db.query_one_raw(Statement::from_string(backend, sql.clone())).await;
            row.unwrap_or_else(|e| panic!("{sql}: {e}")).unwrap_or_else(|| panic!("{sql}: no row"))
        }
    };
    let root = one("SELECT id, path FROM branches ORDER BY LENGTH(path) LIMIT 1").await;
    let scope = BranchScope {
        branch_id: root.try_get::<Uuid>("", "id").unwrap_or_else(|e| panic!("{e}")).into(),
        path: root.try_get("", "path").unwrap_or_else(|e| panic!("{e}")),
    };
    let text: String = one("SELECT search_text FROM tickets ORDER BY id LIMIT 1")
        .await
        .try_get("", "search_text")
        .unwrap_or_else(|e| panic!("{e}"));
    let phone = text.split(' ').find(|t| t.len() >= 8 && t.bytes().all(|b| b.is_ascii_digit()));
    let phone = phone.unwrap_or_else(|| panic!("no phone in {text:?}")).to_owned();
    let common = "ro-".to_owned();
    let holding = |needle: &str| format!("SELECT COUNT(*) FROM tickets WHERE search_text LIKE '%{needle}%'");
    assert!(count(db, &holding(&common)).await > 1_000, "the common term is not common");
    assert!(count(db, &holding(&phone)).await < 50, "the phone is not one customer's");
    for needle in [phone, common] {
        let listed =
            tickets::list(db, &scope, TicketFilter { q: Some(needle.clone()), limit: 50, ..TicketFilter::default() })
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                format!("SELECT id FROM tickets WHERE search_text LIKE '%{needle}%' ORDER BY id DESC LIMIT 50"),
            ))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let expected: Vec<Uuid> = rows.iter().map(|r| r.try_get("", "id").unwrap_or_else(|e| panic!("{e}"))).collect();
        // The list reads one more than the page, to tell whether another follows.
        let found: Vec<Uuid> = listed.iter().take(50).map(|t| t.id.uuid()).collect();
        assert_eq!(found, expected, "searching {needle:?}");
    }
}
