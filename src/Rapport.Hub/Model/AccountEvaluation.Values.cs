namespace Rapport.Hub.Model;

internal sealed partial class AccountEvaluation
{
    private decimal? Mrr()
    {
        if (!_mrr.Done)
        {
            _mrr = (model.Definitions.Mrr is { } mrr ? NumericTrait("MRR", mrr.Trait) : null, true);
        }

        return _mrr.Value;
    }

    private AccountType Type() => _type ??= DecideType();

    private AccountType DecideType()
    {
        if (model.Definitions.Type is not { } type)
        {
            return AccountType.Subscribed;
        }

        if (type.Churn?.Condition?.IsMatch(this) == true
            || (TraitDate("Type", type.ChurnDateTrait) is { } churn && churn.Start <= now))
        {
            return AccountType.Churned;
        }

        if (TraitDate("Type", type.TrialEndTrait) is { } trialEnd && now < trialEnd.End)
        {
            return type.TrialQualification?.Condition is { } qualification && !qualification.IsMatch(this)
                ? AccountType.UnqualifiedTrial
                : AccountType.Trial;
        }

        return AccountType.Subscribed;
    }

    private Rules.DateRange? TraitDate(string definition, string? trait)
    {
        if (trait is null || Trait(trait) is var value && value.IsMissingOrNull)
        {
            return null;
        }

        if (FieldReading.TryDate(value, out var range))
        {
            return range;
        }

        Problem(definition, $"trait {trait} is {FieldReading.Show(value)}, not a date");
        return null;
    }

    private string? Owner()
    {
        if (!_owner.Done)
        {
            _owner = (FindOwner(), true);
        }

        return _owner.Value;
    }

    private string? FindOwner()
    {
        var owner = inputs.ManualOwnerUserId;
        if (owner is null && model.Definitions.Owner is { } definition && Trait(definition.Trait) is var value && !value.IsMissingOrNull)
        {
            owner = value.Kind is Rules.FieldValueKind.String or Rules.FieldValueKind.Number ? value.ToString() : null;
            if (owner is null || owner.Trim().Length == 0)
            {
                Problem("Account owner", $"trait {definition.Trait} is {FieldReading.Show(value)}, not a user id");
                return null;
            }
        }

        if (owner is not null && !inputs.UserIds.Contains(owner, Names))
        {
            Problem("Account owner", $"user {owner} is not a user of this account");
            return null;
        }

        return owner;
    }

    private long Element(string name)
    {
        if (!_elements.TryGetValue(name, out var count))
        {
            _elements[name] = count = CountElement(model.Elements[name]);
        }

        return count;
    }

    private long CountElement(ElementDefinition element)
    {
        if (element.Trait is { } trait)
        {
            return NumericTrait($"Element '{element.Name}'", trait) is { } number ? (long)Math.Max(0, Math.Floor(number)) : 0;
        }

        // Replayed in time order, a removal at zero is ignored: a missed "connected" event must not hide a later one.
        // At the same instant an addition goes first, so a connect and disconnect in one second nets zero.
        var changes = element.Add.SelectMany(inputs.EventTimes).Select(at => (At: at, Delta: 1))
            .Concat(element.Remove.SelectMany(inputs.EventTimes).Select(at => (At: at, Delta: -1)))
            .OrderBy(change => change.At).ThenByDescending(change => change.Delta);
        long count = 0;
        foreach (var (_, delta) in changes)
        {
            count = Math.Max(0, count + delta);
        }

        return count;
    }

    private decimal? Metric(string name)
    {
        if (!_metrics.TryGetValue(name, out var value))
        {
            _metrics[name] = value = ComputeMetric(model.Metrics[name]);
        }

        return value;
    }

    private decimal? ComputeMetric(MetricDefinition metric)
    {
        var created = new DateTimeOffset(metric.CreatedAt!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (now < created || metric.Where?.Condition?.IsMatch(this) == false)
        {
            return null;
        }

        var since = metric.WindowDays is { } days && now.AddDays(-days) > created ? now.AddDays(-days) : created;
        var definition = $"Metric '{metric.Name}'";
        if (Operand(definition, metric.Numerator, since) is not { } numerator)
        {
            return null;
        }

        if (metric.Denominator is null)
        {
            return FieldReading.Round(numerator);
        }

        // Nothing to divide by has no ratio: null, never infinity or NaN.
        if (Operand(definition, metric.Denominator, since) is not { } denominator || denominator == 0)
        {
            return null;
        }

        try
        {
            return FieldReading.Round(numerator / denominator);
        }
        catch (OverflowException)
        {
            Problem(definition, $"{numerator} / {denominator} is too large to hold");
            return null;
        }
    }

    private decimal? Operand(string definition, MetricOperand operand, DateTimeOffset since)
    {
        if (operand.Events is { } events)
        {
            return inputs.CountEvents(events, since);
        }

        if (operand.Users is { } users)
        {
            return inputs.CountDistinctUsers(users, since);
        }

        if (operand.Trait is { } trait)
        {
            return NumericTrait(definition, trait);
        }

        return FieldReading.TryNumber(Get(operand.Field!), out var number) ? number : null;
    }
}
