import NeuroUnits

/// What the REPL asks of a session: help, the names defined, completions.
extension Interpreter {
  /// Help on a topic: a function defined in the session (its `##` comments), or the built-in help.
  public func help(for topic: String?) -> String? {
    if let topic, case .function(let function)? = globals.lookup(topic) {
      let declaration = function.declaration
      let signature = declaration.parameters.map { p in
        p.defaultValue.map { "\(p.name): \(function.source.text($0.span))" } ?? p.name
      }.joined(separator: ", ")
      let origin = function.source.name.hasPrefix("<") ? "" : "  (from \(function.source.name.split(separator: "/").last ?? ""))"
      return "\(declaration.name)(\(signature))\(origin)\n" + (declaration.documentation.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") + "\n" } ?? "  (no ## comment above its fn line)\n")
    }
    return Help.text(for: topic)
  }

  /// Every definition as `name = value`, for `:vars`.
  public var variableListing: [String] {
    definitions.map { name, value in
      switch value {
      case .function(let f):
        return "\(name)(\(f.declaration.parameters.map(\.name).joined(separator: ", ")))  function"
      case .neuron:
        return text(of: value, quoted: true)
      default:
        return "\(name) = \(text(of: value, quoted: true))"
      }
    }
  }

  /// Completions of the word being typed: parameter names inside `lif(` or a user function's
  /// call, else names in scope, built-ins and keywords.
  public func completions(of word: String, lineBeforeWord: String) -> [String] {
    var candidates: [String]
    if let callee = innermostOpenCall(lineBeforeWord) {
      if let kind = ModelKind.all[callee] {
        candidates = (kind.parameters.map(\.name) + ["method"]).map { $0 + ":" }
      } else if case .function(let f)? = globals.lookup(callee) {
        candidates = f.declaration.parameters.map { $0.name + ":" } + knownNames
      } else {
        candidates = knownNames
      }
    } else {
      candidates = knownNames
    }
    return Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
  }

  /// The name before the innermost `(` not yet closed: `lif` in `neuron n = lif(tau: 10ms, `.
  private func innermostOpenCall(_ text: String) -> String? {
    var depth = 0
    var index = text.endIndex
    while index > text.startIndex {
      index = text.index(before: index)
      let c = text[index]
      if c == ")" { depth += 1 }
      if c == "(" {
        if depth == 0 {
          let name = text[..<index].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
          return name.isEmpty ? nil : String(name.reversed())
        }
        depth -= 1
      }
    }
    return nil
  }
}
