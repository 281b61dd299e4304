using Rapport.Web.Tests.Model;

namespace Rapport.Web.Tests.Segment;

/// <summary>MRR, trial end and owner read from a Segment group's traits, recomputed as soon as the call is applied.</summary>
public sealed class SegmentModelSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Definitions =
        """
        {
          "mrr": { "trait": "segment.mrr", "currency": "USD" },
          "type": { "trialEndTrait": "segment.trial_ends_at" },
          "owner": { "trait": "segment.owner_id" }
        }
        """;

    private static string Group(ModelHub model, int mrr, int trialDays) => $$"""
        {"userId":"{{model.User.ExternalId}}","groupId":"{{model.Company.CompanyId}}",
         "traits":{"name":"{{model.Company.Name}}","mrr":{{mrr}},"trial_ends_at":"{{TimeProvider.System.GetUtcNow().AddDays(trialDays).UtcDateTime:O}}",
           "owner_id":"{{model.User.ExternalId}}" } }
        """;

    private static async Task SendAsync(ModelHub model, string json)
    {
        var response = await WebHub.SendSegmentAsync(await model.Hub.SegmentClientAsync(), "/v1/group", json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task A_group_call_sets_the_accounts_MRR_trial_and_owner_from_its_traits_and_the_next_one_moves_them()
    {
        var model = await ModelHub.StartAsync();
        await using var _ = model.Hub;
        // Definitions may name only traits a source has sent: the first group call makes segment.mrr and the others known.
        await SendAsync(model, Group(model, 4200, trialDays: 14));
        await model.Hub.SegmentAppliedAsync(1);
        var saved = await AccountModelSpecs.PutAsync(model.Api, Definitions);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Token));

        var state = await model.AccountModelAsync();
        (state.GetProperty("mrr").GetDecimal(), state.GetProperty("currency").GetString()).ShouldBe((4200m, "USD"));
        state.GetProperty("type").GetString().ShouldBe("trial");
        state.GetProperty("ownerUserId").GetString().ShouldBe(model.User.ExternalId);

        await SendAsync(model, Group(model, 5100, trialDays: -1));

        state = await model.EventuallyAsync(s => s.GetProperty("mrr").GetDecimal() == 5100m, "the second group call is applied and its account recomputed at once");
        state.GetProperty("type").GetString().ShouldBe("subscribed", "the trial ended yesterday and the account has MRR");
    }
}
