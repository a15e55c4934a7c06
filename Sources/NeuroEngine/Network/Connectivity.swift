/// Questions about the synapses of a network: degrees, weight matrices, mean weights.
extension Projection {
  /// The mean weight of its synapses (the one weight when all share it).
  public var meanWeight: Double {
    guard weights != nil || plastic != nil else { return weight }
    return targets.isEmpty ? 0 : (0..<targets.count).reduce(0) { $0 + weight(at: $1) } / Double(targets.count)
  }

  /// Bytes it holds: its synapses, row starts, delay queue and plastic state.
  public var bytesHeld: Double {
    Double(synapseCount) * bytesPerSynapse + Double(delaySteps) * 8
      + Double(plasticity?.bytesPerProjection(pre: preRange.count, post: postRange.count) ?? 0)
  }

  /// The weight of every synapse now, row by row (presynaptic neuron, then target).
  public var synapseWeights: [Double] { (0..<targets.count).map(weight(at:)) }

  /// The presynaptic and postsynaptic neuron (indices in their groups) of every synapse, in the order of
  /// `synapseWeights`.
  public var synapseEnds: (pre: [Int], post: [Int]) {
    var pre: [Int] = []
    pre.reserveCapacity(targets.count)
    for r in 0..<(rowStart.count - 1) {
      pre += repeatElement(preRange.lowerBound + r, count: rowStart[r + 1] - rowStart[r])
    }
    return (pre, targets.map { Int($0) })
  }

  /// The number of its synapses onto each neuron of `range` of the post group.
  public func inDegrees(of range: Range<Int>) -> [Int] {
    var counts = [Int](repeating: 0, count: range.count)
    for target in targets where range.contains(Int(target)) { counts[Int(target) - range.lowerBound] += 1 }
    return counts
  }

  /// The number of its synapses from each neuron of `range` of the pre group.
  public func outDegrees(of range: Range<Int>) -> [Int] {
    var counts = [Int](repeating: 0, count: range.count)
    for i in range where preRange.contains(i) {
      let row = i - preRange.lowerBound
      counts[i - range.lowerBound] = rowStart[row + 1] - rowStart[row]
    }
    return counts
  }

  /// Adds the weight of each synapse from `pre` to `post` (neuron ranges of its groups) into
  /// `matrix[i - pre.lowerBound][j - post.lowerBound]`.
  func addWeights(from pre: Range<Int>, to post: Range<Int>, into matrix: inout [[Double]]) {
    for i in pre where preRange.contains(i) {
      let row = i - preRange.lowerBound
      for s in rowStart[row]..<rowStart[row + 1] {
        let j = Int(targets[s])
        guard post.contains(j) else { continue }
        matrix[i - pre.lowerBound][j - post.lowerBound] += weight(at: s)
      }
    }
  }
}

extension Simulation {
  /// How many synapses reach each neuron of `range` of a group, over every projection.
  public func inDegrees(of group: GroupID, _ range: Range<Int>) -> [Int] {
    allProjections.filter { $0.post == group }.reduce(into: [Int](repeating: 0, count: range.count)) { total, p in
      for (k, n) in p.inDegrees(of: range).enumerated() { total[k] += n }
    }
  }

  /// How many synapses leave each neuron of `range` of a group, over every projection.
  public func outDegrees(of group: GroupID, _ range: Range<Int>) -> [Int] {
    allProjections.filter { $0.pre == group }.reduce(into: [Int](repeating: 0, count: range.count)) { total, p in
      for (k, n) in p.outDegrees(of: range).enumerated() { total[k] += n }
    }
  }

  /// The summed weights from each neuron of `preRange` (rows) to each of `postRange` (columns), over
  /// every projection between the two groups.
  public func weightMatrix(from pre: GroupID, _ preRange: Range<Int>, to post: GroupID, _ postRange: Range<Int>)
    -> [[Double]]
  {
    var matrix = [[Double]](repeating: [Double](repeating: 0, count: postRange.count), count: preRange.count)
    for projection in allProjections where projection.pre == pre && projection.post == post {
      projection.addWeights(from: preRange, to: postRange, into: &matrix)
    }
    return matrix
  }

  /// The weights of one projection, from each neuron of its pre range (rows) to each of its post range (columns).
  public func weightMatrix(of projection: Projection) -> [[Double]] {
    var matrix = [[Double]](
      repeating: [Double](repeating: 0, count: projection.postRange.count), count: projection.preRange.count)
    projection.addWeights(from: projection.preRange, to: projection.postRange, into: &matrix)
    return matrix
  }

  /// The kind of channel a projection feeds (what its weights are), or nil when its group has none.
  public func channelKind(of projection: Projection) -> SynapticChannel.Kind? {
    group(projection.post).channelKind(projection.channel)
  }

  /// Whether any projection delivers onto a group.
  public func receivesSynapses(_ group: GroupID) -> Bool {
    allProjections.contains { $0.post == group } || drives.contains { $0.target == group }
  }
}
