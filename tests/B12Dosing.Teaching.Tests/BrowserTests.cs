using B12Dosing.AbsorptionTests;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace B12Dosing.Teaching.Tests;

/// <summary>The published, trimmed teaching page in headless Chromium.</summary>
public sealed class BrowserTests(Browser browser) : IClassFixture<Browser>
{
    private const string Disclaimer = "For teaching and research only, not medical advice.";

    [Fact]
    public void Every_page_loads_computes_and_says_it_is_not_medical_advice()
    {
        browser.Open();
        Assert.Equal(Routes.All.Count, browser.Driver.FindElements(By.CssSelector("[data-test=route-table] tbody tr")).Count);
        Assert.Contains(Disclaimer, browser.Text("[data-test=disclaimer]"), StringComparison.Ordinal);
        Assert.Contains("Model 3: the carriers' free capacity", browser.Text("[data-test=model]"), StringComparison.Ordinal);
        browser.Settle();
        Assert.Contains("<svg", browser.Markup("[data-test=route-chart]"), StringComparison.Ordinal);
        browser.Screenshot("desktop-dose-by-route");

        browser.Follow("Regimens over time", "[data-test=regimens-summary] tbody tr");
        Assert.Equal(2, browser.Driver.FindElements(By.CssSelector("[data-test=regimens-summary] tbody tr")).Count);
        Assert.Contains(Disclaimer, browser.Text("[data-test=disclaimer]"), StringComparison.Ordinal);
        var figure = browser.Markup("[data-test=regimens-chart]");
        Assert.All(new[] { "Serum B12 (total)", "HoloTC (active B12)", "Body stores" }, title => Assert.Contains(title, figure, StringComparison.Ordinal));
        browser.Screenshot("desktop-regimens");

        browser.Follow("Missed doses", "[data-test=missed-summary] tbody tr");
        Assert.Contains(Disclaimer, browser.Text("[data-test=disclaimer]"), StringComparison.Ordinal);
        browser.Screenshot("desktop-missed-doses");
        Assert.False(browser.Driver.FindElement(By.Id("blazor-error-ui")).Displayed, "the page shows its error bar");
    }

    /// <summary>The Schilling panel renders in the browser and prints the library's shares for the standard test.</summary>
    [Fact]
    public void The_Schilling_panel_renders_the_library_values()
    {
        browser.Open();
        browser.Follow("The Schilling test", "[data-test=schilling-table] tbody tr");
        Assert.Equal(Conditions.All.Count, browser.Driver.FindElements(By.CssSelector("[data-test=schilling-table] tbody tr")).Count);
        Assert.Contains(Disclaimer, browser.Text("[data-test=disclaimer]"), StringComparison.Ordinal);
        foreach (var condition in Conditions.All)
        {
            var row = $"[data-test=schilling-table] tr[data-condition={condition.Name()}]";
            Printed.Equal(100 * SchillingTest.Standard.Run(ParameterSet.For(condition)).ExcretedFraction, browser.Text($"{row} [data-value=stage-1]"), $"{condition} stage I");
            Printed.Equal(100 * (SchillingTest.Standard with { WithIntrinsicFactor = true }).Run(ParameterSet.For(condition)).ExcretedFraction, browser.Text($"{row} [data-value=stage-2]"), $"{condition} stage II");
        }

        browser.Screenshot("desktop-schilling");

        // A typed value reaches the page (a bad one is refused with a message, a good one clears it) and the printed share
        // is the library's for the new stores (the share hardly depends on them, so the text may not change).
        var healthy = "[data-test=schilling-table] tr[data-condition=healthy] [data-value=stage-1]";
        browser.Type("schilling-stores", "-5");
        browser.WaitUntil(() => browser.Text("#schilling-stores-hint").Contains("Give the stores", StringComparison.Ordinal), "the stores input to refuse -5");
        browser.Type("schilling-stores", "300");
        browser.WaitUntil(() => !browser.Text("#schilling-stores-hint").Contains("Give the stores", StringComparison.Ordinal), "the stores input to take 300");
        Printed.Equal(100 * (SchillingTest.Standard with { InitialStores = Mass.FromMicrograms(300) }).Run(ParameterSet.Healthy).ExcretedFraction, browser.Text(healthy), "healthy stage I, 300 µg");
        Assert.False(browser.Driver.FindElement(By.Id("blazor-error-ui")).Displayed, "the page shows its error bar");
    }

