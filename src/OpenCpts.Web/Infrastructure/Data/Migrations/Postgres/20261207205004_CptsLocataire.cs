using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCpts.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CptsLocataire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "VersionsProtocole",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "TachesParcours",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "ReservationsSnp",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "ReservationsSas",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "PiecesJointes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "ModelesDisponibilite",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "MessagesSortants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "MessagesEquipe",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "MembresEquipe",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "LecturesMessage",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "InvitationsSurnumeraire",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "InscriptionsParcours",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "HistoriqueDemandesMedecinTraitant",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "EtapesModele",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "EnvoisSas",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "EntreesAudit",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "ElementsSortie",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "DocumentsProtocole",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "DestinatairesDemande",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "DemandesSnp",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "CreneauxSnp",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hote",
                table: "Cpts",
                type: "character varying(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "CapacitesMedecin",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CptsId",
                table: "AffectationsMedecinTraitant",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RattachementsCpts",
                columns: table => new
                {
                    UtilisateurId = table.Column<string>(type: "text", nullable: false),
                    CptsId = table.Column<int>(type: "integer", nullable: false),
                    RattacheLeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RattachePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RattachementsCpts", x => new { x.UtilisateurId, x.CptsId });
                    table.ForeignKey(
                        name: "FK_RattachementsCpts_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RattachementsCpts_Cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "Cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VersionsProtocole_CptsId",
                table: "VersionsProtocole",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_TachesParcours_CptsId",
                table: "TachesParcours",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_ReservationsSnp_CptsId",
                table: "ReservationsSnp",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_ReservationsSas_CptsId",
                table: "ReservationsSas",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_PiecesJointes_CptsId",
                table: "PiecesJointes",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelesDisponibilite_CptsId",
                table: "ModelesDisponibilite",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_CptsId",
                table: "MessagesSortants",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesEquipe_CptsId",
                table: "MessagesEquipe",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipe_CptsId",
                table: "MembresEquipe",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_LecturesMessage_CptsId",
                table: "LecturesMessage",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_InvitationsSurnumeraire_CptsId",
                table: "InvitationsSurnumeraire",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_InscriptionsParcours_CptsId",
                table: "InscriptionsParcours",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_HistoriqueDemandesMedecinTraitant_CptsId",
                table: "HistoriqueDemandesMedecinTraitant",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_EtapesModele_CptsId",
                table: "EtapesModele",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_EnvoisSas_CptsId",
                table: "EnvoisSas",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_EntreesAudit_CptsId",
                table: "EntreesAudit",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_ElementsSortie_CptsId",
                table: "ElementsSortie",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentsProtocole_CptsId",
                table: "DocumentsProtocole",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_DestinatairesDemande_CptsId",
                table: "DestinatairesDemande",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesSnp_CptsId",
                table: "DemandesSnp",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_CreneauxSnp_CptsId",
                table: "CreneauxSnp",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_Cpts_Hote",
                table: "Cpts",
                column: "Hote",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CapacitesMedecin_CptsId",
                table: "CapacitesMedecin",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_AffectationsMedecinTraitant_CptsId",
                table: "AffectationsMedecinTraitant",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_RattachementsCpts_CptsId",
                table: "RattachementsCpts",
                column: "CptsId");

            RattrapageCpts.Appliquer(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RattachementsCpts");

            migrationBuilder.DropIndex(
                name: "IX_VersionsProtocole_CptsId",
                table: "VersionsProtocole");

            migrationBuilder.DropIndex(
                name: "IX_TachesParcours_CptsId",
                table: "TachesParcours");

            migrationBuilder.DropIndex(
                name: "IX_ReservationsSnp_CptsId",
                table: "ReservationsSnp");

            migrationBuilder.DropIndex(
                name: "IX_ReservationsSas_CptsId",
                table: "ReservationsSas");

            migrationBuilder.DropIndex(
                name: "IX_PiecesJointes_CptsId",
                table: "PiecesJointes");

            migrationBuilder.DropIndex(
                name: "IX_ModelesDisponibilite_CptsId",
                table: "ModelesDisponibilite");

            migrationBuilder.DropIndex(
                name: "IX_MessagesSortants_CptsId",
                table: "MessagesSortants");

            migrationBuilder.DropIndex(
                name: "IX_MessagesEquipe_CptsId",
                table: "MessagesEquipe");

            migrationBuilder.DropIndex(
                name: "IX_MembresEquipe_CptsId",
                table: "MembresEquipe");

            migrationBuilder.DropIndex(
                name: "IX_LecturesMessage_CptsId",
                table: "LecturesMessage");

            migrationBuilder.DropIndex(
                name: "IX_InvitationsSurnumeraire_CptsId",
                table: "InvitationsSurnumeraire");

            migrationBuilder.DropIndex(
                name: "IX_InscriptionsParcours_CptsId",
                table: "InscriptionsParcours");

            migrationBuilder.DropIndex(
                name: "IX_HistoriqueDemandesMedecinTraitant_CptsId",
                table: "HistoriqueDemandesMedecinTraitant");

            migrationBuilder.DropIndex(
                name: "IX_EtapesModele_CptsId",
                table: "EtapesModele");

            migrationBuilder.DropIndex(
                name: "IX_EnvoisSas_CptsId",
                table: "EnvoisSas");

            migrationBuilder.DropIndex(
                name: "IX_EntreesAudit_CptsId",
                table: "EntreesAudit");

            migrationBuilder.DropIndex(
                name: "IX_ElementsSortie_CptsId",
                table: "ElementsSortie");

            migrationBuilder.DropIndex(
                name: "IX_DocumentsProtocole_CptsId",
                table: "DocumentsProtocole");

            migrationBuilder.DropIndex(
                name: "IX_DestinatairesDemande_CptsId",
                table: "DestinatairesDemande");

            migrationBuilder.DropIndex(
                name: "IX_DemandesSnp_CptsId",
                table: "DemandesSnp");

            migrationBuilder.DropIndex(
                name: "IX_CreneauxSnp_CptsId",
                table: "CreneauxSnp");

            migrationBuilder.DropIndex(
                name: "IX_Cpts_Hote",
                table: "Cpts");

            migrationBuilder.DropIndex(
                name: "IX_CapacitesMedecin_CptsId",
                table: "CapacitesMedecin");

            migrationBuilder.DropIndex(
                name: "IX_AffectationsMedecinTraitant_CptsId",
                table: "AffectationsMedecinTraitant");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "VersionsProtocole");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "TachesParcours");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "ReservationsSnp");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "ReservationsSas");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "PiecesJointes");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "ModelesDisponibilite");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "MessagesEquipe");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "MembresEquipe");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "LecturesMessage");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "InvitationsSurnumeraire");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "InscriptionsParcours");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "HistoriqueDemandesMedecinTraitant");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "EtapesModele");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "EnvoisSas");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "EntreesAudit");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "ElementsSortie");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "DocumentsProtocole");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "DestinatairesDemande");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "DemandesSnp");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "CreneauxSnp");

            migrationBuilder.DropColumn(
                name: "Hote",
                table: "Cpts");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "CapacitesMedecin");

            migrationBuilder.DropColumn(
                name: "CptsId",
                table: "AffectationsMedecinTraitant");
        }
    }
}
