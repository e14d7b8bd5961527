using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RunBack.Migrations.Postgres.Migrations
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceWeek1",
                table: "check_ins",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceWeek2",
                table: "check_ins",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceWeek3",
                table: "check_ins",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceWeek4",
                table: "check_ins",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PegTotal",
                table: "check_ins",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ShoeDistance",
                table: "check_ins",
                type: "double precision",
                nullable: true);
        
            // Filled for every existing check-in from its answers JSON, once, here (issue 22): the history reads these
            // columns and never parses the JSON per row; new check-ins get them at save time (HistoryFacts.From). Only a
            // number counts as a distance or PEG item, the PEG total only with all three items within 0-10 (as
            // PegScore.From); a row whose JSON is not an object keeps nulls (no distance, no score), never a failure.
            // PostgreSQL 15 has no IS JSON: a text that is not JSON reads as null through a temporary function.
            migrationBuilder.Sql("""
                CREATE FUNCTION pg_temp.runback_try_jsonb(t text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
                BEGIN
                    RETURN t::jsonb;
                EXCEPTION WHEN others THEN
                    RETURN NULL;
                END $$;
                UPDATE check_ins AS c SET
                    "DistanceWeek1" = CASE WHEN jsonb_typeof(j.a -> 'distance_week_1') = 'number' THEN (j.a ->> 'distance_week_1')::double precision END,
                    "DistanceWeek2" = CASE WHEN jsonb_typeof(j.a -> 'distance_week_2') = 'number' THEN (j.a ->> 'distance_week_2')::double precision END,
                    "DistanceWeek3" = CASE WHEN jsonb_typeof(j.a -> 'distance_week_3') = 'number' THEN (j.a ->> 'distance_week_3')::double precision END,
                    "DistanceWeek4" = CASE WHEN jsonb_typeof(j.a -> 'distance_week_4') = 'number' THEN (j.a ->> 'distance_week_4')::double precision END,
                    "DistanceUnit" = CASE WHEN jsonb_typeof(j.a -> 'distance_unit') = 'string' THEN left(j.a ->> 'distance_unit', 16) END,
                    "ShoeDistance" = CASE WHEN jsonb_typeof(j.a -> 'shoe_distance') = 'number' THEN (j.a ->> 'shoe_distance')::double precision END,
                    "PegTotal" = CASE WHEN jsonb_typeof(j.a -> 'peg_pain') = 'number' AND jsonb_typeof(j.a -> 'peg_enjoyment') = 'number'
                            AND jsonb_typeof(j.a -> 'peg_activity') = 'number'
                        THEN CASE WHEN (j.a ->> 'peg_pain')::double precision BETWEEN 0 AND 10
                                AND (j.a ->> 'peg_enjoyment')::double precision BETWEEN 0 AND 10
                                AND (j.a ->> 'peg_activity')::double precision BETWEEN 0 AND 10
                            THEN (j.a ->> 'peg_pain')::double precision + (j.a ->> 'peg_enjoyment')::double precision
                                + (j.a ->> 'peg_activity')::double precision END END
                FROM (SELECT "Id", pg_temp.runback_try_jsonb("AnswersJson") AS a FROM check_ins) AS j
                WHERE c."Id" = j."Id" AND jsonb_typeof(j.a) = 'object';
                DROP FUNCTION pg_temp.runback_try_jsonb(text);
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
