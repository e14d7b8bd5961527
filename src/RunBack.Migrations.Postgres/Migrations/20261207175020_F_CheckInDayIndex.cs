using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class F_CheckInDayIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_check_ins_ProfileId_CheckInDate_CreatedAt",
                table: "check_ins",
                columns: new[] { "ProfileId", "CheckInDate", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_check_ins_ProfileId_CheckInDate_CreatedAt",
                table: "check_ins");
        }
    }
}
