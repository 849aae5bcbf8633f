//! sea-orm entities: private to this crate, mapped to domain types by the repositories.
pub mod audit_log;
pub mod branches;
pub mod brands;
pub mod customer_addresses;
pub mod customer_emails;
pub mod customer_phones;
pub mod customers;
pub mod product_categories;
pub mod product_components;
pub mod product_models;
pub mod refresh_tokens;
pub mod skills;
pub mod user_skills;
pub mod users;
pub mod warranty_policies;
pub mod warranty_policy_versions;
