using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EcheanceNotifieeLeUtc",
                table: "TachesParcours",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RappelEnvoyeLeUtc",
                table: "ReservationsSnp",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CptsId = table.Column<int>(type: "INTEGER", nullable: false),
                    UtilisateurId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Lien = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreeLeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LueLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DigestLeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PreferencesNotification",
                columns: table => new
                {
                    UtilisateurId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Canal = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Digest = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreferencesNotification", x => new { x.UtilisateurId, x.Type });
                    table.ForeignKey(
                        name: "FK_PreferencesNotification_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CptsId_UtilisateurId_LueLeUtc",
                table: "Notifications",
                columns: new[] { "CptsId", "UtilisateurId", "LueLeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UtilisateurId",
                table: "Notifications",
                column: "UtilisateurId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PreferencesNotification");

            migrationBuilder.DropColumn(
                name: "EcheanceNotifieeLeUtc",
                table: "TachesParcours");

            migrationBuilder.DropColumn(
                name: "RappelEnvoyeLeUtc",
                table: "ReservationsSnp");
        }
    }
}
