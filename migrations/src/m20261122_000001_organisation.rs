//! Branches (a tree kept as materialised paths), users, skills.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Branches {
    Table,
    Id,
    ParentId,
    Path,
    Code,
    Name,
    Kind,
    TimeZone,
    Currency,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    BranchId,
    Username,
    DisplayName,
    Email,
    Phone,
    PasswordHash,
    Roles,
    Locale,
    Active,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Skills {
    Table,
    Id,
    Code,
    Name,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum UserSkills {
    Table,
    UserId,
    SkillId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Branches::Table)
                .col(pk_uuid(Branches::Id))
                .col(uuid_null(Branches::ParentId))
                .col(string_len_uniq(Branches::Path, 400))
                .col(string_len_uniq(Branches::Code, 16))
                .col(string_len(Branches::Name, 120))
                .col(string_len(Branches::Kind, 16))
                .col(string_len(Branches::TimeZone, 64))
                .col(string_len(Branches::Currency, 3))
                .col(timestamp_with_time_zone(Branches::CreatedAt))
                .col(timestamp_with_time_zone(Branches::UpdatedAt))
                .col(big_integer(Branches::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(Branches::Table, Branches::ParentId)
                        .to(Branches::Table, Branches::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_branches_parent").table(Branches::Table).col(Branches::ParentId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(pk_uuid(Users::Id))
                .col(uuid(Users::BranchId))
                .col(string_len_uniq(Users::Username, 64))
                .col(string_len(Users::DisplayName, 120))
                .col(string_len_null(Users::Email, 254))
                .col(string_len_null(Users::Phone, 32))
                .col(string_len(Users::PasswordHash, 200))
                // A JSON array of role names, e.g. ["clerk","dispatcher"].
                .col(string_len(Users::Roles, 200))
                .col(string_len(Users::Locale, 8))
                .col(boolean(Users::Active))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .col(timestamp_with_time_zone(Users::UpdatedAt))
                .col(big_integer(Users::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(Users::Table, Users::BranchId)
                        .to(Branches::Table, Branches::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ix_users_branch").table(Users::Table).col(Users::BranchId).to_owned())
            .await?;

        m.create_table(
            Table::create()
                .table(Skills::Table)
                .col(pk_uuid(Skills::Id))
                .col(string_len_uniq(Skills::Code, 32))
                .col(string_len(Skills::Name, 120))
                .col(timestamp_with_time_zone(Skills::CreatedAt))
                .col(timestamp_with_time_zone(Skills::UpdatedAt))
                .col(big_integer(Skills::Version))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(UserSkills::Table)
                .col(uuid(UserSkills::UserId))
                .col(uuid(UserSkills::SkillId))
                .primary_key(Index::create().col(UserSkills::UserId).col(UserSkills::SkillId))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserSkills::Table, UserSkills::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(UserSkills::Table, UserSkills::SkillId)
                        .to(Skills::Table, Skills::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_user_skills_skill").table(UserSkills::Table).col(UserSkills::SkillId).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(UserSkills::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Skills::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Users::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Branches::Table).to_owned()).await
    }
}
