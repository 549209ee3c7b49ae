using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EntreesAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HorodatageUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Utilisateur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Ressource = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RessourceId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntreesAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EntreesAudit_HorodatageUtc",
                table: "EntreesAudit",
                column: "HorodatageUtc");

            migrationBuilder.CreateIndex(
                name: "IX_EntreesAudit_Ressource_RessourceId",
                table: "EntreesAudit",
                columns: new[] { "Ressource", "RessourceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntreesAudit");
        }
    }
}
