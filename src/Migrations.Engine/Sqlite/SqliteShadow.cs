using Microsoft.Data.Sqlite;
using Migrations.Engine.Schema;

namespace Migrations.Engine.Sqlite;

/// <summary>A SQLite shadow lives in memory: a shared-cache database kept alive by one open connection, gone when it closes.</summary>
public static class SqliteShadow
{
    public static async Task<ShadowDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = $"shadow-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            ForeignKeys = true,
        };
        var keepalive = new SqliteConnection(builder.ConnectionString);
        await keepalive.OpenAsync(cancellationToken);
        return new ShadowDatabase(builder.ConnectionString, "an in-memory SQLite database", keepalive.DisposeAsync);
    }
}
