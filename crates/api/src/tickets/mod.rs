//! Ticket logic shared by the ticket endpoints: conversions to the wire, finding
//! the unit and customer at intake, the warranty snapshot, the public tracking
//! view, QR codes, the printed receipt and attachment files.
pub mod attachment_files;
pub mod dispatch;
pub mod intake;
pub mod public_track;
pub mod qr;
pub mod receipt;
pub mod tracking;
pub mod warranty;
mod wire_out;
pub mod work;

pub use wire_out::*;
