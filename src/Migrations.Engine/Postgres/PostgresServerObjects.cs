using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// What belongs to a PostgreSQL server rather than to one database (roles, their memberships and
/// settings, tablespaces), as sorted lines. A script's copy lives on the live server, so a migration
/// that creates a role creates it there for real; comparing these before and after the run names
/// every such change in the script, where the reviewer sees it.
/// </summary>
internal static class PostgresServerObjects
{
    private const string Sql = """
        SELECT 'role ' || quote_ident(rolname) || ' (' || concat_ws(', ',
                   CASE WHEN rolsuper THEN 'SUPERUSER' END, CASE WHEN rolcanlogin THEN 'LOGIN' ELSE 'NOLOGIN' END,
                   CASE WHEN NOT rolinherit THEN 'NOINHERIT' END, CASE WHEN rolcreaterole THEN 'CREATEROLE' END,
                   CASE WHEN rolcreatedb THEN 'CREATEDB' END, CASE WHEN rolreplication THEN 'REPLICATION' END,
                   CASE WHEN rolbypassrls THEN 'BYPASSRLS' END) || ')' FROM pg_roles
        UNION ALL
        SELECT 'membership of ' || quote_ident(r.rolname) || ' in ' || quote_ident(g.rolname)
        FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid
        UNION ALL
        SELECT 'setting ' || array_to_string(s.setconfig, ', ') || ' of role ' || coalesce(quote_ident(r.rolname), 'any') || ' in database ' || coalesce(quote_ident(d.datname), 'any')
        FROM pg_db_role_setting s LEFT JOIN pg_roles r ON r.oid = s.setrole LEFT JOIN pg_database d ON d.oid = s.setdatabase
        WHERE d.datname IS DISTINCT FROM current_database()
        UNION ALL
        SELECT 'tablespace ' || quote_ident(spcname) FROM pg_tablespace
        """;

    public static async Task<IReadOnlySet<string>> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        var lines = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>One line per object the run created, changed or removed, sorted.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlySet<string> before, IReadOnlySet<string> after) =>
        after.Except(before).Select(l => l + " now exists").Concat(before.Except(after).Select(l => l + " is gone")).Order(StringComparer.Ordinal).ToArray();
}
