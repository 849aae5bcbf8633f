//! Who is signed in: the tokens and the current user, kept in a reactive context
//! and in `localStorage` so a reload keeps the session.

use aftersales_api_types::auth::TokenResponse;
use aftersales_api_types::users::{Role, UserDto};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The `localStorage` key of the session.
const STORAGE_KEY: &str = "aftersales.session";

/// The `localStorage` key of the branch a user above outlet level works in.
const BRANCH_KEY: &str = "aftersales.branch";

/// What is remembered between page loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub access_token: String,
    pub refresh_token: String,
    pub user: UserDto,
}

/// The session context. It is `Copy`: pass it into closures and async blocks freely.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    state: RwSignal<Option<Stored>>,
    signed_in: Memo<bool>,
    /// The tokens stopped working (and could not be refreshed): the page stays as it
    /// is, with whatever was typed, under a dialog asking for the password again.
    expired: RwSignal<bool>,
    /// The branch chosen in the header by a user who sees several; `None` for all of them.
    working_branch: RwSignal<Option<Uuid>>,
}

impl Session {
    /// Loads the stored session (if any) and provides it to every component below.
    pub fn provide() -> Self {
        let stored = LocalStorage::get::<Stored>(STORAGE_KEY).ok();
        let state = RwSignal::new(stored);
        let signed_in = Memo::new(move |_| state.with(Option::is_some));
        let working_branch = RwSignal::new(LocalStorage::get::<Uuid>(BRANCH_KEY).ok());
        let session = Self { state, signed_in, expired: RwSignal::new(false), working_branch };
        provide_context(session);
        session
    }

    /// Whether someone is signed in (reactive; changes only on sign-in and sign-out).
    pub fn signed_in(&self) -> bool {
        self.signed_in.get()
    }

    /// The signed-in user (reactive).
    pub fn user(&self) -> Option<UserDto> {
        self.state.with(|s| s.as_ref().map(|s| s.user.clone()))
    }

    /// Whether the signed-in user has any of `roles` (reactive).
    pub fn has_any_role(&self, roles: &[Role]) -> bool {
        self.state.with(|s| s.as_ref().is_some_and(|s| roles.iter().any(|r| s.user.roles.contains(r))))
    }

    /// The tokens to use now, read without subscribing. Storage comes first: another
    /// tab of the same user may have refreshed them (a refresh token works only once).
    fn tokens(&self) -> Option<(String, String)> {
        let stored = LocalStorage::get::<Stored>(STORAGE_KEY).ok();
        let mine = self.state.try_with_untracked(|s| s.as_ref().map(|s| s.user.id)).flatten();
        match stored {
            Some(stored) if Some(stored.user.id) == mine => Some((stored.access_token, stored.refresh_token)),
            _ => self
                .state
                .try_with_untracked(|s| s.as_ref().map(|s| (s.access_token.clone(), s.refresh_token.clone())))
                .flatten(),
        }
    }

    /// The access token, read without subscribing.
    pub fn access_token(&self) -> Option<String> {
        self.tokens().map(|(access, _)| access)
    }

    /// The refresh token, read without subscribing.
    pub fn refresh_token(&self) -> Option<String> {
        self.tokens().map(|(_, refresh)| refresh)
    }

    /// Whether the session has run out and waits for the password again (reactive).
    pub fn expired(&self) -> bool {
        self.expired.get()
    }

    /// The branch chosen in the header, `None` for every branch the user sees (reactive).
    pub fn working_branch(&self) -> Option<Uuid> {
        self.working_branch.get()
    }

    /// Chooses the branch to work in (remembered across reloads).
    pub fn set_working_branch(&self, branch: Option<Uuid>) {
        match branch {
            Some(id) => {
                let _ = LocalStorage::set(BRANCH_KEY, id);
            }
            None => LocalStorage::delete(BRANCH_KEY),
        }
        self.working_branch.try_set(branch);
    }

    /// Marks the session as run out; the page stays, the sign-in dialog opens.
    pub fn expire(&self) {
        self.expired.try_set(true);
    }

