using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccesParcours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MembresEquipe_PatientParcoursId_ProfessionnelId",
                table: "MembresEquipe");

            migrationBuilder.DropIndex(
                name: "IX_MembresEquipe_PatientParcoursId_StructureId",
                table: "MembresEquipe");

            migrationBuilder.AddColumn<long>(
                name: "DoublonPossibleDeId",
                table: "PatientsParcours",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DoublonTraiteLeUtc",
                table: "PatientsParcours",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DoublonTraitePar",
                table: "PatientsParcours",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FusionneDansId",
                table: "PatientsParcours",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MotifRetrait",
                table: "MembresEquipe",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetireLeUtc",
                table: "MembresEquipe",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetirePar",
                table: "MembresEquipe",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PatientsParcours_DoublonPossibleDeId",
                table: "PatientsParcours",
                column: "DoublonPossibleDeId");

            migrationBuilder.CreateIndex(
                name: "IX_PatientsParcours_FusionneDansId",
                table: "PatientsParcours",
                column: "FusionneDansId");

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipe_PatientParcoursId_ProfessionnelId",
                table: "MembresEquipe",
                columns: new[] { "PatientParcoursId", "ProfessionnelId" },
                unique: true,
                filter: "\"ProfessionnelId\" IS NOT NULL AND \"RetireLeUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipe_PatientParcoursId_StructureId",
                table: "MembresEquipe",
                columns: new[] { "PatientParcoursId", "StructureId" },
                unique: true,
                filter: "\"StructureId\" IS NOT NULL AND \"RetireLeUtc\" IS NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_PatientsParcours_PatientsParcours_DoublonPossibleDeId",
                table: "PatientsParcours",
                column: "DoublonPossibleDeId",
                principalTable: "PatientsParcours",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PatientsParcours_PatientsParcours_FusionneDansId",
                table: "PatientsParcours",
                column: "FusionneDansId",
                principalTable: "PatientsParcours",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PatientsParcours_PatientsParcours_DoublonPossibleDeId",
                table: "PatientsParcours");

            migrationBuilder.DropForeignKey(
                name: "FK_PatientsParcours_PatientsParcours_FusionneDansId",
                table: "PatientsParcours");

            migrationBuilder.DropIndex(
                name: "IX_PatientsParcours_DoublonPossibleDeId",
                table: "PatientsParcours");

            migrationBuilder.DropIndex(
                name: "IX_PatientsParcours_FusionneDansId",
                table: "PatientsParcours");

            migrationBuilder.DropIndex(
                name: "IX_MembresEquipe_PatientParcoursId_ProfessionnelId",
                table: "MembresEquipe");

            migrationBuilder.DropIndex(
                name: "IX_MembresEquipe_PatientParcoursId_StructureId",
                table: "MembresEquipe");

            migrationBuilder.DropColumn(
                name: "DoublonPossibleDeId",
                table: "PatientsParcours");

            migrationBuilder.DropColumn(
                name: "DoublonTraiteLeUtc",
                table: "PatientsParcours");

            migrationBuilder.DropColumn(
                name: "DoublonTraitePar",
                table: "PatientsParcours");

            migrationBuilder.DropColumn(
                name: "FusionneDansId",
                table: "PatientsParcours");

            migrationBuilder.DropColumn(
                name: "MotifRetrait",
                table: "MembresEquipe");

            migrationBuilder.DropColumn(
                name: "RetireLeUtc",
                table: "MembresEquipe");

            migrationBuilder.DropColumn(
                name: "RetirePar",
                table: "MembresEquipe");

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
        }
    }
}
