//! `/api/v1/serials`: the registry of sold units, their owners, swapped parts,
//! contracts and history.
pub mod add_contract;
pub mod change_owner;
pub mod get;
pub mod history;
pub mod list;
pub mod list_contracts;
pub mod record_swap;
pub mod register;
pub mod update;
