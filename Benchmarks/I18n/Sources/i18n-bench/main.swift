import Foundation
import Localization

// Usage: i18n-bench LOCALES_DIR
// Prints one JSON object: catalog load time and per-call formatting time (medians).

let locales = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Locales")
let clock = ContinuousClock()

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

// Loading all catalogs (it, sq, en and the derived en-XA), as the server does at start-up.
var loads: [Double] = []
var localizer = try Localizer.load(from: locales)
for _ in 0..<30 {
    let elapsed = clock.measure { localizer = try! Localizer.load(from: locales) }
    loads.append(seconds(elapsed) * 1000)
}

// The formatting loops read a constant: a global `var` would add an exclusivity check and a
// copy of the localizer to every call, which is the harness's cost, not the engine's.
let loaded = localizer

/// Median nanoseconds per call over `samples` batches of `batch` calls.
func perCall(samples: Int = 101, batch: Int = 2000, _ body: (Int) -> Int) -> Double {
    var results: [Double] = []
    var sink = 0
    for _ in 0..<samples {
        let elapsed = clock.measure {
            for index in 0..<batch { sink &+= body(index) }
        }
        results.append(seconds(elapsed) * 1e9 / Double(batch))
    }
    if sink == 42 { print("") }
    return median(results)
}

// A typical message: one plural selector and a number (`cli-lint-summary`), counts cycling
// through 0…999 so that every branch and the number formatting are exercised. The argument is
// passed as `FluentArguments` (held inline, looked up without hashing), as a hot path would.
let plural = perCall { index in
    loaded.format("cli-lint-summary", FluentArguments("count", .integer(index % 1000)), in: "it").text.utf8.count
}
// The same with a grouped number (thousands).
let grouped = perCall { index in
    loaded.format("cli-lint-summary", FluentArguments("count", .integer(1000 + index % 9000)), in: "it").text.utf8
        .count
}
// The same call with a dictionary of arguments, as most of the application's calls pass them
// (Swift only: the dictionary is built and hashed in every call).
let pluralDictionary = perCall { index in
    loaded.format("cli-lint-summary", ["count": .integer(index % 1000)], in: "it").text.utf8.count
}
// A plain text message.
let plain = perCall { _ in loaded.format("nav-events", in: "sq").text.utf8.count }

let result: [String: Double] = [
    "load_all_catalogs_ms": median(loads), "format_plural_ns": plural, "format_plural_grouped_ns": grouped,
    "format_plain_ns": plain, "swift_only_format_plural_dictionary_ns": pluralDictionary,
]
let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
