import Testing
@testable import Hashing

/// One reused context must give every published vector, in any order, and may write a MAC over
/// its own key (the SigV4 key derivation does): RFC 4231 (HMAC-SHA256), FIPS 180-2 (SHA-256).
struct DigestContextTests {
    static let jefeMAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    static let longKeyMAC = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"

    func hex(_ bytes: UnsafeMutableRawBufferPointer) -> String { Array(bytes).hexString }

    @Test func aReusedContextGivesEveryVectorInTurn() {
        let context = DigestContext()
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBytes { out in
            for _ in 0..<2 {
                Array("Jefe".utf8).withUnsafeBytes { key in
                    Array("what do ya want for nothing?".utf8).withUnsafeBytes { context.hmac(key: key, $0, into: out) }
                }
                #expect(hex(out) == Self.jefeMAC)
                Array("abc".utf8).withUnsafeBytes { context.hash($0, into: out) }
                #expect(hex(out) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                [UInt8](repeating: 0xAA, count: 131).withUnsafeBytes { key in
                    Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8).withUnsafeBytes {
                        context.hmac(key: key, $0, into: out)
                    }
                }
                #expect(hex(out) == Self.longKeyMAC)
            }
        }
    }

    @Test func theMACMayOverwriteItsOwnKey() {
        // RFC 4231 test case 2 with the 4-byte key "Jefe" placed in the output buffer itself.
        let context = DigestContext()
        var buffer = [UInt8](repeating: 0, count: 32)
        buffer.replaceSubrange(0..<4, with: Array("Jefe".utf8))
        buffer.withUnsafeMutableBytes { buffer in
            Array("what do ya want for nothing?".utf8).withUnsafeBytes { data in
                context.hmac(key: UnsafeRawBufferPointer(rebasing: buffer[..<4]), data, into: buffer)
            }
        }
        #expect(buffer.hexString == Self.jefeMAC)
    }

    @Test func hexIsLowerCaseTwoDigitsPerByte() {
        #expect([0x00, 0x0F, 0xA0, 0xFF].hexString == "000fa0ff")
        #expect([UInt8]().hexString == "")
    }
}
