//! Who may do what: the one table of role → permission grants.

/// A job a person does in the service network. A user has one or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Admin,
    Manager,
    Clerk,
    Dispatcher,
    Technician,
    Warehouse,
    Finance,
}

/// Something a handler needs to be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Create, change and move branches.
    ManageBranches,
    /// Create and change users, their roles and skills.
    ManageUsers,
    /// Read users and branches of one's own part of the network.
    ViewOrganisation,
    /// Maintain the skills catalogue.
    ManageSkills,
    /// Read the audit log.
    ReadAudit,
    /// Maintain the product catalogue: brands, categories, models, components.
    ManageCatalogue,
    /// Read the product catalogue, which every job needs (tickets, parts, warranties).
    ViewCatalogue,
    /// Write warranty policies and publish their versions.
    ManageWarranty,
    /// Create, change and delete customers of one's own part of the network.
    ManageCustomers,
    /// Read customers of one's own part of the network.
    ViewCustomers,
    /// Bulk-import and export product models and sold serials.
    ImportData,
    /// Read the service tickets of one's own part of the network.
    ViewTickets,
    /// Take in tickets and change their details.
    ManageTickets,
    /// Move tickets through their workflow and record the work done.
    WorkTickets,
    /// Assign technicians and appointments.
    DispatchTickets,
    /// Call customers back, record their answers, handle complaints.
    HandleFollowUps,
    /// Configure workflows, code lists, the service catalogue and ticket settings.
    ConfigureTickets,
    /// Reopen a closed (sealed) ticket.
    ReopenTickets,
    /// Read stock on hand and its ledger.
    ViewStock,
    /// Receive and issue stock in one's own warehouses.
    MoveStock,
    /// Read the parts catalogue and the warehouses of one's own part of the network.
    ViewParts,
    /// Maintain the parts catalogue and the warehouses of one's own part of the network.
    ManageParts,
    /// Create and change partners (shops, platforms, manufacturers, dealers) and
    /// their API keys: a key opens the network to another company's system.
    ManagePartners,
    /// Take in and follow e-commerce platforms' orders, and decide the returns and
    /// exchanges asked for on them.
    ManageOrders,
    /// Subscribe partners' endpoints to events, rotate their secrets, read and
    /// replay their deliveries.
    ManageWebhooks,
}

impl Role {
    pub const ALL: [Role; 7] =
        [Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician, Role::Warehouse, Role::Finance];

    /// The grant table. Admins may do everything; managers oversee their part of the
    /// network; the other roles come into play with tickets, parts and money.
    pub fn grants(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Admin => true,
            Role::Manager => matches!(
                permission,
                ViewOrganisation
                    | ManageCatalogue
                    | ViewCatalogue
                    | ManageWarranty
                    | ManageCustomers
                    | ViewCustomers
                    | ImportData
                    | ViewTickets
                    | ManageTickets
                    | WorkTickets
                    | DispatchTickets
                    | HandleFollowUps
                    | ManageOrders
                    | ViewStock
                    | MoveStock
                    | ViewParts
                    | ManageParts
            ),
            Role::Dispatcher => matches!(
                permission,
                ViewOrganisation
                    | ViewCatalogue
                    | ManageCustomers
                    | ViewCustomers
                    | ViewTickets
                    | ManageTickets
                    | WorkTickets
                    | DispatchTickets
                    | HandleFollowUps
                    | ManageOrders
                    | ViewStock
                    | ViewParts
            ),
            Role::Clerk => matches!(
                permission,
                ViewCatalogue
                    | ManageCustomers
                    | ViewCustomers
                    | ViewTickets
                    | ManageTickets
                    | WorkTickets
                    | HandleFollowUps
                    | ManageOrders
                    | ViewParts
                    | ViewStock
            ),
            Role::Technician => {
                matches!(permission, ViewCatalogue | ViewCustomers | ViewTickets | WorkTickets | ViewParts | ViewStock)
            }
            Role::Warehouse => {
                matches!(permission, ViewCatalogue | ViewTickets | ViewParts | ManageParts | ViewStock | MoveStock)
            }
            Role::Finance => matches!(permission, ViewCatalogue | ViewTickets | ViewParts | ViewStock),
        }
    }
}

