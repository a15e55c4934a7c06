import NeuroUnits
import Testing

@testable import NeuroLang

/// Lists of numbers of one dimension are kept as plain doubles (8 bytes each); anything else keeps its
/// values. Either way a list reads and changes as a collection of values.
@Suite struct ValueListTests {
  private let mV = Dimension.voltage

  @Test func numbersOfOneDimensionAreCompact() {
    let list = ValueList((0..<1000).map { .quantity(Quantity(Double($0) * 1e-3, mV)) })
    #expect(list.holdsOnlyNumbers)
    #expect(list.count == 1000)
    guard case .quantity(let q) = list[999] else {
      Issue.record("not a number")
      return
    }
    #expect(q == Quantity(0.999, mV))
  }

  @Test func mixedItemsOrAUnitToPrintInKeepTheirValues() {
    #expect(!ValueList([.quantity(Quantity(1, mV)), .quantity(Quantity(1, .time))]).holdsOnlyNumbers)
    #expect(!ValueList([.quantity(Quantity(1)), .string("a")]).holdsOnlyNumbers)
    var shown = Quantity(1e-3, mV)
    shown.displayUnit = UnitTable.unit(named: "uV")
    let list = ValueList([.quantity(shown)])
    #expect(!list.holdsOnlyNumbers)
    guard case .quantity(let q) = list[0] else {
      Issue.record("not a number")
      return
    }
    #expect(q.displayUnit?.symbol == "µV")
  }

  @Test func changesKeepOrLeaveTheCompactForm() {
    var list = ValueList(numbers: [1, 2], dimension: mV)
    list.append(.quantity(Quantity(3, mV)))
    #expect(list.holdsOnlyNumbers && list.count == 3)
    list.removeFirst()
    #expect(list.holdsOnlyNumbers && list.count == 2)
    list.append(.string("x"))
    #expect(!list.holdsOnlyNumbers && list.count == 3)
    guard case .string("x") = list[2], case .quantity(let q) = list[0] else {
      Issue.record("items changed")
      return
    }
    #expect(q == Quantity(2, mV))
    var times = ValueList(numbers: [1], dimension: mV)
    times.replaceSubrange(0..<1, with: [.quantity(Quantity(5, .time))])
    #expect(times.holdsOnlyNumbers)
    guard case .quantity(let t) = times[0] else {
      Issue.record("not a number")
      return
    }
    #expect(t.dimension == .time)
    var other = ValueList(numbers: [1], dimension: mV)
    other.append(.quantity(Quantity(5, .time)))
    #expect(!other.holdsOnlyNumbers && other.count == 2)
  }

  @Test func aMillionNumbersTakeEightBytesEach() {
    let list = ValueList(numbers: Array(repeating: 0.5, count: 1_000_000), dimension: .time)
    #expect(list.holdsOnlyNumbers)
    #expect(World.bytes(ofNumbers: list.count) == 8_000_000)
  }
}
