using Migrations.Engine.Schema;

namespace Migrations.Engine.Tests.Schema;

/// <summary>The one line drift and baseline print per difference: it must show what differs.</summary>
public sealed class SchemaDifferenceTests
{
    private const string Head = "CREATE OR REPLACE FUNCTION public.is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path TO 'public', 'pg_temp' AS $function$ ";

    [Test]
    public void Two_long_definitions_that_part_late_are_shown_from_where_they_part()
    {
        var difference = new SchemaDifference("function", "public.is_admin()",
            Head + "SELECT EXISTS (SELECT 1 FROM public.users WHERE \"id\" = auth.uid() AND \"role\" = 'admin') $function$",
            Head + "SELECT true $function$");

        var line = difference.ToString();

        Assert.That(line, Does.StartWith("function public.is_admin(): expected ...").And.Contain("auth.uid()").And.EndWith("SELECT true $function$"));
        Assert.That(line, Does.Contain(", found ...").And.Contain("'pg_temp' AS $function$ SELECT true"));
    }

    [Test]
    public void Short_and_missing_definitions_are_shown_whole()
    {
        Assert.That(new SchemaDifference("index", "public.a_idx", "CREATE INDEX a_idx ON public.a USING btree (x)", null).ToString(),
            Is.EqualTo("index public.a_idx: expected CREATE INDEX a_idx ON public.a USING btree (x), found none"));
        Assert.That(new SchemaDifference("column", "public.a.x", "integer not null", "text null").ToString(),
            Is.EqualTo("column public.a.x: expected integer not null, found text null"));
    }

    [Test]
    public void A_long_definition_that_parts_early_is_cut_at_the_end()
    {
        var line = new SchemaDifference("view", "public.v", "SELECT a" + new string('x', 300), "SELECT b" + new string('x', 300)).ToString();

        Assert.That(line, Does.StartWith("view public.v: expected SELECT ax").And.Contain("..., found SELECT bx").And.EndWith("..."));
    }
}
