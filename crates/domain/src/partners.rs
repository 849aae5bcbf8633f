//! Partners (repair shops, e-commerce platforms, manufacturers, dealers) and the
//! API keys their systems call with: the closed set of key scopes, which scopes a
//! kind of partner may hold, what each scope allows, and the key's format.
//!
//! A key reads `ask_live_<8 hex>_<64 hex>`: the first part (`ask_live_1a2b3c4d`)
//! is its public prefix, stored in clear to find the key and to show it in lists;
//! the 64 hex digits are 256 random bits, stored only as a SHA-256 digest. A
//! digest, not a password hash: a secret of that entropy cannot be guessed, so
//! the slow hash that protects chosen passwords would only slow every call.
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::access::{Permission, Role};
use crate::tickets::named_enum;

named_enum!(
    /// What a partner is to the network; decides which key scopes it may hold
    /// and which tickets its keys see.
    PartnerKind {
        /// A contracted shop: takes in and repairs, sees its own and given tickets.
        RepairShop = "repair_shop",
        /// A marketplace or web shop that sends its customers' repairs.
        EcommercePlatform = "ecommerce_platform",
        /// A brand owner: reads the warranty tickets of its brands, changes nothing.
        Manufacturer = "manufacturer",
        Dealer = "dealer",
    }
);

named_enum!(
    /// What a key may do: the closed set of API key scopes.
    ApiScope {
        TicketsRead = "tickets:read",
        TicketsWrite = "tickets:write",
        SerialsWrite = "serials:write",
        OrdersWrite = "orders:write",
        WebhooksManage = "webhooks:manage",
    }
);

impl PartnerKind {
    /// A manufacturer's keys only read (and subscribe its own systems to what
    /// they read): it follows the warranty work on its brands, the network does it.
    pub fn may_hold(self, scope: ApiScope) -> bool {
        match self {
            PartnerKind::Manufacturer => matches!(scope, ApiScope::TicketsRead | ApiScope::WebhooksManage),
            _ => true,
        }
    }

    /// The roles a partner's own staff may hold: they take in and work tickets;
    /// the network's own work (dispatch, stock, money, settings) is not theirs.
    pub fn staff_role(role: Role) -> bool {
        matches!(role, Role::Clerk | Role::Technician)
    }

    /// Who sends orders of sold units: a platform or a dealer.
    pub fn sells_units(self) -> bool {
        matches!(self, PartnerKind::EcommercePlatform | PartnerKind::Dealer)
    }

    /// What a partner's own staff, signed in, may do at most (their roles narrow it
    /// further): a shop's take in and work its tickets, a platform's follow its
    /// orders and read their tickets, a manufacturer's read its brands' tickets.
    /// Never the network's own work: customers of the branch, stock, settings.
    pub fn staff_may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            PartnerKind::RepairShop => matches!(permission, ViewCatalogue | ViewTickets | ManageTickets | WorkTickets),
            PartnerKind::Dealer => {
                matches!(permission, ViewCatalogue | ViewTickets | ManageTickets | WorkTickets | ManageOrders)
            }
            PartnerKind::EcommercePlatform => matches!(permission, ViewCatalogue | ViewTickets | ManageOrders),
            PartnerKind::Manufacturer => matches!(permission, ViewCatalogue | ViewTickets),
        }
    }

    /// The workflow roles a key of this partner acts in when it may write
    /// tickets: a shop or a dealer takes in and repairs; a platform only takes in.
    pub fn workflow_roles(self, scopes: &[ApiScope]) -> Vec<Role> {
        if !scopes.contains(&ApiScope::TicketsWrite) {
            return Vec::new();
        }
        match self {
            PartnerKind::RepairShop | PartnerKind::Dealer => vec![Role::Clerk, Role::Technician],
            PartnerKind::EcommercePlatform => vec![Role::Clerk],
            PartnerKind::Manufacturer => Vec::new(),
        }
    }
}

/// Why a key's scopes are refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeRefusal {
    Empty,
    Unknown(String),
    NotForKind(ApiScope),
}

/// The scopes asked for, checked against the partner's kind: at least one, each
/// known and allowed, duplicates dropped, in the canonical order.
pub fn check_scopes(kind: PartnerKind, asked: &[String]) -> Result<Vec<ApiScope>, ScopeRefusal> {
    if asked.is_empty() {
        return Err(ScopeRefusal::Empty);
    }
    let mut scopes = Vec::with_capacity(asked.len());
    for name in asked {
        let scope = ApiScope::parse(name.trim()).ok_or_else(|| ScopeRefusal::Unknown(name.clone()))?;
        if !kind.may_hold(scope) {
            return Err(ScopeRefusal::NotForKind(scope));
        }
        scopes.push(scope);
    }
    scopes.sort();
    scopes.dedup();
    Ok(scopes)
}

