using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PossibleExistingRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PossibleExistingRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProbabilityAtIntake = table.Column<double>(type: "REAL", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MergeId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PossibleExistingRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PossibleExistingRecords_ContactId",
                table: "PossibleExistingRecords",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_PossibleExistingRecords_MergeId",
                table: "PossibleExistingRecords",
                column: "MergeId");

            migrationBuilder.CreateIndex(
                name: "IX_PossibleExistingRecords_PersonId_CandidateId",
                table: "PossibleExistingRecords",
                columns: new[] { "PersonId", "CandidateId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PossibleExistingRecords");
        }
    }
}
