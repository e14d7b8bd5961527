using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecoveryHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "check_ins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckInDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnswersHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReleaseId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: false),
                    BackPain = table.Column<int>(type: "INTEGER", nullable: false),
                    HipPain = table.Column<int>(type: "INTEGER", nullable: false),
                    Triage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HipComponent = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FactorIds = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    GuidanceIds = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    FiredRuleIds = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_ins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_check_ins_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "device_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_device_keys_profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_ProfileId_CreatedAt",
                table: "check_ins",
                columns: new[] { "ProfileId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_ProfileId_IdempotencyKey",
                table: "check_ins",
                columns: new[] { "ProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_device_keys_ProfileId",
                table: "device_keys",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_device_keys_SecretHash",
                table: "device_keys",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_profiles_RecoveryHash",
                table: "profiles",
                column: "RecoveryHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "check_ins");

            migrationBuilder.DropTable(
                name: "device_keys");

            migrationBuilder.DropTable(
                name: "profiles");
        }
    }
}
