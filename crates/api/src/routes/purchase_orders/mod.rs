//! `/api/v1/purchase-orders`: parts ordered from a supplier or manufacturer and
//! received into a warehouse of the orderer's part of the network. Keepers of the
//! parts catalogue write and send orders; people who move stock receive them.
pub mod cancel;
pub mod create;
pub mod get;
pub mod list;
pub mod order;
pub mod receive;
pub mod update;
