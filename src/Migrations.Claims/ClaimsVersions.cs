namespace Migrations.Claims;

/// <summary>
/// The version of each batch of the seed (000, "Migrations Tracker - Raven Session", January 2026),
/// in the YYYYMMDDNNNN form of the application's own <c>/db/migrations/YYYYMMDD_description.sql</c> files.
/// Constants, so each migration's <c>[Migration]</c> attribute holds its own copy.
/// </summary>
public static class ClaimsVersions
{
    public const long ExistingSchemaBaseline = 202601010001;
    public const long ClientProConnectionClaimId = 202601010002;
    public const long EmailLog = 202601010003;
    public const long ClaimContractor = 202601010004;
    public const long StorageUsage = 202601010005;
    public const long ReportQueue = 202601010006;
}
