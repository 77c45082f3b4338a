using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HouseholdsAmendmentsAllocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LeftOutOfChecks",
                table: "ContactSubjects",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LeftOutReason",
                table: "ContactSubjects",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AllocatedAtUtc",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AllocatedToUserId",
                table: "Contacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AddedLater",
                table: "ContactAttachments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "PersonId",
                table: "ContactAttachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "CheckItems",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Information");

            migrationBuilder.AddColumn<Guid>(
                name: "PersonId",
                table: "CheckItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SupersededByCorrectionId",
                table: "CheckItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CheckCorrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    CorrectedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CorrectedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PreviousKnown = table.Column<bool>(type: "boolean", nullable: true),
                    PreviousSummary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PreviousDetails = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    PreviousPeople = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckCorrections_Checks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "Checks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    AsAdult = table.Column<bool>(type: "boolean", nullable: false),
                    Held = table.Column<bool>(type: "boolean", nullable: true),
                    DomesticAbuseHeld = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckPeople_Checks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "Checks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckPeople_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AllocatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AllocatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactAllocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AmendedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmendedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactAmendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    WrittenByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactFieldChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmendmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Before = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    After = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactFieldChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactFieldChanges_ContactAmendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "ContactAmendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_HubId_AllocatedToUserId",
                table: "Contacts",
                columns: new[] { "HubId", "AllocatedToUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckCorrections_CheckId",
                table: "CheckCorrections",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckPeople_CheckId_PersonId",
                table: "CheckPeople",
                columns: new[] { "CheckId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckPeople_PersonId",
                table: "CheckPeople",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactAllocations_ContactId",
                table: "ContactAllocations",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactAmendments_ContactId",
                table: "ContactAmendments",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactFieldChanges_AmendmentId",
                table: "ContactFieldChanges",
                column: "AmendmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactFieldChanges_PersonId",
                table: "ContactFieldChanges",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactNotes_ContactId_WrittenAtUtc",
                table: "ContactNotes",
                columns: new[] { "ContactId", "WrittenAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckCorrections");

            migrationBuilder.DropTable(
                name: "CheckPeople");

            migrationBuilder.DropTable(
                name: "ContactAllocations");

            migrationBuilder.DropTable(
                name: "ContactFieldChanges");

            migrationBuilder.DropTable(
                name: "ContactNotes");

            migrationBuilder.DropTable(
                name: "ContactAmendments");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_HubId_AllocatedToUserId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "LeftOutOfChecks",
                table: "ContactSubjects");

            migrationBuilder.DropColumn(
                name: "LeftOutReason",
                table: "ContactSubjects");

            migrationBuilder.DropColumn(
                name: "AllocatedAtUtc",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "AllocatedToUserId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "AddedLater",
                table: "ContactAttachments");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "ContactAttachments");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "CheckItems");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "CheckItems");

            migrationBuilder.DropColumn(
                name: "SupersededByCorrectionId",
                table: "CheckItems");
        }
    }
}
