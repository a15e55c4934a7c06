#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import NeuroEngine
import NeuroUnits

/// Receptive fields: a model cell's filter, recovered from white noise by reverse correlation.
extension Builtins {
  static let receptiveFields = [
    plainFunction("sin", "the sine of x radians (x a plain number)", Glibc.sin),
    plainFunction("cos", "the cosine of x radians (x a plain number)", Glibc.cos),
    gabor, reverseCorrelation, correlation,
  ]

  static let gabor = Builtin(
    name: "gabor", signature: "size: 16, wavelength: 8, angle: 45, sigma: 3, phase: 0",
    summary:
      "a Gabor patch, the receptive field of a simple cell (Jones & Palmer 1987): a grating of a wavelength (pixels) "
      + "at an angle (degrees) under a Gaussian of sd sigma (pixels), as a size × size matrix: heatmap gabor()",
    parameterNames: ["size", "wavelength", "angle", "sigma", "phase"]
  ) { c in
    let usage = "gabor(size: 16, wavelength: 8, angle: 45, sigma: 3)"
    let names = ["size", "wavelength", "angle", "sigma", "phase"]
    let options = try namedOnly(
      c, "gabor", spellings: Dictionary(uniqueKeysWithValues: names.map { ($0, $0) }), usage: usage)
    let size = try options["size"].map { try count($0, "size", c, at: 2...64) } ?? 16
    let values = gaborPatch(
      size: size, wavelength: try plainOption(options["wavelength"], "wavelength", default: 8, positive: true, c),
      angle: try plainOption(options["angle"], "angle", default: 45, c),
      sigma: try plainOption(options["sigma"], "sigma", default: 3, positive: true, c),
      phase: try plainOption(options["phase"], "phase", default: 0, c))
    return matrix(values, columns: size)
  }

  static let reverseCorrelation = Builtin(
    name: "reverse_correlation", signature: "filter, duration: 100s, bin: 1ms, rate: 20Hz, gain: 1, seed: 1",
    summary:
      "a linear–nonlinear–Poisson cell with this filter (a list: a time course, lag 0 first; a matrix: an image) "
      + "under white noise for duration; gives {sta, spikes}: the spike-triggered average, shaped as the filter",
    parameterNames: ["duration", "bin", "rate", "gain", "seed"]
  ) { c in
    let usage = "reverse_correlation(gabor(), duration: 50s)"
    guard let first = c.arguments.first, first.label == nil, case .list(let items) = first.value, !items.isEmpty
    else {
      throw c.failure(
        "reverse_correlation needs a filter first: a list of numbers, or a matrix", at: c.arguments.first?.span,
        hint: "write \(usage)")
    }
    let (filter, columns) = try plainMatrix(items, first.span, c)
    let options = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "reverse_correlation",
      spellings: ["duration": "duration", "bin": "bin", "rate": "rate", "gain": "gain", "seed": "seed"], usage: usage)
    var cell = ReverseCorrelation(filter: filter, temporal: columns == nil)
    let duration = try positiveOption(options["duration"], "duration", .time, default: 100, atMost: 1e5, c)
    cell.bin = try positiveOption(options["bin"], "bin", .time, default: 1e-3, atMost: 1, c)
    cell.baseRate = try positiveOption(options["rate"], "rate", .frequency, default: 20, atMost: 1000, c)
    cell.gain = try plainOption(options["gain"], "gain", default: 1, c)
    let seed = try seedOption(options["seed"], c)
    // The drive is normal with sd |gain|·‖filter‖: beyond 4 the cell's rate spans more than e^±16 of its base.
    let norm = filter.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let spread = Swift.abs(cell.gain) * norm
    guard spread <= 4 else {
      let largest = formatNumber((200 / norm).rounded(.down) / 100)
      throw c.failure(
        "with gain \(formatNumber(cell.gain)) the cell's rate would swing over e^\(formatNumber(spread.rounded())) "
          + "of its base: a few frames would hold all the spikes",
        at: options["gain"]?.span ?? first.span, hint: "gain: \(largest) or smaller")
    }
    let bins = duration / cell.bin
    guard bins * Double(filter.count) <= 2e9 else {
      throw c.failure(
        "\(formatNumber(bins.rounded())) bins of a filter of \(filter.count) values are too much for one call",
        at: options["duration"]?.span, hint: "a shorter duration, a larger bin or a smaller filter")
    }
    guard
      let result = cell.run(
        bins: Int(saturating: bins), seed: seed, shouldStop: c.interpreter.host.shouldStop)
    else { throw c.failure("reverse_correlation interrupted", hint: "a shorter duration finishes sooner") }
    guard result.spikes > 0 else {
      throw c.failure(
        "the cell fired no spike in \(Quantity(duration, .time).formatted), so there is nothing to average",
        hint: "a longer duration or a higher rate")
    }
    let sta: Value =
      columns.map { matrix(result.average, columns: $0) }
      ?? .list(ValueList(numbers: result.average, dimension: .none))
    return .record(
      Record(fields: [("sta", sta), ("spikes", .quantity(Quantity(Double(result.spikes))))]))
  }

  static let correlation = Builtin(
    name: "correlation", signature: "xs, ys",
    summary:
      "the Pearson correlation of two lists (or matrices) of the same size, from -1 to 1: "
      + "correlation(r.sta, filter)"
  ) { c in
    try c.expectPositional(2, "correlation", "correlation(xs, ys)")
    var lists: [[Double]] = []
    for i in 0..<2 {
      guard case .list(let items) = c.arguments[i].value else {
        throw c.failure(
          "correlation needs two lists, found \(c.arguments[i].value.describedKind)", at: c.arguments[i].span)
      }
      lists.append(try plainMatrix(items, c.arguments[i].span, c, anyUnit: true).0)
    }
    guard lists[0].count == lists[1].count, lists[0].count > 1 else {
      throw c.failure(
        "correlation needs two lists of one length (at least 2), found \(lists[0].count) and \(lists[1].count)")
    }
    let r = pearsonCorrelation(lists[0], lists[1])
    guard r.isFinite else { throw c.failure("one of the lists does not vary, so it correlates with nothing") }
    return .quantity(Quantity(r))
  }

  /// A list of plain numbers, or a matrix of them (rows of one length): the values row after row, and the
  /// number of columns of a matrix (nil for a list). `anyUnit` takes numbers with a unit as their SI values.
  private static func plainMatrix(_ items: ValueList, _ span: Span, _ c: CallContext, anyUnit: Bool = false) throws
    -> ([Double], Int?)
  {
    if let (numbers, dimension) = items.numbers {
      guard anyUnit || dimension.isDimensionless else {
        throw c.failure("a filter holds plain numbers, not \(dimension.word)", at: span)
      }
      return (numbers, nil)
    }
    var values: [Double] = []
    var columns: Int? = nil
    for row in items.values {
      guard case .list(let inner) = row, let (numbers, dimension) = inner.numbers, anyUnit || dimension.isDimensionless,
        !numbers.isEmpty, columns == nil || numbers.count == columns
      else {
        throw c.failure("expected a list of numbers, or a matrix of rows of one length", at: span)
      }
      columns = numbers.count
      values += numbers
    }
    return (values, columns)
  }

  /// Values row after row as a list of lists.
  private static func matrix(_ values: [Double], columns: Int) -> Value {
    .list(
      ValueList(
        stride(from: 0, to: values.count, by: columns).map {
          .list(ValueList(numbers: Array(values[$0..<min(values.count, $0 + columns)]), dimension: .none))
        }))
  }
}
