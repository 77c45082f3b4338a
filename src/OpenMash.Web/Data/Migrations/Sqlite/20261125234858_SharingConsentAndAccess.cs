using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharingConsentAndAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LawfulBasis",
                table: "Screenings",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithoutConsentReason",
                table: "Screenings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BreakGlassGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwningHubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchedPersonIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakGlassGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentOverrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Rag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    TakesEffectAtOnce = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovalDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentOverrides_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GivenBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GiverName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CompetenceNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AgencyTypes = table.Column<string>(type: "TEXT", nullable: false),
                    AgencyIds = table.Column<string>(type: "TEXT", nullable: false),
                    Purposes = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NotSoughtReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Consents_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SharingDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CheckId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Share = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    RecipientAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientPerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Article6 = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConsentStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NotSoughtReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ConsentOverrideId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FamilyTold = table.Column<bool>(type: "INTEGER", nullable: false),
                    FamilyNotToldReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IdentitiesWithheld = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharingDecisions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateIndex(
                name: "IX_ConsentOverrides_ContactId",
                table: "ConsentOverrides",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentOverrides_HubId_Status",
                table: "ConsentOverrides",
                columns: new[] { "HubId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ContactId",
                table: "Consents",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_PersonId_RecordedAtUtc",
                table: "Consents",
                columns: new[] { "PersonId", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SharingDecisions_ContactId",
                table: "SharingDecisions",
                column: "ContactId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessNotices");

            migrationBuilder.DropTable(
                name: "BreakGlassGrants");

            migrationBuilder.DropTable(
                name: "ConsentOverrides");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "SharingDecisions");

            migrationBuilder.DropColumn(
                name: "LawfulBasis",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "WithoutConsentReason",
                table: "Screenings");
        }
    }
}
