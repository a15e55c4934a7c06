/// Lists and records inside each other, kept shallow enough that printing, comparing and
/// freeing them (all recursive) stays within any thread's stack.
extension Interpreter {
  static let maximumValueNesting = 1_000

  /// `value`, or an error when it holds lists or records more than `maximumValueNesting` levels deep.
  /// (Every value is checked as it is built, so what it holds is at most that deep already.)
  func checkNesting(_ value: Value, at span: Span) throws -> Value {
    var depths: [UnsafeRawPointer: Int] = [:]
    guard Self.nesting(of: value, &depths) <= Self.maximumValueNesting else {
      throw failure(
        "lists and records nested more than \(Self.maximumValueNesting) levels deep", at: span,
        hint: "keep data flat: a list of records, or a table")
    }
    return value
  }

  /// How deep lists and records go in `value`. A list shared many times over (`append(xs, xs)`
  /// again and again) is measured once, by the address of its storage.
  private static func nesting(of value: Value, _ depths: inout [UnsafeRawPointer: Int]) -> Int {
    switch value {
    case .list: break
    case .record(let record): return 1 + record.fields.reduce(0) { max($0, nesting(of: $1.value, &depths)) }
    default: return 0
    }
    guard case .list(let items) = value, !items.holdsOnlyNumbers, let key = items.storageAddress else { return 1 }
    if let known = depths[key] { return known }
    let depth = 1 + items.reduce(0) { max($0, nesting(of: $1, &depths)) }
    depths[key] = depth
    return depth
  }
}