/// True when any of the roles grants the permission.
pub fn allowed(roles: &[Role], permission: Permission) -> bool {
    roles.iter().any(|role| role.grants(permission))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_configure_workflows_and_reopen_sealed_tickets() {
        for role in Role::ALL {
            let admin = role == Role::Admin;
            assert_eq!(allowed(&[role], Permission::ConfigureTickets), admin, "{role:?}");
            assert_eq!(allowed(&[role], Permission::ReopenTickets), admin, "{role:?}");
        }
    }

    #[test]
    fn technicians_work_tickets_but_neither_take_them_in_nor_dispatch() {
        assert!(allowed(&[Role::Technician], Permission::WorkTickets));
        assert!(!allowed(&[Role::Technician], Permission::ManageTickets));
        assert!(!allowed(&[Role::Technician], Permission::DispatchTickets));
        assert!(allowed(&[Role::Dispatcher], Permission::DispatchTickets));
    }

    #[test]
    fn the_office_follows_orders_and_the_workshop_does_not() {
        for role in Role::ALL {
            let office = matches!(role, Role::Admin | Role::Manager | Role::Clerk | Role::Dispatcher);
            assert_eq!(allowed(&[role], Permission::ManageOrders), office, "{role:?}");
        }
    }

    #[test]
    fn admin_may_do_everything() {
        for p in [
            Permission::ManageBranches,
            Permission::ManageUsers,
            Permission::ViewOrganisation,
            Permission::ManageSkills,
            Permission::ReadAudit,
            Permission::ManageCatalogue,
            Permission::ViewCatalogue,
            Permission::ManageWarranty,
            Permission::ManageCustomers,
            Permission::ViewCustomers,
            Permission::ImportData,
            Permission::ViewTickets,
            Permission::ManageTickets,
            Permission::WorkTickets,
            Permission::DispatchTickets,
            Permission::HandleFollowUps,
            Permission::ConfigureTickets,
            Permission::ReopenTickets,
            Permission::ViewStock,
            Permission::MoveStock,
            Permission::ViewParts,
            Permission::ManageParts,
        ] {
            assert!(allowed(&[Role::Admin], p), "{p:?}");
        }
    }

    #[test]
    fn a_technician_cannot_manage_users_or_read_the_audit_log() {
        assert!(!allowed(&[Role::Technician], Permission::ManageUsers));
        assert!(!allowed(&[Role::Technician], Permission::ReadAudit));
    }

    #[test]
    fn a_manager_views_but_does_not_manage_the_organisation() {
        assert!(allowed(&[Role::Manager], Permission::ViewOrganisation));
        assert!(!allowed(&[Role::Manager], Permission::ManageUsers));
    }

    #[test]
    fn everyone_reads_the_catalogue_and_only_admins_and_managers_change_it() {
        for role in Role::ALL {
            assert!(allowed(&[role], Permission::ViewCatalogue), "{role:?}");
            let manages = matches!(role, Role::Admin | Role::Manager);
            assert_eq!(allowed(&[role], Permission::ManageCatalogue), manages, "{role:?}");
        }
    }

    #[test]
    fn everyone_reads_parts_and_warehouse_keepers_admins_and_managers_maintain_them() {
        for role in Role::ALL {
            assert!(allowed(&[role], Permission::ViewParts), "{role:?}");
            let manages = matches!(role, Role::Admin | Role::Manager | Role::Warehouse);
            assert_eq!(allowed(&[role], Permission::ManageParts), manages, "{role:?}");
        }
    }

    #[test]
    fn only_admins_manage_partners_and_their_keys() {
        for role in Role::ALL {
            assert_eq!(allowed(&[role], Permission::ManagePartners), role == Role::Admin, "{role:?}");
        }
    }

    #[test]
    fn no_roles_means_no_permissions() {
        assert!(!allowed(&[], Permission::ViewOrganisation));
    }

    #[test]
    fn the_counter_keeps_customers_and_technicians_read_them() {
        for role in [Role::Manager, Role::Clerk, Role::Dispatcher] {
            assert!(allowed(&[role], Permission::ManageCustomers), "{role:?}");
            assert!(allowed(&[role], Permission::ViewCustomers), "{role:?}");
        }
        assert!(allowed(&[Role::Technician], Permission::ViewCustomers));
        assert!(!allowed(&[Role::Technician], Permission::ManageCustomers));
        assert!(!allowed(&[Role::Warehouse], Permission::ViewCustomers));
        assert!(!allowed(&[Role::Finance], Permission::ViewCustomers));
    }
}
