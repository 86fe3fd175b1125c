// A rendered site served from SITE_DIR under a sub-path on a free localhost port, as a host
// would publish it: only files inside the site, 404 for anything else. Shared by the
// browser tests that read a site `render` wrote.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".atom": "application/atom+xml",
  ".ics": "text/calendar",
};

/// Starts the server; gives the site's base URL (ending in `prefix`) and the server.
export async function serveSite(site, prefix) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (!url.pathname.startsWith(prefix)) return response.writeHead(404).end();
    const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, "");
    const path = join(site, rel);
    try {
      if (!(await stat(path)).isFile()) throw new Error("not a file");
      response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      response.end(await readFile(path));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${server.address().port}${prefix}`, server };
}
