namespace Migrations.Engine.Schema;

/// <summary>One object that differs: expected (what the migrations make) against found (the live database); null where it is absent.</summary>
public sealed record SchemaDifference(string Kind, string Name, string? Expected, string? Found)
{
    private const int ShownLength = 160;

    // Characters shown before the first one that differs, when the line starts there.
    private const int Context = 40;

    /// <summary>One line: <c>index public.claims_status_idx: expected CREATE INDEX ..., found none</c>.</summary>
    public override string ToString()
    {
        // Two long definitions that part late (a function body) would otherwise show the same prefix twice.
        var parted = Expected is null || Found is null ? 0 : CommonPrefixLength(Expected, Found);
        var from = parted > ShownLength - 3 - Context ? parted - Context : 0;
        return $"{Kind} {Name}: expected {Show(Expected, from)}, found {Show(Found, from)}";
    }

    // A function body or a view can be pages long; the line names the object, the JSON carries it whole.
    private static string Show(string? definition, int from)
    {
        if (definition is null)
        {
            return "none";
        }

        var shown = from > 0 ? "..." + definition[from..] : definition;
        return shown.Length > ShownLength ? shown[..(ShownLength - 3)] + "..." : shown;
    }

    private static int CommonPrefixLength(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        return length;
    }
}
