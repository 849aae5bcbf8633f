//! Company-wide settings, one JSON value per key, with defaults for keys nobody set.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use crate::StoreError;
use crate::entities::settings::{ActiveModel, Column, Entity};

/// How the ticket desk runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketSettings {
    /// A unit back within this many days of its last ticket is a repeat repair (0: off).
    pub repeat_repair_days: u32,
    /// Jobs a technician takes in a day before dispatch warns.
    pub technician_daily_jobs: u32,
    /// The callback is due this many hours after the work is completed.
    pub callback_due_hours: u32,
    /// A technician hands in the old part taken out of a unit within this many days.
    pub defective_return_days: u32,
}

impl Default for TicketSettings {
    fn default() -> Self {
        TicketSettings {
            repeat_repair_days: 30,
            technician_daily_jobs: 6,
            callback_due_hours: 48,
            defective_return_days: 14,
        }
    }
}

const TICKETS: &str = "tickets";

pub async fn tickets(db: &impl ConnectionTrait) -> Result<TicketSettings, StoreError> {
    let Some(row) = Entity::find_by_id(TICKETS).one(db).await? else {
        return Ok(TicketSettings::default());
    };
    let v: serde_json::Value =
        serde_json::from_str(&row.value).map_err(|_| StoreError::Corrupt("ticket settings".into()))?;
    let d = TicketSettings::default();
    let get = |key: &str, default: u32| v[key].as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(default);
    Ok(TicketSettings {
        repeat_repair_days: get("repeat_repair_days", d.repeat_repair_days),
        technician_daily_jobs: get("technician_daily_jobs", d.technician_daily_jobs),
        callback_due_hours: get("callback_due_hours", d.callback_due_hours),
        defective_return_days: get("defective_return_days", d.defective_return_days),
    })
}

pub async fn put_tickets(db: &impl ConnectionTrait, s: TicketSettings, now: DateTime<Utc>) -> Result<(), StoreError> {
    let value = serde_json::json!({
        "repeat_repair_days": s.repeat_repair_days,
        "technician_daily_jobs": s.technician_daily_jobs,
        "callback_due_hours": s.callback_due_hours,
        "defective_return_days": s.defective_return_days,
    });
    Entity::insert(ActiveModel { key: Set(TICKETS.into()), value: Set(value.to_string()), updated_at: Set(now) })
        .on_conflict(OnConflict::column(Column::Key).update_columns([Column::Value, Column::UpdatedAt]).to_owned())
        .exec(db)
        .await?;
    Ok(())
}
