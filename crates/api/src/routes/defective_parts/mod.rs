//! `/api/v1/defective-parts`: old parts taken out of units on tickets, owed back by
//! technicians, and handed in to a defective-parts warehouse.
pub mod list;
pub mod overdue;
pub mod receive;
pub mod scrap;
