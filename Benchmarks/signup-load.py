#!/usr/bin/env python3
"""Sign-ups under load while the door works (issue 21): a burst of concurrent sign-ups (each
hashes a password with bcrypt) against a running server, while wrk admits distinct vouchers at
the door and another wrk asks /healthz. Prints the sign-ups' answers and the door's and
/healthz's latencies. Driven by Benchmarks/signup-load.sh, which starts the server.

Usage: signup-load.py BASE_URL SIGNUPS SECONDS   (env: CODES, SESSION, TOKEN for the door)
"""
import concurrent.futures
import http.cookiejar
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, signups, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def sign_up(index: int) -> tuple[int, float]:
    """One browser: the form (session and its CSRF token), then the post. (status, seconds)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/signup", timeout=60).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({
        "_csrf": csrf, "displayName": f"Load {index}", "email": f"load-{index}-{time.time_ns()}@example.org",
        "password": "correct horse battery staple", "confirmation": "correct horse battery staple",
    }).encode()
    start = time.monotonic()
    try:
        status = opener.open(base + "/signup", data=data, timeout=60).status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.monotonic() - start


def wrk(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(["wrk", *args], stdout=subprocess.PIPE, text=True)


door = wrk(["-t1", "-c16", f"-d{seconds}s", "--latency", "-s", "Benchmarks/door.lua", base])
health = wrk(["-t1", "-c4", f"-d{seconds}s", "--latency", base + "/healthz"])
time.sleep(1)  # the door and /healthz at their pace first, then the burst
with concurrent.futures.ThreadPoolExecutor(max_workers=signups) as pool:
    answers = list(pool.map(sign_up, range(signups)))
door_out, health_out = door.communicate()[0], health.communicate()[0]
statuses = {}
for status, _ in answers:
    statuses[status] = statuses.get(status, 0) + 1
slowest = max(elapsed for _, elapsed in answers)
result = re.search(r"^RESULT .*$", door_out, re.M).group(0)
p99 = re.search(r"^\s+99%\s+(\S+)", health_out, re.M).group(1)
rate = re.search(r"Requests/sec:\s+(\S+)", health_out).group(1)
print(f"SIGNUPS statuses={statuses} slowest_s={slowest:.2f}")
print(f"DOOR {result}")
print(f"HEALTHZ p99={p99} rate={rate}")
