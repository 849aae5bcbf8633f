//! The catalogue screens: creating, changing and deleting brands, product
//! categories (with the skills they require), product models with their
//! components, and skills. The lists other screens choose from are in
//! [`super::reference`].

use aftersales_api_types::catalogue::{
    BrandDto, CategoryDto, ComponentDto, CreateBrand, CreateCategory, CreateComponent, CreateProductModel,
    ProductModelDto, UpdateBrand, UpdateCategory, UpdateComponent, UpdateProductModel,
};
use aftersales_api_types::dispatch::{RequiredSkills, SetRequiredSkills};
use aftersales_api_types::skills::{CreateSkill, SkillDto, UpdateSkill};
use gloo_net::http::Method;
use uuid::Uuid;

use super::settings::{create, update};
use super::{ApiError, Call, authed, every_page};
use crate::session::Session;

pub const BRANDS: &str = "/brands";
pub const CATEGORIES: &str = "/product-categories";
pub const MODELS: &str = "/product-models";
pub const SKILLS: &str = "/skills";

pub async fn create_brand(session: Session, body: &CreateBrand) -> Result<BrandDto, ApiError> {
    create(session, BRANDS, body).await
}

pub async fn update_brand(session: Session, id: Uuid, version: i64, body: &UpdateBrand) -> Result<BrandDto, ApiError> {
    update(session, BRANDS, id, version, body).await
}

pub async fn create_category(session: Session, body: &CreateCategory) -> Result<CategoryDto, ApiError> {
    create(session, CATEGORIES, body).await
}

pub async fn update_category(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdateCategory,
) -> Result<CategoryDto, ApiError> {
    update(session, CATEGORIES, id, version, body).await
}

/// `GET /product-categories/{id}/required-skills`.
pub async fn required_skills(session: Session, id: Uuid) -> Result<RequiredSkills, ApiError> {
    authed(session, Call::new(Method::GET, format!("{CATEGORIES}/{id}/required-skills"))).await
}

/// `PUT /product-categories/{id}/required-skills`: the whole new set, by skill code.
pub async fn set_required_skills(session: Session, id: Uuid, skills: Vec<String>) -> Result<RequiredSkills, ApiError> {
    let call =
        Call::new(Method::PUT, format!("{CATEGORIES}/{id}/required-skills")).json(&SetRequiredSkills { skills })?;
    authed(session, call).await
}

/// `GET /product-models[?brand_id=…][&category_id=…]`, every page.
pub async fn models(
    session: Session,
    brand_id: Option<Uuid>,
    category_id: Option<Uuid>,
) -> Result<Vec<ProductModelDto>, ApiError> {
    let mut filters: Vec<_> = brand_id.map(|b| ("brand_id", b.to_string())).into_iter().collect();
    filters.extend(category_id.map(|c| ("category_id", c.to_string())));
    every_page(session, MODELS, &filters).await
}

pub async fn create_model(session: Session, body: &CreateProductModel) -> Result<ProductModelDto, ApiError> {
    create(session, MODELS, body).await
}

pub async fn update_model(
    session: Session,
    id: Uuid,
    version: i64,
    body: &UpdateProductModel,
) -> Result<ProductModelDto, ApiError> {
    update(session, MODELS, id, version, body).await
}

/// The path of a model's components, `/product-models/{id}/components`.
pub fn components_path(model: Uuid) -> String {
    format!("{MODELS}/{model}/components")
}

/// `GET /product-models/{id}/components`, every page.
pub async fn components(session: Session, model: Uuid) -> Result<Vec<ComponentDto>, ApiError> {
    every_page(session, &components_path(model), &[]).await
}

pub async fn create_component(session: Session, model: Uuid, body: &CreateComponent) -> Result<ComponentDto, ApiError> {
    create(session, &components_path(model), body).await
}

pub async fn update_component(
    session: Session,
    model: Uuid,
    id: Uuid,
    version: i64,
    body: &UpdateComponent,
) -> Result<ComponentDto, ApiError> {
    update(session, &components_path(model), id, version, body).await
}

pub async fn create_skill(session: Session, body: &CreateSkill) -> Result<SkillDto, ApiError> {
    create(session, SKILLS, body).await
}

pub async fn update_skill(session: Session, id: Uuid, version: i64, body: &UpdateSkill) -> Result<SkillDto, ApiError> {
    update(session, SKILLS, id, version, body).await
}
