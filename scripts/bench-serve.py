#!/usr/bin/env python3
"""Times `pioneers serve` on a generated knowledge base: from saving a file to the reload
event the open pages get, and on to the changed page received, for a body edit, a title
change, a new document and a removal; and the server's memory against the content's size
after a visit to every kind of page. Prints a Markdown table.

    scripts/bench-serve.py [N] [--runs R]      (default: 10000 documents, 15 runs each)

Builds the release binary and the generator first. Standard library only.
"""

import http.client
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    args = sys.argv[1:]
    runs = 15
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i : i + 2]
    n = int(args[0]) if args else 10000
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "pioneers", "--example", "gen_kb"],
        cwd=ROOT,
        check=True,
    )
    binary = ROOT / "target/release/pioneers"
    with tempfile.TemporaryDirectory() as work:
        kb = pathlib.Path(work) / "kb"
        subprocess.run(
            [ROOT / "target/release/examples/gen_kb", kb, str(n)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        content_mib = size_mib(kb / "content")
        env = dict(os.environ, PIONEERS_TODAY="2026-11-28", PIONEERS_LANG="en")
        started = time.perf_counter()
        server = subprocess.Popen(
            [binary, "serve", "--port", "0"],
            cwd=kb,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            line = server.stdout.readline()
            first_build = time.perf_counter() - started
            port = int(re.search(r":(\d+)/", line).group(1))
            time.sleep(1)
            at_start, _ = memory(server.pid)
            rows, after_edits = measure(kb, port, runs, server.pid)
            rss, peak = memory(server.pid)
        finally:
            server.terminate()
            server.wait()
    print(f"{n} documents, {content_mib:.0f} MiB of content; serving after {first_build * 1000:.0f} ms\n")
    print("| change | runs | to the reload event: median ms | p90 ms | to the page received: median ms | p90 ms |")
    print("|---|---|---|---|---|---|")
    for name, pairs in rows:
        cells = []
        for times in ([p[0] for p in pairs], [p[1] for p in pairs]):
            times = sorted(times)
            p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
            cells += [f"{statistics.median(times):.0f}", f"{p90:.0f}"]
        print(f"| {name} | {len(pairs)} | " + " | ".join(cells) + " |")
    print("\n| memory while serving | resident MiB | × the content |")
    print("|---|---|---|")
    for name, mib in [
        ("started, nothing asked for yet", at_start),
        ("after the edits above and their pages", after_edits),
        ("after home, every index, the tags, the feed, the search index and data too", rss),
        ("peak", peak),
    ]:
        print(f"| {name} | {mib:.0f} | {mib / content_mib:.1f} |")


def measure(kb, port, runs, pid):
    """Each kind of change `runs` times, timed from the write to the reload event, and on
    to the changed page received (fetched after the event, as the reloading tab does)."""
    events = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    events.request("GET", "/__pioneers/events")
    stream = events.getresponse()
    stream.readline()  # ": connected"
    pages = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    retrospectives = sorted((kb / "content/retrospectives").glob("*.md"))
    themes = sorted((kb / "content/themes").glob("*.md"))

    def wait_reload():
        while True:
            line = stream.readline()
            if line.startswith(b"data: reload"):
                return

    def fetch(path):
        pages.request("GET", path)
        response = pages.getresponse()
        return response.status, response.read().decode()

    def timed(change, page, shows):
        time.sleep(0.3)  # let the previous change settle
        start = time.perf_counter()
        change()
        wait_reload()
        reloaded = time.perf_counter()
        status, html = fetch(page)
        served = time.perf_counter()
        if not shows(status, html):
            sys.exit(f"{page} does not show the change (status {status})")
        return (reloaded - start) * 1000, (served - start) * 1000

    def page_of(path):
        return f"/{path.parent.name}/{path.stem}.html"

    def body_edit(path, i):
        text = path.read_text()
        path.write_text(text + f"\nEen extra zin, nummer {i}.\n")

    def title_change(path, i):
        text = path.read_text()
        path.write_text(re.sub(r"^title: .*$", f"title: Nieuwe titel {i}", text, count=1, flags=re.M))

    def create(i):
        (kb / f"content/themes/nieuw-thema-{i}.md").write_text(
            f"---\ntitle: Nieuw thema {i}\nsummary: Een nieuw thema.\n---\nTekst.\n"
        )

    def remove(i):
        (kb / f"content/themes/nieuw-thema-{i}.md").unlink()

    def shows(text):
        return lambda status, html: status == 200 and text in html

    changes = [
        (
            "body edit of a retrospective (its page)",
            lambda i: timed(lambda: body_edit(retrospectives[i * 7], i), page_of(retrospectives[i * 7]), shows(f"nummer {i}.")),
        ),
        (
            "title change of a theme (its page)",
            lambda i: timed(lambda: title_change(themes[i * 11], i), page_of(themes[i * 11]), shows(f"Nieuwe titel {i}")),
        ),
        (
            "title change of a theme (the themes index)",
            lambda i: timed(lambda: title_change(themes[i * 11 + 3], i + 100), "/themes/index.html", shows(f"Nieuwe titel {i + 100}")),
        ),
        ("new theme (its page)", lambda i: timed(lambda: create(i), f"/themes/nieuw-thema-{i}.html", shows(f"Nieuw thema {i}"))),
        (
            "theme removed (its page: 404)",
            lambda i: timed(lambda: remove(i), f"/themes/nieuw-thema-{i}.html", lambda status, html: status == 404),
        ),
    ]
    rows = []
    for name, run in changes:
        rows.append((name, [run(i) for i in range(runs)]))
        print(f"resident after: {name}: {memory(pid)[0]:.0f} MiB (peak {memory(pid)[1]:.0f})", file=sys.stderr)
    after_edits, _ = memory(pid)
    # What a writer looks at besides: home, the indexes, the tags, the feed, a search.
    for path in ["/", "/themes/", "/sessions/", "/retrospectives/", "/organisations/", "/tags/", "/feed.atom", "/search.json", "/data/themes.json"]:
        fetch(path)
    events.close()
    pages.close()
    return rows, after_edits


def memory(pid):
    """Resident and peak resident memory of `pid` in MiB."""
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    value = lambda key: int(re.search(rf"{key}:\s+(\d+) kB", status).group(1)) / 1024
    return value("VmRSS"), value("VmHWM")


def size_mib(folder):
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1024 / 1024


if __name__ == "__main__":
    main()
