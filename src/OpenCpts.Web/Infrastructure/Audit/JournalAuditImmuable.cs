using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenCpts.Web.Infrastructure.Audit;

/// <summary>
/// The database itself refuses to change or delete an audit entry: a trigger raises an error on UPDATE and
/// DELETE of <c>EntreesAudit</c>, so that neither a bug nor a compromised application account rewrites the trail.
/// Used by the migrations of both providers.
/// </summary>
public static class JournalAuditImmuable
{
    public const string Message = "Le journal d'audit ne peut être ni modifié ni effacé.";

    /// <summary>The message as a SQL string literal's content (quotes doubled).</summary>
    private static readonly string MessageSql = Message.Replace("'", "''", StringComparison.Ordinal);

    public static void CreerPostgres(MigrationBuilder m) => m.Sql($"""
        CREATE FUNCTION journal_audit_immuable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{MessageSql}' USING ERRCODE = 'insufficient_privilege';
        END;
        $$;
        CREATE TRIGGER "EntreesAudit_immuable" BEFORE UPDATE OR DELETE ON "EntreesAudit"
            FOR EACH ROW EXECUTE FUNCTION journal_audit_immuable();
        CREATE TRIGGER "EntreesAudit_immuable_truncate" BEFORE TRUNCATE ON "EntreesAudit"
            FOR EACH STATEMENT EXECUTE FUNCTION journal_audit_immuable();
        """);

    public static void SupprimerPostgres(MigrationBuilder m) => m.Sql("""
        DROP TRIGGER IF EXISTS "EntreesAudit_immuable_truncate" ON "EntreesAudit";
        DROP TRIGGER IF EXISTS "EntreesAudit_immuable" ON "EntreesAudit";
        DROP FUNCTION IF EXISTS journal_audit_immuable();
        """);

    public static void CreerSqlite(MigrationBuilder m) => m.Sql($"""
        CREATE TRIGGER "EntreesAudit_sans_modification" BEFORE UPDATE ON "EntreesAudit"
        BEGIN SELECT RAISE(ABORT, '{MessageSql}'); END;
        CREATE TRIGGER "EntreesAudit_sans_suppression" BEFORE DELETE ON "EntreesAudit"
        BEGIN SELECT RAISE(ABORT, '{MessageSql}'); END;
        """);

    public static void SupprimerSqlite(MigrationBuilder m) => m.Sql("""
        DROP TRIGGER IF EXISTS "EntreesAudit_sans_modification";
        DROP TRIGGER IF EXISTS "EntreesAudit_sans_suppression";
        """);
}
