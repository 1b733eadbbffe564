using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Journal;

/// <summary>
/// A migration's checksum: SHA-256 over a canonical text of the expressions its Up() builds,
/// not over generated SQL, so an engine upgrade that changes SQL is not mistaken for an edit.
/// The build is neutral: every <c>IfDatabase</c> branch is kept and every existence query answers
/// false, so the checksum is the same on every provider and whatever state the database is in.
/// </summary>
public static class MigrationChecksum
{
    public const string NeutralDatabaseType = "(checksum)";

    public static string Compute(IReadOnlyList<MigrationExpression> expressions) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(expressions)))).ToLowerInvariant();

    /// <summary>The canonical text itself, for tests and for explaining a mismatch.</summary>
    public static string CanonicalText(IReadOnlyList<MigrationExpression> expressions)
    {
        var text = new StringBuilder();
        foreach (var expression in expressions)
        {
            Write(text, expression);
            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case bool or Enum:
                text.Append(value);
                break;
            case DateTime time:
                text.Append(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset offset:
                text.Append(offset.ToString("O", CultureInfo.InvariantCulture));
                break;
            case Delegate:
                text.Append("<generated rows>");
                break;
            case byte[] bytes:
                text.Append("0x").Append(Convert.ToHexString(bytes));
                break;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal or Guid:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                WriteObject(text, value);
                break;
        }
    }

    // Records and anonymous values: type name, then public properties in name order.
    private static void WriteObject(StringBuilder text, object value)
    {
        var type = value.GetType();
        text.Append(type.Name).Append('{');
        // Stored values only (init or set accessors); computed ones such as EffectiveName follow from them.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is not null)
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append('=');
            Write(text, property.GetValue(value));
            text.Append(';');
        }

        text.Append('}');
    }
}
