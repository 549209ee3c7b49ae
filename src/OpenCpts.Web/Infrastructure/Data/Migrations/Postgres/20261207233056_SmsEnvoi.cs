using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnvoyeLeUtc",
                table: "MessagesSortants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Fournisseur",
                table: "MessagesSortants",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdFournisseur",
                table: "MessagesSortants",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProchainEssaiUtc",
                table: "MessagesSortants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Statut",
                table: "MessagesSortants",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "NonEnvoye"); // rows from before: kept in the outbox, never sent

            migrationBuilder.AddColumn<string>(
                name: "StatutFournisseur",
                table: "MessagesSortants",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Tentatives",
                table: "MessagesSortants",
                type: "integer",
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
