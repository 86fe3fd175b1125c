// The site search in headless Chromium: the rendered sample served under a sub-path, the
// search box absent without JavaScript, and with it results as one types — accent-
// insensitive, by word prefix, title matches first, links that open from the sub-path —
// and no axe violation with the results open. Exits 1 on any failure.
//
//   node search.mjs SITE_DIR
//
// CHROMIUM overrides the browser (default /usr/bin/chromium).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { serveSite } from "./static-site.mjs";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const site = process.argv[2];
if (!site) {
  console.error("usage: node search.mjs SITE_DIR");
  process.exit(2);
}
const PREFIX = "/een/sub/pad/";
const { base, server } = await serveSite(site, PREFIX);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
try {
  const plain = await browser.newPage({ javaScriptEnabled: false });
  await plain.goto(base + "themes/open-wob.html");
  check((await plain.$("#search-input")) === null, "without JavaScript there is no search box");
  await plain.close();

  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(base + "themes/open-wob.html");
  const input = page.locator("#search-input");
  check((await input.count()) === 1, "the search box is in the header");
  const titles = async () => page.locator("#search-results li a").allTextContents();

  // Accents never matter: the index is folded by render, the query by the script.
  await input.fill("CULTÚÚR");
  await page.waitForFunction(() => document.querySelector("#search-status")?.textContent !== "");
  const accented = await titles();
  check(accented[0] === "Open cultuur", `'CULTÚÚR' finds 'Open cultuur' first (${accented.join(" | ")})`);

  await input.fill("meetbaar");
  await page.waitForFunction(() => document.querySelector("#search-results li a")?.textContent.startsWith("Meetbaarheid"));
  const prefix = await titles();
  check(prefix[0]?.startsWith("Meetbaarheid"), `a word's beginning finds it, title first (${prefix[0]})`);

  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  for (const v of axe.violations) console.error(`     ${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  check(axe.violations.length === 0, "axe: no violation with the results open");

  await Promise.all([page.waitForNavigation(), page.locator("#search-results li a").first().click()]);
  check(page.url().startsWith(base + "themes/") && page.url().endsWith(".html"), `a result opens under the sub-path (${page.url()})`);

  await page.locator("#search-input").fill("xyzzyq");
  await page.waitForFunction(() => document.querySelector("#search-status")?.textContent !== "");
  const none = await page.locator("#search-status").textContent();
  check((await titles()).length === 0 && none.length > 0, `nothing found is said (${none})`);
  check(errors.length === 0, `no script errors or missing files (${errors.join("; ")})`);
} finally {
  await browser.close();
  server.close();
}
console.log(`search: ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
