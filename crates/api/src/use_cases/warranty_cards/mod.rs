//! Warranty cards: batches issued per brand, and a card activated on a unit or voided.
pub mod activate;
pub mod get_card;
pub mod issue_batch;
pub mod list_batches;
pub mod void;

use aftersales_api_types::warranty_cards as wire;
use aftersales_domain::warranty_cards::{CardStatus, card_number, parse_card_number};
use aftersales_persistence::warranty_cards::{Card, CardBatch};

use crate::error::ApiError;

pub(crate) fn batch_out(b: &CardBatch) -> wire::CardBatchDto {
    wire::CardBatchDto {
        id: b.id,
        brand_id: b.brand_id,
        prefix: b.prefix.clone(),
        count: b.count,
        first_number: b.first_number(),
        last_number: b.last_number(),
        note: b.note.clone(),
        issued_at: b.issued_at,
    }
}

pub(crate) fn card_out(c: &Card) -> wire::CardDto {
    let status = match c.status {
        CardStatus::Issued => wire::CardStatus::Issued,
        CardStatus::Activated => wire::CardStatus::Activated,
        CardStatus::Void => wire::CardStatus::Void,
    };
    wire::CardDto {
        number: c.number.clone(),
        batch_id: c.batch_id,
        brand_id: c.brand_id,
        status,
        serial_id: c.serial_id,
        activated_on: c.activated_on,
    }
}

/// The card number as stored, from what a person typed; a wrong check digit is
/// "not found" with a hint, since such a card cannot exist.
pub(crate) fn card_key(typed: &str) -> Result<String, ApiError> {
    parse_card_number(typed).map(|(prefix, sequence)| card_number(&prefix, sequence)).ok_or_else(|| {
        ApiError::NotFound("no such warranty card; check the number, its last digit is a check digit".into())
    })
}
