import FoundationEssentials
import NeuroUnits

/// What the REPL asks of a session: help, the names defined, completions.
extension Interpreter {
  /// Help on a topic: a function defined in the session (its `##` comments), or the built-in help.
  public func help(for topic: String?) -> String? {
    if let topic, case .function(let function)? = globals.lookup(topic) { return help(for: function) }
    if let topic, ModelKind.all[topic] == nil, case .builtin(let model)? = globals.lookup(topic),
      Builtins.all[topic] == nil
    {
      return "\(model.name)(\(model.signature))  (a model written in neuro)\n" + wrapped(model.summary)
    }
    return Help.text(for: topic) ?? topic.flatMap(libraryHelp)
  }

  /// A user function's signature and its `##` documentation.
  private func help(for function: UserFunction) -> String {
    let declaration = function.declaration
    let signature = declaration.parameters.map { p in
      p.defaultValue.map { "\(p.name): \(function.source.text($0.span))" } ?? p.name
    }.joined(separator: ", ")
    let origin =
      function.source.name.hasSuffix(".neuro")
      ? "  (from \(function.source.name.split(separator: "/").last ?? ""))" : ""
    let documentation = declaration.documentation.map { "  " + $0.replacing("\n", with: "\n  ") + "\n" }
    return "\(declaration.name)(\(signature))\(origin)\n" + (documentation ?? "  (no ## comment above its fn line)\n")
  }

  /// Documentation indented under its heading, one line of the source a line.
  private func wrapped(_ text: String) -> String {
    text.isEmpty ? "" : "  " + text.replacing("\n", with: "\n  ") + "\n"
  }

  /// Help on a function or model of the standard library that has not been imported yet.
  private func libraryHelp(_ name: String) -> String? {
    for folder in host.libraryPaths {
      let files =
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".neuro") }.sorted() ?? []
      for file in files {
        let path = FilePaths.joined(folder, file)
        guard let text = try? readSourceFile(path) else { continue }
        let source = Source(name: path, text: text)
        let module = String(file.dropLast(".neuro".count))
        for statement in Parser.parse(source).statements {
          if case .model(let declaration) = statement.kind, declaration.name == name {
            return "model \(name)  (from \(file))\n" + wrapped(declaration.documentation ?? "")
              + "  (import \"\(module)\" to use it)\n"
          }
          guard case .function(let declaration) = statement.kind, declaration.name == name else { continue }
          let function = UserFunction(declaration: declaration, closure: globals, source: source)
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
      case .model(let model)? = try? evaluate(expr)
    else { return nil }
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
      case .figure:
        return "\(name) = \(value.shown)"  // named, not drawn: one line per definition
      default:
        return "\(name) = \(text(of: value, quoted: true))"
      }
    }
  }

  /// The parameter names a call of `name` takes as `label: value`, for completion: a model's parameters
  /// (with `preset` and `method`), a built-in's, a user function's; nil for anything else.
  public func parameterNames(ofCall name: String) -> [String]? {
    if let kind = ModelKind.all[name] { return Builtins.modelConstructor(kind).parameterNames }
    if let builtin = Builtins.all[name], !builtin.parameterNames.isEmpty { return builtin.parameterNames }
    if case .function(let f)? = globals.lookup(name) { return f.declaration.parameters.map(\.name) }
    return nil
  }

  /// True when a call of `name` takes only named values (a model), so other names make no sense there.
  public func takesOnlyNamedValues(_ name: String) -> Bool {
    ModelKind.all[name] != nil || Builtins.takingOnlyNamedValues.contains(name)
  }

  /// The words a word parameter accepts (`preset:` and `method:` of a model, `pairing:` of stdp), for
  /// completion; nil otherwise.
  public func words(forParameter label: String, ofCall name: String) -> [String]? {
    if let kind = ModelKind.all[name] { return Builtins.modelConstructor(kind).wordParameters[label] }
    return Builtins.all[name]?.wordParameters[label]
  }
}
