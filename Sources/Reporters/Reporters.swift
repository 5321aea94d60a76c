/// Every output format, in the order `--format` lists them.
public enum Reporters {
    public static let all: [any Reporter.Type] = [
        TextReporter.self,
        JSONReporter.self,
    ]

    public static var names: [String] { all.map { $0.name } }

    public static func named(_ name: String) -> (any Reporter.Type)? {
        all.first { $0.name == name }
    }
}
