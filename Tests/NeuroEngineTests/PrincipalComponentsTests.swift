#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import NeuroEngine

/// Principal components checked on matrices and samples whose covariance is known.
@Suite struct PrincipalComponentsTests {
  @Test func jacobiFindsTheEigenvaluesOfASymmetricMatrix() {
    let (values, vectors) = PrincipalComponents.eigen([[2, 1, 0], [1, 2, 0], [0, 0, 5]])
    #expect(values.sorted().enumerated().allSatisfy { abs($1 - [1, 3, 5][$0]) < 1e-12 })
    // Each column is an eigenvector: A v = λ v.
    let a: [[Double]] = [[2, 1, 0], [1, 2, 0], [0, 0, 5]]
    for k in 0..<3 {
      for i in 0..<3 {
        let av = (0..<3).reduce(0) { $0 + a[i][$1] * vectors[$1][k] }
        #expect(abs(av - values[k] * vectors[i][k]) < 1e-12)
      }
    }
  }

  @Test func theFirstComponentLiesAlongTheWidestSpread() {
    // 20 000 samples: sd 3 along 30°, sd 1 across it. Variances 9 and 1: 90 % explained by the first.
    var random = RandomSource(seed: 4)
    let angle = Double.pi / 6
    let rows = (0..<20_000).map { _ -> [Double] in
      let (u, v) = (3 * random.normal(), random.normal())
      return [u * cos(angle) - v * sin(angle) + 5, u * sin(angle) + v * cos(angle) - 2]
    }
    let analysis = PrincipalComponents(rows: rows)
    #expect(abs(analysis.explained[0] - 0.9) < 0.01)
    #expect(abs(analysis.variances[0] - 9) < 0.3 && abs(analysis.variances[1] - 1) < 0.05)
    let direction = analysis.components[0]
    #expect(abs(abs(direction[0] * cos(angle) + direction[1] * sin(angle)) - 1) < 1e-3)
    #expect(abs(analysis.mean[0] - 5) < 0.05 && abs(analysis.mean[1] + 2) < 0.05)
    // Projections are centred, with the components' variances.
    let scores = rows.map { analysis.project($0, count: 2) }
    let mean = scores.reduce(0) { $0 + $1[0] } / Double(scores.count)
    #expect(abs(mean) < 1e-9)
  }
}
