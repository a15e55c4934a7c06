import NeuroEngine
import NeuroLearn
import NeuroUnits

/// What a network holds and does inside: its weights, a unit's receptive field, the activations of every
/// layer for a sample, and the regions in which it gives each class.
extension Builtins {
  static let layerWeights = Builtin(
    name: "layer_weights", signature: "network, layer",
    summary:
      "a layer's weights (layers count from 1): a row per input, a column per unit (heatmap layer_weights(net, 1))"
  ) { c in
    try c.expectPositional(2, "layer_weights", "layer_weights(net, 1)")
    let net = try network(c, "layer_weights", usage: "layer_weights(net, 1)")
    let layer = try layerIndex(net, c.arguments[1], c)
    return matrixValue(net.network.layers[layer].weights)
  }

  static let receptiveField = Builtin(
    name: "receptive_field", signature: "network, unit, layer: 1",
    summary:
      "the weights into one unit (units count from 0) drawn as the input image: 64 inputs as 8 × 8 (heatmap "
      + "receptive_field(net, 5)); a square number of inputs",
    parameterNames: ["layer"]
  ) { c in
    let positional = c.arguments.filter { $0.label == nil }
    guard positional.count == 2 else {
      throw c.failure("receptive_field takes a network and a unit", hint: "receptive_field(net, 5)")
    }
    let net = try network(c, "receptive_field", usage: "receptive_field(net, 5)")
    let layer = try c.arguments.first(where: { $0.label == "layer" }).map { try layerIndex(net, $0, c) } ?? 0
    let weights = net.network.layers[layer].weights
    let unit = try count(positional[1], "unit", c, at: 0...(weights.columns - 1))
    let side = Int(saturating: Double(weights.rows).squareRoot())
    guard side * side == weights.rows else {
      throw c.failure(
        "layer \(layer + 1) has \(weights.rows) inputs, not a square image",
        hint: "layer_weights(net, \(layer + 1)) shows them as a matrix")
    }
    return .list(
      ValueList(
        (0..<side).map { r in
          .list(ValueList(numbers: (0..<side).map { weights[r * side + $0, unit] }, dimension: .none))
        }))
  }

  static let activations = Builtin(
    name: "activations", signature: "network, sample",
    summary: "what every layer of the network outputs for one sample (a list of numbers): a list per layer"
  ) { c in
    try c.expectPositional(2, "activations", "activations(net, [0, 1])")
    let net = try network(c, "activations", usage: "activations(net, [0, 1])")
    let sample = try plainSample(c, "activations")
    try checkInputs(net, sample.count, c, at: c.arguments[1].span)
    let all = net.network.activations(Matrix(rows: 1, columns: sample.count, values: sample)).dropFirst()
    return .list(ValueList(all.map { .list(ValueList(numbers: $0.row(0), dimension: .none)) }))
  }

  static let decisionMap = Builtin(
    name: "decision_map", signature: "network, dataset",
    summary:
      "for a network of two inputs: the class it gives each point of a grid over the dataset's range, as a matrix (top "
      + "row the largest second feature; heatmap decision_map(net, data))"
  ) { c in
    let (net, data) = try networkAndData(c, "decision_map")
    guard data.features.columns == 2 else {
      throw c.failure(
        "decision_map draws two features; this dataset has \(data.features.columns)", at: c.arguments[1].span)
    }
    let xs = (0..<data.count).map { data.features[$0, 0] }, ys = (0..<data.count).map { data.features[$0, 1] }
    // The data's range, widened by half a unit where a feature does not vary, kept finite.
    func range(_ values: [Double]) -> (Double, Double) {
      let (lo, hi) = (max(-1e300, values.min() ?? 0), min(1e300, values.max() ?? 1))
      return lo < hi ? (lo, hi) : (lo - 0.5, hi + 0.5)
    }
    let ((x0, x1), (y0, y1)) = (range(xs), range(ys))
    let (columns, rows) = (40, 20)
    var grid: [Double] = []
    for r in 0..<rows {
      let fy = Double(r) / Double(rows - 1)
      let y = y1 * (1 - fy) + y0 * fy
      for k in 0..<columns {
        let fx = Double(k) / Double(columns - 1)
        grid += [x0 * (1 - fx) + x1 * fx, y]
      }
    }
    let classes = net.network.predictedClasses(Matrix(rows: rows * columns, columns: 2, values: grid))
    return .list(
      ValueList(
        (0..<rows).map { r in
          .list(ValueList(numbers: (0..<columns).map { Double(classes[r * columns + $0]) }, dimension: .none))
        }))
  }
}
