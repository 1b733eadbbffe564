using System.Diagnostics;
using Npgsql;
using NUnit.Framework;

namespace Migrations.Testing;

/// <summary>Replays a script as a reviewer's pipeline would: <c>psql -v ON_ERROR_STOP=1</c>, or <c>sqlite3 -bail</c>; a failure fails the test with the client's error.</summary>
public static class ScriptReplay
{
    public static void Run(TestDatabase database, string script)
    {
        var file = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.sql");
        File.WriteAllText(file, script);
        try
        {
            ProcessStartInfo start;
            if (database.Provider == Provider.Postgres)
            {
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
                var psql = PostgresServer.Instance.BinDirectory is { } bin ? Path.Combine(bin, "psql") : "psql";
                start = new ProcessStartInfo(psql) { ArgumentList = { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file } };
                start.Environment["PGHOST"] = builder.Host;
                start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                start.Environment["PGDATABASE"] = builder.Database;
                start.Environment["PGUSER"] = builder.Username;
                start.Environment["PGPASSWORD"] = builder.Password ?? "";
            }
            else
            {
                start = new ProcessStartInfo("sqlite3") { ArgumentList = { "-bail", database.FilePath, $".read {file}" } };
            }

            start.RedirectStandardError = true;
            start.RedirectStandardOutput = true;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"replaying the script failed: {error.Result}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
