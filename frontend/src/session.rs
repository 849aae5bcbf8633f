//! Who is signed in: the tokens, the current user and what the server lets them
//! do, kept in a reactive context and in `localStorage` so a reload keeps the session.
//! Pages ask [`Session::may`] before offering something; the answer comes from the
//! server (`GET /auth/me`), which decides every request by the same grant table.

use aftersales_api_types::auth::{MeDto, Permission, TokenResponse};
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
    /// What the user's roles grant, as `GET /auth/me` said last. Not optional: a
    /// session stored by an older web app is not loaded, and its user signs in again.
    pub permissions: Vec<Permission>,
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

    /// Whether the signed-in user may do `permission` (reactive).
    pub fn may(&self, permission: Permission) -> bool {
        self.state.with(|s| s.as_ref().is_some_and(|s| s.permissions.contains(&permission)))
    }

    /// Whether the signed-in user has any of `roles` (reactive). Only for what roles
    /// decide beyond permissions: the roles a workflow step names, a technician's own jobs.
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

    /// Remembers a fresh pair of tokens, the user they belong to and what that user may do.
    pub fn sign_in(&self, tokens: TokenResponse, permissions: Vec<Permission>) {
        let stored = Stored {
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            user: tokens.user,
            permissions,
        };
        remember(&stored);
        self.state.try_set(Some(stored));
        self.expired.try_set(false);
    }

    /// Replaces the pair of tokens after a refresh; what the user may do stays as
    /// known until `GET /auth/me` says otherwise. A session forgotten meanwhile
    /// (signed out while the refresh was under way) stays forgotten.
    pub fn renew(&self, tokens: TokenResponse) {
        let renewed = self.state.try_update(|s| {
            let stored = s.as_mut()?;
            stored.access_token = tokens.access_token;
            stored.refresh_token = tokens.refresh_token;
            stored.user = tokens.user;
            Some(stored.clone())
        });
        if let Some(Some(stored)) = renewed {
            remember(&stored);
            self.expired.try_set(false);
        }
    }

    /// Replaces the remembered user and what they may do with the answer of `GET /auth/me`.
    pub fn set_me(&self, me: MeDto) {
        let changed = self.state.try_update(|s| match s {
            Some(stored) if stored.user != me.user || stored.permissions != me.permissions => {
                stored.user = me.user;
                stored.permissions = me.permissions;
                Some(stored.clone())
            }
            _ => None,
        });
        if let Some(Some(stored)) = changed {
            remember(&stored);
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

/// Writes the session to `localStorage`. Private browsing may refuse storage; the
/// session then lasts until reload.
fn remember(stored: &Stored) {
    let _ = LocalStorage::set(STORAGE_KEY, stored);
}

/// The session provided by `App`.
pub fn use_session() -> Session {
    match use_context::<Session>() {
        Some(session) => session,
        // Only reachable if a component is rendered outside `App`.
        None => Session::provide(),
    }
}
