//! Sign in with a username and password.
use std::net::IpAddr;

use aftersales_api_types::auth::{LoginRequest, TokenResponse};
use aftersales_persistence::{DatabaseConnection, users};
use chrono::Utc;
use uuid::Uuid;

use super::{Sessions, holder};
use crate::audit::Change;
use crate::auth::passwords::Passwords;
use crate::auth::throttle::LoginGuard;
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::use_cases::{Actor, Work};

/// A wrong password and an unknown username get the same answer (401). Attempts
/// are limited per client address and per account name (429); a success starts a
/// new token family.
pub async fn login(
    db: &DatabaseConnection,
    sessions: &Sessions<'_>,
    passwords: &Passwords,
    guard: &LoginGuard,
    client: Option<IpAddr>,
    request_id: RequestId,
    body: LoginRequest,
) -> Result<TokenResponse, ApiError> {
    if let Some(ip) = client {
        guard.check_ip(ip)?;
    }
    let username = body.username.trim().to_lowercase();
    let now = Utc::now();
    guard.check_account(&username, now)?;

    let credentials = users::credentials(db, &username).await?;
    let hash = credentials.as_ref().map(|c| c.password_hash.clone());
    let password_ok = passwords.verify(body.password, hash).await?;
    let user = match credentials {
        Some(c) if password_ok && c.user.active => c.user,
        _ => {
            guard.record_failure(&username, now);
            return Err(ApiError::InvalidCredentials);
        }
    };
    guard.record_success(&username);

    let actor = Actor::once(holder(db, user.id.uuid()).await?, request_id);
    let work = Work::begin(db, &actor).await?;
    let tokens = sessions.issue_pair(work.db(), &user, Uuid::now_v7(), work.now()).await?;
    work.audit(Change {
        action: "auth.login",
        entity: "user",
        entity_id: user.id.uuid(),
        branch_id: Some(user.branch_id.uuid()),
        before: None,
        after: None,
    })
    .await?;
    work.commit().await?;
    tracing::info!(user_id = %user.id, "signed in");
    Ok(tokens)
}
