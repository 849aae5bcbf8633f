//! Change the ticket desk's settings.
use aftersales_api_types::tickets::TicketSettings;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, settings};
use uuid::Uuid;

use super::settings_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::{Actor, Work};

pub async fn change_ticket_settings(
    db: &DatabaseConnection,
    actor: &Actor,
    body: TicketSettings,
) -> Result<TicketSettings, ApiError> {
    actor.me.require(Permission::ConfigureTickets)?;
    let work = Work::begin(db, actor).await?;
    let before = settings::tickets(work.db()).await?;
    let after = settings::TicketSettings {
        repeat_repair_days: body.repeat_repair_days,
        technician_daily_jobs: body.technician_daily_jobs,
        callback_due_hours: body.callback_due_hours,
        defective_return_days: body.defective_return_days,
    };
    settings::put_tickets(work.db(), after, work.now()).await?;
    work.audit(Change {
        action: "settings.tickets.update",
        entity: "settings",
        entity_id: Uuid::nil(),
        branch_id: None,
        before: snapshot(&settings_out(before)),
        after: snapshot(&settings_out(after)),
    })
    .await?;
    work.commit().await?;
    Ok(settings_out(after))
}
