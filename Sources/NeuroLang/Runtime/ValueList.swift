import NeuroUnits

/// The items of a list. Numbers of one dimension (with no unit to print in) are kept as plain
/// doubles, 8 bytes each: a million spike times take 8 MB, not 64; any other list keeps its values.
/// Read and changed as a collection of values either way.
public struct ValueList: RandomAccessCollection, RangeReplaceableCollection {
  private enum Storage {
    case numbers([Double], Dimension)
    case values([Value])
  }
  private var storage: Storage

  public init() { storage = .numbers([], .none) }

  /// The items, stored compactly when they are all numbers of one dimension.
  public init(_ items: [Value]) {
    storage = Self.compact(items).map { .numbers($0.0, $0.1) } ?? .values(items)
  }

  /// Numbers of one dimension (SI values).
  public init(numbers: [Double], dimension: Dimension) { storage = .numbers(numbers, dimension) }

  /// The numbers and their dimension when every item is a number of one dimension with no display unit.
  private static func compact<C: Collection>(_ items: C) -> ([Double], Dimension)? where C.Element == Value {
    guard case .quantity(let first)? = items.first, first.displayUnit == nil else {
      return items.isEmpty ? ([], .none) : nil
    }
    var numbers: [Double] = []
    numbers.reserveCapacity(items.count)
    for item in items {
      guard case .quantity(let q) = item, q.dimension == first.dimension, q.displayUnit == nil else { return nil }
      numbers.append(q.value)
    }
    return (numbers, first.dimension)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int {
    switch storage {
    case .numbers(let numbers, _): return numbers.count
    case .values(let values): return values.count
    }
  }

  public subscript(position: Int) -> Value {
    switch storage {
    case .numbers(let numbers, let dimension): return .quantity(Quantity(numbers[position], dimension))
    case .values(let values): return values[position]
    }
  }

  /// The numbers (SI) and their dimension when the items are kept compactly.
  var numbers: (values: [Double], dimension: Dimension)? {
    guard case .numbers(let values, let dimension) = storage else { return nil }
    return (values, dimension)
  }

  /// True when the items are numbers kept compactly (so none is a list or a record).
  var holdsOnlyNumbers: Bool {
    if case .numbers = storage { return true }
    return false
  }

  /// The address of the values' storage (nil for compact numbers or no items): one list shared many
  /// times over is recognised by it.
  var storageAddress: UnsafeRawPointer? {
    guard case .values(let values) = storage else { return nil }
    return values.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
  }

  /// The items as an array of values.
  public var values: [Value] {
    switch storage {
    case .numbers(let numbers, let dimension): return numbers.map { .quantity(Quantity($0, dimension)) }
    case .values(let values): return values
    }
  }

  public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with items: C) where C.Element == Value {
    if case .numbers(var numbers, let dimension) = storage, let (new, newDimension) = Self.compact(items),
      new.isEmpty || numbers.count == range.count || newDimension == dimension
    {
      let keptDimension = numbers.count == range.count && !new.isEmpty ? newDimension : dimension
      storage = .values([])  // let go of the old array before changing it, so that it changes in place
      numbers.replaceSubrange(range, with: new)
      storage = .numbers(numbers, numbers.isEmpty ? .none : keptDimension)
      return
    }
    var all = values
    storage = .values([])
    all.replaceSubrange(range, with: items)
    storage = .values(all)
  }

  public mutating func reserveCapacity(_ n: Int) {
    switch storage {
    case .numbers(var numbers, let dimension):
      storage = .values([])
      numbers.reserveCapacity(n)
      storage = .numbers(numbers, dimension)
    case .values(var values):
      storage = .values([])
      values.reserveCapacity(n)
      storage = .values(values)
    }
  }
}

extension Value {
  /// A list of these values (numbers of one dimension are kept compactly).
  static func list(_ items: [Value]) -> Value { .list(ValueList(items)) }
}