/// Whether a key with these scopes may do what `permission` guards. Only the
/// ticket permissions are open to keys; everything else is staff work.
pub fn scopes_grant(scopes: &[ApiScope], permission: Permission) -> bool {
    match permission {
        Permission::ViewTickets => scopes.contains(&ApiScope::TicketsRead) || scopes.contains(&ApiScope::TicketsWrite),
        Permission::ManageTickets | Permission::WorkTickets => scopes.contains(&ApiScope::TicketsWrite),
        Permission::ManageWebhooks => scopes.contains(&ApiScope::WebhooksManage),
        Permission::ManageOrders => scopes.contains(&ApiScope::OrdersWrite),
        _ => false,
    }
}

/// The literal every key starts with.
pub const KEY_START: &str = "ask_live_";
const ID_LEN: usize = 8;
const SECRET_LEN: usize = 64;

/// A key as presented by a caller, split into the prefix it is found by and the
/// whole text whose digest must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentedKey {
    prefix: String,
    full: String,
}

impl PresentedKey {
    /// `ask_live_<8 lowercase hex>_<64 lowercase hex>`, nothing else.
    pub fn parse(text: &str) -> Option<PresentedKey> {
        let rest = text.strip_prefix(KEY_START)?;
        let (id, secret) = rest.split_once('_')?;
        let hex = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !hex(id, ID_LEN) || !hex(secret, SECRET_LEN) {
            return None;
        }
        Some(PresentedKey { prefix: format!("{KEY_START}{id}"), full: text.to_owned() })
    }

    /// The public part: `ask_live_1a2b3c4d`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The whole key, to digest.
    pub fn full(&self) -> &str {
        &self.full
    }
}

/// True when a bearer token is meant as an API key rather than an access token.
pub fn looks_like_key(token: &str) -> bool {
    token.starts_with("ask_")
}

/// A new key from 4 random bytes (its public id) and 32 random bytes (its secret).
pub fn compose_key(id: [u8; 4], secret: [u8; 32]) -> PresentedKey {
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let prefix = format!("{KEY_START}{}", hex(&id));
    let full = format!("{prefix}_{}", hex(&secret));
    PresentedKey { prefix, full }
}

/// Why a key that exists may not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRefusal {
    Revoked,
    Expired,
    PartnerInactive,
}

/// A key works until it is revoked or its expiry passes, and only while its
/// partner is active.
pub fn key_usable(
    revoked_at: Option<DateTime<Utc>>,
    expires_at: Option<DateTime<Utc>>,
    partner_active: bool,
    now: DateTime<Utc>,
) -> Result<(), KeyRefusal> {
    if revoked_at.is_some_and(|at| at <= now) {
        return Err(KeyRefusal::Revoked);
    }
    if expires_at.is_some_and(|at| at <= now) {
        return Err(KeyRefusal::Expired);
    }
    if !partner_active {
        return Err(KeyRefusal::PartnerInactive);
    }
    Ok(())
}

/// How often a key's `last_used_at` is written: a busy integration calling many
/// times a second would otherwise turn every read into a write.
pub const LAST_USED_RESOLUTION: Duration = Duration::seconds(60);

pub fn needs_touch(last_used_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last_used_at.is_none_or(|at| now - at >= LAST_USED_RESOLUTION)
}

/// A partner's code: 2 to 32 letters, digits, `-` or `_`, kept upper case.
pub fn partner_code(text: &str) -> Option<String> {
    let code = text.trim().to_uppercase();
    let ok =
        (2..=32).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then_some(code)
}

