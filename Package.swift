// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "neuro",
  products: [
    .executable(name: "neuro", targets: ["neuro"])
  ],
  dependencies: [
    // HMAC-SHA256 signs the Jupyter kernel's messages.
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2")
  ],
  targets: [
    // printf's %g for numbers, called directly (NeuroUnits' formatNumber).
    .target(name: "CNumberFormat"),
    .target(name: "NeuroUnits", dependencies: ["CNumberFormat"]),
    // The engine is optimised in debug builds too: the tests simulate networks and whole lessons.
    .target(
      name: "NeuroEngine", dependencies: ["NeuroUnits"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .target(name: "NeuroPlot", dependencies: ["NeuroUnits"]),
    // Artificial neural networks: optimised in debug builds too (the tests train on the digits).
    .target(
      name: "NeuroLearn", dependencies: ["NeuroUnits", "NeuroEngine"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .target(name: "NeuroLang", dependencies: ["NeuroUnits", "NeuroEngine", "NeuroPlot", "NeuroLearn"]),
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // ZeroMQ for the Jupyter kernel (`neuro kernel`), loaded when the kernel starts: neuro runs without it.
    .target(name: "CZeroMQ"),
    // Swift 5 mode: the C globals of readline and stdio are used from one thread only.
    .executableTarget(
      name: "neuro",
      dependencies: ["NeuroLang", "CReadline", "CZeroMQ", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: [.swiftLanguageMode(.v5)]),
    .executableTarget(name: "NeuroFuzz", dependencies: ["NeuroLang", "NeuroEngine", "NeuroUnits"]),
    // `make bench-models`: the cost of each model per neuron per step (benchmarks/).
    .executableTarget(name: "ModelCost", dependencies: ["NeuroLang", "NeuroEngine"], path: "benchmarks/ModelCost"),
    // `make bench-learn`: the fits of the network benchmarks, timed in one process.
    .executableTarget(
      name: "LearnCost", dependencies: ["NeuroLearn", "NeuroEngine", "NeuroUnits"], path: "benchmarks/LearnCost"),
    .testTarget(name: "NeuroUnitsTests", dependencies: ["NeuroUnits"]),
    .testTarget(name: "NeuroEngineTests", dependencies: ["NeuroEngine"]),
    .testTarget(name: "NeuroPlotTests", dependencies: ["NeuroPlot"]),
    .testTarget(name: "NeuroLearnTests", dependencies: ["NeuroLearn", "NeuroEngine"]),
    .testTarget(name: "NeuroLangTests", dependencies: ["NeuroLang", "NeuroEngine"]),
    .testTarget(name: "NeuroCLITests", dependencies: ["neuro", "NeuroEngine"]),
  ]
)
