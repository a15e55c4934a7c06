/// How the units of a Hopfield network are updated.
public enum HopfieldUpdate: String, Sendable, CaseIterable {
  /// One unit at a time, in a new random order each sweep: the energy never increases.
  case asynchronous = "async"
  /// All units at once from the same state: may end in a 2-cycle.
  case synchronous = "sync"
}

/// What a recall did: the states it went through, their energies, and how it ended.
public struct HopfieldRecall: Sendable, Equatable {
  /// The cue, then the state after each sweep that changed something.
  public var states: [[Int8]]
  /// The energy of each state.
  public var energies: [Double]
  /// True when a full sweep changed nothing (a fixed point was reached).
  public var converged: Bool
  /// True when synchronous updates came back to the state of two sweeps before (a 2-cycle).
  public var cycle: Bool

  /// The state it ended in.
  public var final: [Int8] { states[states.count - 1] }
  /// The sweeps that changed the state.
  public var sweeps: Int { states.count - 1 }
}

extension HopfieldNetwork {
  /// Runs the network from `cue` with sign(h) updates (h = 0 keeps a unit as it is) until a sweep changes
  /// nothing, a 2-cycle appears (synchronous), or `maxSweeps` sweeps have run. The fields are kept as the
  /// units flip (h += 2 s_j W[:, j]), so a sweep costs O(N) plus O(N) per flip.
  public func recall(
    _ cue: [Int8], update: HopfieldUpdate, maxSweeps: Int, random: inout RandomSource
  ) -> HopfieldRecall {
    precondition(cue.count == units, "a cue of \(cue.count) units for a network of \(units)")
    var state = cue
    var h = fieldSums(state)
    var result = HopfieldRecall(
      states: [cue], energies: [energy(state, fieldSums: h)], converged: false, cycle: false)
    var order = Array(0..<units)
    for _ in 0..<maxSweeps {
      var changed = false
      switch update {
      case .asynchronous:
        random.shuffle(&order)
        for i in order where flips(state[i], h[i]) {
          state[i] = -state[i]
          addFlip(of: i, to: state[i], into: &h)
          changed = true
        }
      case .synchronous:
        // Every unit decides from the fields before any of them flips.
        let flipping = (0..<units).filter { flips(state[$0], h[$0]) }
        for i in flipping {
          state[i] = -state[i]
          addFlip(of: i, to: state[i], into: &h)
        }
        changed = !flipping.isEmpty
      }
      if !changed {
        result.converged = true
        break
      }
      result.cycle = result.states.count >= 2 && result.states[result.states.count - 2] == state
      result.states.append(state)
      result.energies.append(energy(state, fieldSums: h))
      if result.cycle { break }
    }
    return result
  }

  /// True when the sign of the field disagrees with the unit (a zero field keeps it).
  private func flips(_ s: Int8, _ h: Int32) -> Bool { (h > 0 && s < 0) || (h < 0 && s > 0) }

  /// The fields after unit `j` turned to `s`: h_i += 2 s W_ij (W is symmetric, so row j is column j).
  private func addFlip(of j: Int, to s: Int8, into h: inout [Int32]) {
    let n = units
    let step: Int32 = s > 0 ? 2 : -2
    weightSums.withUnsafeBufferPointer { w in
      let column = UnsafeBufferPointer(rebasing: w[(j * n)..<(j * n + n)])
      h.withUnsafeMutableBufferPointer { h in
        for i in 0..<n { h[i] &+= step &* column[i] }
      }
    }
  }
}
