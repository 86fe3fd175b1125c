// Serves a rendered site under a sub-path on localhost, opens every page type in headless
// Chromium and runs axe-core on it; exits 1 on any WCAG 2.1 A/AA violation.
//
//   node axe.mjs SITE_DIR
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
  console.error("usage: node axe.mjs SITE_DIR");
  process.exit(2);
}
const PREFIX = "/sub/path/";
const PAGES = [
  "index.html",
  "themes/index.html",
  "themes/open-wob.html",
  "sessions/index.html",
  "sessions/2017-09-18-kick-off-schiedam.html",
  "retrospectives/index.html",
  "retrospectives/2017-09-18-kick-off-schiedam.html",
  "organisations/index.html",
  "organisations/utrecht.html",
  "tags/index.html",
  "tags/wob.html",
  "404.html",
  "toegankelijkheid.html",
];
const { base, server } = await serveSite(site, PREFIX);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
let failures = 0;
let passed = 0;
try {
  const page = await browser.newPage();
  const missing = [];
  page.on("response", (r) => {
    if (r.status() >= 400) missing.push(r.url());
  });
  for (const path of PAGES) {
    const response = await page.goto(base + path);
    if (!response || !response.ok()) {
      console.error(`FAIL ${path}: HTTP ${response?.status()}`);
      failures++;
      continue;
    }
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    );
    for (const v of result.violations) {
      failures++;
      console.error(`FAIL ${path}: ${v.id} (${v.impact}): ${v.help}`);
      for (const node of v.nodes.slice(0, 5)) console.error(`     ${node.target.join(" ")}: ${node.failureSummary}`);
    }
    if (result.violations.length === 0) passed++;
    console.log(`${result.violations.length === 0 ? "ok  " : "FAIL"} ${path}: ${result.passes.length} checks passed`);
  }
  for (const url of missing) {
    failures++;
    console.error(`FAIL missing resource: ${url}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`axe: ${passed} passed, ${PAGES.length - passed} failed`);
process.exit(failures === 0 ? 0 : 1);
