use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tickets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub branch_id: Uuid,
    pub kind: String,
    pub stage: String,
    pub stage_category: String,
    pub channel: String,
    pub origin: String,
    pub priority: String,
    pub customer_id: Uuid,
    pub serial_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    pub external_reference: Option<String>,
    /// JSON array of symptom codes.
    pub fault_codes: String,
    pub fault_description: Option<String>,
    /// JSON array of strings.
    pub accessories: String,
    pub condition_notes: Option<String>,
    pub requested_from: Option<DateTimeUtc>,
    pub requested_to: Option<DateTimeUtc>,
    pub technician_id: Option<Uuid>,
    pub dispatched_at: Option<DateTimeUtc>,
    pub appointment_from: Option<DateTimeUtc>,
    pub appointment_to: Option<DateTimeUtc>,
    pub warranty_status: String,
    /// JSON: the entitlement decision.
    pub warranty_snapshot: Option<String>,
    pub warranty_evaluated_at: Option<DateTimeUtc>,
    pub diagnosis_code: Option<String>,
    pub resolution_code: Option<String>,
    pub technician_notes: Option<String>,
    pub time_on_site_minutes: Option<i32>,
    pub satisfaction_score: Option<i32>,
    pub repeat_of_ticket_id: Option<Uuid>,
    pub flag_repeat_repair: bool,
    pub flag_contradiction: bool,
    pub expected_on: Option<Date>,
    pub tracking_code: String,
    pub tracking_hash: String,
    pub search_text: String,
    pub closed_at: Option<DateTimeUtc>,
    pub created_by: Option<Uuid>,
    /// The partner whose key took the ticket in.
    pub partner_id: Option<Uuid>,
    /// The contracted shop a dispatcher gave the ticket to.
    pub service_partner_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
