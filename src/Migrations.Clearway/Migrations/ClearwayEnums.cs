namespace Migrations.Clearway;

/// <summary>
/// The status vocabularies of the Phase 1 tables. The seed names no enums; these follow the
/// application's Prisma enums. PostgreSQL gets enum types; SQLite a CHECK on each column.
/// </summary>
public static class ClearwayEnums
{
    public const string DocumentStatus = "DocumentStatus";

    public const string CapitalCallStatus = "CapitalCallStatus";

    public static readonly string[] DocumentStatusValues = ["PENDING", "PROCESSING", "PROCESSED", "FAILED"];

    public static readonly string[] CapitalCallStatusValues = ["PENDING_REVIEW", "APPROVED", "REJECTED", "PAID"];
}
