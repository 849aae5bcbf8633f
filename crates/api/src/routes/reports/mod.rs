//! `/api/v1/reports`: stock reports over the warehouses of the caller's branches
//! and the ticket-volume report over its tickets,
//! each as JSON and, at the same path with `.xlsx`, as a workbook (the convention
//! of `/api/v1/exports`). A report is a `load` shared by both, and a function
//! turning its answer into sheets (see `workbook`).
pub mod below_reorder_point;
pub mod overdue_defective;
pub mod parts_used;
pub mod stock_movements;
pub mod stock_on_hand;
pub mod ticket_volume;
