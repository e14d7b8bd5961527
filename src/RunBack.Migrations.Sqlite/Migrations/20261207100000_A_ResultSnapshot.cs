using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class A_ResultSnapshot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The result as told at save time (issue 22). Check-ins saved before this column have none: it is filled
            // the first time they are read (CheckInService.SnapshotAsync), with the release they were saved under.
            migrationBuilder.AddColumn<string>(
                name: "ResultSnapshot",
                table: "check_ins",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ResultSnapshot",
                table: "check_ins");
        }
    }
}
