// shot.js URL OUT.png [SELECTOR] — a screenshot of a page of gouji in
// headless Chromium: of the element SELECTOR, or of the whole page.
// For looking at pages while changing them; the tests use serve_test.js.
const puppeteer = require("puppeteer-core");

(async () => {
  const [url, out, selector] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(url, { waitUntil: "load" });
    if (selector) {
      const el = await page.$(selector);
      if (!el) throw new Error("no element " + selector);
      await el.screenshot({ path: out });
    } else {
      await page.screenshot({ path: out, fullPage: true });
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(String(e)); process.exit(1); });
