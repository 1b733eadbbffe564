using System.Data;
using FluentMigrator;
using Migrations.Engine.Authoring;

namespace Migrations.Clearway;

/// <summary>
/// Phase 1 core MVP tables (history 1.0.0 "Initial Schema", already applied in production): the
/// seed names the four tables only, so their columns model what the app does (users of an
/// organization upload capital call notices; extraction turns each document into a capital call).
/// Ids are text filled by the application (Prisma cuid), as in the Prisma schema the seed refers to.
/// <para>
/// The status vocabularies follow the application's Prisma enums (the seed names none): PostgreSQL
/// gets enum types, SQLite a CHECK on each column. They live here, as constants, because this
/// migration is applied: what it created must not change when the code is edited later.
/// </para>
/// </summary>
[Migration(ClearwayVersions.Phase1CoreSchema, "Phase 1 core MVP tables: User, Organization, Document, CapitalCall (history 1.0.0 Initial Schema)")]
public sealed class Phase1CoreSchema : Migration
{
    public const string DocumentStatus = "DocumentStatus";

    public const string CapitalCallStatus = "CapitalCallStatus";

    public override void Up()
    {
        // New arrays on every call: nothing outside can edit the values this migration writes.
        string[] documentStatusValues = ["PENDING", "PROCESSING", "PROCESSED", "FAILED"];
        string[] capitalCallStatusValues = ["PENDING_REVIEW", "APPROVED", "REJECTED", "PAID"];

        Create.Enum(DocumentStatus).WithValues(documentStatusValues);
        Create.Enum(CapitalCallStatus).WithValues(capitalCallStatusValues);

        Create.Table("Organization")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("name").AsString(200)
            .WithColumn("slug").AsString(100).Unique()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // A user may exist before joining an organization, and outlives it.
        Create.Table("User")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("email").AsString(255).Unique()
            .WithColumn("name").AsString(200).Nullable()
            .WithColumn("organizationId").AsString().Nullable().ForeignKey("Organization", "id").OnDelete(Rule.SetNull).Indexed()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);

        // An uploaded capital call notice; it belongs to its uploader.
        Create.Table("Document")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("fileName").AsString(500)
            .WithColumn("fileUrl").AsString()
            .WithColumn("fileSize").AsInt64()
            .WithColumn("mimeType").AsString(100)
            .WithColumn("status").AsEnum(DocumentStatus, documentStatusValues).WithDefaultValue("PENDING").Indexed()
            .WithColumn("uploadedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("organizationId").AsString().Nullable().ForeignKey("Organization", "id").OnDelete(Rule.SetNull);

        // The call extracted from one document (one call per document).
        Create.Table("CapitalCall")
            .WithColumn("id").AsString().PrimaryKey()
            .WithColumn("documentId").AsString().Unique().ForeignKey("Document", "id").OnDelete(Rule.Cascade)
            .WithColumn("userId").AsString().ForeignKey("User", "id").OnDelete(Rule.Cascade).Indexed()
            .WithColumn("fundName").AsString(200)
            .WithColumn("investorEmail").AsString(255).Nullable()
            .WithColumn("investorAccount").AsString(100).Nullable()
            .WithColumn("amountDue").AsDecimal(15, 2).Check("\"amountDue\" >= 0")
            .WithColumn("currency").AsString(3).WithDefaultValue("USD")
            .WithColumn("dueDate").AsDateTime().Indexed()
            .WithColumn("status").AsEnum(CapitalCallStatus, capitalCallStatusValues).WithDefaultValue("PENDING_REVIEW")
            .WithColumn("bankDetails").AsCustom("jsonb").Nullable()
            .WithColumn("extractionConfidence").AsDouble().Nullable()
            .WithColumn("approvedAt").AsDateTime().Nullable()
            .WithColumn("approvedBy").AsString().Nullable()
            .WithColumn("createdAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updatedAt").AsDateTime().WithDefault(SystemMethods.CurrentUTCDateTime);
    }

    public override void Down()
    {
        Delete.Table("CapitalCall");
        Delete.Table("Document");
        Delete.Table("User");
        Delete.Table("Organization");
        Delete.Enum(CapitalCallStatus);
        Delete.Enum(DocumentStatus);
    }
}
