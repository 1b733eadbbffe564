using Migrations.Engine.Schema;

namespace Migrations.Engine.Tests.Schema;

/// <summary>SQLite keeps each object's SQL as written; drift must read two spellings of one object as one.</summary>
public sealed class SqliteSqlTextTests
{
    [Test]
    public void Case_identifier_quotes_and_layout_carry_no_meaning()
    {
        Assert.That(SqliteSqlText.Normalize("CREATE INDEX \"Job_leadId_idx\" ON \"Job\" ( \"leadId\" ASC );"),
            Is.EqualTo(SqliteSqlText.Normalize("create index Job_leadId_idx on [Job](`leadId` asc)")));
    }

    [Test]
    public void String_literals_keep_their_case_and_spaces()
    {
        Assert.That(SqliteSqlText.Normalize("DEFAULT 'Open  Case'"), Is.EqualTo("default 'Open  Case'"));
        Assert.That(SqliteSqlText.Normalize("DEFAULT 'Open'"), Is.Not.EqualTo(SqliteSqlText.Normalize("DEFAULT 'open'")));
        Assert.That(SqliteSqlText.Normalize("CHECK (a = 'x\"y')"), Is.EqualTo("check(a = 'x\"y')"), "a double quote inside a literal stays");
    }

    [Test]
    public void Checks_are_found_with_their_nested_parentheses_and_not_inside_literals_or_names()
    {
        const string table = """
            CREATE TABLE t (status TEXT DEFAULT 'check (me)' CHECK (status IN ('a', 'b')),
              rechecked INTEGER, CONSTRAINT t_range CHECK ((n >= 0) AND (n < 10)))
            """;

        Assert.That(SqliteSqlText.Checks(table), Is.EqualTo(new[] { "status in('a','b')", "(n >= 0) and(n < 10)" }));
    }
}
