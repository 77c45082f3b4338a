using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessAndSubjectAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BreakGlassGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwningHubId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchedPersonIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakGlassGrants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessNotices_HubId_CreatedAtUtc",
                table: "AccessNotices",
                columns: new[] { "HubId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlassGrants_HubId_ReviewedAtUtc",
                table: "BreakGlassGrants",
                columns: new[] { "HubId", "ReviewedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlassGrants_OwningHubId_ReviewedAtUtc",
                table: "BreakGlassGrants",
                columns: new[] { "OwningHubId", "ReviewedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlassGrants_UserId_PersonId_OwningHubId_ExpiresAtUtc",
                table: "BreakGlassGrants",
                columns: new[] { "UserId", "PersonId", "OwningHubId", "ExpiresAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessNotices");

            migrationBuilder.DropTable(
                name: "BreakGlassGrants");
        }
    }
}
