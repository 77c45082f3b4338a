using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsentIsARecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DiscloserAgencyId",
                table: "SharingDecisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiscloserOrganisation",
                table: "SharingDecisions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationEvidence",
                table: "Consents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAtUtc",
                table: "Consents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedByName",
                table: "Consents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConfirmedByUserId",
                table: "Consents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReportedByReferrer",
                table: "Consents",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DiscloserAgencyId",
                table: "SharingDecisions");

            migrationBuilder.DropColumn(
                name: "DiscloserOrganisation",
                table: "SharingDecisions");

            migrationBuilder.DropColumn(
                name: "ConfirmationEvidence",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "ConfirmedAtUtc",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "ConfirmedByName",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "ConfirmedByUserId",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "ReportedByReferrer",
                table: "Consents");
        }
    }
}
