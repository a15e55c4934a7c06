#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine
import NeuroUnits

/// What `why n` prints and gives: a few lines on what is explained and how, a table of the parts with a bar
/// for each (a waterfall from the resting level to v: █ raises v, ░ lowers it), the presynaptic neurons that
/// did most, and the same numbers as a record.
struct WhyReport {
  /// Names of the parts and of the presynaptic neurons, in the explanation's order.
  struct Labels {
    var parts: [String]
    var presynaptic: [String]
  }

  /// How many presynaptic neurons the table and the record list.
  static let presynapticShown = 5
  /// Columns of the bars.
  static let barWidth = 24

  let text: String
  let record: Record

  /// The text with its sentences fitted to `width` columns; the table's rows (indented) kept whole.
  func wrapped(width: Int) -> String { Self.wrappingSentences(text, width: width) }

  /// A report's sentences fitted to `width` columns, its indented lines kept whole.
  static func wrappingSentences(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix(" ") ? String(line) : TextWrapping.wrap(String(line), width: width)
    }.joined(separator: "\n")
  }

  init(
    _ e: Explanation, neuron: String, time: Double, crossing: Bool, asked: Bool, labels: Labels, dt: Double,
    ascii: Bool, approximation: String
  ) {
    let mV = Self.voltage
    let ms = { (value: Double) in Quantity(value, .time).formatted }
    let since = Double(e.fromStep) * dt
    var rows = zip(labels.parts, e.parts).map { (label: $0, value: $1.value) }
    let remainder = e.remainder
    let showsRemainder = !e.linear || (e.noise && e.vRecorded) || abs(remainder) > 1e-9 * max(abs(e.v), 1e-3)
    if showsRemainder {
      let name = !e.linear ? "nonlinear remainder" : e.noise ? "noise current (draws not kept)" : "not explained"
      rows.append((name, remainder))
    }
    var lines = [Self.headline(e, neuron: neuron, time: time, crossing: crossing, asked: asked, dt: dt)]
    lines.append(
      !e.afterSpike
        ? "counted from \(ms(since)), where v started at \(mV(e.startValue))"
        : e.method == .linearisedAtRest
          ? "counted from \(ms(since)), when v (at \(mV(e.startValue))) had stopped falling after the spike before"
          : "counted from \(ms(since)), after the spike before and its refractory time, where v was "
            + "\(mV(e.startValue)) (a spike resets v)")
    lines.append(approximation)
    if e.noise && !e.vRecorded {
      lines.append("a noise current flowed, whose draws are not kept: its part is missing (record the v to see it)")
    }
    // Parts that add up to less than a nanovolt are round-off: no shares, no bars.
    let total = rows.reduce(0) { $0 + abs($1.value) }, meaningful = total > 1e-9
    let share = { (value: Double) in meaningful ? "\(formatNumber((100 * value / total).rounded()))%" : "" }
    let restRow =
      e.startValue == e.restPart
      ? "resting level" : e.linear ? "resting level, from v at the start" : "resting level, from the start"
    let width = max(([restRow, "v"] + rows.map(\.label)).map(\.count).max() ?? 0, 6)
    let valueWidth = max((rows.map { Self.signed($0.value) } + [mV(e.restPart), mV(e.v)]).map(\.count).max() ?? 0, 4)
    let bars = meaningful ? Self.bars(start: e.restPart, rows.map(\.value), ascii: ascii) : rows.map { _ in "" }
    lines.append("")
    lines.append("  " + "source".padding(width) + "  " + "part".leftPadding(valueWidth) + "  share")
    lines.append("  " + restRow.padding(width) + "  " + mV(e.restPart).leftPadding(valueWidth))
    for (row, bar) in zip(rows, bars) {
      let line =
        "  " + row.label.padding(width) + "  " + Self.signed(row.value).leftPadding(valueWidth) + "  "
        + share(row.value).leftPadding(5) + "  " + bar
      lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
    }
    lines.append("  " + "v".padding(width) + "  " + mV(e.v).leftPadding(valueWidth))
    let presynaptic = Array(zip(labels.presynaptic, e.presynaptic).prefix(Self.presynapticShown))
    if !presynaptic.isEmpty {
      lines.append("")
      lines.append(
        "presynaptic neurons that did most (\(presynaptic.count) of \(e.presynaptic.count); their spikes felt from "
          + "\(ms(since)), earlier ones as the synaptic current they left):")
      let nameWidth = presynaptic.map(\.0.count).max() ?? 0
      for (label, neuron) in presynaptic {
        let spikes = "\(neuron.spikes) spike\(neuron.spikes == 1 ? "" : "s")"
        lines.append("  " + label.padding(nameWidth) + "  " + spikes.padding(9) + "  " + Self.signed(neuron.value))
      }
    }
    text = lines.joined(separator: "\n") + "\n"
    let parts = rows.map { row in
      Value.record(
        Record(fields: [
          ("source", .string(row.label)), ("part", .quantity(Quantity(row.value, .voltage))),
          ("share", .quantity(Quantity(meaningful ? row.value / total : 0))),
        ]))
    }
    let neurons = presynaptic.map { label, neuron in
      Value.record(
        Record(fields: [
          ("neuron", .string(label)), ("spikes", .quantity(Quantity(Double(neuron.spikes)))),
          ("part", .quantity(Quantity(neuron.value, .voltage))),
        ]))
    }
    record = Record(fields: [
      ("neuron", .string(neuron)), ("time", .quantity(Quantity(time, .time))),
      ("v", .quantity(Quantity(e.v, .voltage))),
      ("threshold", e.threshold.map { .quantity(Quantity($0, .voltage)) } ?? .nothing),
      ("spiked", .bool(crossing)), ("since", .quantity(Quantity(since, .time))),
      ("start", .quantity(Quantity(e.startValue, .voltage))), ("rest", .quantity(Quantity(e.restPart, .voltage))),
      ("parts", .list(ValueList(parts))), ("presynaptic", .list(ValueList(neurons))),
      ("remainder", .quantity(Quantity(remainder, .voltage))), ("exact", .bool(e.linear)),
    ])
  }

  /// The first line: what is explained, at which moment.
  private static func headline(
    _ e: Explanation, neuron: String, time: Double, crossing: Bool, asked: Bool, dt: Double
  ) -> String {
    let ms = { (value: Double) in Quantity(value, .time).formatted }
    let threshold = e.threshold.map { ", past its threshold of \(voltage($0))" } ?? ""
    guard crossing else {
      let when = asked ? "at \(ms(time)):" : "has not spiked; now, at \(ms(time)),"
      return "\(neuron) \(when) v = \(voltage(e.v))" + (e.threshold.map { ", its threshold \(voltage($0))" } ?? "")
    }
    let explained = Double(e.step) * dt
    if abs(explained - time) < 1e-9 * dt {
      return "\(neuron) spiked at \(ms(time)): v reached \(voltage(e.v))\(threshold)"
    }
    if explained > time {
      // Spikes placed inside their step: what is explained is v at the step's end (where a reset model's inputs
      // were carrying it, the reset apart).
      guard let threshold = e.threshold else {
        return "\(neuron) spiked at \(ms(time)); at the step's end, \(ms(explained)), v was \(voltage(e.v))"
      }
      return "\(neuron) spiked at \(ms(time)), crossing its threshold of \(voltage(threshold)) inside the step; "
        + "by the step's end, \(ms(explained)), its inputs would have carried v to \(voltage(e.v))"
    }
    return "\(neuron) spiked at \(ms(time)): v was \(voltage(e.v)) at \(ms(explained)), the step before the one "
      + "that reset it"
  }

  /// A part with its sign: `+17.5 mV`, `-2.5 mV`.
  private static func signed(_ value: Double) -> String {
    (value > 0 ? "+" : "") + voltage(value)
  }

  /// A voltage to four significant digits, with its prefix: `-54.98 mV`.
  private static func voltage(_ value: Double) -> String {
    guard value != 0, value.isFinite else { return Quantity(value, .voltage).formatted }
    let scale = pow(10, floor(log10(abs(value))) - 3)
    return Quantity((value / scale).rounded() * scale, .voltage).formatted
  }

  /// One bar a part: from where the parts before it left v to where it brings it, on one scale from the lowest
  /// to the highest of those levels.
  static func bars(start: Double, _ values: [Double], ascii: Bool) -> [String] {
    var levels = [start]
    for value in values { levels.append((levels.last ?? start) + value) }
    let low = levels.min() ?? start, high = levels.max() ?? start
    guard high > low else { return values.map { _ in "" } }
    let column = { (level: Double) in
      Int(saturating: ((level - low) / (high - low) * Double(barWidth)).rounded())
    }
    return values.indices.map { i in
      let (a, b) = (column(levels[i]), column(levels[i + 1]))
      let (left, right) = (min(a, b), max(max(a, b), min(a, b) + (values[i] == 0 ? 0 : 1)))
      let mark: Character = values[i] >= 0 ? (ascii ? "+" : "█") : (ascii ? "-" : "░")
      return String(repeating: " ", count: left) + String(repeating: mark, count: right - left)
    }
  }
}

extension String {
  /// Padded on the left with spaces to `width` characters (never cut).
  func leftPadding(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
