using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Model;
using Migrations.Engine.Guard;

namespace Migrations.Engine.Tests.Guard;

/// <summary>What each destructive FluentMigrator expression is measured as, and how a loss reads.</summary>
public sealed class DataLossProbesTests
{
    [Test]
    public void A_dropped_table_column_or_type_reads_as_the_old_engine_said_it()
    {
        var what = new IMigrationExpression[]
        {
            new DeleteTableExpression { TableName = "note" },
            new DeleteTableExpression { SchemaName = "app", TableName = "note" },
            new DeleteColumnExpression { TableName = "note", ColumnNames = ["tag", "body"] },
            new DeleteDataExpression { TableName = "note", IsAllRows = true },
            new AlterColumnExpression { TableName = "price", Column = new ColumnDefinition { Name = "amount" } },
            new ExecuteSqlStatementExpression { SqlStatement = "DROP TABLE IF EXISTS \"archive\"" },
            new CreateTableExpression { TableName = "kept" },
        }.SelectMany(DataLossProbes.Of).Select(p => p.What);

        Assert.That(what, Is.EqualTo(new[]
        {
            "delete table \"note\"",
            "delete table \"app\".\"note\"",
            "delete column \"note\".\"tag\"",
            "delete column \"note\".\"body\"",
            "delete every row of note",
            "change the type of \"price\".\"amount\"",
            "drop table archive",
        }));
    }

    [Test]
    public void A_delete_of_some_rows_is_one_probe_over_all_of_them()
    {
        var delete = new DeleteDataExpression { TableName = "Team" };
        delete.Rows.Add([new("Id", 1), new("Name", "Reds")]);
        delete.Rows.Add([new("Id", 2), new("Name", null!)]);

        var probe = DataLossProbes.Of(delete).Single();

        Assert.That(probe.What, Is.EqualTo("delete rows of Team"));
        Assert.That(probe.Rows, Is.SameAs(delete.Rows));
        Assert.That(probe.ColumnName, Is.Null);
    }

    [Test]
    public void An_embedded_script_is_read_from_the_resource_FluentMigrator_finds_with_its_parameters_replaced()
    {
        var script = new ExecuteEmbeddedSqlScriptExpression([new DefaultEmbeddedResourceProvider(typeof(DataLossProbesTests).Assembly)])
        {
            SqlScript = "DropParameterTable.sql",
            Parameters = new Dictionary<string, string> { ["table"] = "ledger" },
        };

        Assert.That(DataLossProbes.Of(script).Select(p => p.What), Is.EqualTo(new[] { "drop table ledger" }));
    }

    [Test]
    public void An_embedded_script_FluentMigrator_cannot_find_is_left_to_fail_when_it_runs()
    {
        var script = new ExecuteEmbeddedSqlScriptExpression([new DefaultEmbeddedResourceProvider(typeof(DataLossProbesTests).Assembly)]) { SqlScript = "NoSuchScript.sql" };

        Assert.That(DataLossProbes.Of(script), Is.Empty);
    }

    [Test]
    public void A_script_file_and_a_statement_are_read_with_their_parameters_replaced()
    {
        var file = Path.Combine(Path.GetTempPath(), $"guard-{Guid.NewGuid():N}.sql");
        File.WriteAllText(file, "TRUNCATE $(table);");
        try
        {
            var parameters = new Dictionary<string, string> { ["table"] = "ledger" };
            var what = new IMigrationExpression[]
            {
                new ExecuteSqlScriptExpression { SqlScript = file, Parameters = parameters },
                new ExecuteSqlStatementExpression { SqlStatement = "DELETE FROM $(table)", Parameters = parameters },
            }.SelectMany(DataLossProbes.Of).Select(p => p.What);

            Assert.That(what, Is.EqualTo(new[] { "truncate ledger", "delete from ledger (counted as every row)" }));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
