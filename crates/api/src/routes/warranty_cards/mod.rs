//! `/api/v1/warranty-cards`: card batches per brand, and activating a card on a unit.
pub mod activate;
pub mod get_card;
pub mod issue_batch;
pub mod list_batches;
pub mod void;
