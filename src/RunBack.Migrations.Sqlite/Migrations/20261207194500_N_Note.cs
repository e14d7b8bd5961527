using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class N_Note : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "check_ins",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Note",
                table: "check_ins");
        }
    }
}
