import NeuroLearn
import NeuroUnits

/// What a dataset holds, as values: `data.count`, `data.classes`, `data.labels`, `data.features`.
extension Interpreter {
  static let datasetMembers = ["count", "classes", "labels", "features", "feature_names"]

  func datasetMember(_ data: Dataset, _ name: String, _ nameSpan: Span) throws -> Value {
    switch name {
    case "count": return .quantity(Quantity(Double(data.count)))
    case "classes": return .list(ValueList(data.classNames.map { .string($0) }))
    case "feature_names": return .list(ValueList(data.featureNames.map { .string($0) }))
    case "labels": return .list(ValueList(numbers: data.labels.map(Double.init), dimension: .none))
    case "features":
      guard world.fits(Double(data.features.values.count) * 16) else {
        throw failure("the features of \(data.count) samples would not fit in memory", at: nameSpan)
      }
      return .list(
        ValueList((0..<data.count).map { .list(ValueList(numbers: data.features.row($0), dimension: .none)) }))
    default:
      throw failure(
        "a dataset has no '\(name)'", at: nameSpan,
        hint: closestName(to: name, among: Self.datasetMembers).map { "did you mean '\($0)'?" }
          ?? "a dataset has \(Self.datasetMembers.joined(separator: ", "))")
    }
  }
}
