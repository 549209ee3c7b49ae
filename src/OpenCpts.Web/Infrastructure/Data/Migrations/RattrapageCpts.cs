using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenCpts.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Data part of the <c>CptsLocataire</c> migration (both providers). Until then a host served one CPTS, the first
/// created (<c>CptsCourante</c>): every CPTS-owned record that had no CPTS column belonged to it, and every account
/// acted in it. So the new columns take the first CPTS, and every account is attached to it.
/// </summary>
internal static class RattrapageCpts
{
    private static readonly string[] Tables =
    [
        "ModelesDisponibilite", "CreneauxSnp", "ReservationsSnp", "ReservationsSas", "EnvoisSas", "DemandesSnp",
        "InvitationsSurnumeraire", "HistoriqueDemandesMedecinTraitant", "CapacitesMedecin", "AffectationsMedecinTraitant",
        "MembresEquipe", "DestinatairesDemande", "ElementsSortie", "MessagesEquipe", "PiecesJointes", "LecturesMessage",
        "VersionsProtocole", "DocumentsProtocole", "EtapesModele", "InscriptionsParcours", "TachesParcours",
    ];

    private const string Premiere = """(SELECT MIN("Id") FROM "Cpts")""";

    public static void Appliquer(MigrationBuilder migration)
    {
        foreach (var table in Tables)
        {
            migration.Sql($"""UPDATE "{table}" SET "CptsId" = COALESCE({Premiere}, 0);""");
        }
        migration.Sql($"""UPDATE "MessagesSortants" SET "CptsId" = {Premiere};""");
        var postgres = migration.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        // The audit table refuses UPDATE on PostgreSQL (JournalAuditImmuable): lifted for this one-time attribution only.
        if (postgres)
        {
            migration.Sql("""ALTER TABLE "EntreesAudit" DISABLE TRIGGER "EntreesAudit_immuable";""");
        }
        migration.Sql($"""UPDATE "EntreesAudit" SET "CptsId" = {Premiere};""");
        if (postgres)
        {
            migration.Sql("""ALTER TABLE "EntreesAudit" ENABLE TRIGGER "EntreesAudit_immuable";""");
        }
        migration.Sql($"""
            INSERT INTO "RattachementsCpts" ("UtilisateurId", "CptsId", "RattacheLeUtc", "RattachePar")
            SELECT u."Id", c."Id", u."CreeLeUtc", '(migration)'
            FROM "AspNetUsers" u CROSS JOIN (SELECT {Premiere} AS "Id") c
            WHERE c."Id" IS NOT NULL;
            """);
    }
}
