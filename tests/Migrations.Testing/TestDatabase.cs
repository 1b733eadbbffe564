using Migrations.Engine.Postgres;
using Migrations.Engine.Providers;
using Migrations.Engine.Sqlite;
using Npgsql;
using Microsoft.Data.Sqlite;

namespace Migrations.Testing;

/// <summary>A fresh, real database for one test: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteDirectory;
    private bool _owned = true;
    private NpgsqlDataSource? _dataSource;

    private TestDatabase(Provider provider, string connectionString, string? sqliteDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    public IDatabaseProvider DatabaseProvider => Provider == Provider.Postgres ? new PostgresProvider() : new SqliteProvider();

    /// <summary>The SQLite file's path (SQLite only).</summary>
    public string FilePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>An existing database the test does not own: disposing it removes nothing.</summary>
    public static TestDatabase Open(Provider provider, string connectionString) => new(provider, connectionString, null) { _owned = false };

    public static TestDatabase Create(Provider provider, string name = "test")
    {
        if (provider == Provider.Postgres)
        {
            return new TestDatabase(provider, PostgresServer.Instance.CreateDatabase(name), null);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"migrations-sqlite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return new TestDatabase(provider, $"Data Source={Path.Combine(directory, name + ".db")};Pooling=False", directory);
    }

    /// <summary>
    /// A new database with the schema and rows of <paramref name="source"/>, for tests that share one
    /// slow-to-build database: PostgreSQL copies it as a template (no session may be open on it),
    /// SQLite copies the file (and its write-ahead log).
    /// </summary>
    public static TestDatabase CopyOf(TestDatabase source, string name = "copy")
    {
        if (source.Provider == Provider.Postgres)
        {
            var template = new NpgsqlConnectionStringBuilder(source.ConnectionString).Database!;
            source._dataSource?.Dispose();
            source._dataSource = null;
            return new TestDatabase(Provider.Postgres, PostgresServer.Instance.CreateDatabase(name, template), null);
        }

        SqliteConnection.ClearAllPools();
        var copy = Create(Provider.Sqlite, name);
        File.Copy(source.FilePath, copy.FilePath);
        if (File.Exists(source.FilePath + "-wal"))
        {
            File.Copy(source.FilePath + "-wal", copy.FilePath + "-wal"); // a WAL-mode file's last commits may still be there
        }

        return copy;
    }

    /// <summary>Runs a query and returns its rows, for assertions.</summary>
    public List<object?[]> Query(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Read(reader, i);
            }

            rows.Add(row);
        }

        return rows;
    }

    // Npgsql cannot read an unmapped enum as object; its text is what an assertion wants anyway.
    private static object Read(System.Data.Common.DbDataReader reader, int ordinal)
    {
        try
        {
            return reader.GetValue(ordinal);
        }
        catch (InvalidCastException)
        {
            return reader.GetFieldValue<string>(ordinal);
        }
    }

    public object? Scalar(string sql) => Query(sql).FirstOrDefault()?[0];

    public long Count(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public System.Data.Common.DbConnection Open()
    {
        if (Provider == Provider.Postgres)
        {
            // Unmapped types let assertions read enum columns (as their labels) like any text column.
            _dataSource ??= new NpgsqlDataSourceBuilder(ConnectionString).EnableUnmappedTypes().Build();
            return _dataSource.OpenConnection();
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { ForeignKeys = true }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Quotes an identifier for hand-written assertion SQL (both providers use double quotes).</summary>
    public static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The journal table as written in SQL on this provider.</summary>
    public string Journal => Provider == Provider.Postgres ? "\"migrations\".\"VersionInfo\"" : "\"VersionInfo\"";

    public void Dispose()
    {
        _dataSource?.Dispose();
        if (!_owned)
        {
            return;
        }

        if (Provider == Provider.Postgres)
        {
            PostgresServer.Instance.DropDatabase(ConnectionString);
        }
        else if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the machine's temp cleanup.
            }
        }
    }
}
