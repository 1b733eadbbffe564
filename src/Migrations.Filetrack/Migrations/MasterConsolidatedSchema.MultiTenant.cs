using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Filetrack.Migrations;

// Core tables, "Multi-tenant": organizations, organization_members, workflows and their versions and executions.
public sealed partial class MasterConsolidatedSchema
{
    private void CreateMultiTenant()
    {
        // An organisation outlives its creator: ownerId becomes NULL and the members stay.
        Create.Table("organizations").WithIdColumn("organizations")
            .WithColumn("name").AsString(255)
            .WithColumn("slug").AsString(100).Unique("organizations_slug_key")
            .WithOptionalReference("organizations", "ownerId", "users", Rule.SetNull)
            .WithTimestamps();

        Create.Table("organization_members").WithIdColumn("organization_members")
            .WithReference("organization_members", "organizationId", "organizations", Rule.Cascade)
            .WithReference("organization_members", "userId", "users", Rule.Cascade).Indexed("organization_members_userId_idx")
            .WithColumn("role").AsEnum("organization_role", OrganizationRoles).WithDefaultValue("member")
            .WithColumn("joinedAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset);
        Create.Index("organization_members_organizationId_userId_key").OnTable("organization_members")
            .OnColumn("organizationId").Ascending().OnColumn("userId").Ascending().WithOptions().Unique();

        // A workflow belongs to its author and optionally to an organisation whose members read it.
        Create.Table("workflows").WithIdColumn("workflows")
            .WithReference("workflows", "userId", "users", Rule.Cascade).Indexed("workflows_userId_idx")
            .WithOptionalReference("workflows", "organizationId", "organizations", Rule.Cascade).Indexed("workflows_organizationId_idx")
            .WithColumn("name").AsString(255)
            .WithColumn("description").AsString().Nullable()
            .WithColumn("definition").AsCustom("jsonb").WithDefaultValue("{}")
            .WithColumn("isActive").AsBoolean().WithDefaultValue(true).Indexed("workflows_isActive_idx")
            .WithTimestamps();

        Create.Table("workflow_versions").WithIdColumn("workflow_versions")
            .WithReference("workflow_versions", "workflowId", "workflows", Rule.Cascade)
            .WithColumn("version").AsInt32().Check("\"version\" > 0")
            .WithColumn("definition").AsCustom("jsonb")
            .WithOptionalReference("workflow_versions", "createdBy", "users", Rule.SetNull)
            .WithCreatedAt();
        Create.Index("workflow_versions_workflowId_version_key").OnTable("workflow_versions")
            .OnColumn("workflowId").Ascending().OnColumn("version").Ascending().WithOptions().Unique();

        // Execution logs keep their history when the version or the user who triggered them goes.
        Create.Table("workflow_executions").WithIdColumn("workflow_executions")
            .WithReference("workflow_executions", "workflowId", "workflows", Rule.Cascade).Indexed("workflow_executions_workflowId_idx")
            .WithOptionalReference("workflow_executions", "workflowVersionId", "workflow_versions", Rule.SetNull)
            .WithOptionalReference("workflow_executions", "triggeredBy", "users", Rule.SetNull)
            .WithColumn("status").AsString(20).WithDefaultValue("pending").Indexed("workflow_executions_status_idx")
                .Check("\"status\" IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')")
            .WithColumn("startedAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset).Indexed("workflow_executions_startedAt_idx")
            .WithColumn("completedAt").AsDateTimeOffset().Nullable()
            .WithColumn("error").AsString().Nullable()
            .WithColumn("logs").AsCustom("jsonb").WithDefaultValue("[]");
    }
}
