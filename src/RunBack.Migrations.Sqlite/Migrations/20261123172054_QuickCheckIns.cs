using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuickCheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedFromDate",
                table: "check_ins",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Helped",
                table: "check_ins",
                type: "TEXT",
                maxLength: 512,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "check_ins",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "full");

            migrationBuilder.AddColumn<string>(
                name: "SinceLastTime",
                table: "check_ins",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CarriedFromDate",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "Helped",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "SinceLastTime",
                table: "check_ins");
        }
    }
}
