using Migrations.Testing;
using Npgsql;

namespace Migrations.Filetrack.Tests.Support;

/// <summary>
/// A login role made for one test: neither superuser nor table owner (both bypass row-level
/// security), member of one application role (<c>authenticated</c> or <c>anon</c>), so it holds
/// exactly that role's grants. Connections set the request's user id the way Supabase does.
/// </summary>
internal sealed class ApplicationRole : IDisposable
{
    private const string Password = "filetrack-test";
    private readonly TestDatabase _db;

    public ApplicationRole(TestDatabase db, string memberOf)
    {
        _db = db;
        Name = $"ft_{memberOf}_{Guid.NewGuid():N}"[..40];
        db.Execute($"CREATE ROLE \"{Name}\" LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '{Password}' IN ROLE \"{memberOf}\"");
    }

    public string Name { get; }

    /// <summary>A connection as this role, acting for <paramref name="userId"/> (none: an anonymous request).</summary>
    public NpgsqlConnection Connect(string? userId)
    {
        var builder = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Username = Name, Password = Password };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        if (userId is not null)
        {
            using var claim = new NpgsqlCommand("SELECT set_config('request.jwt.claim.sub', @sub, false)", connection);
            claim.Parameters.AddWithValue("sub", userId);
            claim.ExecuteNonQuery();
        }

        return connection;
    }

    public long Count(string? userId, string sql)
    {
        using var connection = Connect(userId);
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public int Execute(string? userId, string sql)
    {
        using var connection = Connect(userId);
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteNonQuery();
    }

    // The role owns nothing, so it drops cleanly (the test database is dropped first or after, either works).
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(PostgresServer.Instance.AdminConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{Name}\"", admin);
        drop.ExecuteNonQuery();
    }
}
