using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SecuriteWeb : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UsagesUniques",
                columns: table => new
                {
                    Cle = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ExpireLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsagesUniques", x => x.Cle);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesMedecinTraitant_Origine_InscritLeUtc",
                table: "DemandesMedecinTraitant",
                columns: new[] { "Origine", "InscritLeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_UsagesUniques_ExpireLeUtc",
                table: "UsagesUniques",
                column: "ExpireLeUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsagesUniques");

            migrationBuilder.DropIndex(
                name: "IX_DemandesMedecinTraitant_Origine_InscritLeUtc",
                table: "DemandesMedecinTraitant");
        }
    }
}
