using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionClockFromReceipt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CheckResponseWorkingHours",
                table: "HubSettings",
                type: "REAL",
                nullable: false,
                defaultValue: 4.0);

            migrationBuilder.AddColumn<int>(
                name: "DecisionWarningPercent",
                table: "HubSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 75);

            migrationBuilder.CreateTable(
                name: "DecisionDueExtensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NewDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExtendedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExtendedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionDueExtensions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionDueExtensions_ContactId",
                table: "DecisionDueExtensions",
                column: "ContactId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionDueExtensions");

            migrationBuilder.DropColumn(
                name: "CheckResponseWorkingHours",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "DecisionWarningPercent",
                table: "HubSettings");
        }
    }
}
