//! Warranty policies and their append-only, effective-dated versions.
//!
//! A policy's scope names a brand, a category or a model by id; it is not a foreign
//! key because it points into one of three tables (the API checks it exists).
//! The terms of a version (legs, component overrides, exclusions) are small value
//! lists always read together, so they are stored as JSON text.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum WarrantyPolicies {
    Table,
    Id,
    Name,
    ScopeKind,
    ScopeId,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum WarrantyPolicyVersions {
    Table,
    Id,
    PolicyId,
    Version,
    EffectiveFrom,
    EffectiveTo,
    StartBasis,
    ManufactureGraceDays,
    RepairWarrantyDays,
    Legs,
    ComponentOverrides,
    Exclusions,
    CreatedAt,
    CreatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(WarrantyPolicies::Table)
                .col(pk_uuid(WarrantyPolicies::Id))
                .col(string_len(WarrantyPolicies::Name, 120))
                .col(string_len(WarrantyPolicies::ScopeKind, 16))
                .col(uuid(WarrantyPolicies::ScopeId))
                .col(timestamp_with_time_zone(WarrantyPolicies::CreatedAt))
                .col(timestamp_with_time_zone(WarrantyPolicies::UpdatedAt))
                .col(big_integer(WarrantyPolicies::Version))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_warranty_policies_scope")
                .table(WarrantyPolicies::Table)
                .col(WarrantyPolicies::ScopeKind)
                .col(WarrantyPolicies::ScopeId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WarrantyPolicyVersions::Table)
                .col(pk_uuid(WarrantyPolicyVersions::Id))
                .col(uuid(WarrantyPolicyVersions::PolicyId))
                .col(integer(WarrantyPolicyVersions::Version))
                .col(date(WarrantyPolicyVersions::EffectiveFrom))
                .col(date_null(WarrantyPolicyVersions::EffectiveTo))
                .col(string_len(WarrantyPolicyVersions::StartBasis, 16))
                .col(integer(WarrantyPolicyVersions::ManufactureGraceDays))
                .col(integer(WarrantyPolicyVersions::RepairWarrantyDays))
                .col(text(WarrantyPolicyVersions::Legs))
                .col(text(WarrantyPolicyVersions::ComponentOverrides))
                .col(text(WarrantyPolicyVersions::Exclusions))
                .col(timestamp_with_time_zone(WarrantyPolicyVersions::CreatedAt))
                .col(uuid_null(WarrantyPolicyVersions::CreatedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(WarrantyPolicyVersions::Table, WarrantyPolicyVersions::PolicyId)
                        .to(WarrantyPolicies::Table, WarrantyPolicies::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_warranty_policy_versions")
                .table(WarrantyPolicyVersions::Table)
                .col(WarrantyPolicyVersions::PolicyId)
                .col(WarrantyPolicyVersions::Version)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(WarrantyPolicyVersions::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(WarrantyPolicies::Table).to_owned()).await
    }
}
