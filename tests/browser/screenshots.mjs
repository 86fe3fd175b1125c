// Screenshots of every page type of a rendered site at desktop (1280 px) and phone (390 px)
// width, for people to look at before and after a change to the look.
//
//   node screenshots.mjs SITE_DIR OUT_DIR
//
// CHROMIUM overrides the browser (default /usr/bin/chromium).
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error("usage: node screenshots.mjs SITE_DIR OUT_DIR");
  process.exit(2);
}
const PAGES = {
  home: "index.html",
  themes: "themes/index.html",
  theme: "themes/open-wob.html",
  sessions: "sessions/index.html",
  session: "sessions/2017-09-18-kick-off-schiedam.html",
  retrospectives: "retrospectives/index.html",
  retrospective: "retrospectives/2017-09-18-kick-off-schiedam.html",
  organisations: "organisations/index.html",
  organisation: "organisations/utrecht.html",
  tags: "tags/index.html",
  tag: "tags/wob.html",
  notfound: "404.html",
  accessibility: "toegankelijkheid.html",
};
await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
for (const [width, name] of [[1280, "desktop"], [390, "phone"]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const [type, path] of Object.entries(PAGES)) {
    const url = pathToFileURL(resolve(join(site, path))).href;
    const response = await page.goto(url).catch(() => null);
    if (!response) continue;
    await page.screenshot({ path: join(out, `${type}-${name}.png`), fullPage: true });
  }
  await page.close();
}
await browser.close();
