using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MedecinTraitant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CapacitesMedecin",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfessionnelId = table.Column<int>(type: "INTEGER", nullable: false),
                    NouveauxPatientsParMois = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunesAcceptees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AgeMin = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeMax = table.Column<int>(type: "INTEGER", nullable: true),
                    CriteresExiges = table.Column<int>(type: "INTEGER", nullable: false),
                    EnPause = table.Column<bool>(type: "INTEGER", nullable: false),
                    ModifieeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifieePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CapacitesMedecin", x => x.Id);
                    table.CheckConstraint("CK_CapacitesMedecin_Positive", "\"NouveauxPatientsParMois\" >= 0");
                    table.ForeignKey(
                        name: "FK_CapacitesMedecin_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandesMedecinTraitant",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NomNormalise = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sexe = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Ins = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeCommune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Raison = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Criteres = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConsentementContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentementLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InscritPar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InscritLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FusionneeDansId = table.Column<long>(type: "INTEGER", nullable: true),
                    MedecinProfessionnelId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlaceeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandesMedecinTraitant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandesMedecinTraitant_Communes_CodeCommune",
                        column: x => x.CodeCommune,
                        principalTable: "Communes",
                        principalColumn: "CodeInsee",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandesMedecinTraitant_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandesMedecinTraitant_DemandesMedecinTraitant_FusionneeDansId",
                        column: x => x.FusionneeDansId,
                        principalTable: "DemandesMedecinTraitant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandesMedecinTraitant_Professionnels_MedecinProfessionnelId",
                        column: x => x.MedecinProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PonderationsPriorite",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsAld = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsPlus70 = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsMoins16 = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsGrossesse = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsHandicap = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsPrecarite = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsSortieHospitalisation = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsTraitementChronique = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsParMoisAttente = table.Column<int>(type: "INTEGER", nullable: false),
                    ModifieeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifieePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PonderationsPriorite", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PonderationsPriorite_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PropositionsAppariement",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreeePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreeeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnvoyeeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NonAffectees = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PropositionsAppariement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PropositionsAppariement_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HistoriqueDemandesMedecinTraitant",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandeMedecinTraitantId = table.Column<long>(type: "INTEGER", nullable: false),
                    AncienStatut = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    NouveauStatut = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Par = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoriqueDemandesMedecinTraitant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HistoriqueDemandesMedecinTraitant_DemandesMedecinTraitant_DemandeMedecinTraitantId",
                        column: x => x.DemandeMedecinTraitantId,
                        principalTable: "DemandesMedecinTraitant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AffectationsMedecinTraitant",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PropositionAppariementId = table.Column<long>(type: "INTEGER", nullable: false),
                    DemandeMedecinTraitantId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfessionnelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: true),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RepondueLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AffectationsMedecinTraitant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AffectationsMedecinTraitant_DemandesMedecinTraitant_DemandeMedecinTraitantId",
                        column: x => x.DemandeMedecinTraitantId,
                        principalTable: "DemandesMedecinTraitant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AffectationsMedecinTraitant_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AffectationsMedecinTraitant_PropositionsAppariement_PropositionAppariementId",
                        column: x => x.PropositionAppariementId,
                        principalTable: "PropositionsAppariement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AffectationsMedecinTraitant_DemandeMedecinTraitantId_Statut",
                table: "AffectationsMedecinTraitant",
                columns: new[] { "DemandeMedecinTraitantId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_AffectationsMedecinTraitant_ProfessionnelId_Statut",
                table: "AffectationsMedecinTraitant",
                columns: new[] { "ProfessionnelId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_AffectationsMedecinTraitant_PropositionAppariementId_DemandeMedecinTraitantId",
                table: "AffectationsMedecinTraitant",
                columns: new[] { "PropositionAppariementId", "DemandeMedecinTraitantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CapacitesMedecin_ProfessionnelId",
                table: "CapacitesMedecin",
                column: "ProfessionnelId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemandesMedecinTraitant_CodeCommune",
                table: "DemandesMedecinTraitant",
                column: "CodeCommune");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesMedecinTraitant_CptsId_Statut",
                table: "DemandesMedecinTraitant",
                columns: new[] { "CptsId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesMedecinTraitant_FusionneeDansId",
                table: "DemandesMedecinTraitant",
                column: "FusionneeDansId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesMedecinTraitant_Ins",
                table: "DemandesMedecinTraitant",
                column: "Ins");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesMedecinTraitant_MedecinProfessionnelId",
                table: "DemandesMedecinTraitant",
                column: "MedecinProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesMedecinTraitant_NomNormalise_DateNaissance",
                table: "DemandesMedecinTraitant",
                columns: new[] { "NomNormalise", "DateNaissance" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesMedecinTraitant_Reference",
                table: "DemandesMedecinTraitant",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HistoriqueDemandesMedecinTraitant_DemandeMedecinTraitantId_LeUtc",
                table: "HistoriqueDemandesMedecinTraitant",
                columns: new[] { "DemandeMedecinTraitantId", "LeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PonderationsPriorite_CptsId",
                table: "PonderationsPriorite",
                column: "CptsId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PropositionsAppariement_CptsId",
                table: "PropositionsAppariement",
                column: "CptsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AffectationsMedecinTraitant");

            migrationBuilder.DropTable(
                name: "CapacitesMedecin");

            migrationBuilder.DropTable(
                name: "HistoriqueDemandesMedecinTraitant");

            migrationBuilder.DropTable(
                name: "PonderationsPriorite");

            migrationBuilder.DropTable(
                name: "PropositionsAppariement");

            migrationBuilder.DropTable(
                name: "DemandesMedecinTraitant");
        }
    }
}
