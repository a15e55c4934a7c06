/// Names and their values at one level: the session's globals, a function call, a block.
/// Closures keep their defining scope alive.
final class Scope {
  private var values: [String: Value] = [:]
  let parent: Scope?

  init(parent: Scope?) {
    self.parent = parent
  }

  /// The value of a name here or in an enclosing scope.
  func lookup(_ name: String) -> Value? { values[name] ?? parent?.lookup(name) }

  /// Defines (or redefines) a name in this scope.
  func define(_ name: String, _ value: Value) { values[name] = value }

  /// Assigns to the scope that defines the name; false when none does.
  func assign(_ name: String, _ value: Value) -> Bool {
    if values[name] != nil {
      values[name] = value
      return true
    }
    return parent?.assign(name, value) ?? false
  }

  /// Forgets every name defined at this level.
  func removeAll() { values.removeAll() }

  /// Every name visible from here.
  var visibleNames: [String] { Array(values.keys) + (parent?.visibleNames ?? []) }

  /// The names defined at this level with their values, sorted.
  var entries: [(String, Value)] { values.sorted { $0.key < $1.key } }
}
