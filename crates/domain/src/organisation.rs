//! The service network: branches, the people in it, their skills.

use crate::ids::{BranchId, SkillId, UserId};
use crate::money::Currency;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::access::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BranchKind {
    Hq,
    Regional,
    Outlet,
}

impl BranchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BranchKind::Hq => "hq",
            BranchKind::Regional => "regional",
            BranchKind::Outlet => "outlet",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "hq" => Some(BranchKind::Hq),
            "regional" => Some(BranchKind::Regional),
            "outlet" => Some(BranchKind::Outlet),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    pub id: BranchId,
    pub parent_id: Option<BranchId>,
    /// Materialised path, see [`crate::branch_tree`].
    pub path: String,
    pub code: String,
    pub name: String,
    pub kind: BranchKind,
    pub time_zone: String,
    pub currency: Currency,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The part of the network a signed-in user sees and changes: their branch and
/// everything below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchScope {
    pub branch_id: BranchId,
    pub path: String,
}

impl BranchScope {
    pub fn covers(&self, branch_path: &str) -> bool {
        crate::branch_tree::is_within(branch_path, &self.path)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Vi,
    Fa,
    Zh,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Vi => "vi",
            Locale::Fa => "fa",
            Locale::Zh => "zh",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "en" => Some(Locale::En),
            "vi" => Some(Locale::Vi),
            "fa" => Some(Locale::Fa),
            "zh" => Some(Locale::Zh),
            _ => None,
        }
    }
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Clerk => "clerk",
            Role::Dispatcher => "dispatcher",
            Role::Technician => "technician",
            Role::Warehouse => "warehouse",
            Role::Finance => "finance",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub branch_id: BranchId,
    /// Lower-case; unique.
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub roles: Vec<Role>,
    /// Skill codes.
    pub skills: Vec<String>,
    pub locale: Locale,
    pub active: bool,
    /// The partner (a contracted shop, a platform) this person works for: they
    /// see and do only what concerns that partner.
    pub partner_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    pub id: SkillId,
    pub code: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for k in [BranchKind::Hq, BranchKind::Regional, BranchKind::Outlet] {
            assert_eq!(BranchKind::parse(k.as_str()), Some(k));
        }
        for l in [Locale::En, Locale::Vi, Locale::Fa, Locale::Zh] {
            assert_eq!(Locale::parse(l.as_str()), Some(l));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
