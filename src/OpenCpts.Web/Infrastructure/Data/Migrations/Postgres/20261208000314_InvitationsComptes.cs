using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvitationsComptes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DesactiveLeUtc",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InvitationCompte",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CptsId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NomAffiche = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProfessionnelId = table.Column<int>(type: "integer", nullable: true),
                    StructureId = table.Column<int>(type: "integer", nullable: true),
                    Empreinte = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnvoyeeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpireLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InvitePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AccepteeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UtilisateurId = table.Column<string>(type: "text", nullable: true),
                    AnnuleeLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationCompte", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvitationCompte_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InvitationCompte_Professionnels_ProfessionnelId",
                        column: x => x.ProfessionnelId,
                        principalTable: "Professionnels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InvitationCompte_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvitationCompte_CptsId_Email",
                table: "InvitationCompte",
                columns: new[] { "CptsId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_InvitationCompte_Empreinte",
                table: "InvitationCompte",
                column: "Empreinte",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvitationCompte_ProfessionnelId",
                table: "InvitationCompte",
                column: "ProfessionnelId");

            migrationBuilder.CreateIndex(
                name: "IX_InvitationCompte_StructureId",
                table: "InvitationCompte",
                column: "StructureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvitationCompte");

            migrationBuilder.DropColumn(
                name: "DesactiveLeUtc",
                table: "AspNetUsers");
        }
    }
}
