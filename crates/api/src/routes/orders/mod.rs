//! `/api/v1/orders`: e-commerce platforms' orders, their status messages, and the
//! returns and exchanges asked for on them (`/api/v1/order-returns` for the
//! network's decision). A platform's key with `orders:write` sends and reads its
//! own; office staff follow those of their part of the network.
pub mod order;
pub mod returns;
