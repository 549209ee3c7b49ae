using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SasComptesRegulateursEtEnvois : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComptesRegulateursSas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdentifiantNational = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IdentifiantSas = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Actif = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MisAJourLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComptesRegulateursSas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnvoisSas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReservationSnpId = table.Column<long>(type: "INTEGER", nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Tentatives = table.Column<int>(type: "INTEGER", nullable: false),
                    ProchainEssaiUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DerniereErreur = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnvoyeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnvoisSas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnvoisSas_ReservationsSnp_ReservationSnpId",
                        column: x => x.ReservationSnpId,
                        principalTable: "ReservationsSnp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JetonsConnexionSas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Empreinte = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CompteRegulateurSasId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreneauSnpId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpireLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UtiliseLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JetonsConnexionSas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JetonsConnexionSas_ComptesRegulateursSas_CompteRegulateurSasId",
                        column: x => x.CompteRegulateurSasId,
                        principalTable: "ComptesRegulateursSas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReservationsSas",
                columns: table => new
                {
                    ReservationSnpId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompteRegulateurSasId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReservationsSas", x => x.ReservationSnpId);
                    table.ForeignKey(
                        name: "FK_ReservationsSas_ComptesRegulateursSas_CompteRegulateurSasId",
                        column: x => x.CompteRegulateurSasId,
                        principalTable: "ComptesRegulateursSas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReservationsSas_ReservationsSnp_ReservationSnpId",
                        column: x => x.ReservationSnpId,
                        principalTable: "ReservationsSnp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComptesRegulateursSas_IdentifiantNational",
                table: "ComptesRegulateursSas",
                column: "IdentifiantNational",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComptesRegulateursSas_IdentifiantSas",
                table: "ComptesRegulateursSas",
                column: "IdentifiantSas",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnvoisSas_ProchainEssaiUtc",
                table: "EnvoisSas",
                column: "ProchainEssaiUtc");

            migrationBuilder.CreateIndex(
                name: "IX_EnvoisSas_ReservationSnpId",
                table: "EnvoisSas",
                column: "ReservationSnpId");

            migrationBuilder.CreateIndex(
                name: "IX_JetonsConnexionSas_CompteRegulateurSasId",
                table: "JetonsConnexionSas",
                column: "CompteRegulateurSasId");

            migrationBuilder.CreateIndex(
                name: "IX_JetonsConnexionSas_Empreinte",
                table: "JetonsConnexionSas",
                column: "Empreinte",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReservationsSas_CompteRegulateurSasId",
                table: "ReservationsSas",
                column: "CompteRegulateurSasId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnvoisSas");

            migrationBuilder.DropTable(
                name: "JetonsConnexionSas");

            migrationBuilder.DropTable(
                name: "ReservationsSas");

            migrationBuilder.DropTable(
                name: "ComptesRegulateursSas");
        }
    }
}
