namespace Migrations.Runner.Scaffolding;

/// <summary>How a database's descriptions begin, as its existing migrations do.</summary>
public enum DescriptionStyle
{
    /// <summary>Free text (claims, junkquote): "Add widgets", or the text given.</summary>
    Prose,

    /// <summary>The seed's file name, "add_widgets: text" (clearway).</summary>
    FileName,

    /// <summary>The Supabase file name, "20261203101500_add_widgets: text" (filetrack).</summary>
    VersionAndFileName,

    /// <summary>Wrangler's file name, "0029_add_widgets: text (Development only)" (workspace).</summary>
    NumberedFileName,
}
