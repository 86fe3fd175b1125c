"""Reads every calendar of a rendered site with an independent parser (the `icalendar`
package) and checks what RFC 5545 and calendar clients need: all-day events end the next
day, a start without an end has no DTEND, every timed event is in Europe/Amsterdam and
lands on the right UTC instant on the days daylight saving time starts and ends, DTSTAMP is
UTC, and DESCRIPTION carries the page's URL.

    python3 calendars.py SITE_DIR [--fixture]

With --fixture, SITE_DIR is the render of tests/browser/calendars-kb and the events are
checked against what that knowledge base says. Exits 1 on any fault.
"""

import datetime as dt
import pathlib
import sys
import zoneinfo

import icalendar

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
UTC = dt.timezone.utc
faults = []


def fault(where, what):
    faults.append(f"{where}: {what}")


def check_event(where, event):
    for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "STATUS"):
        if name not in event:
            fault(where, f"no {name}")
            return
    stamp = event.decoded("DTSTAMP")
    if not isinstance(stamp, dt.datetime) or stamp.utcoffset() != dt.timedelta(0):
        fault(where, f"DTSTAMP {stamp!r} is not a UTC date-time")
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND") if "DTEND" in event else None
    if isinstance(start, dt.datetime):
        if str(event["DTSTART"].params.get("TZID")) != "Europe/Amsterdam":
            fault(where, "a timed start not in Europe/Amsterdam")
        if end is not None and not end > start:
            fault(where, f"ends {end} before or when it starts {start}")
    else:
        if end != start + dt.timedelta(days=1):
            fault(where, f"all-day event on {start} ends {end}, not the next day")
    url = str(event.get("URL", ""))
    if url and str(event.get("DESCRIPTION", "")) != url:
        fault(where, "DESCRIPTION does not carry the page's URL")


def check_calendar(path):
    where = str(path)
    try:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
    except ValueError as error:
        fault(where, f"does not parse: {error}")
        return {}
    if str(calendar.get("VERSION")) != "2.0":
        fault(where, "VERSION is not 2.0")
    if "pioneers" not in str(calendar.get("PRODID", "")):
        fault(where, "PRODID does not name its maker")
    events = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID"))
        check_event(f"{where} {uid}", event)
        events[uid.split("@")[0]] = event
    return events


def at(event, name):
    return event.decoded(name)


def check_fixture(site, events):
    """What tests/browser/calendars-kb says, as an independent parser reads it."""
    day = dt.date
    expected_utc = {
        # The Sunday summer time starts: 10:00 CEST is 08:00 UTC.
        "2026-03-29-zomertijd": (dt.datetime(2026, 3, 29, 8, 0, tzinfo=UTC), dt.datetime(2026, 3, 29, 10, 0, tzinfo=UTC)),
        # The Sunday it ends: 10:00 CET is 09:00 UTC, 17:00 is 16:00.
        "2026-10-25-wintertijd": (dt.datetime(2026, 10, 25, 9, 0, tzinfo=UTC), dt.datetime(2026, 10, 25, 16, 0, tzinfo=UTC)),
        "2026-06-11-middag": (dt.datetime(2026, 6, 11, 11, 30, tzinfo=UTC), dt.datetime(2026, 6, 11, 15, 0, tzinfo=UTC)),
    }
    for uid, (start, end) in expected_utc.items():
        event = events[uid]
        if at(event, "DTSTART").astimezone(UTC) != start:
            fault(uid, f"starts {at(event, 'DTSTART')}, expected {start}")
        if at(event, "DTEND").astimezone(UTC) != end:
            fault(uid, f"ends {at(event, 'DTEND')}, expected {end}")
    for uid, start in (("2026-06-10-heledag", day(2026, 6, 10)), ("2026-12-31-oudejaar", day(2026, 12, 31))):
        event = events[uid]
        if at(event, "DTSTART") != start or at(event, "DTEND") != start + dt.timedelta(days=1):
            fault(uid, "not one whole day")
    if "DTEND" in events["2026-06-12-begin"]:
        fault("2026-06-12-begin", "a start without an end has a DTEND")
    if str(events["2026-06-13-afgelast"]["STATUS"]) != "CANCELLED":
        fault("2026-06-13-afgelast", "not CANCELLED")
    middag = events["2026-06-11-middag"]
    if str(middag["SUMMARY"]) != "Middag: open werken, samen; met \\ en é":
        fault("2026-06-11-middag", f"SUMMARY read back as {str(middag['SUMMARY'])!r}")
    if str(middag["LOCATION"]) != "Stadhuis, zaal 2, Utrecht":
        fault("2026-06-11-middag", f"LOCATION read back as {str(middag['LOCATION'])!r}")
    if str(middag["DESCRIPTION"]) != "https://example.org/netwerk/sessions/2026-06-11-middag.html":
        fault("2026-06-11-middag", "DESCRIPTION is not the page's URL")
    # Subscriptions: a theme's sessions, an organisation's (hosted and attended).
    theme = check_calendar(site / "themes/open-wob.ics")
    if sorted(theme) != ["2026-06-10-heledag"]:
        fault("themes/open-wob.ics", f"holds {sorted(theme)}")
    utrecht = check_calendar(site / "organisations/utrecht.ics")
    if sorted(utrecht) != ["2026-06-11-middag", "2026-06-12-begin"]:
        fault("organisations/utrecht.ics", f"holds {sorted(utrecht)}")
    zwolle = check_calendar(site / "organisations/zwolle.ics")
    if "2026-06-11-middag" not in zwolle:
        fault("organisations/zwolle.ics", "misses the session Zwolle attended")


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    site = pathlib.Path(sys.argv[1])
    paths = sorted(site.rglob("*.ics"))
    events = {}
    for path in paths:
        events.update(check_calendar(path))
    if not paths:
        fault(str(site), "no calendars")
    if "--fixture" in sys.argv[2:]:
        check_fixture(site, check_calendar(site / "sessions.ics"))
    for line in faults:
        print(line, file=sys.stderr)
    print(f"{len(paths)} calendars, {len(events)} sessions read by icalendar {icalendar.__version__}: {len(faults)} faults")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
