using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UniqueIdempotencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_check_ins_ProfileId_IdempotencyKey",
                table: "check_ins");

            // A database from before this index may hold one key in two profiles (a double-submitted first save made two).
            // Keys only matter while a retry can arrive: give every later duplicate a fresh random key, keep every row.
            migrationBuilder.Sql(
                "UPDATE check_ins SET IdempotencyKey = upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || " +
                "hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))) " +
                "WHERE rowid NOT IN (SELECT MIN(rowid) FROM check_ins GROUP BY IdempotencyKey);");

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_IdempotencyKey",
                table: "check_ins",
                column: "IdempotencyKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_check_ins_IdempotencyKey",
                table: "check_ins");

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_ProfileId_IdempotencyKey",
                table: "check_ins",
                columns: new[] { "ProfileId", "IdempotencyKey" },
                unique: true);
        }
    }
}
