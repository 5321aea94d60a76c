import Foundation
import Testing
import Presigning

/// The README's library example, as written there (with a fixed clock), so the documented API
/// cannot drift from the real one.
struct ReadmeExampleTests {
    @Test func readmeExampleCompilesAndGivesTheDocumentedNumbers() throws {
        let (accessKeyId, secret, token): (String, String, String?) = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", nil)
        let credentials = Credentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token)
        let request = PresignRequest(
            bucket: "cf-signed-urls-test", key: "reports/Q1 2024.pdf", region: "eu-west-1",
            expiresIn: 3600, roundingWindow: 1800,
            cdn: .init(host: "d111111abcdef8.cloudfront.net"),
            responseOverrides: ResponseOverrides(contentDisposition: "attachment; filename=\"Q1 2024.pdf\""),
            cacheTTL: 1800)
        let signed = try Presigner.presignGET(request, credentials: credentials,
                                              now: Timestamp(seconds: Int64(Date(timeIntervalSince1970: 1_538_319_500).timeIntervalSince1970)))
        #expect(signed.url.hasPrefix("https://d111111abcdef8.cloudfront.net/reports/Q1%202024.pdf?response-content-disposition="))
        #expect(signed.signedAt.rfc3339 == "2018-09-30T14:30:00Z")
        #expect(signed.expiresAt.rfc3339 == "2018-09-30T15:30:00Z")
        #expect(signed.minimumValidity == 1800)
        #expect(signed.exposure!.seconds == 5400)
    }
}
