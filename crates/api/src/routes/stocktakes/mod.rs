//! `/api/v1/stocktakes`: count sheets. A sheet is opened for a warehouse (one open
//! at a time), counted by anyone who moves its stock, and posted by someone who
//! manages parts: each part is then adjusted so the books show the count. See
//! `aftersales_domain::stock::stocktake` for why posting adjusts against the stock
//! on hand at posting rather than at opening.
pub mod cancel;
pub mod counts;
pub mod get;
pub mod list;
pub mod open;
pub mod post;
