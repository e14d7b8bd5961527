namespace RunBack.Web.Features.SelfCheck;

/// <summary>What a press of Next did, so the page knows where to put focus.</summary>
public enum StepMove
{
    /// <summary>The step has errors: focus the first one (<see cref="SelfCheckWizard.FirstError"/>).</summary>
    Invalid,

    /// <summary>On to the next step: focus its heading.</summary>
    NextStep,

    /// <summary>Every step is valid: the result is showing.</summary>
    Result,
}
