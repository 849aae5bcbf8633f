//! `/api/v1/tickets/{id}/parts`: the parts of a ticket.
//!
//! The warehouse (or a manager) reserves parts for a ticket and issues them; a
//! technician issues only from their own van, for their own ticket. The technician
//! then records what became of them: used, returned unused (back on the shelf they
//! came from), and the old parts taken out, which they owe back within
//! `defective_return_days`. Every change is one transaction with its ledger rows,
//! a timeline event and an audit entry; a closed ticket refuses all of them, and
//! the ticket completes only once every part issued is used or returned.
pub mod issue;
pub mod list;
pub mod outcome;
pub mod release;
pub mod reserve;
