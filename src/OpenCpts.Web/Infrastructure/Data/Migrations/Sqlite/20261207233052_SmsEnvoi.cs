using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SmsEnvoi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DerniereErreur",
                table: "MessagesSortants",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnvoyeLeUtc",
                table: "MessagesSortants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Fournisseur",
                table: "MessagesSortants",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdFournisseur",
                table: "MessagesSortants",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProchainEssaiUtc",
                table: "MessagesSortants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Statut",
                table: "MessagesSortants",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "NonEnvoye"); // rows from before: kept in the outbox, never sent

            migrationBuilder.AddColumn<string>(
                name: "StatutFournisseur",
                table: "MessagesSortants",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Tentatives",
                table: "MessagesSortants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_Statut_ProchainEssaiUtc",
                table: "MessagesSortants",
                columns: new[] { "Statut", "ProchainEssaiUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MessagesSortants_Statut_ProchainEssaiUtc",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "DerniereErreur",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "EnvoyeLeUtc",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "Fournisseur",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "IdFournisseur",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "ProchainEssaiUtc",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "Statut",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "StatutFournisseur",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "Tentatives",
                table: "MessagesSortants");
        }
    }
}
