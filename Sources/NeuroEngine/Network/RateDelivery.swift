extension Projection {
  /// Adds each presynaptic unit's rate (`rates`, one per unit of the pre group) times the weights of its
  /// synapses into the channel values: the drive a rate connection brings for one step.
  func deliverRates(_ rates: [Double], into values: UnsafeMutableBufferPointer<Double>) {
    for (row, i) in preRange.enumerated() where i < rates.count && rates[i] != 0 {
      let rate = rates[i]
      for s in rowStart[row]..<rowStart[row + 1] { values[Int(targets[s])] += weight(at: s) * rate }
    }
  }
}
