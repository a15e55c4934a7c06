import NeuroPlot
import NeuroUnits

/// `image` and `images`: patterns of 1 and -1 drawn as small images, one or several side by side.
extension Builtins {
  static let image = Builtin(
    name: "image", signature: "pattern, width: w, title: \"…\"",
    summary: "a figure of a pattern of 1 and -1 as a small image, 1 drawn dark: a square number of units "
      + "(100 as 10 × 10), or width: units a row: image(letter(\"A\"))",
    parameterNames: ["width", "title"]
  ) { c in
    let (item, named) = try c.plotArgument("image", ["width", "title"], usage: "image(letter(\"A\"))")
    var title = ""
    if let argument = named["title"] {
      guard case .string(let text) = argument.value else {
        throw c.failure("title is text in quotes", at: argument.span, hint: "title: \"cue\"")
      }
      title = text
    }
    return .figure(try patternImages([(item.value, title)], at: item.span, width: named["width"], c))
  }

  static let images = Builtin(
    name: "images", signature: "[pattern, …], titles: [\"…\", …], width: w",
    summary: "patterns drawn side by side as small images, each under its title: "
      + "images([cue, r.state], titles: [\"cue\", \"recalled\"])",
    parameterNames: ["titles", "width"]
  ) { c in
    let usage = "images([cue, r.state], titles: [\"cue\", \"recalled\"])"
    let (item, named) = try c.plotArgument("images", ["titles", "width"], usage: usage)
    guard case .list(let items) = item.value, !items.isEmpty, case .list = items[0] else {
      throw c.failure(
        "images needs a list of patterns, found \(item.value.describedKind)", at: item.span,
        hint: "one pattern: image(p); several: \(usage)")
    }
    var titles = Array(repeating: "", count: items.count)
    if let argument = named["titles"] {
      var texts: [String] = []
      if case .list(let given) = argument.value {
        for case .string(let text) in given { texts.append(text) }
        if texts.count != given.count { texts = [] }
      }
      guard texts.count == items.count else {
        throw c.failure(
          "titles is a list of \(items.count) texts in quotes, one for each pattern", at: argument.span, hint: usage)
      }
      titles = texts
    }
    return .figure(try patternImages(Array(zip(items, titles)), at: item.span, width: named["width"], c))
  }

  /// The figure of patterns with their titles, each `width:` units a row, or square.
  private static func patternImages(
    _ patterns: [(Value, String)], at span: Span, width: CallArgument?, _ c: CallContext
  ) throws -> Figure {
    let images = try patterns.enumerated().map { i, item in
      let pattern = try c.pattern(item.0, patterns.count == 1 ? "the pattern" : "pattern \(i)", at: span)
      guard pattern.count <= 10_000 else {
        throw c.failure("an image shows at most 10000 units (100 × 100), this pattern has \(pattern.count)", at: span)
      }
      var side = Int(saturating: Double(pattern.count).squareRoot())
      if let width {
        side = try count(width, "width", c, at: 1...pattern.count)
      } else if side * side != pattern.count {
        throw c.failure(
          "\(pattern.count) units are not a square image", at: span,
          hint: "say how many units make a row: width: \(side)")
      }
      return PatternImages.Image(title: item.1, width: side, values: pattern.map(Double.init))
    }
    return Figure(PatternImages(images), title: "", x: Axis(""), y: Axis(""))
  }
}
