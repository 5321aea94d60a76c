import CloudFrontModel
import Documents
import S3Errors

/// Turns already-read inputs into the model: configuration exports and error bodies.
public enum InputDocuments {
    /// Parses one configuration input and detects its shape.
    public static func load(_ input: NamedInput, options: LoadOptions = LoadOptions()) throws(InputFailure) -> LoadedInput {
        if TerraformSource.isSource(name: input.name, contents: input.contents) { throw InputFailure(TerraformSource.message(input.name)) }
        do throws(InputError) {
            return try InputLoader.load(contents: input.contents, file: input.name, options: options)
        } catch {
            throw InputFailure(error.description)
        }
    }

    /// Parses an error body, turning a parse failure into one `name:line:column: message` line.
    public static func errorBody(_ input: NamedInput) throws(InputFailure) -> ErrorBody {
        do throws(ErrorBodyFailure) {
            return try ErrorBody.parse(input.bytes)
        } catch {
            let text = error.description
            throw InputFailure(text.first?.isNumber == true ? "\(input.name):\(text)" : "\(input.name): \(text)")
        }
    }
}
