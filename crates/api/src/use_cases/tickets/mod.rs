//! Tickets: the use cases that change them (one file each) and what they share —
//! conversions to the wire, finding the unit and customer at intake, the
//! warranty snapshot, the public tracking view, QR codes, the printed receipt and
//! attachment files.
pub mod attachment_files;
pub mod dispatch;
pub mod intake;
pub mod labour;
pub mod parts;
pub mod public_track;
pub mod qr;
pub mod receipt;
pub mod take_in;
pub mod tracking;
pub mod warranty;
mod wire_out;
pub mod work;

pub use wire_out::*;
