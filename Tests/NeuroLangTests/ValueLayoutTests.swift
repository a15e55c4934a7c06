import NeuroUnits
import Testing
@testable import NeuroLang

/// A list of a million numbers holds a million values: each must stay about as small as a number with
/// its unit (the large cases are boxed).
@Suite struct ValueLayoutTests {
  @Test func aValueIsAsSmallAsANumberWithItsUnit() {
    #expect(MemoryLayout<Quantity>.stride <= 64, "\(MemoryLayout<Quantity>.stride) bytes")
    #expect(MemoryLayout<Value>.stride <= 64, "\(MemoryLayout<Value>.stride) bytes")
  }
}
