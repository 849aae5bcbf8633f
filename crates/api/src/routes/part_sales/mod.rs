//! `/api/v1/part-sales`: parts sold over the counter. Each line leaves the
//! warehouse as a `sale` movement at its moving-average cost, which is kept on the
//! line so the margin is known. A sale is never edited: it is what left the shelf.
pub mod create;
pub mod get;
pub mod list;
