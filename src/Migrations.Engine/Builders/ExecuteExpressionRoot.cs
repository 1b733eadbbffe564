using System.Reflection;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary>
/// <c>Execute.Sql</c>, <c>Execute.Script</c> and <c>Execute.EmbeddedScript</c>. Scripts are read
/// when the migration is built: a missing file or resource fails loading, not the run, and the
/// text becomes part of the migration's checksum.
/// </summary>
public sealed class ExecuteExpressionRoot(IMigrationContext context, Assembly migrationAssembly)
{
    public void Sql(string sql) => context.Add(new ExecuteSqlExpression(sql));

    public void Sql(string sql, string description) => context.Add(new ExecuteSqlExpression(sql) { Description = description });

    /// <summary>A SQL file; a relative path is resolved against the working directory, then the migration assembly's folder.</summary>
    public void Script(string path)
    {
        var candidates = Path.IsPathRooted(path)
            ? [path]
            : new[] { Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path) };
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new MigrationException($"{context.MigrationName}: script file '{path}' was not found.");
        context.Add(new ExecuteSqlExpression(File.ReadAllText(found)) { Source = path });
    }

    /// <summary>An embedded resource, by full name or by a unique name suffix (such as <c>Views.sql</c>).</summary>
    public void EmbeddedScript(string resourceName)
    {
        var names = migrationAssembly.GetManifestResourceNames();
        var matches = names.Where(n => n == resourceName || n.EndsWith("." + resourceName, StringComparison.Ordinal)).ToArray();
        var name = matches.Length switch
        {
            1 => matches[0],
            0 => throw new MigrationException($"{context.MigrationName}: embedded script '{resourceName}' was not found in {migrationAssembly.GetName().Name}."),
            _ => throw new MigrationException($"{context.MigrationName}: embedded script '{resourceName}' matches {string.Join(", ", matches)}."),
        };
        using var stream = migrationAssembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        context.Add(new ExecuteSqlExpression(reader.ReadToEnd()) { Source = name });
    }
}
