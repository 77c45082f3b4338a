using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharingAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataSharingAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Effect = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SourceAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceAgencyType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SourceHubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DestinationAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DestinationAgencyType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DestinationHubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSharingAgreements", x => new { x.Id, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "SharingPolicyRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingPolicyRevisions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "SharingPolicyRevisions",
                columns: new[] { "Id", "Revision" },
                values: new object[] { 1, 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataSharingAgreements");

            migrationBuilder.DropTable(
                name: "SharingPolicyRevisions");
        }
    }
}
