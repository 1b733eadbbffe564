namespace Migrations.Engine.Schema;

/// <summary>One object that differs: expected (what the migrations make) against found (the live database); null where it is absent.</summary>
public sealed record SchemaDifference(string Kind, string Name, string? Expected, string? Found)
{
    private const int ShownLength = 160;

    /// <summary>One line: <c>index public.claims_status_idx: expected CREATE INDEX ..., found none</c>.</summary>
    public override string ToString() => $"{Kind} {Name}: expected {Show(Expected)}, found {Show(Found)}";

    // A function body or a view can be pages long; the line names the object, the JSON carries it whole.
    private static string Show(string? definition) => definition switch
    {
        null => "none",
        { Length: > ShownLength } => definition[..(ShownLength - 3)] + "...",
        _ => definition,
    };
}
