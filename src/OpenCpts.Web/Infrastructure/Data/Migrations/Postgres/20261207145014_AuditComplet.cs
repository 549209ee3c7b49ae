using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditComplet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AdresseIp",
                table: "EntreesAudit",
                type: "character varying(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentUtilisateur",
                table: "EntreesAudit",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MethodeAuthentification",
                table: "EntreesAudit",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Roles",
                table: "EntreesAudit",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntreesAudit_UtilisateurId",
                table: "EntreesAudit",
                column: "UtilisateurId");

            Audit.JournalAuditImmuable.CreerPostgres(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Audit.JournalAuditImmuable.SupprimerPostgres(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_EntreesAudit_UtilisateurId",
                table: "EntreesAudit");

            migrationBuilder.DropColumn(
                name: "AdresseIp",
                table: "EntreesAudit");

            migrationBuilder.DropColumn(
                name: "AgentUtilisateur",
                table: "EntreesAudit");

            migrationBuilder.DropColumn(
                name: "MethodeAuthentification",
                table: "EntreesAudit");

            migrationBuilder.DropColumn(
                name: "Roles",
                table: "EntreesAudit");
        }
    }
}
