using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class G_ShoeTotal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CheckInDeletedAt",
                table: "profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_ShoeStart",
                table: "check_ins",
                columns: new[] { "ProfileId", "CheckInDate", "CreatedAt" },
                filter: "\"ShoeDistance\" IS NOT NULL AND (\"Kind\" = 'full' OR \"NewShoes\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_check_ins_ShoeStart",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "CheckInDeletedAt",
                table: "profiles");
        }
    }
}
