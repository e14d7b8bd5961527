using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProfileLastActive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastActiveAt",
                table: "profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Profiles made before this column: active since they were made (their check-ins count by their own times).
            migrationBuilder.Sql("""UPDATE profiles SET "LastActiveAt" = "CreatedAt";""");

            migrationBuilder.CreateIndex(
                name: "IX_profiles_LastActiveAt",
                table: "profiles",
                column: "LastActiveAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_profiles_LastActiveAt",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "LastActiveAt",
                table: "profiles");
        }
    }
}
