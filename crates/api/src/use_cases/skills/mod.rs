//! The catalogue of technician skills (a job's category may require some). One
//! file per use case.
pub mod create;
pub mod delete;
pub mod list;
pub mod rename;

/// What the audit log calls a skill.
const ENTITY: &str = "skill";
