using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Migrations;

// Vocabularies the policies and functions rely on are PostgreSQL enums (a CHECK on SQLite);
// the open-ended ones elsewhere are CHECK constraints on plain text.
public sealed partial class MasterConsolidatedSchema
{
    private static readonly string[] UserRoles = ["user", "admin"];

    private static readonly string[] OrganizationRoles = ["owner", "admin", "member", "viewer"];

    private void CreateEnums()
    {
        Create.Enum("user_role").WithValues(UserRoles);
        Create.Enum("organization_role").WithValues(OrganizationRoles);
    }

    private void DropEnums()
    {
        Delete.Enum("organization_role");
        Delete.Enum("user_role");
    }
}
