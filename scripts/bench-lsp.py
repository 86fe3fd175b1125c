#!/usr/bin/env python3
"""Times `pioneers lsp` on a generated knowledge base, as an editor uses it.

    scripts/bench-lsp.py [N]          (default: 10000 documents)

Builds the release binary and `gen_kb`, generates N documents in a temporary folder (plus
one organisation that 1,000 sessions take part in, to rename), starts the server over
stdio and measures, from the moment a message is sent to the moment its answer arrives:
diagnostics after a keystroke in the body and in a reference of one document, completion of an organisation id, the
rename of the id referred to 1,000 times, and the server's memory against the content's
size. Prints a Markdown table for BENCHMARKS.md. Not a test: nothing fails.
"""

import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TODAY = "2026-11-28"
REFERRERS = 1000


def build():
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "pioneers", "--example", "gen_kb"],
        cwd=ROOT,
        check=True,
    )
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release"
    return target / "pioneers", target / "examples" / "gen_kb"


def generate(gen, kb, n):
    subprocess.run([str(gen), str(kb), str(n)], check=True, stdout=subprocess.DEVNULL)
    (kb / "content/organisations/bench-target.md").write_text(
        "---\nname: Bench Target\nkind: other\n---\nReferred to by many sessions.\n"
    )
    sessions = sorted((kb / "content/sessions").glob("*.md"))[:REFERRERS]
    for path in sessions:
        text = path.read_text()
        path.write_text(text.replace("participants: [", "participants: [bench-target, ", 1))
    return sessions[0]


class Server:
    def __init__(self, binary, root):
        self.root = root
        self.process = subprocess.Popen(
            [str(binary), "lsp", "--root", str(root), "--today", TODAY],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PIONEERS_LANG": "en"},
        )
        self.next_id = 1

    def uri(self, path):
        return pathlib.Path(path).resolve().as_uri()

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server stopped")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == request_id and "method" not in message:
                return message
            if "id" in message and "method" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics_of(self, uri):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]

    def memory_kib(self):
        status = pathlib.Path(f"/proc/{self.process.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def timed(f):
    start = time.perf_counter()
    result = f()
    return (time.perf_counter() - start) * 1000, result


def position(text, needle, after):
    at = text.index(needle) + len(needle[:after])
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    return {"line": line, "character": len(text[start:at].encode("utf-16-le")) // 2}


def summary(samples):
    samples = sorted(samples)
    p95 = samples[max(0, round(len(samples) * 0.95) - 1)]
    return f"{statistics.median(samples):.1f}", f"{p95:.1f}"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    binary, gen = build()
    work = pathlib.Path(tempfile.mkdtemp(prefix="bench-lsp-"))
    try:
        kb = work / "kb"
        session = generate(gen, kb, n)
        content_kib = sum(p.stat().st_size for p in (kb / "content").rglob("*") if p.is_file()) // 1024
        server = Server(binary, kb)
        startup, _ = timed(lambda: server.request("initialize", {"processId": None, "rootUri": server.uri(kb), "capabilities": {}}))
        server.notify("initialized", {})
        uri = server.uri(session)
        text = session.read_text()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        version = 1

        def keystrokes(broken):
            """Times 40 changes that alternate `broken` and the text (each changes the
            document's diagnostics, so each is answered)."""
            nonlocal version
            samples = []
            for i in range(40):
                version += 1
                new = broken if i % 2 == 0 else text
                def change():
                    server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]})
                    return server.diagnostics_of(uri)
                samples.append(timed(change)[0])
            return samples

        in_body = keystrokes(text + "<b>\n")
        in_reference = keystrokes(text.replace("hosts: [org-", "hosts: [orq-", 1))
        where = position(text, "hosts: [org-", len("hosts: [org-"))
        completions = []
        for _ in range(40):
            ms, reply = timed(lambda: server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": where}))
            completions.append(ms)
        items = len(reply["result"]["items"])
        target = server.uri(kb / "content/organisations/bench-target.md")
        renames = []
        for new_name in ["bench-renamed", "bench-other", "bench-third"]:
            ms, reply = timed(lambda: server.request("textDocument/rename", {"textDocument": {"uri": target}, "position": {"line": 0, "character": 0}, "newName": new_name}))
            renames.append(ms)
        edits = sum(len(c.get("edits", [])) for c in reply["result"]["documentChanges"])
        rss, peak = server.memory_kib()
        server.request("shutdown", None)
        server.notify("exit", None)
        server.process.wait(timeout=10)
        rows = [
            ("initialize (load and validate everything)", f"{startup:.0f}", "", "1"),
            ("keystroke in the body → diagnostics", *summary(in_body), str(len(in_body))),
            ("keystroke in a reference → diagnostics", *summary(in_reference), str(len(in_reference))),
            (f"completion of an organisation id ({items} items)", *summary(completions), str(len(completions))),
            (f"rename of an id referred to {REFERRERS} times ({edits} edits)", *summary(renames), str(len(renames))),
        ]
        print(f"{n} documents + 1, content {content_kib / 1024:.0f} MiB; RSS {rss / 1024:.0f} MiB "
              f"(peak {peak / 1024:.0f} MiB) = {rss / content_kib:.2f} × content (peak {peak / content_kib:.2f} ×)\n")
        print("| operation | median ms | p95 ms | runs |")
        print("|---|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
