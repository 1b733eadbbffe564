namespace Migrations.Testing;

/// <summary>The two providers every behaviour test runs on.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}
