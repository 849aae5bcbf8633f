//! Short-lived access tokens: HS256 JWTs, and nothing else is accepted.
use aftersales_api_types::auth::AccessClaims;
use aftersales_domain::organisation::User;
use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};

use crate::dto;
use crate::error::ApiError;

pub struct AccessTokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub ttl_secs: u64,
}

impl AccessTokens {
    pub fn new(secret: &[u8], ttl_secs: u64) -> Self {
        // Pinned: a token that claims another algorithm (`none`, RS256…) is refused.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_required_spec_claims(&["exp", "iat", "sub"]);
        validation.leeway = 5;
        AccessTokens {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl_secs,
        }
    }

    pub fn issue(&self, user: &User, now: DateTime<Utc>) -> Result<String, ApiError> {
        let claims = AccessClaims {
            sub: user.id.uuid(),
            iat: now.timestamp(),
            exp: now.timestamp() + i64::try_from(self.ttl_secs).unwrap_or(900),
            roles: user.roles.iter().copied().map(dto::role_out).collect(),
            branch: user.branch_id.uuid(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(|e| ApiError::Internal(e.into()))
    }

    pub fn verify(&self, token: &str) -> Result<AccessClaims, ApiError> {
        decode::<AccessClaims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|_| ApiError::Unauthenticated("the access token is invalid or has expired"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftersales_domain::access::Role;
    use aftersales_domain::organisation::Locale;
    use uuid::Uuid;

    fn user() -> User {
        User {
            id: Uuid::now_v7().into(),
            branch_id: Uuid::now_v7().into(),
            username: "a".into(),
            display_name: "A".into(),
            email: None,
            phone: None,
            roles: vec![Role::Clerk],
            skills: vec![],
            locale: Locale::En,
            active: true,
            partner_id: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            version: 1,
        }
    }

    #[test]
    fn a_token_verifies_with_its_key_only() {
        let keys = AccessTokens::new(&[7; 32], 60);
        let token = keys.issue(&user(), Utc::now()).unwrap_or_default();
        assert!(keys.verify(&token).is_ok());
        assert!(AccessTokens::new(&[8; 32], 60).verify(&token).is_err());
    }

    #[test]
    fn an_expired_token_is_refused() {
        let keys = AccessTokens::new(&[7; 32], 60);
        let token = keys.issue(&user(), Utc::now() - chrono::Duration::minutes(10)).unwrap_or_default();
        assert!(keys.verify(&token).is_err());
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        // {"alg":"none"} with the same claims and no signature.
        let keys = AccessTokens::new(&[7; 32], 60);
        let token = keys.issue(&user(), Utc::now()).unwrap_or_default();
        let claims = token.split('.').nth(1).unwrap_or_default();
        let forged = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{claims}.");
        assert!(keys.verify(&forged).is_err());
    }
}
