using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SoinsNonProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ModelesDisponibilite",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfessionnelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiviteId = table.Column<int>(type: "INTEGER", nullable: true),
                    JourSemaine = table.Column<int>(type: "INTEGER", nullable: false),
                    HeureDebut = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    HeureFin = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DureeCreneauMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DateFin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TypeConsultation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Visibilite = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AvecRendezVous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SuspenduDu = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SuspenduAu = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Archive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MisAJourLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelesDisponibilite", x => x.Id);
                    table.CheckConstraint("CK_ModeleDisponibilite_Duree", "\"DureeCreneauMinutes\" BETWEEN 5 AND 240");
                    table.CheckConstraint("CK_ModeleDisponibilite_Heures", "\"HeureFin\" > \"HeureDebut\"");
                    table.ForeignKey(
                        name: "FK_ModelesDisponibilite_Activites_ActiviteId",
                        column: x => x.ActiviteId,
                        principalTable: "Activites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ModelesDisponibilite_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CreneauxSnp",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfessionnelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiviteId = table.Column<int>(type: "INTEGER", nullable: true),
                    ModeleDisponibiliteId = table.Column<int>(type: "INTEGER", nullable: true),
                    DebutUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TypeConsultation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Visibilite = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AvecRendezVous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MisAJourLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreneauxSnp", x => x.Id);
                    table.CheckConstraint("CK_CreneauSnp_Duree", "\"FinUtc\" > \"DebutUtc\"");
                    table.ForeignKey(
                        name: "FK_CreneauxSnp_Activites_ActiviteId",
                        column: x => x.ActiviteId,
                        principalTable: "Activites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CreneauxSnp_ModelesDisponibilite_ModeleDisponibiliteId",
                        column: x => x.ModeleDisponibiliteId,
                        principalTable: "ModelesDisponibilite",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CreneauxSnp_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReservationsSnp",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreneauSnpId = table.Column<long>(type: "INTEGER", nullable: false),
                    NomPatient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PrenomPatient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeCommune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Ins = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnnuleeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReservationsSnp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReservationsSnp_CreneauxSnp_CreneauSnpId",
                        column: x => x.CreneauSnpId,
                        principalTable: "CreneauxSnp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CreneauxSnp_ActiviteId",
                table: "CreneauxSnp",
                column: "ActiviteId");

            migrationBuilder.CreateIndex(
                name: "IX_CreneauxSnp_ModeleDisponibiliteId",
                table: "CreneauxSnp",
                column: "ModeleDisponibiliteId");

            migrationBuilder.CreateIndex(
                name: "IX_CreneauxSnp_ProfessionnelId_DebutUtc",
                table: "CreneauxSnp",
                columns: new[] { "ProfessionnelId", "DebutUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreneauxSnp_Statut_DebutUtc",
                table: "CreneauxSnp",
                columns: new[] { "Statut", "DebutUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelesDisponibilite_ActiviteId",
                table: "ModelesDisponibilite",
                column: "ActiviteId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelesDisponibilite_ProfessionnelId",
                table: "ModelesDisponibilite",
                column: "ProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_ReservationsSnp_CreneauSnpId",
                table: "ReservationsSnp",
                column: "CreneauSnpId",
                unique: true,
                filter: "\"Active\" = TRUE");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReservationsSnp");

            migrationBuilder.DropTable(
                name: "CreneauxSnp");

            migrationBuilder.DropTable(
                name: "ModelesDisponibilite");
        }
    }
}
