//! Repository tests straight on the database (both engines), below the HTTP layer.
use aftersales_domain::branch_tree::{child_path, root_path};
use aftersales_domain::organisation::{BranchKind, BranchScope};
use aftersales_persistence::{DbOptions, begin_write, branches, connect, migrate, refresh_tokens};
use aftersales_tests::{Scratch, fresh_database};
use chrono::{Duration, Utc};
use uuid::Uuid;

/// An empty migrated database, and its folder to keep while it is used.
async fn empty_db() -> (aftersales_persistence::DatabaseConnection, Scratch) {
    let (url, scratch) = fresh_database().await;
    let db = connect(&DbOptions { url, max_connections: 4, sqlite_synchronous_full: false })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    migrate(&db).await.unwrap_or_else(|e| panic!("{e}"));
    (db, scratch)
}

fn new_branch(id: Uuid, parent: Option<(Uuid, &str)>, code: &str) -> branches::NewBranch {
    branches::NewBranch {
        id,
        parent_id: parent.map(|p| p.0),
        path: parent.map_or_else(|| root_path(id), |(_, path)| child_path(path, id)),
        code: code.into(),
        name: code.into(),
        kind: if parent.is_none() { BranchKind::Hq } else { BranchKind::Outlet },
        time_zone: "UTC".into(),
        currency: aftersales_domain::money::Currency::parse("USD").unwrap_or_else(|| panic!("USD")),
    }
}

#[tokio::test]
async fn migrations_run_twice_without_harm() {
    let (db, _scratch) = empty_db().await;
    migrate(&db).await.unwrap_or_else(|e| panic!("second run: {e}"));
}

