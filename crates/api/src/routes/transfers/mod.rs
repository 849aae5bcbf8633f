//! `/api/v1/transfers`: stock moving between two warehouses. Either side's people
//! see a transfer; the source side creates and ships it, the destination side
//! receives it and writes down what never arrived. Every step locks the transfer
//! and checks its status inside the transaction, so two people acting on it at
//! once take turns and the second sees what the first did.
pub mod close;
pub mod create;
pub mod get;
pub mod list;
pub mod receive;
pub mod ship;
