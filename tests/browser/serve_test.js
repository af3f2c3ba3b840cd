// serve_test.js — gouji serve in headless Chromium, as a clerk uses it.
//
// Starts `$GOUJI serve --port 0` (a free port), opens its page, drops the
// sample report into the form and checks the annotated page in the DOM:
// each finding at its place (the heading, the sentence, the table), its
// note beside it, the list at the top linking to it.  Then several files:
// the roll-up with each report's part a click away; the XLSX downloaded
// and read back (tests/serve/xlsx_read.py); a report whose title is
// <script> shown as text.  Screenshots go to tests/out/serve_*.png.
// Prints lines that do not depend on timing; exits 1 on a failed check.
const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");

const root = path.resolve(__dirname, "..", "..");
const out = path.join(root, "tests", "out");
const gouji = process.env.GOUJI || "build/gouji";
let failed = 0;

function check(what, ok, detail) {
  console.log((ok ? "ok: " : "FAIL: ") + what + (ok || detail === undefined ? "" : " (" + detail + ")"));
  if (!ok) failed++;
}

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", `exec ${gouji} serve --port 0 --no-open`], { cwd: root });
    let text = "";
    const timer = setTimeout(() => reject(new Error("serve did not start: " + text)), 60000);
    child.stdout.on("data", (d) => {
      text += d;
      const m = text.match(/gouji serve: (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr.on("data", (d) => process.stderr.write(d));
  });
}

async function upload(page, url, files) {
  await page.goto(url, { waitUntil: "load" });
  const input = await page.$("#files");
  await input.uploadFile(...files.map((f) => path.join(root, f)));
  await Promise.all([
    page.waitForNavigation({ waitUntil: "load", timeout: 120000 }),
    page.click('button[value="page"]'),
  ]);
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const { child, url } = await startServer();
  let browser;
  try {
    browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  } catch (e) {
    child.kill("SIGTERM");      // the server goes with the test
    throw e;
  }
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    const violations = [];
    page.on("console", (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });

    // ---- the start page ----
    const resp = await page.goto(url, { waitUntil: "load" });
    check("start page: 200", resp.status() === 200, resp.status());
    check("start page: CSP default-src 'none'",
          (resp.headers()["content-security-policy"] || "").startsWith("default-src 'none'"));
    check("start page: a form with the token and a file input",
          await page.$eval("form", (f) => !!f.querySelector('input[name=token]') &&
                                         !!f.querySelector('input[type=file][multiple]')));
    await page.screenshot({ path: path.join(out, "serve_start.png") });

    // ---- one report: the annotated page ----
    await upload(page, url, ["examples/shapotou_gxj_2022.md"]);
    const one = await page.evaluate(() => {
      const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent : null; };
      const items = [...document.querySelectorAll("ol.findings li")];
      const f1 = document.getElementById("r1-f1");
      const f4 = document.getElementById("r1-f5");
      const f2 = document.getElementById("r1-f2");
      return {
        title: text("section.report h1"),
        findings: items.length,
        links: items.map((li) => li.querySelector("a").getAttribute("href")).join(" "),
        signs: items.map((li) => li.querySelector(".sign").textContent).join(""),
        f1: f1 && f1.tagName + " in " + f1.parentElement.tagName + ": " + f1.textContent,
        f4: f4 && f4.tagName + " in " + f4.parentElement.tagName + ": " + f4.textContent,
        f4class: f4 && f4.className,
        f2: f2 && f2.closest("figure") && f2.closest("figure").querySelector("figcaption").textContent,
        note4: text("#r1-n5"),
        note4beside: !!document.querySelector("#r1-n5") &&
          document.querySelector("#r1-n5").closest(".block").querySelector("#r1-f5") !== null,
        blank: text('td[data-path="tables.requests.carried_forward.natural"]'),
        tables: document.querySelectorAll("table.drawn").length,
        cell: text('td[data-path="tables.requests.new.commercial"]'),
        inferred: document.querySelectorAll("td.st-inferred").length,
        scripts: document.scripts.length,
        bar: [...document.querySelectorAll(".serve-bar a[download]")].map((a) => a.getAttribute("download")).join(" "),
      };
    });
    check("one report: its title", one.title === "沙坡头区工业信息化和商务局 2022 年政府信息公开工作年度报告", one.title);
    check("one report: 5 findings listed, each a link to its place",
          one.findings === 5 && one.links === "#r1-f1 #r1-f2 #r1-f3 #r1-f4 #r1-f5", one.links);
    check("one report: severity by sign (ℹ for info, ⚠ for the warning)", one.signs === "ℹℹ⚠ℹℹ", one.signs);
    check("a cell printed blank shows 空白, with T-MISSING's mark", one.blank === "空白⚠3", one.blank);
    check("S-SECTIONS marks the heading", one.f1 === "MARK in H2: 一、总体工作情况", one.f1);
    check("N-RESTATED marks its sentence", one.f4 === "MARK in P: 2022 年以来，政府门户网站共主动公开各类信息 24 条，政务新媒体“沙坡头工信”共公开各类信息 202 条，严格落实“三审三校”制度，并对拟公开的政府信息依法依规做好保密审查和涉敏审核。", one.f4);
    check("N-RESTATED's mark is an info", one.f4class === "sev-info", one.f4class);
    check("N-RESTATED's note is beside its paragraph", one.note4beside);
    check("N-RESTATED's note says what and which rule",
          /前文（第1部分）为 204 条，此处为 202 条/.test(one.note4) && /N-RESTATED/.test(one.note4), one.note4);
    check("S-LABELS is on 表三", one.f2 && one.f2.startsWith("表三 收到和处理政府信息公开申请情况"), one.f2);
    check("tables drawn: 表二 in 3 blocks, 表三, 表四", one.tables === 5, one.tables);
    check("表三 new · 商业企业 is 1", one.cell === "1", one.cell);
    check("cells filled by arithmetic marked 推", one.inferred === 29, one.inferred);
    check("no script on the page", one.scripts === 0);
    check("downloads: xlsx, csv, sarif, html", one.bar === "gouji.xlsx gouji.csv gouji.sarif gouji.html", one.bar);
    await page.screenshot({ path: path.join(out, "serve_one.png"), fullPage: true });

    // ---- the download of the XLSX, read back ----
    const downloads = fs.mkdtempSync(path.join(out, "downloads-"));
    const cdp = await page.createCDPSession();
    await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
    await page.click('a[download="gouji.xlsx"]');
    const file = path.join(downloads, "gouji.xlsx");
    for (let i = 0; i < 100 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    check("XLSX downloaded", fs.existsSync(file));
    if (fs.existsSync(file)) {
      const text = execFileSync("/usr/bin/python3", [path.join(root, "tests/serve/xlsx_read.py"), file]).toString();
      const lines = text.split("\n");
      check("XLSX: sheet 报告, header frozen", lines[0].startsWith("sheet 报告: 1 rows frozen"), lines[0]);
      check("XLSX: the report's row, figures as numbers",
            lines[2].startsWith("shapotou_gxj_2022.md\t沙坡头区工业信息化和商务局\tn:2022\t2021\tn:0"), lines[2]);
      check("XLSX: sheet 发现 with the 4 findings",
            text.includes("sheet 发现: 1 rows frozen") && (text.match(/\tN-RESTATED\t/g) || []).length === 1 &&
            (text.match(/\tS-SECTIONS\t/g) || []).length === 2, text.slice(-400));
    }
    fs.rmSync(downloads, { recursive: true, force: true });

    // ---- many reports: the roll-up, each report a click away ----
    await upload(page, url, ["examples/shapotou_gxj_2022.md", "tests/corpus/hongzequ_2023.pdf",
                             "tests/corpus/pingtan_2024.txt"]);
    const many = await page.evaluate(() => ({
      rollup: document.querySelector(".rollup h1") && document.querySelector(".rollup h1").textContent,
      rows: document.querySelectorAll(".rollup table")[0].querySelectorAll("tr").length - 1,
      parts: [...document.querySelectorAll("section.report")].map((s) => s.id).join(" "),
      links: [...document.querySelectorAll(".serve-bar a[href^='#report-']")].map((a) => a.textContent).join(" | "),
    }));
    check("many: the roll-up", many.rollup && many.rollup.startsWith("政府信息公开工作年度报告汇总"), many.rollup);
    check("many: a row per report", many.rows === 3, many.rows);
    check("many: each report's part", many.parts === "report-1 report-2 report-3", many.parts);
    check("many: a link to each", many.links === "shapotou_gxj_2022.md | hongzequ_2023.pdf | pingtan_2024.txt", many.links);
    await page.screenshot({ path: path.join(out, "serve_many.png"), fullPage: true });
    await page.click(".serve-bar a[href='#report-2']");
    const pdf = await page.evaluate(() => {
      const cell = document.querySelector('#report-2 td[data-path="tables.appeals.review.total"]');
      const note = cell && document.getElementById(cell.id.replace("-f", "-n"));
      const marks = [...document.querySelectorAll("#report-2 .page-mark")].map((m) => m.textContent);
      return { hash: location.hash, cell: cell && cell.className + ": " + cell.textContent,
               note: note && note.textContent, marks: marks.join(" "),
               missing: document.querySelectorAll("#report-2 td.st-missing").length };
    });
    check("click: to the PDF's part", pdf.hash === "#report-2", pdf.hash);
    check("T4-SUM outlines 表四's 行政复议 total", pdf.cell === "num st-ok sev-error: 0✖3", pdf.cell);
    check("T4-SUM's note: the message and 第4页第29行",
          /表四行政复议：总计为 0，但四项之和为 11/.test(pdf.note) && /第4页第29行/.test(pdf.note), pdf.note);
    check("page markers of the PDF", pdf.marks === "第 2 页 第 3 页 第 4 页 第 5 页", pdf.marks);
    check("missing cells marked 缺", pdf.missing === 21, pdf.missing);
    const shot = await page.$("#report-2 .block:has(td[data-path^='tables.appeals'])");
    if (shot) await shot.screenshot({ path: path.join(out, "serve_pdf_table.png") });

    // ---- a title that is HTML ----
    await upload(page, url, ["tests/serve/script_title.yaml"]);
    const hostile = await page.evaluate(() => ({
      h1: document.querySelector("section.report h1").textContent,
      scripts: document.scripts.length,
    }));
    check("a <script> title is shown as text",
          hostile.h1 === '<script>alert("x")</script>沙坡头区 2022 年政府信息公开工作年度报告', hostile.h1);
    check("and no script runs in the page", hostile.scripts === 0, hostile.scripts);
    await page.screenshot({ path: path.join(out, "serve_script_title.png") });
    check("no Content-Security-Policy violation", violations.length === 0, violations.join("; "));
  } finally {
    await browser.close();
    child.kill("SIGTERM");
  }
  console.log(failed ? failed + " failed" : "all passed");
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(String(e.stack || e)); process.exit(1); });
