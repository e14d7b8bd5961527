using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class D_HistoryColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DistanceUnit",
                table: "check_ins",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceWeek1",
                table: "check_ins",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceWeek2",
                table: "check_ins",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceWeek3",
                table: "check_ins",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceWeek4",
                table: "check_ins",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PegTotal",
                table: "check_ins",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ShoeDistance",
                table: "check_ins",
                type: "REAL",
                nullable: true);
        
            // Filled for every existing check-in from its answers JSON, once, here (issue 22): the history reads these
            // columns and never parses the JSON per row; new check-ins get them at save time (HistoryFacts.From). Only a
            // number counts as a distance or PEG item, the PEG total only with all three items within 0-10 (as
            // PegScore.From); a row whose JSON is not an object keeps nulls (no distance, no score), never a failure.
            migrationBuilder.Sql("""
                UPDATE check_ins SET
                    DistanceWeek1 = CASE WHEN json_type(AnswersJson, '$.distance_week_1') IN ('integer', 'real') THEN json_extract(AnswersJson, '$.distance_week_1') END,
                    DistanceWeek2 = CASE WHEN json_type(AnswersJson, '$.distance_week_2') IN ('integer', 'real') THEN json_extract(AnswersJson, '$.distance_week_2') END,
                    DistanceWeek3 = CASE WHEN json_type(AnswersJson, '$.distance_week_3') IN ('integer', 'real') THEN json_extract(AnswersJson, '$.distance_week_3') END,
                    DistanceWeek4 = CASE WHEN json_type(AnswersJson, '$.distance_week_4') IN ('integer', 'real') THEN json_extract(AnswersJson, '$.distance_week_4') END,
                    DistanceUnit = CASE WHEN json_type(AnswersJson, '$.distance_unit') = 'text' THEN substr(json_extract(AnswersJson, '$.distance_unit'), 1, 16) END,
                    ShoeDistance = CASE WHEN json_type(AnswersJson, '$.shoe_distance') IN ('integer', 'real') THEN json_extract(AnswersJson, '$.shoe_distance') END,
                    PegTotal = CASE WHEN json_type(AnswersJson, '$.peg_pain') IN ('integer', 'real')
                            AND json_type(AnswersJson, '$.peg_enjoyment') IN ('integer', 'real')
                            AND json_type(AnswersJson, '$.peg_activity') IN ('integer', 'real')
                            AND json_extract(AnswersJson, '$.peg_pain') BETWEEN 0 AND 10
                            AND json_extract(AnswersJson, '$.peg_enjoyment') BETWEEN 0 AND 10
                            AND json_extract(AnswersJson, '$.peg_activity') BETWEEN 0 AND 10
                        THEN json_extract(AnswersJson, '$.peg_pain') + json_extract(AnswersJson, '$.peg_enjoyment') + json_extract(AnswersJson, '$.peg_activity') END
                WHERE json_valid(AnswersJson) AND json_type(AnswersJson) = 'object';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DistanceUnit",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "DistanceWeek1",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "DistanceWeek2",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "DistanceWeek3",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "DistanceWeek4",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "PegTotal",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "ShoeDistance",
                table: "check_ins");
        }
    }
}
