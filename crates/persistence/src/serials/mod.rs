//! The serial registry: sold units (unique per brand by their normalised serial)
//! and the append-only events of their lives.
pub mod bulk;
pub mod contracts;
pub mod events;
pub mod owners;
pub mod swaps;
mod units;

pub use units::*;
