//! The product catalogue screens: brands, product categories with the skills they
//! require, product models with their components, and skills
//! (`/settings/brands`, `/settings/categories`, `/settings/models`,
//! `/settings/models/:id`, `/settings/skills`), each a record screen
//! (`components::screen`). Everyone reads them; editing needs `ManageCatalogue`
//! (skills: `ManageSkills`).

pub mod brands;
pub mod categories;
pub mod components;
pub mod models;
pub mod skills;

pub use brands::BrandsPage;
pub use categories::CategoriesPage;
pub use components::ComponentsPage;
pub use models::ModelsPage;
pub use skills::SkillsPage;
