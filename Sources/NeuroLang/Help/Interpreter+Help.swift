import FoundationEssentials
import NeuroUnits

/// What the REPL asks of a session: help, the names defined, completions.
extension Interpreter {
  /// Help on a topic: a function defined in the session (its `##` comments), or the built-in help.
  public func help(for topic: String?) -> String? {
    if let topic, case .function(let function)? = globals.lookup(topic) { return help(for: function) }
    return Help.text(for: topic) ?? topic.flatMap(libraryHelp)
  }

  /// A user function's signature and its `##` documentation.
  private func help(for function: UserFunction) -> String {
    let declaration = function.declaration
    let signature = declaration.parameters.map { p in
      p.defaultValue.map { "\(p.name): \(function.source.text($0.span))" } ?? p.name
    }.joined(separator: ", ")
    let origin = function.source.name.hasSuffix(".neuro") ? "  (from \(function.source.name.split(separator: "/").last ?? ""))" : ""
    let documentation = declaration.documentation.map { "  " + $0.replacing("\n", with: "\n  ") + "\n" }
    return "\(declaration.name)(\(signature))\(origin)\n" + (documentation ?? "  (no ## comment above its fn line)\n")
  }

  /// Help on a function of the standard library that has not been imported yet.
  private func libraryHelp(_ name: String) -> String? {
    for folder in host.libraryPaths {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".neuro") }.sorted() ?? []
      for file in files {
        let path = FilePaths.joined(folder, file)
        guard let text = try? readSourceFile(path) else { continue }
        let source = Source(name: path, text: text)
        for statement in Parser.parse(source).statements {
          guard case .function(let declaration) = statement.kind, declaration.name == name else { continue }
          let function = UserFunction(declaration: declaration, closure: globals, source: source)
          let module = String(file.dropLast(".neuro".count))
          return help(for: function) + "  (import \"\(module)\" to use it)\n"
        }
      }
    }
    return nil
  }

  /// The model an expression such as `lif(tau: 20ms)` gives, or nil (for tools like the benchmarks).
  public func model(_ expression: String) -> NeuronModel? {
    let (statements, diagnostics) = Parser.parse(Source(name: "<model>", text: expression))
    guard diagnostics.isEmpty, statements.count == 1, case .expression(let expr) = statements[0].kind,
          case .model(let model)? = try? evaluate(expr) else { return nil }
    return model
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

  /// Completions of the word being typed: inside a model's call its parameter names, and after
  /// `preset:` or `method:` their words (from the model's description); inside another built-in or a
  /// user function's call its parameter names; else names in scope, built-ins and keywords.
  public func completions(of word: String, lineBeforeWord: String) -> [String] {
    var candidates: [String]
    if let callee = innermostOpenCall(lineBeforeWord) {
      let label = lineBeforeWord.split(separator: " ").last.map(String.init) ?? ""
      let kind = ModelKind.all[callee]
      if let kind, label.hasSuffix("preset:") {
        candidates = kind.presets.map(\.name)
      } else if let kind, label.hasSuffix("method:") {
        candidates = kind.methods.map(\.rawValue)
      } else if label.hasSuffix(":") {
        candidates = knownNames
      } else if let names = (kind.map(Builtins.modelConstructor) ?? Builtins.all[callee])?.parameterNames, !names.isEmpty {
        candidates = names.map { $0 + ":" }
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
