using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FluentMigrator.Expressions;
using FluentMigrator.Model;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Running;

/// <summary>
/// The checksum of a migration: SHA-256 over a canonical text of FluentMigrator's expressions
/// (every public property, recursively, dictionaries sorted), so an edit that changes what a
/// migration does changes its checksum, and reformatting the C# does not. Delegates (bulk row
/// factories, Execute.WithConnection) contribute their presence, not their code.
/// </summary>
public static class ExpressionFingerprint
{
    public static string Compute(IEnumerable<IMigrationExpression> expressions)
    {
        var text = new StringBuilder();
        foreach (var expression in expressions)
        {
            Write(text, expression, depth: 0);
            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or Guid or TimeSpan || value.GetType().IsEnum:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case Delegate:
                text.Append("<code>");
                return;
            case BulkRows bulk:
                text.Append("bulk(").Append(string.Join(",", bulk.Columns)).Append(')');
                return;
            case IDictionary dictionary:
                text.Append('{');
                foreach (var key in dictionary.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal))
                {
                    text.Append(key).Append('=');
                    Write(text, dictionary[key], depth + 1);
                    text.Append(';');
                }

                text.Append('}');
                return;
            case IEnumerable sequence:
                text.Append('[');
                foreach (var item in sequence)
                {
                    Write(text, item, depth + 1);
                    text.Append(',');
                }

                text.Append(']');
                return;
        }

        if (depth > 12)
        {
            text.Append("...");
            return;
        }

        var type = value.GetType();
        text.Append(type.Name).Append('(');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && !Ignored(p))
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append(':');
            Write(text, property.GetValue(value), depth + 1);
            text.Append(';');
        }

        if (value is ForeignKeyDefinition foreignKey)
        {
            text.Append("restrict:").Append(ForeignKeyRuleExtensions.IsRestrict(foreignKey, onDelete: true))
                .Append(ForeignKeyRuleExtensions.IsRestrict(foreignKey, onDelete: false));
        }

        text.Append(')');
    }

    // Back references and services say nothing about what the migration does.
    private static bool Ignored(PropertyInfo property) =>
        typeof(IServiceProvider).IsAssignableFrom(property.PropertyType)
        || property.PropertyType.Name is "IMigrationContext" or "IQuerySchema" or "IMigrationProcessor";
}
