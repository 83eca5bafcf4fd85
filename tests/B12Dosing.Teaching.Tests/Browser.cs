using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace B12Dosing.Teaching.Tests;

/// <summary>
/// Headless Chromium (Debian's chromium and chromium-driver, driven by Selenium) on the published teaching page,
/// which something else serves at <c>B12_TEACHING_URL</c> (.ci/run serves it with <c>python3 -m http.server</c>).
/// Screenshots go to <c>B12_TEACHING_SCREENSHOTS</c> when it is set.
/// </summary>
public sealed class Browser : IDisposable
{
    /// <summary>How long a page may take to load the runtime and compute (the first load compiles the WebAssembly).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public Browser()
    {
        Url = (Environment.GetEnvironmentVariable("B12_TEACHING_URL") is { Length: > 0 } url ? url : throw new InvalidOperationException(
            "Set B12_TEACHING_URL to the address of the published teaching page (see the section 'Teaching page' in .ci/run).")).TrimEnd('/') + "/";
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        var driver = Environment.GetEnvironmentVariable("CHROMEDRIVER") is { Length: > 0 } d ? d : "/usr/bin/chromedriver";
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(service, options, Patience);
        Screenshots = Environment.GetEnvironmentVariable("B12_TEACHING_SCREENSHOTS") is { Length: > 0 } s ? s : null;
    }

    /// <summary>The page's root address, ending in a slash.</summary>
    public string Url { get; }

    /// <summary>The browser.</summary>
    public ChromeDriver Driver { get; }

    private string? Screenshots { get; }

    /// <summary>Opens the root page at <paramref name="width"/> x <paramref name="height"/> and waits for the model's table.</summary>
    public void Open(int width = 1280, int height = 1000)
    {
        Driver.Manage().Window.Size = new System.Drawing.Size(width, height);
        Driver.Navigate().GoToUrl(Url);
        WaitFor("[data-test=route-table] tbody tr");
    }

    /// <summary>Follows the navigation link named <paramref name="text"/> (as a reader would) and waits for <paramref name="selector"/>.</summary>
    public void Follow(string text, string selector)
    {
        Driver.FindElement(By.LinkText(text)).Click();
        WaitFor(selector);
    }

    /// <summary>Waits until <paramref name="selector"/> matches an element, and returns it.</summary>
    public IWebElement WaitFor(string selector) =>
        new WebDriverWait(Driver, Patience).Until(d => d.FindElements(By.CssSelector(selector)).FirstOrDefault());

    /// <summary>Waits until every computation the page started has finished and says how long it took (model 3 takes seconds).</summary>
    public void Settle() =>
        WaitUntil(() => Driver.FindElements(By.CssSelector(".computing")).Count == 0 && Driver.FindElements(By.CssSelector("[data-ms]")).Count > 0, "the page to finish computing");

    /// <summary>Waits until <paramref name="condition"/> holds, or fails naming <paramref name="what"/>.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        try
        {
            new WebDriverWait(Driver, Patience).Until(_ => condition());
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"Waited {Patience.TotalSeconds} s for: {what}");
        }
    }

    /// <summary>The text of <paramref name="selector"/>.</summary>
    public string Text(string selector) => Driver.FindElement(By.CssSelector(selector)).Text;

    /// <summary>The markup inside <paramref name="selector"/> (a chart's SVG).</summary>
    public string Markup(string selector) => (string)Driver.ExecuteScript("return document.querySelector(arguments[0]).innerHTML;", selector)!;

    /// <summary>Types <paramref name="value"/> into the input <paramref name="id"/> and leaves it with Tab, as a keyboard user does.</summary>
    public void Type(string id, string value)
    {
        var input = Driver.FindElement(By.Id(id));
        input.SendKeys(Keys.Control + "a");
        input.SendKeys(value + Keys.Tab);
    }

    /// <summary>Chooses the option with value <paramref name="value"/> in the select <paramref name="id"/>.</summary>
    public void Choose(string id, string value) => Driver.FindElement(By.CssSelector($"#{id} option[value='{value}']")).Click();

    /// <summary>
    /// Saves a screenshot as <paramref name="name"/>.png when B12_TEACHING_SCREENSHOTS is set: the whole page, or with
    /// <paramref name="scrollTo"/> the window as a reader sees it with that element scrolled to the top.
    /// </summary>
    public void Screenshot(string name, string? scrollTo = null)
    {
        if (Screenshots is null)
        {
            return;
        }

        Directory.CreateDirectory(Screenshots);
        var size = Driver.Manage().Window.Size;
        if (scrollTo is null)
        {
            var height = Convert.ToInt32(Driver.ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
            Driver.Manage().Window.Size = new System.Drawing.Size(size.Width, Math.Min(height + 150, 6000));
        }
        else
        {
            Driver.ExecuteScript("document.querySelector(arguments[0]).scrollIntoView();", scrollTo);
        }

        Driver.GetScreenshot().SaveAsFile(Path.Combine(Screenshots, name + ".png"));
        Driver.Manage().Window.Size = size;
        Driver.ExecuteScript("window.scrollTo(0, 0);");
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
