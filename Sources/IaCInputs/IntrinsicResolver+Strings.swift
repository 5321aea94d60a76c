import Foundation

/// `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::FindInMap` and `Fn::Base64`: values built from other values.
extension IntrinsicResolver {
    mutating func sub(_ argument: Cursor, at location: SourceLocation) -> IaCValue {
        let templateText: String
        var variables: [String: IaCValue] = [:]
        if let text = argument.string {
            templateText = text
        } else if argument.elements.count == 2, let text = argument.elements[0].string {
            templateText = text
            for (key, value) in argument.elements[1].members { variables[key] = resolve(value) }
        } else {
            return .unknown("Fn::Sub needs a string or [string, {variables}]", at: location)
        }
        var output = ""
        var placeholders = [String]()
        var rest = Substring(templateText)
        while let open = rest.range(of: "${") {
            output += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if after.hasPrefix("!") {
                output += "${"
                rest = after.dropFirst()
                continue
            }
            guard let close = after.firstIndex(of: "}") else {
                output += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = after[..<close].trimmingCharacters(in: .whitespaces)
            rest = after[after.index(after: close)...]
            let value: IaCValue
            if let given = variables[name] {
                value = given
            } else if name.contains("."), !name.hasPrefix("AWS::") {
                let dot = name.firstIndex(of: ".")!
                let list = DocNode(.array([DocNode(.string(String(name[..<dot])), line: 0, column: 0),
                                           DocNode(.string(String(name[name.index(after: dot)...])), line: 0, column: 0)]),
                                   line: location.line, column: location.column)
                value = getAtt(Cursor(node: list, pointer: location.pointer, file: location.file), at: location)
            } else {
                value = ref(name, at: location) ?? IaCValue(.string(""), at: location)
            }
            if let unknown = value.unknown { return IaCValue(.unknown(unknown), at: location) }
            guard let text = value.text else { return .unknown("${\(name)} is not a string", at: location) }
            output += text
            placeholders += value.placeholders
            guard output.utf8.count <= Self.maximumTextLength else { return overBudget(at: location) }
        }
        output += rest
        return IaCValue(.string(output), at: location, placeholders: placeholders)
    }

    mutating func join(_ argument: Cursor, at location: SourceLocation) -> IaCValue {
        guard argument.elements.count == 2 else { return .unknown("Fn::Join needs [delimiter, [values]]", at: location) }
        let delimiter = resolve(argument.elements[0])
        let list = resolve(argument.elements[1])
        if let unknown = delimiter.unknown ?? list.unknown { return IaCValue(.unknown(unknown), at: location) }
        guard let separator = delimiter.text, list.isList else { return .unknown("Fn::Join needs [delimiter, [values]]", at: location) }
        var parts = [String]()
        var placeholders = [String]()
        for element in list.elements {
            if let unknown = element.unknown { return IaCValue(.unknown(unknown), at: location) }
            guard let text = element.text else { return .unknown("Fn::Join joins strings only", at: location) }
            parts.append(text)
            placeholders += element.placeholders
        }
        let joined = parts.joined(separator: separator)
        guard joined.utf8.count <= Self.maximumTextLength else { return overBudget(at: location) }
        return IaCValue(.string(joined), at: location, placeholders: placeholders)
    }

    mutating func select(_ argument: Cursor, at location: SourceLocation) -> IaCValue? {
        guard argument.elements.count == 2 else { return .unknown("Fn::Select needs [index, [values]]", at: location) }
        let index = resolve(argument.elements[0])
        let list = resolve(argument.elements[1])
        if let unknown = index.unknown ?? list.unknown { return IaCValue(.unknown(unknown), at: location) }
        guard let position = index.int64, list.isList else { return .unknown("Fn::Select needs [index, [values]]", at: location) }
        guard position >= 0, position < list.elements.count else {
            return .unknown("Fn::Select index \(position) is outside the list of \(list.elements.count)", at: location)
        }
        return list.elements[Int(position)]
    }

    mutating func findInMap(_ argument: Cursor, at location: SourceLocation) -> IaCValue? {
        let keys = argument.elements
        guard keys.count >= 3 else { return .unknown("Fn::FindInMap needs [map, key, key]", at: location) }
        var names = [String]()
        for key in keys.prefix(3) {
            let value = resolve(key)
            if let unknown = value.unknown { return IaCValue(.unknown(unknown), at: location) }
            guard let text = value.text else { return .unknown("Fn::FindInMap keys are strings", at: location) }
            names.append(text)
        }
        guard let node = template.mappings[names[0]]?[names[1]]?[names[2]] else {
            return .unknown("Mappings has no \(names.joined(separator: "/"))", at: location)
        }
        return evaluate(node)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = chunk[chunk.startIndex], b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            output.append(alphabet[Int(b0 >> 2)])
            output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            output.append(chunk.count > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : "=")
            output.append(chunk.count > 2 ? alphabet[Int(b2 & 0x3F)] : "=")
            index += 3
        }
        return output
    }
}
