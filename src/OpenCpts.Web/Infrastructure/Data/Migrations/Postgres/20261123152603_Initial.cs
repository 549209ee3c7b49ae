using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    CodeInsee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NomRecherche = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Region = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    CodesPostaux = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.CodeInsee);
                });

            migrationBuilder.CreateTable(
                name: "Cpts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Finess = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cpts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExigencesDeuxFacteurs",
                columns: table => new
                {
                    Role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Exigee = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExigencesDeuxFacteurs", x => x.Role);
                });

            migrationBuilder.CreateTable(
                name: "Professionnels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    IdentifiantNational = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CiviliteExercice = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Civilite = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NomRecherche = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    CodeProfession = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    CodeSpecialite = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TelephoneMobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MisAJourLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Professionnels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RapportsImport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    LanceePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DebutUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Lues = table.Column<long>(type: "bigint", nullable: false),
                    Creees = table.Column<long>(type: "bigint", nullable: false),
                    MisesAJour = table.Column<long>(type: "bigint", nullable: false),
                    Inchangees = table.Column<long>(type: "bigint", nullable: false),
                    Ignorees = table.Column<long>(type: "bigint", nullable: false),
                    Rejetees = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RapportsImport", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Structures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Finess = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    FinessJuridique = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    CodeCategorie = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NomRecherche = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Voie = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CodePostal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    CodeCommune = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    LibelleCommune = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MisAJourLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Structures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunesTerritoire",
                columns: table => new
                {
                    CptsId = table.Column<int>(type: "integer", nullable: false),
                    CodeInsee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    AjouteeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunesTerritoire", x => new { x.CptsId, x.CodeInsee });
                    table.ForeignKey(
                        name: "FK_CommunesTerritoire_Communes_CodeInsee",
                        column: x => x.CodeInsee,
                        principalTable: "Communes",
                        principalColumn: "CodeInsee",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunesTerritoire_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Adhesions",
                columns: table => new
                {
                    CptsId = table.Column<int>(type: "integer", nullable: false),
                    ProfessionnelId = table.Column<int>(type: "integer", nullable: false),
                    DepuisLe = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adhesions", x => new { x.CptsId, x.ProfessionnelId });
                    table.ForeignKey(
                        name: "FK_Adhesions_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Adhesions_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Competences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfessionnelId = table.Column<int>(type: "integer", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LibelleRecherche = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Competences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Competences_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RejetsImport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RapportImportId = table.Column<int>(type: "integer", nullable: false),
                    Ligne = table.Column<long>(type: "bigint", nullable: false),
                    Raison = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejetsImport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RejetsImport_RapportsImport_RapportImportId",
                        column: x => x.RapportImportId,
                        principalTable: "RapportsImport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Activites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfessionnelId = table.Column<int>(type: "integer", nullable: false),
                    IdentifiantSite = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ModeExercice = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    SecteurActivite = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    RaisonSociale = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Enseigne = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ComplementAdresse = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Voie = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CodePostal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    CodeCommune = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    LibelleCommune = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FinessSite = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    FinessJuridique = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    AdresseIncomplete = table.Column<bool>(type: "boolean", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activites_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Activites_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    NomAffiche = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProfessionnelId = table.Column<int>(type: "integer", nullable: true),
                    StructureId = table.Column<int>(type: "integer", nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JetonsApi",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UtilisateurId = table.Column<string>(type: "text", nullable: false),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefixe = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Empreinte = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DernierUsageUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevoqueLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JetonsApi", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JetonsApi_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activites_CodeCommune",
                table: "Activites",
                column: "CodeCommune");

            migrationBuilder.CreateIndex(
                name: "IX_Activites_ProfessionnelId_IdentifiantSite",
                table: "Activites",
                columns: new[] { "ProfessionnelId", "IdentifiantSite" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activites_StructureId",
                table: "Activites",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Adhesions_ProfessionnelId",
                table: "Adhesions",
                column: "ProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ProfessionnelId",
                table: "AspNetUsers",
                column: "ProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_StructureId",
                table: "AspNetUsers",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communes_Departement",
                table: "Communes",
                column: "Departement");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_NomRecherche",
                table: "Communes",
                column: "NomRecherche");

            migrationBuilder.CreateIndex(
                name: "IX_CommunesTerritoire_CodeInsee",
                table: "CommunesTerritoire",
                column: "CodeInsee");

            migrationBuilder.CreateIndex(
                name: "IX_Competences_LibelleRecherche",
                table: "Competences",
                column: "LibelleRecherche");

            migrationBuilder.CreateIndex(
                name: "IX_Competences_ProfessionnelId_LibelleRecherche",
                table: "Competences",
                columns: new[] { "ProfessionnelId", "LibelleRecherche" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JetonsApi_Empreinte",
                table: "JetonsApi",
                column: "Empreinte",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JetonsApi_UtilisateurId",
                table: "JetonsApi",
                column: "UtilisateurId");

            migrationBuilder.CreateIndex(
                name: "IX_Professionnels_CodeProfession_CodeSpecialite",
                table: "Professionnels",
                columns: new[] { "CodeProfession", "CodeSpecialite" });

            migrationBuilder.CreateIndex(
                name: "IX_Professionnels_IdentifiantNational",
                table: "Professionnels",
                column: "IdentifiantNational",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Professionnels_NomRecherche",
                table: "Professionnels",
                column: "NomRecherche");

            migrationBuilder.CreateIndex(
                name: "IX_Professionnels_Rpps",
                table: "Professionnels",
                column: "Rpps",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RejetsImport_RapportImportId_Ligne",
                table: "RejetsImport",
                columns: new[] { "RapportImportId", "Ligne" });

            migrationBuilder.CreateIndex(
                name: "IX_Structures_CodeCommune",
                table: "Structures",
                column: "CodeCommune");

            migrationBuilder.CreateIndex(
                name: "IX_Structures_Finess",
                table: "Structures",
                column: "Finess",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Structures_NomRecherche",
                table: "Structures",
                column: "NomRecherche");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Activites");

            migrationBuilder.DropTable(
                name: "Adhesions");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CommunesTerritoire");

            migrationBuilder.DropTable(
                name: "Competences");

            migrationBuilder.DropTable(
                name: "ExigencesDeuxFacteurs");

            migrationBuilder.DropTable(
                name: "JetonsApi");

            migrationBuilder.DropTable(
                name: "RejetsImport");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Communes");

            migrationBuilder.DropTable(
                name: "Cpts");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "RapportsImport");

            migrationBuilder.DropTable(
                name: "Professionnels");

            migrationBuilder.DropTable(
                name: "Structures");
        }
    }
}
