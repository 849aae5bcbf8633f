//! Tickets: the use cases that read and change them (one file each) and what they share —
//! conversions between wire and domain enums, the facts the workflow guards judge,
//! conversions to the wire, finding the unit and customer at intake, the
//! warranty snapshot, the public tracking view, QR codes, the printed receipt and
//! attachment files.
pub mod attachment_files;
pub mod convert;
pub mod dispatch;
pub mod facts;
pub mod get;
pub mod intake;
pub mod labour;
pub mod list;
pub mod next_steps;
pub mod parts;
pub mod public_track;
pub mod qr;
pub mod receipt;
pub mod reevaluate;
pub mod reopen;
pub mod take_in;
pub mod timeline;
pub mod tracking;
pub mod transition;
pub mod update;
pub mod warranty;
mod wire_out;
pub mod work;

pub use wire_out::*;
