using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using RunBack.Core.Content;
using RunBack.Web.Features.Fhir;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;
using Operator = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemOperator;

namespace RunBack.Web.Tests.Features.Fhir;

/// <summary>
/// Every form a show_if can take, on a draft copy of the current release: what maps becomes enableWhen (with
/// enableBehavior when there are several), what cannot is kept as the show-if extension naming file and line.
/// </summary>
public sealed class EnableWhenTests : IDisposable
{
    private const string Draft = "2099.1.0";
    private readonly string _content = Path.Combine(Path.GetTempPath(), "runback-fhir-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_content, recursive: true);

    /// <summary>The draft's cadence question with <paramref name="showIf"/> in place of its own, as the SDK reads it back.</summary>
    private FhirQuestionnaire.ItemComponent CadenceWith(string showIf)
    {
        TestFiles.CopyDirectory(RepoPaths.Content, _content);
        var current = ContentStore.Load(_content).Current.Id;
        var file = Path.Combine(TestFiles.CopyReleaseAsDraft(_content, current, Draft), "questionnaire.yaml");
        var yaml = File.ReadAllText(file);
        var edited = yaml.Replace("show_if: { answer: cadence_known, equals: true }", "show_if: " + showIf, StringComparison.Ordinal);
        Assert.NotEqual(yaml, edited);
        File.WriteAllText(file, edited);
        var store = ContentStore.Load(_content, includeDrafts: true);
        var questionnaire = new FhirQuestionnaires(store, RunBack.Core.CheckIns.QuickCheckInContent.Load(_content, store.Current), Options.Create(new FhirOptions())).Find(Draft)!;
        var parsed = FhirAssert.Parse<FhirQuestionnaire>(System.Text.Encoding.UTF8.GetString(FhirJson.Serialize(questionnaire)));
        return parsed.Item.SelectMany(g => g.Item).Single(i => i.LinkId == "cadence");
    }

    [Fact]
    public void Answered_IsExists()
    {
        var when = Assert.Single(CadenceWith("{ answer: cadence_known, answered: true }").EnableWhen);
        Assert.Equal(("cadence_known", Operator.Exists), (when.Question, when.Operator));
        Assert.True(Assert.IsType<FhirBoolean>(when.Answer).Value);
    }

    [Fact]
    public void InSeveralOptions_IsOneEqualsPerOption_AnyOfThem()
    {
        var item = CadenceWith("{ answer: age_band, in: [from_20_to_50, over_50] }");

        Assert.Equal(FhirQuestionnaire.EnableWhenBehavior.Any, item.EnableBehavior);
        Assert.All(item.EnableWhen, w => Assert.Equal(("age_band", Operator.Equal), (w.Question, w.Operator)));
        var codes = item.EnableWhen.Select(w => Assert.IsType<Coding>(w.Answer)).ToList();
        Assert.Equal(["from_20_to_50", "over_50"], codes.Select(c => c.Code));
        Assert.All(codes, c => Assert.Equal($"https://runback.example/fhir/Questionnaire/{Draft}/options/age_band", c.System));
    }

    [Fact]
    public void All_IsEnableBehaviorAll_WithTypedAnswers()
    {
        var item = CadenceWith("{ all: [{ answer: cadence_known, equals: true }, { answer: back_pain, gte: 3 }] }");

        Assert.Equal(FhirQuestionnaire.EnableWhenBehavior.All, item.EnableBehavior);
        Assert.Equal(["cadence_known", "back_pain"], item.EnableWhen.Select(w => w.Question));
        Assert.Equal(Operator.GreaterOrEqual, item.EnableWhen[1].Operator);
        Assert.Equal(3, Assert.IsType<Integer>(item.EnableWhen[1].Answer).Value);
    }

    [Fact]
    public void Any_OfIncludesAndANumber_IsEnableBehaviorAny()
    {
        var item = CadenceWith("{ any: [{ answer: pain_where, includes: lower_back }, { answer: sitting_hours, gt: 6 }] }");

        Assert.Equal(FhirQuestionnaire.EnableWhenBehavior.Any, item.EnableBehavior);
        Assert.Equal("lower_back", Assert.IsType<Coding>(item.EnableWhen[0].Answer).Code);
        Assert.Equal((Operator.GreaterThan, 6m), (item.EnableWhen[1].Operator, Assert.IsType<FhirDecimal>(item.EnableWhen[1].Answer).Value));
    }

    [Theory]
    [InlineData("{ not: { answer: cadence_known, equals: false } }")]
    [InlineData("{ all: [{ answer: cadence_known, equals: true }, { answer: age_band, in: [under_20, over_50] }] }")]
    public void WhatEnableWhenCannotSay_IsAnExtensionNamingTheCondition(string showIf)
    {
        var item = CadenceWith(showIf);

        Assert.Empty(item.EnableWhen);
        var note = Assert.IsType<FhirString>(item.GetExtensionValue<DataType>("https://runback.example/fhir/StructureDefinition/show-if")).Value;
        Assert.Matches($"content/releases/{Draft}/questionnaire.yaml line [0-9]+", note);
    }
}
