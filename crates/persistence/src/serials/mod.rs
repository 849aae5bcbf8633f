//! The serial registry: sold units (unique per brand by their normalised serial)
//! and the append-only events of their lives.
pub mod bulk;
pub mod events;
mod units;

pub use units::*;
