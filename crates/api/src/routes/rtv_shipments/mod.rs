//! `/api/v1/rtv-shipments`: old parts going back to the manufacturer. A shipment
//! is packed from one defective-parts warehouse for one brand, shipped (the parts
//! leave the ledger), then acknowledged by the manufacturer (the parts are written
//! off). Every step locks the shipment and checks its status in the transaction.
pub mod acknowledge;
pub mod create;
pub mod get;
pub mod list;
pub mod ship;
