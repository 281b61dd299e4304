namespace Rapport.Hub.Model;

internal sealed partial class AccountEvaluation
{
    private bool IsActive(string name)
    {
        if (!_indicators.TryGetValue(name, out var active))
        {
            _indicators[name] = active = model.Indicators[name].Rule.Condition!.IsMatch(this);
        }

        return active;
    }

    private IReadOnlyList<IndicatorState> IndicatorStates()
    {
        var states = new List<IndicatorState>();
        foreach (var indicator in model.Definitions.Indicators)
        {
            var before = previous?.Indicator(indicator.Name);
            var active = IsActive(indicator.Name);
            var state = (before, active) switch
            {
                (null, false) => null,
                (null, true) => new IndicatorState(indicator.Name, indicator.Kind, true, now, null, 1),
                ({ Active: false }, true) => before with { Kind = indicator.Kind, Active = true, ActivatedAt = now, Activations = before.Activations + 1, AddressedAt = null },
                ({ Active: true }, false) => before with { Kind = indicator.Kind, Active = false, DeactivatedAt = now, AddressedAt = null },
                _ => before with { Name = indicator.Name, Kind = indicator.Kind },
            };
            if (state is not null)
            {
                states.Add(Addressed(state));
            }
        }

        return states;
    }

    // A mark holds for the activation it was made on only, so a later activation starts unaddressed; it names that
    // activation to the millisecond, the precision both databases keep.
    private IndicatorState Addressed(IndicatorState state)
    {
        if (!state.Active)
        {
            return state with { AddressedAt = null, AddressedBy = null };
        }

        if (inputs.AddressedIndicators.TryGetValue(state.Name, out var mark)
            && mark.ActivatedAt.ToUnixTimeMilliseconds() == state.ActivatedAt.ToUnixTimeMilliseconds())
        {
            return state with { AddressedAt = mark.AddressedAt, AddressedBy = mark.AddressedBy };
        }

        return state.AddressedAt is null ? state with { AddressedBy = null } : state;
    }

    private bool InSegment(string name)
    {
        if (!_segments.TryGetValue(name, out var member))
        {
            var segment = model.Segments[name];
            var id = inputs.Id.Value;
            // A teammate's choice on the account page wins over the document's lists, which win over the rule.
            _segments[name] = member = inputs.ManualSegments.FirstOrDefault(m => Names.Equals(m.Key, name)) is { Key: not null } manual
                ? manual.Value
                : !segment.Exclude.Contains(id) && (segment.Include.Contains(id) || segment.Rule?.Condition?.IsMatch(this) == true);
        }

        return member;
    }

    private decimal? HealthScore(string name)
    {
        if (!_health.TryGetValue(name, out var score))
        {
            _health[name] = score = ComputeHealth(model.HealthScores[name]);
        }

        return score;
    }

    private decimal? ComputeHealth(HealthScoreDefinition score)
    {
        decimal total = 0, weights = 0;
        foreach (var condition in score.Conditions)
        {
            if (Grade(condition, score.WhenMissing ?? MissingInputs.Skip) is { } grade)
            {
                total += grade * condition.EffectiveWeight;
                weights += condition.EffectiveWeight;
            }
        }

        return weights == 0 ? null : Math.Round(total / weights, 2, MidpointRounding.AwayFromZero);
    }

    private int? Grade(HealthCondition condition, MissingInputs whenMissing)
    {
        if (model.HealthFields[condition].Any(field => Get(field).IsMissingOrNull))
        {
            return whenMissing switch
            {
                MissingInputs.Poor => 0,
                MissingInputs.Concerning => 5,
                MissingInputs.Healthy => 10,
                _ => null,
            };
        }

        return condition.Healthy.Condition!.IsMatch(this) ? 10
            : condition.Concerning?.Condition?.IsMatch(this) == true ? 5
            : 0;
    }

    private decimal? OverallHealth()
    {
        decimal total = 0, weights = 0;
        foreach (var score in model.Definitions.HealthScores)
        {
            if (HealthScore(score.Name) is { } value)
            {
                total += value * score.EffectiveWeight;
                weights += score.EffectiveWeight;
            }
        }

        return weights == 0 ? null : Math.Round(total / weights, 2, MidpointRounding.AwayFromZero);
    }
}
