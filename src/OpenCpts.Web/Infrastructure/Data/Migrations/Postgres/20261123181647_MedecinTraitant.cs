using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfessionnelId = table.Column<int>(type: "integer", nullable: false),
                    NouveauxPatientsParMois = table.Column<int>(type: "integer", nullable: false),
                    CommunesAcceptees = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AgeMin = table.Column<int>(type: "integer", nullable: true),
                    AgeMax = table.Column<int>(type: "integer", nullable: true),
                    CriteresExiges = table.Column<int>(type: "integer", nullable: false),
                    EnPause = table.Column<bool>(type: "boolean", nullable: false),
                    ModifieeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifieePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CptsId = table.Column<int>(type: "integer", nullable: false),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NomNormalise = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "date", nullable: false),
                    Sexe = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Ins = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CodeCommune = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Raison = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Criteres = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConsentementContact = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentementLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Statut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Origine = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InscritPar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InscritLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FusionneeDansId = table.Column<long>(type: "bigint", nullable: true),
                    MedecinProfessionnelId = table.Column<int>(type: "integer", nullable: true),
                    PlaceeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                        name: "FK_DemandesMedecinTraitant_DemandesMedecinTraitant_FusionneeDa~",
                        column: x => x.FusionneeDansId,
                        principalTable: "DemandesMedecinTraitant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandesMedecinTraitant_Professionnels_MedecinProfessionnel~",
                        column: x => x.MedecinProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PonderationsPriorite",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CptsId = table.Column<int>(type: "integer", nullable: false),
                    PoidsAld = table.Column<int>(type: "integer", nullable: false),
                    PoidsPlus70 = table.Column<int>(type: "integer", nullable: false),
                    PoidsMoins16 = table.Column<int>(type: "integer", nullable: false),
                    PoidsGrossesse = table.Column<int>(type: "integer", nullable: false),
                    PoidsHandicap = table.Column<int>(type: "integer", nullable: false),
                    PoidsPrecarite = table.Column<int>(type: "integer", nullable: false),
                    PoidsSortieHospitalisation = table.Column<int>(type: "integer", nullable: false),
                    PoidsTraitementChronique = table.Column<int>(type: "integer", nullable: false),
                    PoidsParMoisAttente = table.Column<int>(type: "integer", nullable: false),
                    ModifieeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifieePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CptsId = table.Column<int>(type: "integer", nullable: false),
                    Statut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreeePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreeeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnvoyeeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NonAffectees = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DemandeMedecinTraitantId = table.Column<long>(type: "bigint", nullable: false),
                    AncienStatut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    NouveauStatut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Commentaire = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Par = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoriqueDemandesMedecinTraitant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HistoriqueDemandesMedecinTraitant_DemandesMedecinTraitant_D~",
                        column: x => x.DemandeMedecinTraitantId,
                        principalTable: "DemandesMedecinTraitant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AffectationsMedecinTraitant",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PropositionAppariementId = table.Column<long>(type: "bigint", nullable: false),
                    DemandeMedecinTraitantId = table.Column<long>(type: "bigint", nullable: false),
                    ProfessionnelId = table.Column<int>(type: "integer", nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DistanceKm = table.Column<double>(type: "double precision", nullable: true),
                    MotifRefus = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RepondueLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AffectationsMedecinTraitant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AffectationsMedecinTraitant_DemandesMedecinTraitant_Demande~",
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
                        name: "FK_AffectationsMedecinTraitant_PropositionsAppariement_Proposi~",
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
                name: "IX_AffectationsMedecinTraitant_PropositionAppariementId_Demand~",
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
                name: "IX_HistoriqueDemandesMedecinTraitant_DemandeMedecinTraitantId_~",
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