/// A partner of the network, as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub id: Uuid,
    /// The branch the partner works with; its tickets are taken in there.
    pub branch_id: Uuid,
    /// The partner's technical user: who its keys act as (see `aftersales_api::auth::api_keys`).
    pub user_id: Uuid,
    pub code: String,
    pub name: String,
    pub kind: PartnerKind,
    pub active: bool,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    /// A manufacturer's brands, whose warranty tickets its keys read.
    pub brand_ids: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// An API key as kept: never the secret, only its public prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<ApiScope>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_manufacturer_may_only_read_and_subscribe() {
        for scope in ApiScope::ALL {
            let reads = matches!(scope, ApiScope::TicketsRead | ApiScope::WebhooksManage);
            assert_eq!(PartnerKind::Manufacturer.may_hold(*scope), reads, "{scope:?}");
            assert!(PartnerKind::RepairShop.may_hold(*scope));
        }
        let refused = check_scopes(PartnerKind::Manufacturer, &["tickets:write".into()]);
        assert_eq!(refused, Err(ScopeRefusal::NotForKind(ApiScope::TicketsWrite)));
    }

    #[test]
    fn scopes_are_checked_deduplicated_and_ordered() {
        let asked = vec!["tickets:write".to_owned(), "tickets:read".into(), "tickets:write".into()];
        assert_eq!(
            check_scopes(PartnerKind::RepairShop, &asked),
            Ok(vec![ApiScope::TicketsRead, ApiScope::TicketsWrite])
        );
        assert_eq!(check_scopes(PartnerKind::Dealer, &[]), Err(ScopeRefusal::Empty));
        assert_eq!(
            check_scopes(PartnerKind::Dealer, &["tickets:delete".into()]),
            Err(ScopeRefusal::Unknown("tickets:delete".into()))
        );
    }

    #[test]
    fn keys_reach_only_the_ticket_permissions_their_scopes_name() {
        let read = [ApiScope::TicketsRead];
        let write = [ApiScope::TicketsWrite];
        assert!(scopes_grant(&read, Permission::ViewTickets));
        assert!(!scopes_grant(&read, Permission::ManageTickets));
        assert!(!scopes_grant(&read, Permission::WorkTickets));
        assert!(scopes_grant(&write, Permission::ViewTickets));
        assert!(scopes_grant(&write, Permission::ManageTickets));
        assert!(scopes_grant(&write, Permission::WorkTickets));
        for p in
            [Permission::ManageUsers, Permission::DispatchTickets, Permission::ViewCustomers, Permission::ReadAudit]
        {
            assert!(!scopes_grant(ApiScope::ALL, p), "{p:?}");
        }
    }

    #[test]
    fn only_writing_keys_act_in_workflow_roles() {
        assert!(PartnerKind::RepairShop.workflow_roles(&[ApiScope::TicketsRead]).is_empty());
        assert!(PartnerKind::RepairShop.workflow_roles(&[ApiScope::TicketsWrite]).contains(&Role::Technician));
        assert_eq!(PartnerKind::EcommercePlatform.workflow_roles(&[ApiScope::TicketsWrite]), vec![Role::Clerk]);
    }

    #[test]
    fn a_revoked_or_expired_key_or_one_of_an_inactive_partner_is_refused() {
        let now = Utc::now();
        let past = now - Duration::minutes(1);
        let future = now + Duration::minutes(1);
        assert_eq!(key_usable(None, None, true, now), Ok(()));
        assert_eq!(key_usable(None, Some(future), true, now), Ok(()));
        assert_eq!(key_usable(Some(past), None, true, now), Err(KeyRefusal::Revoked));
        assert_eq!(key_usable(None, Some(past), true, now), Err(KeyRefusal::Expired));
        assert_eq!(key_usable(None, Some(now), true, now), Err(KeyRefusal::Expired));
        assert_eq!(key_usable(None, None, false, now), Err(KeyRefusal::PartnerInactive));
    }

    #[test]
    fn last_use_is_written_at_most_once_a_minute() {
        let now = Utc::now();
        assert!(needs_touch(None, now));
        assert!(!needs_touch(Some(now - Duration::seconds(59)), now));
        assert!(needs_touch(Some(now - Duration::seconds(60)), now));
    }

    #[test]
    fn partner_codes_are_upper_case_and_plain() {
        assert_eq!(partner_code(" shop-a1 "), Some("SHOP-A1".into()));
        assert_eq!(partner_code("a"), None);
        assert_eq!(partner_code("shop a"), None);
    }

    #[test]
    fn malformed_keys_are_not_keys() {
        let good = format!("ask_live_1a2b3c4d_{}", "0f".repeat(32));
        assert!(PresentedKey::parse(&good).is_some());
        for bad in [
            "ask_live_1a2b3c4d".to_owned(),
            format!("ask_test_1a2b3c4d_{}", "0f".repeat(32)),
            format!("ask_live_1A2B3C4D_{}", "0f".repeat(32)),
            format!("ask_live_1a2b3c4_{}", "0f".repeat(32)),
            format!("ask_live_1a2b3c4d_{}", "0f".repeat(31)),
            format!("ask_live_1a2b3c4d_{}g", "0f".repeat(31)),
        ] {
            assert!(PresentedKey::parse(&bad).is_none(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_composed_key_parses_back_to_its_prefix(id in any::<[u8; 4]>(), secret in any::<[u8; 32]>()) {
            let key = compose_key(id, secret);
            let parsed = PresentedKey::parse(key.full());
            prop_assert_eq!(parsed.as_ref(), Some(&key));
            prop_assert!(key.full().starts_with(key.prefix()));
            prop_assert!(looks_like_key(key.full()));
            prop_assert_eq!(key.prefix().len(), KEY_START.len() + 8);
        }

        #[test]
        fn a_scope_list_that_passes_is_allowed_for_the_kind(
            kind in prop::sample::select(PartnerKind::ALL.to_vec()),
            picks in prop::collection::vec(prop::sample::select(ApiScope::ALL.to_vec()), 1..6),
        ) {
            let names: Vec<String> = picks.iter().map(|s| s.as_str().to_owned()).collect();
            match check_scopes(kind, &names) {
                Ok(scopes) => {
                    prop_assert!(scopes.iter().all(|s| kind.may_hold(*s)));
                    prop_assert!(scopes.windows(2).all(|w| w[0] < w[1]));
                }
                Err(ScopeRefusal::NotForKind(s)) => prop_assert!(!kind.may_hold(s)),
                Err(other) => prop_assert!(false, "unexpected {:?}", other),
            }
        }
    }
}
