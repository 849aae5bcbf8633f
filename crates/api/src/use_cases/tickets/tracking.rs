//! Making and finding public tracking codes. The database holds the code's SHA-256
//! and is searched by it, so the lookup's timing says nothing about how close a
//! guess was.
use aftersales_domain::tickets::tracking::{code_from_random, normalize_code};
use rand::RngCore;

use crate::auth::refresh::hash_token;
use crate::error::ApiError;

/// A fresh code and its hash.
pub fn new_code() -> Result<(String, String), ApiError> {
    // 64 random bytes leave plenty after rejection sampling for 12 symbols.
    let mut bytes = [0u8; 64];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let code =
        code_from_random(&bytes).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("tracking code: too few bytes")))?;
    let hash = hash_code(&code);
    Ok((code, hash))
}

/// The hash a typed code is looked up by.
pub fn hash_code(typed: &str) -> String {
    hash_token(&normalize_code(typed))
}
