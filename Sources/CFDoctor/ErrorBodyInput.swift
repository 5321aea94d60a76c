import S3Errors

/// Reads an error body argument (`cfdoctor error F`, `check --error-body F`) with the parser's
/// size limit, turning parse failures into one `file:line:column: message` line (exit 2).
enum ErrorBodyInput {
    static func load(_ path: String) throws -> ErrorBody {
        let bytes = try InputFiles.readBytes(path, maximumBytes: ErrorBody.maximumBytes)
        let name = InputFiles.displayName(path)
        do throws(ErrorBodyFailure) {
            return try ErrorBody.parse(bytes)
        } catch {
            let text = error.description
            throw CommandFailure(text.first?.isNumber == true ? "\(name):\(text)" : "\(name): \(text)")
        }
    }
}
