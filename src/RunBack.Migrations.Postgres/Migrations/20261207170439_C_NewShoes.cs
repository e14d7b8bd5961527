using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class C_NewShoes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NewShoes",
                table: "check_ins",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NewShoes",
                table: "check_ins");
        }
    }
}