#[tokio::test]
async fn a_scoped_list_returns_the_subtree_only() {
    let (db, _scratch) = empty_db().await;
    let now = Utc::now();
    let hq = branches::insert(&db, new_branch(Uuid::now_v7(), None, "HQ"), now).await.unwrap_or_else(|e| panic!("{e}"));
    let a = branches::insert(&db, new_branch(Uuid::now_v7(), Some((hq.id.uuid(), &hq.path)), "A"), now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let a1 = branches::insert(&db, new_branch(Uuid::now_v7(), Some((a.id.uuid(), &a.path)), "A1"), now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    branches::insert(&db, new_branch(Uuid::now_v7(), Some((hq.id.uuid(), &hq.path)), "B"), now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let scope = BranchScope { branch_id: a.id, path: a.path.clone() };
    let filter = branches::BranchFilter { parent_id: None, q: None, after_code: None, limit: 50 };
    let listed = branches::list(&db, &scope, filter).await.unwrap_or_else(|e| panic!("{e}"));
    let codes: Vec<&str> = listed.iter().map(|b| b.code.as_str()).collect();
    assert_eq!(codes, vec!["A", "A1"]);
    assert!(branches::find_in_scope(&db, &scope, a1.id.uuid()).await.is_ok());
    assert!(branches::find_in_scope(&db, &scope, hq.id.uuid()).await.is_err());
}

#[tokio::test]
async fn a_search_treats_percent_and_underscore_literally() {
    let (db, _scratch) = empty_db().await;
    let now = Utc::now();
    let hq = branches::insert(&db, new_branch(Uuid::now_v7(), None, "HQ"), now).await.unwrap_or_else(|e| panic!("{e}"));
    let scope = BranchScope { branch_id: hq.id, path: hq.path.clone() };
    let filter = |q: &str| branches::BranchFilter { parent_id: None, q: Some(q.into()), after_code: None, limit: 50 };
    assert_eq!(branches::list(&db, &scope, filter("%")).await.map(|v| v.len()).ok(), Some(0));
    assert_eq!(branches::list(&db, &scope, filter("hq")).await.map(|v| v.len()).ok(), Some(1));
}

#[tokio::test]
async fn a_rolled_back_transaction_leaves_nothing() {
    let (db, _scratch) = empty_db().await;
    let txn = begin_write(&db).await.unwrap_or_else(|e| panic!("{e}"));
    branches::insert(&txn, new_branch(Uuid::now_v7(), None, "GONE"), Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    txn.rollback().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(branches::count(&db).await.ok(), Some(0));
}

#[tokio::test]
async fn only_one_of_two_concurrent_spends_of_a_refresh_token_succeeds() {
    let (db, _scratch) = empty_db().await;
    let now = Utc::now();
    let hq = branches::insert(&db, new_branch(Uuid::now_v7(), None, "HQ"), now).await.unwrap_or_else(|e| panic!("{e}"));
    let user = aftersales_persistence::users::insert(
        &db,
        aftersales_persistence::users::NewUser {
            id: Uuid::now_v7(),
            branch_id: hq.id.uuid(),
            username: "u".into(),
            display_name: "U".into(),
            email: None,
            phone: None,
            password_hash: "x".into(),
            roles: vec![],
            skill_ids: vec![],
            locale: Default::default(),
            partner_id: None,
        },
        now,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let new = refresh_tokens::NewToken {
        user_id: user.id.uuid(),
        family_id: Uuid::now_v7(),
        token_hash: "h1",
        expires_at: now + Duration::days(1),
    };
    refresh_tokens::insert(&db, new, now).await.unwrap_or_else(|e| panic!("{e}"));
    let stored = refresh_tokens::find_by_hash(&db, "h1").await.ok().flatten().unwrap_or_else(|| panic!("token stored"));
    let (a, b) = tokio::join!(refresh_tokens::spend(&db, stored.id, now), refresh_tokens::spend(&db, stored.id, now));
    let wins = [a.unwrap_or(false), b.unwrap_or(false)].iter().filter(|w| **w).count();
    assert_eq!(wins, 1);
}

#[tokio::test]
async fn sqlite_runs_with_wal_and_foreign_keys_on() {
    if aftersales_tests::on_postgres() {
        return;
    }
    use aftersales_persistence::ConnectionTrait;
    let (db, _scratch) = empty_db().await;
    let backend = db.get_database_backend();
    let one = |sql: &str| sea_query_statement(backend, sql);
    let mode = db.query_one_raw(one("PRAGMA journal_mode")).await.ok().flatten();
    let mode: String = mode.and_then(|r| r.try_get_by_index(0).ok()).unwrap_or_default();
    assert_eq!(mode.to_lowercase(), "wal");
    let fk = db.query_one_raw(one("PRAGMA foreign_keys")).await.ok().flatten();
    let fk: i32 = fk.and_then(|r| r.try_get_by_index(0).ok()).unwrap_or_default();
    assert_eq!(fk, 1);
}

fn sea_query_statement(backend: aftersales_persistence::DbBackend, sql: &str) -> aftersales_persistence::Statement {
    aftersales_persistence::Statement::from_string(backend, sql.to_owned())
}

#[tokio::test]
async fn a_customer_is_stored_with_its_contacts_in_order_and_deleted_with_them() {
    use aftersales_domain::customers::{CustomerKind, CustomerSource, Email, Phone};
    use aftersales_persistence::customers;
    let (db, _scratch) = empty_db().await;
    let now = Utc::now();
    let hq = branches::insert(&db, new_branch(Uuid::now_v7(), None, "HQ"), now).await.unwrap_or_else(|e| panic!("{e}"));
    let phone = |n: &str| Phone { number: n.into(), normalized: n.into(), label: None };
    let new = customers::NewCustomer {
        id: Uuid::now_v7(),
        branch_id: hq.id.uuid(),
        kind: CustomerKind::Company,
        name: "Công ty Đông Á".into(),
        tax_id: None,
        locale: Default::default(),
        source: CustomerSource::Web,
        notes: None,
        phones: vec![phone("0241111111"), phone("+84912345678"), phone("0243333333")],
        emails: vec![Email { address: "a@dong-a.vn".into(), label: Some("kế toán".into()) }],
        addresses: vec![],
    };
    let stored = customers::insert(&db, new, now).await.unwrap_or_else(|e| panic!("{e}"));
    let numbers: Vec<&str> = stored.phones.iter().map(|p| p.normalized.as_str()).collect();
    assert_eq!(numbers, vec!["0241111111", "+84912345678", "0243333333"]);
    assert_eq!(stored.emails[0].label.as_deref(), Some("kế toán"));

    let scope = BranchScope { branch_id: hq.id, path: hq.path.clone() };
    let filter = |q: &str| customers::CustomerFilter {
        branch_id: None,
        kind: None,
        source: None,
        q: Some(q.into()),
        before_id: None,
        limit: 50,
    };
    assert_eq!(customers::list(&db, &scope, filter("dong a")).await.map(|v| v.len()).ok(), Some(1));
    assert_eq!(customers::list(&db, &scope, filter("0912 345 678")).await.map(|v| v.len()).ok(), Some(1));

    customers::delete(&db, stored.id.uuid()).await.unwrap_or_else(|e| panic!("{e}"));
    use aftersales_persistence::ConnectionTrait;
    let backend = db.get_database_backend();
    let left = db
        .query_one_raw(sea_query_statement(backend, "SELECT COUNT(*) FROM customer_phones"))
        .await
        .ok()
        .flatten()
        .and_then(|r| r.try_get_by_index::<i64>(0).ok());
    assert_eq!(left, Some(0), "phones go with their customer");
}

#[tokio::test]
async fn admin_create_user_finds_the_branch_by_its_code() {
    let (db, _scratch) = empty_db().await;
    aftersales_api::seed::seed_demo(&db).await.unwrap_or_else(|e| panic!("{e:#}"));
    let roles = [aftersales_domain::access::Role::Clerk];
    let user = aftersales_api::seed::create_user(&db, "new.clerk", "long-enough-pw", None, Some("HN02"), &roles)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let hn02 = branches::find_by_code(&db, "HN02").await.ok().flatten().map(|b| b.id);
    assert_eq!(Some(user.branch_id), hn02);
    let unknown = aftersales_api::seed::create_user(&db, "other", "long-enough-pw", None, Some("NOPE"), &roles).await;
    assert!(unknown.is_err_and(|e| e.to_string().contains("no branch with code NOPE")));
}