    [Fact]
    public void A_changed_input_changes_the_chart()
    {
        browser.Open();
        var healthy = browser.Markup("[data-test=route-chart]");
        browser.Choose("condition", nameof(Condition.PerniciousAnemia));
        browser.WaitUntil(() => browser.Markup("[data-test=route-chart]") != healthy, "the dose chart to change with the condition");
        Assert.Contains("pernicious-anemia", browser.Markup("[data-test=route-chart]"), StringComparison.Ordinal);

        browser.Follow("Regimens over time", "[data-test=regimens-summary] tbody tr");
        var before = browser.Markup("[data-test=regimens-chart]");
        browser.Type("b-notation", "1000 µg oral weekly");
        browser.WaitUntil(() => browser.Markup("[data-test=regimens-chart]") != before, "the regimen chart to change with regimen B");
        Assert.Contains("1000 µg oral weekly", browser.Text("tr[data-run=B] th"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_printed_doses_are_the_library_values_for_the_same_inputs()
    {
        browser.Open();
        browser.Type("dose", "500");
        browser.Choose("form", nameof(CobalaminForm.Hydroxocobalamin));
        browser.Choose("condition", nameof(Condition.AtrophicGastritis));
        browser.WaitUntil(() => browser.Text("#by-route").StartsWith("500 µg of hydroxocobalamin, atrophic gastritis", StringComparison.Ordinal), "the table to show the new dose");
        foreach (var route in Routes.All)
        {
            var outcome = AbsorptionModel.Evaluate(Dose.Create(Mass.FromMicrograms(500), route, CobalaminForm.Hydroxocobalamin), ParameterSet.AtrophicGastritis.WithFreeCapacity());
            var row = $"[data-test=route-table] tr[data-route={route.ShortName()}]";
            Printed.Equal(outcome.Absorbed.Micrograms, browser.Text($"{row} [data-value=absorbed]"), $"{route} absorbed");
            Printed.Equal(outcome.Retained.Micrograms, browser.Text($"{row} [data-value=kept]"), $"{route} kept");
            Printed.Equal((outcome.Dose - outcome.Retained).Micrograms, browser.Text($"{row} [data-value=lost]"), $"{route} lost");
        }
    }

    [Fact]
    public void The_printed_regimens_and_missed_doses_are_the_library_values_for_the_same_inputs()
    {
        browser.Open();
        browser.Follow("Regimens over time", "[data-test=regimens-summary] tbody tr");
        browser.Choose("a-catalogue", "bnf-neuro");
        browser.Choose("condition", nameof(Condition.Gastrectomy));
        browser.Type("stores", "300");
        browser.Choose("horizon", "2"); // 6 months
        browser.Choose("guideline", SerumGuidelines.Who.Id);
        browser.WaitUntil(() => browser.Text("#regimens-results") == "After 6 months" && browser.Text("tr[data-run=A] th").Contains("q2mo", StringComparison.Ordinal), "the regimen table to follow the inputs");
        browser.Settle();
        var settings = new SimulationSettings(TimeSpan.FromDays(182)) { ParameterSet = ParameterSet.Gastrectomy.WithFreeCapacity(), InitialStores = Mass.FromMicrograms(300) };
        AssertRun("A", RegimenCatalogue.Get("bnf-neuro").Regimen, settings, SerumGuidelines.Who);
        AssertRun("B", RegimenCatalogue.Get("bnf-no-neuro").Regimen, settings, SerumGuidelines.Who);

        browser.Follow("Missed doses", "[data-test=missed-summary] tbody tr");
        browser.Type("adherence", "60");
        browser.Type("seed", "11");
        browser.WaitUntil(() => browser.Driver.FindElements(By.CssSelector("tr[data-run='60 % taken']")).Count == 1, "the adherence row to follow the input");
        browser.Settle();
        // The page's default person and time: pernicious anaemia, 150 µg of stores, 12 weeks, on model 3.
        var oral = RegimenCatalogue.Get("oral-1000-daily").Regimen;
        var weeks = new SimulationSettings(TimeSpan.FromDays(84)) { ParameterSet = ParameterSet.PerniciousAnemia.WithFreeCapacity(), InitialStores = Mass.FromMicrograms(150) };
        AssertRun("every dose", oral, weeks, SerumGuidelines.NiceTotal);
        AssertRun("60 % taken", oral.WithAdherence(0.6, 11), weeks, SerumGuidelines.NiceTotal);
    }

    [Fact]
    public void It_fits_a_phone_and_works_with_the_keyboard()
    {
        browser.Open(390, 844);
        AssertFitsWidth();
        browser.Screenshot("phone-dose-by-route", "body");
        browser.Screenshot("phone-dose-by-route-chart", "[data-test=route-chart]");

        // Keyboard: the page puts the focus on its heading; Tab goes on to the inputs in reading order, and Shift+Tab
        // goes back through the navigation to the skip link, which moves the focus to the content.
        Assert.Equal("h1", browser.Driver.SwitchTo().ActiveElement().TagName);
        var order = new List<string>();
        for (var i = 0; i < 12 && order.Count < 3; i++)
        {
            new Actions(browser.Driver).SendKeys(Keys.Tab).Perform();
            var id = browser.Driver.SwitchTo().ActiveElement().GetAttribute("id");
            if (id is "dose" or "form" or "condition")
            {
                order.Add(id);
            }
        }

        Assert.Equal(["dose", "form", "condition"], order);
        var backwards = new List<string>();
        for (var i = 0; i < 12 && browser.Driver.SwitchTo().ActiveElement().GetAttribute("class") != "skip-link"; i++)
        {
            new Actions(browser.Driver).KeyDown(Keys.Shift).SendKeys(Keys.Tab).KeyUp(Keys.Shift).Perform();
            backwards.Add(browser.Driver.SwitchTo().ActiveElement().Text);
        }

        Assert.Equal("skip-link", browser.Driver.SwitchTo().ActiveElement().GetAttribute("class"));
        Assert.Contains("Regimens over time", backwards);
        new Actions(browser.Driver).SendKeys(Keys.Enter).Perform();
        browser.WaitUntil(() => browser.Driver.SwitchTo().ActiveElement().GetAttribute("id") == "main", "the skip link to move the focus to the content");

        // A keyboard user changes the dose: type, Tab away, the table follows.
        var oral = browser.Text("tr[data-route=oral] [data-value=kept]");
        browser.Type("dose", "2000");
        browser.WaitUntil(() => browser.Text("tr[data-route=oral] [data-value=kept]") != oral, "the table to follow a typed dose");
        Printed.Equal(AbsorptionModel.Evaluate(Dose.Oral(Mass.FromMicrograms(2000)), ParameterSet.Healthy.WithFreeCapacity()).Retained.Micrograms, browser.Text("tr[data-route=oral] [data-value=kept]"), "oral kept");

        browser.Follow("Regimens over time", "[data-test=regimens-summary] tbody tr");
        AssertFitsWidth();
        browser.Screenshot("phone-regimens", "body");
        browser.Screenshot("phone-regimens-results", "#regimens-results");
        browser.Follow("Missed doses", "[data-test=missed-summary] tbody tr");
        AssertFitsWidth();
        browser.Screenshot("phone-missed-doses", "body");
        browser.Follow("The Schilling test", "[data-test=schilling-table] tbody tr");
        AssertFitsWidth();
        browser.Screenshot("phone-schilling", "body");
    }

    private void AssertFitsWidth()
    {
        var overflow = Convert.ToInt64(browser.Driver.ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth;"), CultureInfo.InvariantCulture);
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the window");
    }

    private void AssertRun(string label, Regimen regimen, SimulationSettings settings, SerumGuideline guideline) =>
        RunRow.Equal(cell => browser.Text($"tr[data-run='{label}'] {cell}"), label, regimen, settings, guideline);
}
