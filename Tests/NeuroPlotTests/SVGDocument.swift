import Foundation
@testable import NeuroPlot

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An SVG document read back with Foundation's XML parser: its elements in order, each with its attributes and
/// text, or the parser's error when it is not well-formed XML.
final class SVGDocument: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
    var text = ""
  }

  private(set) var elements: [Element] = []
  private(set) var error: Error?
  private var open: [Int] = []

  init(_ text: String) {
    super.init()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = self
    if !parser.parse() { error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
  }

  var isValid: Bool { error == nil && elements.first?.name == "svg" }

  /// The elements called `name`, with `class` when given.
  func all(_ name: String, class className: String? = nil) -> [Element] {
    elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
  }

  /// The text of every `<text>` element.
  var texts: [String] { all("text").map(\.text) }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    open.append(elements.count)
    elements.append(Element(name: name, attributes: attributes))
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    open.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let last = open.last { elements[last].text += string }
  }
}

/// How many pieces (M commands) a path's data has.
func pieces(_ element: SVGDocument.Element?) -> Int {
  element?.attributes["d"]?.filter { $0 == "M" }.count ?? 0
}
