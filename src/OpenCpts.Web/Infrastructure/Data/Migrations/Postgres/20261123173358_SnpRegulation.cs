using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NomPatient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PrenomPatient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "date", nullable: false),
                    Telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CodeCommune = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Ins = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Motif = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Urgence = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TypeSouhaite = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    AMedecinTraitant = table.Column<bool>(type: "boolean", nullable: false),
                    NomMedecinTraitant = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Statut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReservationSnpId = table.Column<long>(type: "bigint", nullable: true)
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
                    Cle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EssayeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GeocodageEchecs", x => x.Cle);
                });

            migrationBuilder.CreateTable(
                name: "MessagesSortants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Canal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Destinataire = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sujet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Texte = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
