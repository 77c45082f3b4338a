using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DuplicateCandidates",
                columns: table => new
                {
                    PersonA = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonB = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Probability = table.Column<double>(type: "REAL", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateCandidates", x => new { x.PersonA, x.PersonB });
                });

            migrationBuilder.CreateTable(
                name: "DuplicateQueueBuilds",
                columns: table => new
                {
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComparedThrough = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonsCompared = table.Column<int>(type: "INTEGER", nullable: false),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateQueueBuilds", x => x.HubId);
                });

            migrationBuilder.CreateTable(
                name: "DuplicateQueueCursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedThrough = table.Column<long>(type: "INTEGER", nullable: false),
                    GapsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateQueueCursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonChanges", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DuplicateQueueCursor",
                columns: new[] { "Id", "FeedThrough", "GapsJson", "Version" },
                values: new object[] { 1, 0L, "{}", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCandidates_HubId_Probability_PersonA_PersonB",
                table: "DuplicateCandidates",
                columns: new[] { "HubId", "Probability", "PersonA", "PersonB" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCandidates_PersonB",
                table: "DuplicateCandidates",
                column: "PersonB");

            migrationBuilder.CreateIndex(
                name: "IX_PersonChanges_RecordedAtUtc",
                table: "PersonChanges",
                column: "RecordedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateCandidates");

            migrationBuilder.DropTable(
                name: "DuplicateQueueBuilds");

            migrationBuilder.DropTable(
                name: "DuplicateQueueCursor");

            migrationBuilder.DropTable(
                name: "PersonChanges");
        }
    }
}
