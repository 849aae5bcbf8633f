use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "serials")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub brand_id: Uuid,
    pub model_id: Uuid,
    pub serial: String,
    pub serial_key: String,
    pub lot: Option<String>,
    pub manufacture_date: Option<Date>,
    pub sale_date: Option<Date>,
    pub sale_document: Option<String>,
    pub seller: Option<String>,
    pub delivery_date: Option<Date>,
    pub installation_date: Option<Date>,
    pub installation_address: Option<String>,
    pub registration_date: Option<Date>,
    pub warranty_card_number: Option<String>,
    pub owner_customer_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
