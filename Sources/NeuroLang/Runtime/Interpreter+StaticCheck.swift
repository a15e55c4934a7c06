/// `neuro --check`: what can be found in a source without running it. Every syntax error; then, when
/// there are none, the unit errors of each `model` declaration and of the constants (`let tau = 10ms`)
/// before it, which are worked out as a run would (they simulate nothing).
extension Interpreter {
  /// Every error found in the source without running it, in the order of the source; warnings go to the host.
  public func check(_ source: Source) -> [Diagnostic] {
    LargeStack.run { checkOnThisThread(source) }
  }

  private func checkOnThisThread(_ source: Source) -> [Diagnostic] {
    let (statements, syntaxErrors) = Parser.parse(source)
    guard syntaxErrors.isEmpty else { return syntaxErrors }
    self.source = source
    var constants: Set<String> = []
    var errors: [Diagnostic] = []
    for statement in statements {
      let name: String
      switch statement.kind {
      case .define(let defined, _, let value) where isConstant(value, given: constants):
        name = defined
      case .model(let declaration)
      where declaration.parameters.allSatisfy({ isConstant($0.value, given: constants) })
        && declaration.refractory.map({ isConstant($0, given: constants) }) ?? true:
        name = declaration.name
      default:
        continue
      }
      do {
        try execute(statement, echo: false)
        constants.insert(name)
      } catch let diagnostic as Diagnostic {
        errors.append(diagnostic)
      } catch {
        errors.append(failure("\(error)", at: statement.span))
      }
    }
    return errors
  }

  /// True for an expression of literals and the constants defined before it: working it out runs nothing.
  private func isConstant(_ expr: Expr, given constants: Set<String>) -> Bool {
    switch expr.kind {
    case .number, .string, .bool: return true
    case .name(let name): return constants.contains(name)
    case .unary(_, let operand): return isConstant(operand, given: constants)
    case .binary(_, let left, let right):
      return isConstant(left, given: constants) && isConstant(right, given: constants)
    case .convert(let value, _, _, _, _): return isConstant(value, given: constants)
    case .list(let items): return items.allSatisfy { isConstant($0, given: constants) }
    default: return false
    }
  }
}
