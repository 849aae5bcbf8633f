//! Service tickets and everything stored around them.
pub mod attachments;
pub mod bulk;
pub mod bulk_work;
pub mod callbacks;
pub mod complaints;
pub mod counters;
pub mod dashboard;
pub mod dispatch;
pub mod events;
pub mod fault_codes;
pub mod labour;
mod list;
pub mod names;
pub mod partner_sight;
pub mod parts;
mod record;
mod search;
pub mod service_items;
pub mod volume;
mod write;

pub use list::*;
pub use partner_sight::PartnerSight;
pub use record::*;
pub use search::search_text;
pub use write::*;
