using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnpSurnumeraire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Surnumeraire",
                table: "CreneauxSnp",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "InvitationsSurnumeraire",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandeSnpId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfessionnelId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnvoyeeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnvoyeePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReponduLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RendezVousUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ActiviteId = table.Column<int>(type: "INTEGER", nullable: true),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationsSurnumeraire", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvitationsSurnumeraire_Activites_ActiviteId",
                        column: x => x.ActiviteId,
                        principalTable: "Activites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InvitationsSurnumeraire_DemandesSnp_DemandeSnpId",
                        column: x => x.DemandeSnpId,
                        principalTable: "DemandesSnp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InvitationsSurnumeraire_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvitationsSurnumeraire_Acceptee",
                table: "InvitationsSurnumeraire",
                column: "DemandeSnpId",
                unique: true,
                filter: "\"Statut\" = 'Acceptee'");

            migrationBuilder.CreateIndex(
                name: "IX_InvitationsSurnumeraire_ActiviteId",
                table: "InvitationsSurnumeraire",
                column: "ActiviteId");

            migrationBuilder.CreateIndex(
                name: "IX_InvitationsSurnumeraire_DemandeSnpId_ProfessionnelId",
                table: "InvitationsSurnumeraire",
                columns: new[] { "DemandeSnpId", "ProfessionnelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvitationsSurnumeraire_ProfessionnelId_Statut",
                table: "InvitationsSurnumeraire",
                columns: new[] { "ProfessionnelId", "Statut" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvitationsSurnumeraire");

            migrationBuilder.DropColumn(
                name: "Surnumeraire",
                table: "CreneauxSnp");
        }
    }
}
