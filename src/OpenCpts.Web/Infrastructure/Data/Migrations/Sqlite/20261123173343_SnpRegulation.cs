using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnpRegulation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemandesSnp",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NomPatient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PrenomPatient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeCommune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Ins = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Urgence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TypeSouhaite = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    AMedecinTraitant = table.Column<bool>(type: "INTEGER", nullable: false),
                    NomMedecinTraitant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReservationSnpId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandesSnp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandesSnp_ReservationsSnp_ReservationSnpId",
                        column: x => x.ReservationSnpId,
                        principalTable: "ReservationsSnp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "GeocodageEchecs",
                columns: table => new
                {
                    Cle = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EssayeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GeocodageEchecs", x => x.Cle);
                });

            migrationBuilder.CreateTable(
                name: "MessagesSortants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Canal = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Destinataire = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sujet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Texte = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagesSortants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesSnp_CreeLeUtc",
                table: "DemandesSnp",
                column: "CreeLeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesSnp_ReservationSnpId",
                table: "DemandesSnp",
                column: "ReservationSnpId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_CreeLeUtc",
                table: "MessagesSortants",
                column: "CreeLeUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemandesSnp");

            migrationBuilder.DropTable(
                name: "GeocodageEchecs");

            migrationBuilder.DropTable(
                name: "MessagesSortants");
        }
    }
}
