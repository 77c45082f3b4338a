using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Effect = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SourceAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceAgencyType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SourceHubId = table.Column<Guid>(type: "uuid", nullable: false),
                    DestinationAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    DestinationAgencyType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DestinationHubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSharingAgreements", x => new { x.Id, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "SharingPolicyRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
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
