//! argon2id password hashes. Hashing costs ~40 ms of CPU, so it runs on the
//! blocking pool with a cap on how many run at once, never on the async workers.
use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use tokio::sync::Semaphore;

use crate::error::ApiError;

pub struct Passwords {
    permits: Arc<Semaphore>,
    /// Verified against when the user does not exist, so both answers take as long.
    dummy_hash: String,
}

impl Passwords {
    pub fn new(max_concurrent: usize) -> Result<Self, ApiError> {
        Ok(Passwords {
            permits: Arc::new(Semaphore::new(max_concurrent.max(1))),
            dummy_hash: hash_now("not a real password")?,
        })
    }

    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        let _permit = self.permits.acquire().await.map_err(|e| ApiError::Internal(e.into()))?;
        tokio::task::spawn_blocking(move || hash_now(&password)).await.map_err(|e| ApiError::Internal(e.into()))?
    }

    /// True when `password` matches `hash`; with no hash it does the same work and says no.
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, ApiError> {
        let _permit = self.permits.acquire().await.map_err(|e| ApiError::Internal(e.into()))?;
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| self.dummy_hash.clone());
        let matches = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        })
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
        Ok(known && matches)
    }
}

/// Hashes on the current thread; for the command line and the blocking pool.
pub fn hash_now(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("argon2: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_right_password_matches_and_a_wrong_one_does_not() {
        let passwords = Passwords::new(2).map_err(|e| e.to_string());
        let Ok(passwords) = passwords else { panic!("argon2 unavailable") };
        let hash = passwords.hash("correct horse".into()).await.ok();
        assert!(hash.as_deref().is_some_and(|h| h.starts_with("$argon2id$")));
        assert!(passwords.verify("correct horse".into(), hash.clone()).await.unwrap_or(false));
        assert!(!passwords.verify("wrong horse".into(), hash).await.unwrap_or(true));
        assert!(!passwords.verify("not a real password".into(), None).await.unwrap_or(true));
    }
}
