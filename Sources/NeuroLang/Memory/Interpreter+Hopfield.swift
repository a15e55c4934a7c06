import NeuroEngine
import NeuroUnits

/// What a Hopfield network holds, as values: `net.n`, `net.patterns`, `net.weights`.
extension Interpreter {
  static let hopfieldMembers = ["n", "patterns", "weights"]

  func hopfieldMember(_ network: HopfieldNetwork, _ name: String, _ nameSpan: Span) throws -> Value {
    switch name {
    case "n": return .quantity(Quantity(Double(network.units)))
    case "patterns": return .list(ValueList(network.patterns.map(patternValue)))
    case "weights":
      let n = network.units
      guard world.fits(World.bytes(ofNumbers: n * n)) else {
        throw failure("the \(n) × \(n) weights would not fit in memory as a list", at: nameSpan)
      }
      return .list(
        ValueList(
          (0..<n).map { i in .list(ValueList(numbers: (0..<n).map { network.weight(i, $0) }, dimension: .none)) }))
    default:
      throw failure(
        "a Hopfield network has no '\(name)'", at: nameSpan,
        hint: closestName(to: name, among: Self.hopfieldMembers).map { "did you mean '\($0)'?" }
          ?? "a Hopfield network has \(Self.hopfieldMembers.joined(separator: ", "))")
    }
  }
}
