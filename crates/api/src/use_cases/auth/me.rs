//! Who is signed in, and what their roles allow: the web app offers only what the
//! server will allow, from the one grant table in `aftersales_domain::access`.
use aftersales_api_types::auth::{MeDto, Permission as WirePermission};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, users};

use crate::auth::Principal;
use crate::dto;
use crate::error::ApiError;

/// The signed-in user as stored now, with every permission they have (their roles',
/// narrowed for a partner's staff).
pub async fn get(db: &DatabaseConnection, me: &Principal) -> Result<MeDto, ApiError> {
    let user = users::find(db, me.user_id).await?;
    let permissions = WirePermission::ALL.into_iter().filter(|&p| me.may(rule(p))).collect();
    Ok(MeDto { user: dto::user_out(&user), permissions })
}

/// The domain's permission a wire name stands for.
fn rule(permission: WirePermission) -> Permission {
    use WirePermission as W;
    match permission {
        W::ManageBranches => Permission::ManageBranches,
        W::ManageUsers => Permission::ManageUsers,
        W::ViewOrganisation => Permission::ViewOrganisation,
        W::ManageSkills => Permission::ManageSkills,
        W::ReadAudit => Permission::ReadAudit,
        W::ManageCatalogue => Permission::ManageCatalogue,
        W::ViewCatalogue => Permission::ViewCatalogue,
        W::ManageWarranty => Permission::ManageWarranty,
        W::ManageCustomers => Permission::ManageCustomers,
        W::ViewCustomers => Permission::ViewCustomers,
        W::ImportData => Permission::ImportData,
        W::ViewTickets => Permission::ViewTickets,
        W::ManageTickets => Permission::ManageTickets,
        W::WorkTickets => Permission::WorkTickets,
        W::DispatchTickets => Permission::DispatchTickets,
        W::HandleFollowUps => Permission::HandleFollowUps,
        W::ConfigureTickets => Permission::ConfigureTickets,
        W::ReopenTickets => Permission::ReopenTickets,
        W::ViewStock => Permission::ViewStock,
        W::MoveStock => Permission::MoveStock,
        W::ViewParts => Permission::ViewParts,
        W::ManageParts => Permission::ManageParts,
        W::ManagePartners => Permission::ManagePartners,
        W::ManageWebhooks => Permission::ManageWebhooks,
        W::ManageOrders => Permission::ManageOrders,
    }
}
