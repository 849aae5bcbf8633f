//! The audit log: the append-only record of every change, written by each use
//! case's [`Work`](crate::use_cases::Work) and read here.
pub mod list;
