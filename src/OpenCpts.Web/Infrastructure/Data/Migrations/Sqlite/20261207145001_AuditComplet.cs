using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentUtilisateur",
                table: "EntreesAudit",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MethodeAuthentification",
                table: "EntreesAudit",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Roles",
                table: "EntreesAudit",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntreesAudit_UtilisateurId",
                table: "EntreesAudit",
                column: "UtilisateurId");

            Audit.JournalAuditImmuable.CreerSqlite(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Audit.JournalAuditImmuable.SupprimerSqlite(migrationBuilder);

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
