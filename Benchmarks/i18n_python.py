"""The same measurements with Python's reference implementation (fluent.runtime)."""
import json
import pathlib
import statistics
import sys
import time

from fluent.runtime import FluentBundle, FluentResource

locales = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Locales")


def load():
    bundles = {}
    for language in ["it", "sq", "en"]:
        bundle = FluentBundle([language], use_isolating=False)
        for path in sorted((locales / language).glob("*.ftl")):
            bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
        bundles[language] = bundle
    return bundles


loads = []
for _ in range(10):
    start = time.perf_counter()
    bundles = load()
    loads.append((time.perf_counter() - start) * 1000)


def per_call(body, samples=31, batch=500):
    results = []
    for _ in range(samples):
        start = time.perf_counter_ns()
        for index in range(batch):
            body(index)
        results.append((time.perf_counter_ns() - start) / batch)
    return statistics.median(results)


it = bundles["it"]
summary = it.get_message("cli-lint-summary").value
plain = bundles["sq"].get_message("nav-events").value
result = {
    "load_all_catalogs_ms": statistics.median(loads),
    "format_plural_ns": per_call(lambda i: it.format_pattern(summary, {"count": i % 1000})),
    "format_plural_grouped_ns": per_call(lambda i: it.format_pattern(summary, {"count": 1000 + i % 9000})),
    "format_plain_ns": per_call(lambda i: bundles["sq"].format_pattern(plain, {})),
}
print(json.dumps(result, sort_keys=True))