    /// Remembers a fresh pair of tokens and the user they belong to.
    pub fn sign_in(&self, tokens: TokenResponse) {
        let stored =
            Stored { access_token: tokens.access_token, refresh_token: tokens.refresh_token, user: tokens.user };
        // Private browsing may refuse storage; the session then lasts until reload.
        let _ = LocalStorage::set(STORAGE_KEY, &stored);
        self.state.try_set(Some(stored));
        self.expired.try_set(false);
    }

    /// Replaces the remembered user, e.g. after `GET /auth/me`.
    pub fn set_user(&self, user: UserDto) {
        let changed = self.state.try_update(|s| match s {
            Some(stored) if stored.user != user => {
                stored.user = user;
                Some(stored.clone())
            }
            _ => None,
        });
        if let Some(Some(stored)) = changed {
            let _ = LocalStorage::set(STORAGE_KEY, &stored);
        }
    }

    /// Forgets the session here (the server is told by `api::logout`).
    pub fn clear(&self) {
        LocalStorage::delete(STORAGE_KEY);
        LocalStorage::delete(BRANCH_KEY);
        self.working_branch.try_set(None);
        self.state.try_set(None);
        self.expired.try_set(false);
    }
}

/// The session provided by `App`.
pub fn use_session() -> Session {
    match use_context::<Session>() {
        Some(session) => session,
        // Only reachable if a component is rendered outside `App`.
        None => Session::provide(),
    }
}

/// Roles that may manage branches and users.
pub const MANAGERS: &[Role] = &[Role::Admin, Role::Manager];

/// Roles that may see stock on hand and its ledger (every role does).
pub const STOCK_VIEWERS: &[Role] =
    &[Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician, Role::Warehouse, Role::Finance];

/// Roles that may look units up in the serial registry (every role does).
pub const SERIAL_VIEWERS: &[Role] =
    &[Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician, Role::Warehouse, Role::Finance];

/// Roles that may receive, issue and move stock.
pub const STOCK_MOVERS: &[Role] = &[Role::Admin, Role::Manager, Role::Warehouse];

/// Roles that may open the dispatch board and send technicians to tickets.
pub const DISPATCHERS: &[Role] = &[Role::Admin, Role::Manager, Role::Dispatcher];

/// Roles that may see the ticket list (every role does; the server narrows it to
/// the user's part of the network, and technicians to their own jobs).
pub const TICKET_VIEWERS: &[Role] = STOCK_VIEWERS;

/// Roles that may see customers (`GET /customers`).
pub const CUSTOMER_VIEWERS: &[Role] = &[Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician];

/// Roles that may register and change customers.
pub const CUSTOMER_EDITORS: &[Role] = &[Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher];

/// Roles that may read warranty policies (every role does; managers and admins edit them).
pub const WARRANTY_VIEWERS: &[Role] = STOCK_VIEWERS;

/// Roles that may take a unit in (create a ticket, `/tickets/new`).
pub const TICKET_INTAKE: &[Role] = &[Role::Admin, Role::Manager, Role::Dispatcher, Role::Clerk];

/// Roles that may move tickets through their workflow.
pub const TICKET_WORKERS: &[Role] = &[Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician];

/// Roles that may work in another branch than their own: they may list branches
/// (the switcher shows only when they see more than one).
pub const BRANCH_SWITCHERS: &[Role] = &[Role::Admin, Role::Manager];

/// Roles that may configure tickets: workflows, ticket settings, code lists (admins only).
pub const TICKET_CONFIGURERS: &[Role] = &[Role::Admin];

/// Roles that record callbacks and open or resolve complaints (`HandleFollowUps`).
pub const FOLLOW_UP_HANDLERS: &[Role] = &[Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher];

/// Roles that may read purchase orders (`GET /purchase-orders`: every role may);
/// writing, ordering and cancelling them, and receiving against them, is for
/// [`STOCK_MOVERS`].
pub const PURCHASE_VIEWERS: &[Role] = STOCK_VIEWERS;
