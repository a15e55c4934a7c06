import NeuroEngine
import NeuroLearn
import NeuroUnits

/// Datasets for networks: the shipped ones, CSV files, your own samples, random ones, and their splits.
extension Builtins {
  static let dataset = Builtin(
    name: "dataset", signature: "\"iris\"|\"digits\"|\"xor\"|\"file.csv\", label: \"column\" (or samples, labels: […])",
    summary:
      "samples with their classes: a data set shipped with neuro (iris, digits, xor), a CSV file with a header, "
      + "numeric features and a label column (the last, or label: \"name\"), or your own: "
      + "dataset([[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 0, 0, 1])",
    parameterNames: ["label", "labels"]
  ) { c in
    if let first = c.arguments.first, first.label == nil, case .list(let rows) = first.value {
      return .dataset(try ownDataset(rows.values, c))
    }
    guard let first = c.arguments.first, first.label == nil, case .string(let name) = first.value else {
      throw c.failure(
        "dataset needs a name or a file", hint: "dataset(\"iris\") or dataset(\"flowers.csv\", label: \"species\")")
    }
    let named = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "dataset", spellings: ["label": "label"],
      usage: "dataset(\"my.csv\", label: \"y\")")
    var label: String? = nil
    if let argument = named["label"] {
      guard case .string(let column) = argument.value else {
        throw c.failure("label is the name of a column, in quotes", at: argument.span, hint: "label: \"species\"")
      }
      label = column
    }
    if name == "xor" { return .dataset(DatasetFiles.xor) }
    var path = FilePaths.expandingTilde(name)
    if let shipped = DatasetFiles.bundled[name] {
      let folders =
        c.interpreter.host.dataPaths
        + c.interpreter.host.libraryPaths.map { FilePaths.joined(FilePaths.folder(of: $0), "data") }
      guard let folder = folders.first(where: { FilePaths.exists(FilePaths.joined($0, shipped.file)) }) else {
        throw c.failure("the data set '\(name)' is not installed here (data/\(shipped.file))", at: first.span)
      }
      path = FilePaths.joined(folder, shipped.file)
      label = label ?? shipped.label
    } else if !name.lowercased().hasSuffix(".csv") {
      let known = ["iris", "digits", "xor"]
      throw c.failure(
        "there is no data set '\(name)'", at: first.span,
        hint: closestName(to: name, among: known).map { "did you mean \"\($0)\"?" }
          ?? "the shipped ones are iris, digits and xor; a file ends in .csv")
    }
    let text: String
    do { text = try readSourceFile(path) } catch { throw c.failure("\(error)", at: first.span) }
    do {
      return .dataset(try DatasetFiles.parse(text, label: label))
    } catch let error as DatasetFiles.ParseError {
      throw c.failure("\(path):\(error.line): \(error.message)", at: first.span)
    }
  }

  static let randomDataset = Builtin(
    name: "random_dataset", signature: "n, features: 10, classes: 2",
    summary: "n samples of random features in [0, 1) with random classes: nothing to learn (the article's example)",
    parameterNames: ["features", "classes"]
  ) { c in
    guard let first = c.arguments.first, first.label == nil else {
      throw c.failure(
        "random_dataset takes the number of samples first", hint: "random_dataset(100, features: 10, classes: 2)")
    }
    let n = try count(first, "the number of samples", c, at: 1...1_000_000)
    let named = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "random_dataset",
      spellings: ["features": "features", "classes": "classes"], usage: "random_dataset(100, features: 10, classes: 2)")
    let features = try named["features"].map { try count($0, "features", c, at: 1...10_000) } ?? 10
    let classes = try named["classes"].map { try count($0, "classes", c, at: 2...1000) } ?? 2
    guard Double(n) * Double(features) <= 10_000_000 else { throw c.failure("that dataset would be too large") }
    return .dataset(Dataset.random(count: n, features: features, classes: classes, random: &c.interpreter.world.random))
  }

  static let split = Builtin(
    name: "split", signature: "dataset, test: 0.2, standardize: true",
    summary:
      "a shuffled, stratified split into {train, test} (the test share of each class held out), features standardised "
      + "with the training set's mean and standard deviation unless standardize: false",
    parameterNames: ["test", "standardize"]
  ) { c in
    guard let first = c.arguments.first, first.label == nil, case .dataset(let data) = first.value else {
      throw c.failure("split needs a dataset first", hint: "split(dataset(\"iris\"), test: 0.2)")
    }
    let named = try namedOnly(
      c.keeping(Array(c.arguments.dropFirst())), "split", spellings: ["test": "test", "standardize": "standardize"],
      usage: "split(data, test: 0.2)")
    var fraction = 0.2
    if let argument = named["test"] {
      guard case .quantity(let q) = argument.value, q.dimension.isDimensionless, q.value > 0, q.value < 1 else {
        throw c.failure("test is the share held out, a number between 0 and 1", at: argument.span, hint: "test: 0.2")
      }
      fraction = q.value
    }
    var standardize = true
    if let argument = named["standardize"] {
      guard case .bool(let b) = argument.value else {
        throw c.failure("standardize is true or false", at: argument.span)
      }
      standardize = b
    }
    var (train, test) = data.split(testFraction: fraction, random: &c.interpreter.world.random)
    guard train.count > 0, test.count > 0 else {
      throw c.failure("\(data.count) samples are too few to split \(formatNumber(fraction)) of them off")
    }
    if standardize {
      let (mean, sd) = train.featureStatistics()
      (train, test) = (train.standardized(mean: mean, sd: sd), test.standardized(mean: mean, sd: sd))
    }
    return .record(Record(fields: [("train", .dataset(train)), ("test", .dataset(test))]))
  }

  /// `adam(learning_rate: 0.01)`, `sgd(learning_rate: 0.1, momentum: 0.9)`: Keras's defaults otherwise.

  /// `dataset([[0, 0], [0, 1]], labels: [0, 1])`: rows of plain numbers, one class per row (whole numbers
  /// or names).
  private static func ownDataset(_ rows: [Value], _ c: CallContext) throws -> Dataset {
    let usage = "dataset([[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 0, 0, 1])"
    guard c.arguments.count == 2, let labelsArgument = c.arguments.last, labelsArgument.label == "labels",
      case .list(let labelValues) = labelsArgument.value
    else {
      throw c.failure("a dataset of your own needs its samples and labels: […]", hint: usage)
    }
    var values: [Double] = []
    var width: Int? = nil
    for row in rows {
      guard case .list(let items) = row else {
        throw c.failure(
          "each sample is a list of numbers, found \(row.describedKind)", at: c.arguments[0].span, hint: usage)
      }
      let numbers = items.values.compactMap { item -> Double? in
        if case .quantity(let q) = item, q.dimension.isDimensionless, q.value.isFinite { return q.value }
        return nil
      }
      guard numbers.count == items.count, !numbers.isEmpty, width == nil || width == numbers.count else {
        throw c.failure(
          "every sample needs the same number of plain numbers", at: c.arguments[0].span, hint: usage)
      }
      width = numbers.count
      values += numbers
    }
    let names = labelValues.values.map { value -> String in
      if case .string(let s) = value { return s }
      if case .quantity(let q) = value { return formatNumber(q.value) }
      return value.shown
    }
    guard let width, names.count == rows.count else {
      throw c.failure(
        rows.isEmpty
          ? "a dataset needs at least one sample"
          : "\(rows.count) samples need \(rows.count) labels, found \(names.count)",
        at: labelsArgument.span, hint: usage)
    }
    let (classes, labels) = DatasetFiles.classes(of: names)
    guard classes.count <= DatasetFiles.maximumClasses else {
      throw c.failure(
        "\(classes.count) different labels: a class is one of a few names or whole numbers", at: labelsArgument.span)
    }
    return Dataset(
      features: Matrix(rows: rows.count, columns: width, values: values), labels: labels, classNames: classes,
      featureNames: (0..<width).map { "x\($0)" })
  }
}
