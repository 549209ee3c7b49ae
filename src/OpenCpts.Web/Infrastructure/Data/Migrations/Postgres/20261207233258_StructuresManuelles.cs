using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StructuresManuelles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ContactSaisiLeUtc",
                table: "Structures",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SaisieParCptsId",
                table: "Structures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Structures",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                // Every structure so far came from the FINESS import (or the demo, which imitates it).
                defaultValue: "FINESS");

            migrationBuilder.AddColumn<string>(
                name: "Siret",
                table: "Cpts",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Structures_SaisieParCptsId",
                table: "Structures",
                column: "SaisieParCptsId");

            migrationBuilder.AddForeignKey(
                name: "FK_Structures_Cpts_SaisieParCptsId",
                table: "Structures",
                column: "SaisieParCptsId",
                principalTable: "Cpts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Structures_Cpts_SaisieParCptsId",
                table: "Structures");

            migrationBuilder.DropIndex(
                name: "IX_Structures_SaisieParCptsId",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "ContactSaisiLeUtc",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "SaisieParCptsId",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "Siret",
                table: "Cpts");
        }
    }
}
