namespace Migrations.Claims.Tests.Support;

/// <summary>Hand-written INSERTs for the tables the tests fill; the same SQL runs on both providers.</summary>
public static class Rows
{
    public const string CompanyA = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    public const string CompanyB = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    public const string CompanyC = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

    public static string Claim(string id, string orgId) =>
        $"INSERT INTO \"claims\" (\"id\", \"orgId\", \"claimNumber\", \"title\") VALUES ('{id}', '{orgId}', 'CLM-{id}', 'Water damage {id}')";

    public static string Company(string id, string name) =>
        $"INSERT INTO \"tradesCompany\" (\"id\", \"name\") VALUES ('{id}', '{name}')";

    public static string Event(string id, string claimId, string type, string at, string? json = null) =>
        $"INSERT INTO \"claim_events\" (\"id\", \"claimId\", \"type\", \"data\", \"createdAt\") VALUES ('{id}', '{claimId}', '{type}', {(json is null ? "NULL" : $"'{json}'")}, '{at}')";

    public static string ContractorEvent(string id, string claimId, string type, string at, string companyId, string? role = null, string? notes = null)
    {
        var json = $"{{\"companyId\": \"{companyId}\"" + (role is null ? "" : $", \"role\": \"{role}\"") + (notes is null ? "" : $", \"notes\": \"{notes}\"") + "}";
        return Event(id, claimId, type, at, json);
    }

    public static string BrandingUpload(string id, string orgId, long bytes) =>
        $"INSERT INTO \"branding_uploads\" (\"id\", \"orgId\", \"kind\", \"fileName\", \"url\", \"sizeBytes\") VALUES ('{id}', '{orgId}', 'logo', '{id}.png', 'https://cdn/{id}.png', {bytes})";

    public static string ClaimDocument(string id, string claimId, long bytes) =>
        $"INSERT INTO \"claim_documents\" (\"id\", \"claimId\", \"fileName\", \"storagePath\", \"sizeBytes\") VALUES ('{id}', '{claimId}', '{id}.pdf', 'claims/{claimId}/{id}.pdf', {bytes})";

    public static string ClaimContractor(string id, string claimId, string companyId, string role = "primary_contractor") =>
        $"INSERT INTO \"ClaimContractor\" (\"id\", \"claimId\", \"companyId\", \"role\") VALUES ('{id}', '{claimId}', '{companyId}', '{role}')";

    public static string Connection(string id, string companyId, string? claimId) =>
        $"INSERT INTO \"ClientProConnection\" (\"id\", \"clientId\", \"companyId\", \"claimId\") VALUES ('{id}', 'client-{id}', '{companyId}', {(claimId is null ? "NULL" : $"'{claimId}'")})";
}
