import Foundation
import Testing

@testable import NeuroEngine

@Suite struct VectorExpTests {
  /// Units in the last place between two doubles of the same sign.
  private func ulps(_ a: Double, _ b: Double) -> UInt64 {
    let (x, y) = (a.bitPattern, b.bitPattern)
    return x > y ? x - y : y - x
  }

  @Test func agreesWithLibmWithinTwoUnitsInTheLastPlace() {
    var random = RandomSource(seed: 7)
    var values = (0..<200_000).map { _ in -708 + 1417.7 * random.uniform() }
    // The range the engine meets most: decay factors and small arguments.
    values += (0..<100_000).map { _ in -2 * random.uniform() }
    values += [0, -0.0, 1, -1, 1e-300, -1e-300, 709.78, -708.39, 0.5 * log(2), -0.5 * log(2)]
    var computed = values
    computed.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      exponentials(base, count: buffer.count)
    }
    var worst: UInt64 = 0
    for (x, y) in zip(values, computed) { worst = max(worst, ulps(exp(x), y)) }
    #expect(worst <= 2)
  }

  private func vectorizableExp(_ x: Double) -> Double { exponential(SIMD4(repeating: x))[0] }

  @Test func overflowsUnderflowsAndCarriesNaN() {
    #expect(vectorizableExp(710) == .infinity)
    #expect(vectorizableExp(.infinity) == .infinity)
    #expect(vectorizableExp(-746) == 0)
    #expect(vectorizableExp(-.infinity) == 0)
    #expect(vectorizableExp(.nan).isNaN)
    #expect(vectorizableExp(709.782) > 1.7e308 && vectorizableExp(709.782).isFinite)
  }
}
