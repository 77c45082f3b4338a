using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenMash.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FrontDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AmberDecisionWorkingDays",
                table: "HubSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FeedbackWithinWorkingDays",
                table: "HubSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "GreenDecisionWorkingDays",
                table: "HubSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LastContactNumber",
                table: "HubSettings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "NoFurtherActionDipSamplePercent",
                table: "HubSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RedAroundTheClock",
                table: "HubSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "RedDecisionHours",
                table: "HubSettings",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "WorkingDayEnd",
                table: "HubSettings",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "WorkingDayStart",
                table: "HubSettings",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.CreateTable(
                name: "ApiClients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiClients_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApiClients_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReferrerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReferrerRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReferrerAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReferrerPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReferrerEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ReferrerRelationship = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReferrerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConcernCategories = table.Column<int[]>(type: "integer[]", nullable: false),
                    WhatHappened = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ReferrerRequest = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    ChildsVoice = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    AdditionalNeeds = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    FamilyAware = table.Column<bool>(type: "boolean", nullable: true),
                    FamilyConsented = table.Column<bool>(type: "boolean", nullable: true),
                    NoConsentReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReferrerSpokenTo = table.Column<bool>(type: "boolean", nullable: true),
                    ReferralSource = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Rag = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ChecksDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScreenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChecksRequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChecksCompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FeedbackDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FeedbackSentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.ClientId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OtherNames = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    DateOfBirthIsEstimated = table.Column<bool>(type: "boolean", nullable: false),
                    ExpectedDeliveryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    EthnicityCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Upn = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnsweredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Known = table.Column<bool>(type: "boolean", nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Details = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ChaseCount = table.Column<int>(type: "integer", nullable: false),
                    LastChasedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Checks_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Checks_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactAttachments_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PrimaryNeed = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ManagerComment = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    DipSample = table.Column<bool>(type: "boolean", nullable: false),
                    DipSampledByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DipSampledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DipSampleNote = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Screenings",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScreenedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScreenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rag = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Threshold = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ThresholdRationale = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    ChildSpokenTo = table.Column<bool>(type: "boolean", nullable: false),
                    ChildViewsOrReason = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    ConsentView = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ConsentRationale = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Screenings", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_Screenings_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Held = table.Column<bool>(type: "boolean", nullable: false),
                    HeldAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InvitedPolice = table.Column<bool>(type: "boolean", nullable: false),
                    InvitedHealth = table.Column<bool>(type: "boolean", nullable: false),
                    InvitedEducation = table.Column<bool>(type: "boolean", nullable: false),
                    InvitedSocialWorker = table.Column<bool>(type: "boolean", nullable: false),
                    AttendedAgencyIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SectionFortySevenAgreed = table.Column<bool>(type: "boolean", nullable: true),
                    NotHeldReason = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactSubjects",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactSubjects", x => new { x.ContactId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_ContactSubjects_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactSubjects_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Involvements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Involvements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Involvements_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonAddresses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonAddresses_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonRelationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RelatedPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonRelationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonRelationships_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonRelationships_Persons_RelatedPersonId",
                        column: x => x.RelatedPersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Restrictions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckItems_Checks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "Checks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiClients_AgencyId",
                table: "ApiClients",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiClients_ClientId",
                table: "ApiClients",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiClients_HubId",
                table: "ApiClients",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckItems_CheckId",
                table: "CheckItems",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_Checks_AgencyId_Status_DueAtUtc",
                table: "Checks",
                columns: new[] { "AgencyId", "Status", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Checks_ContactId_AgencyId",
                table: "Checks",
                columns: new[] { "ContactId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactAttachments_ContactId",
                table: "ContactAttachments",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactDrafts_UserId",
                table: "ContactDrafts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_HubId_State_DecisionDueUtc",
                table: "Contacts",
                columns: new[] { "HubId", "State", "DecisionDueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Reference",
                table: "Contacts",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReferrerUserId",
                table: "Contacts",
                column: "ReferrerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactSubjects_PersonId",
                table: "ContactSubjects",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ContactId",
                table: "Decisions",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_HubId_Status",
                table: "Decisions",
                columns: new[] { "HubId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_PersonId",
                table: "Involvements",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAtUtc",
                table: "Outbox",
                column: "SentAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PersonAddresses_HubId_Postcode",
                table: "PersonAddresses",
                columns: new[] { "HubId", "Postcode" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonAddresses_PersonId",
                table: "PersonAddresses",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRelationships_PersonId_RelatedPersonId_Type",
                table: "PersonRelationships",
                columns: new[] { "PersonId", "RelatedPersonId", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonRelationships_RelatedPersonId",
                table: "PersonRelationships",
                column: "RelatedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_HubId_DateOfBirth",
                table: "Persons",
                columns: new[] { "HubId", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_HubId_FamilyName",
                table: "Persons",
                columns: new[] { "HubId", "FamilyName" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_HubId_NhsNumber",
                table: "Persons",
                columns: new[] { "HubId", "NhsNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_HubId_Upn",
                table: "Persons",
                columns: new[] { "HubId", "Upn" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_ContactId",
                table: "StrategyDiscussions",
                column: "ContactId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiClients");

            migrationBuilder.DropTable(
                name: "CheckItems");

            migrationBuilder.DropTable(
                name: "ContactAttachments");

            migrationBuilder.DropTable(
                name: "ContactDrafts");

            migrationBuilder.DropTable(
                name: "ContactSubjects");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "Involvements");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "PersonAddresses");

            migrationBuilder.DropTable(
                name: "PersonRelationships");

            migrationBuilder.DropTable(
                name: "Screenings");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropTable(
                name: "Checks");

            migrationBuilder.DropTable(
                name: "Persons");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropColumn(
                name: "AmberDecisionWorkingDays",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "FeedbackWithinWorkingDays",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "GreenDecisionWorkingDays",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "LastContactNumber",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "NoFurtherActionDipSamplePercent",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "RedAroundTheClock",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "RedDecisionHours",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "WorkingDayEnd",
                table: "HubSettings");

            migrationBuilder.DropColumn(
                name: "WorkingDayStart",
                table: "HubSettings");
        }
    }
}
