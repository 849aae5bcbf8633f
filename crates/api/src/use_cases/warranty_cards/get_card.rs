//! A warranty card by its number (spaces and dashes ignored).
use aftersales_api_types::warranty_cards::CardDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, warranty_cards};

use super::{card_key, card_out};
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

pub async fn get_card(db: &DatabaseConnection, me: &Principal, number: &str) -> Result<CardDto, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let card = warranty_cards::find(db, &card_key(number)?).await.or_not_found("warranty card")?;
    Ok(card_out(&card))
}
