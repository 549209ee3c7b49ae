using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Parcours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EnCongeJusquAu",
                table: "Professionnels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PatientId",
                table: "EntreesAudit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModelesElementSortie",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DelaiJours = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsableParDefaut = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelesElementSortie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelesElementSortie_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParametresParcours",
                columns: table => new
                {
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelaiEscaladeHeures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParametresParcours", x => x.CptsId);
                    table.ForeignKey(
                        name: "FK_ParametresParcours_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatientsParcours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CodeCommune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    ConsentementLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentementRecueilliPar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientsParcours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatientsParcours_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Protocoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Pathologie = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Professions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupeTravail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    VersionCourante = table.Column<int>(type: "INTEGER", nullable: false),
                    MisAJourLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Protocoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Protocoles_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MembresEquipe",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientParcoursId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfessionnelId = table.Column<int>(type: "INTEGER", nullable: true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AjouteLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AjoutePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembresEquipe", x => x.Id);
                    table.CheckConstraint("CK_MembresEquipe_UnSeul", "(\"ProfessionnelId\" IS NULL) <> (\"StructureId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_MembresEquipe_PatientsParcours_PatientParcoursId",
                        column: x => x.PatientParcoursId,
                        principalTable: "PatientsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembresEquipe_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembresEquipe_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessagesEquipe",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientParcoursId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuteurUtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Texte = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EnvoyeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagesEquipe", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessagesEquipe_PatientsParcours_PatientParcoursId",
                        column: x => x.PatientParcoursId,
                        principalTable: "PatientsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentsProtocole",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProtocoleId = table.Column<int>(type: "INTEGER", nullable: false),
                    NomFichier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeContenu = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AjoutePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AjouteLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentsProtocole", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentsProtocole_Protocoles_ProtocoleId",
                        column: x => x.ProtocoleId,
                        principalTable: "Protocoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelesParcours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProtocoleId = table.Column<int>(type: "INTEGER", nullable: true),
                    Archive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelesParcours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelesParcours_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ModelesParcours_Protocoles_ProtocoleId",
                        column: x => x.ProtocoleId,
                        principalTable: "Protocoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PlansSortie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientParcoursId = table.Column<long>(type: "INTEGER", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateSortiePrevue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContactNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactTelephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    DateSortieEffective = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AlerteEnvoyeeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Readmission30Jours = table.Column<bool>(type: "INTEGER", nullable: true),
                    Bilan = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProtocoleId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlansSortie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlansSortie_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlansSortie_PatientsParcours_PatientParcoursId",
                        column: x => x.PatientParcoursId,
                        principalTable: "PatientsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlansSortie_Protocoles_ProtocoleId",
                        column: x => x.ProtocoleId,
                        principalTable: "Protocoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PlansSortie_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "VersionsProtocole",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProtocoleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    ContenuMarkdown = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsProtocole", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VersionsProtocole_Protocoles_ProtocoleId",
                        column: x => x.ProtocoleId,
                        principalTable: "Protocoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LecturesMessage",
                columns: table => new
                {
                    MessageEquipeId = table.Column<long>(type: "INTEGER", nullable: false),
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Lecteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LuLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LecturesMessage", x => new { x.MessageEquipeId, x.UtilisateurId });
                    table.ForeignKey(
                        name: "FK_LecturesMessage_MessagesEquipe_MessageEquipeId",
                        column: x => x.MessageEquipeId,
                        principalTable: "MessagesEquipe",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PiecesJointes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageEquipeId = table.Column<long>(type: "INTEGER", nullable: false),
                    NomFichier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeContenu = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiecesJointes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PiecesJointes_MessagesEquipe_MessageEquipeId",
                        column: x => x.MessageEquipeId,
                        principalTable: "MessagesEquipe",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EtapesModele",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModeleParcoursId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CodeProfession = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    DelaiJours = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EtapesModele", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EtapesModele_ModelesParcours_ModeleParcoursId",
                        column: x => x.ModeleParcoursId,
                        principalTable: "ModelesParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InscriptionsParcours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientParcoursId = table.Column<long>(type: "INTEGER", nullable: false),
                    ModeleParcoursId = table.Column<int>(type: "INTEGER", nullable: false),
                    DebutLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InscritLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InscritPar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InscriptionsParcours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InscriptionsParcours_ModelesParcours_ModeleParcoursId",
                        column: x => x.ModeleParcoursId,
                        principalTable: "ModelesParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InscriptionsParcours_PatientsParcours_PatientParcoursId",
                        column: x => x.PatientParcoursId,
                        principalTable: "PatientsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandesPriseEnCharge",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientParcoursId = table.Column<long>(type: "INTEGER", nullable: false),
                    CodeProfession = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Actes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CodeCommune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Lieu = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Frequence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DureePrevue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Urgence = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreeParUtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StructureDemandeuseId = table.Column<int>(type: "INTEGER", nullable: true),
                    AccepteeParProfessionnelId = table.Column<int>(type: "INTEGER", nullable: true),
                    AccepteeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EscaladeeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProtocoleId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanSortieId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandesPriseEnCharge", x => x.Id);
                    table.CheckConstraint("CK_DemandesPriseEnCharge_Acceptee", "(\"Statut\" = 'Acceptee') = (\"AccepteeParProfessionnelId\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_DemandesPriseEnCharge_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandesPriseEnCharge_PatientsParcours_PatientParcoursId",
                        column: x => x.PatientParcoursId,
                        principalTable: "PatientsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandesPriseEnCharge_PlansSortie_PlanSortieId",
                        column: x => x.PlanSortieId,
                        principalTable: "PlansSortie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DemandesPriseEnCharge_Professionnels_AccepteeParProfessionnelId",
                        column: x => x.AccepteeParProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandesPriseEnCharge_Protocoles_ProtocoleId",
                        column: x => x.ProtocoleId,
                        principalTable: "Protocoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DemandesPriseEnCharge_Structures_StructureDemandeuseId",
                        column: x => x.StructureDemandeuseId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ElementsSortie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanSortieId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResponsableProfessionnelId = table.Column<int>(type: "INTEGER", nullable: true),
                    Responsable = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Echeance = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FaitLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FaitPar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElementsSortie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElementsSortie_PlansSortie_PlanSortieId",
                        column: x => x.PlanSortieId,
                        principalTable: "PlansSortie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ElementsSortie_Professionnels_ResponsableProfessionnelId",
                        column: x => x.ResponsableProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TachesParcours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionParcoursId = table.Column<long>(type: "INTEGER", nullable: false),
                    PatientParcoursId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CodeProfession = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Echeance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResponsableProfessionnelId = table.Column<int>(type: "INTEGER", nullable: true),
                    FaiteLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FaitePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TachesParcours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TachesParcours_InscriptionsParcours_InscriptionParcoursId",
                        column: x => x.InscriptionParcoursId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TachesParcours_Professionnels_ResponsableProfessionnelId",
                        column: x => x.ResponsableProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DestinatairesDemande",
                columns: table => new
                {
                    DemandePriseEnChargeId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfessionnelId = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifieLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VueLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DestinatairesDemande", x => new { x.DemandePriseEnChargeId, x.ProfessionnelId });
                    table.ForeignKey(
                        name: "FK_DestinatairesDemande_DemandesPriseEnCharge_DemandePriseEnChargeId",
                        column: x => x.DemandePriseEnChargeId,
                        principalTable: "DemandesPriseEnCharge",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DestinatairesDemande_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EntreesAudit_PatientId",
                table: "EntreesAudit",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesPriseEnCharge_AccepteeParProfessionnelId",
                table: "DemandesPriseEnCharge",
                column: "AccepteeParProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesPriseEnCharge_CptsId_Statut_CreeLeUtc",
                table: "DemandesPriseEnCharge",
                columns: new[] { "CptsId", "Statut", "CreeLeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesPriseEnCharge_PatientParcoursId",
                table: "DemandesPriseEnCharge",
                column: "PatientParcoursId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesPriseEnCharge_PlanSortieId",
                table: "DemandesPriseEnCharge",
                column: "PlanSortieId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesPriseEnCharge_ProtocoleId",
                table: "DemandesPriseEnCharge",
                column: "ProtocoleId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesPriseEnCharge_StructureDemandeuseId",
                table: "DemandesPriseEnCharge",
                column: "StructureDemandeuseId");

            migrationBuilder.CreateIndex(
                name: "IX_DestinatairesDemande_ProfessionnelId",
                table: "DestinatairesDemande",
                column: "ProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentsProtocole_ProtocoleId",
                table: "DocumentsProtocole",
                column: "ProtocoleId");

            migrationBuilder.CreateIndex(
                name: "IX_ElementsSortie_PlanSortieId_Ordre",
                table: "ElementsSortie",
                columns: new[] { "PlanSortieId", "Ordre" });

            migrationBuilder.CreateIndex(
                name: "IX_ElementsSortie_ResponsableProfessionnelId",
                table: "ElementsSortie",
                column: "ResponsableProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_EtapesModele_ModeleParcoursId_Ordre",
                table: "EtapesModele",
                columns: new[] { "ModeleParcoursId", "Ordre" });

            migrationBuilder.CreateIndex(
                name: "IX_InscriptionsParcours_ModeleParcoursId",
                table: "InscriptionsParcours",
                column: "ModeleParcoursId");

            migrationBuilder.CreateIndex(
                name: "IX_InscriptionsParcours_PatientParcoursId",
                table: "InscriptionsParcours",
                column: "PatientParcoursId");

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipe_PatientParcoursId_ProfessionnelId",
                table: "MembresEquipe",
                columns: new[] { "PatientParcoursId", "ProfessionnelId" },
                unique: true,
                filter: "\"ProfessionnelId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipe_PatientParcoursId_StructureId",
                table: "MembresEquipe",
                columns: new[] { "PatientParcoursId", "StructureId" },
                unique: true,
                filter: "\"StructureId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipe_ProfessionnelId",
                table: "MembresEquipe",
                column: "ProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipe_StructureId",
                table: "MembresEquipe",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesEquipe_PatientParcoursId_EnvoyeLeUtc",
                table: "MessagesEquipe",
                columns: new[] { "PatientParcoursId", "EnvoyeLeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelesElementSortie_CptsId_Ordre",
                table: "ModelesElementSortie",
                columns: new[] { "CptsId", "Ordre" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelesParcours_CptsId_Nom",
                table: "ModelesParcours",
                columns: new[] { "CptsId", "Nom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelesParcours_ProtocoleId",
                table: "ModelesParcours",
                column: "ProtocoleId");

            migrationBuilder.CreateIndex(
                name: "IX_PatientsParcours_CptsId_Nom_Prenom_DateNaissance",
                table: "PatientsParcours",
                columns: new[] { "CptsId", "Nom", "Prenom", "DateNaissance" });

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJointes_MessageEquipeId",
                table: "PiecesJointes",
                column: "MessageEquipeId");

            migrationBuilder.CreateIndex(
                name: "IX_PlansSortie_CptsId_Statut_DateSortiePrevue",
                table: "PlansSortie",
                columns: new[] { "CptsId", "Statut", "DateSortiePrevue" });

            migrationBuilder.CreateIndex(
                name: "IX_PlansSortie_PatientParcoursId",
                table: "PlansSortie",
                column: "PatientParcoursId");

            migrationBuilder.CreateIndex(
                name: "IX_PlansSortie_ProtocoleId",
                table: "PlansSortie",
                column: "ProtocoleId");

            migrationBuilder.CreateIndex(
                name: "IX_PlansSortie_StructureId",
                table: "PlansSortie",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Protocoles_CptsId_Statut",
                table: "Protocoles",
                columns: new[] { "CptsId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_TachesParcours_FaiteLeUtc_Echeance",
                table: "TachesParcours",
                columns: new[] { "FaiteLeUtc", "Echeance" });

            migrationBuilder.CreateIndex(
                name: "IX_TachesParcours_InscriptionParcoursId",
                table: "TachesParcours",
                column: "InscriptionParcoursId");

            migrationBuilder.CreateIndex(
                name: "IX_TachesParcours_PatientParcoursId",
                table: "TachesParcours",
                column: "PatientParcoursId");

            migrationBuilder.CreateIndex(
                name: "IX_TachesParcours_ResponsableProfessionnelId",
                table: "TachesParcours",
                column: "ResponsableProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_VersionsProtocole_ProtocoleId_Numero",
                table: "VersionsProtocole",
                columns: new[] { "ProtocoleId", "Numero" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DestinatairesDemande");

            migrationBuilder.DropTable(
                name: "DocumentsProtocole");

            migrationBuilder.DropTable(
                name: "ElementsSortie");

            migrationBuilder.DropTable(
                name: "EtapesModele");

            migrationBuilder.DropTable(
                name: "LecturesMessage");

            migrationBuilder.DropTable(
                name: "MembresEquipe");

            migrationBuilder.DropTable(
                name: "ModelesElementSortie");

            migrationBuilder.DropTable(
                name: "ParametresParcours");

            migrationBuilder.DropTable(
                name: "PiecesJointes");

            migrationBuilder.DropTable(
                name: "TachesParcours");

            migrationBuilder.DropTable(
                name: "VersionsProtocole");

            migrationBuilder.DropTable(
                name: "DemandesPriseEnCharge");

            migrationBuilder.DropTable(
                name: "MessagesEquipe");

            migrationBuilder.DropTable(
                name: "InscriptionsParcours");

            migrationBuilder.DropTable(
                name: "PlansSortie");

            migrationBuilder.DropTable(
                name: "ModelesParcours");

            migrationBuilder.DropTable(
                name: "PatientsParcours");

            migrationBuilder.DropTable(
                name: "Protocoles");

            migrationBuilder.DropIndex(
                name: "IX_EntreesAudit_PatientId",
                table: "EntreesAudit");

            migrationBuilder.DropColumn(
                name: "EnCongeJusquAu",
                table: "Professionnels");

            migrationBuilder.DropColumn(
                name: "PatientId",
                table: "EntreesAudit");
        }
    }
}
