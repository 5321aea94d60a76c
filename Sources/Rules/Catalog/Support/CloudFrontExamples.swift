import CloudFrontSigning

/// Rule examples for CFD701–CFD707: URLs from fixtures/cloudfront-signed/vectors.json (botocore's
/// CloudFrontSigner with the TEST-ONLY key `test-a`, Key-Pair-Id K2TESTKEYAAAAA, DateLessThan
/// 2026-01-01T18:00:00Z), verified with that key's public half. Regenerate with the script there.
enum CloudFrontExamples {
    /// fixtures/cloudfront-signed/keys/test-a.public.pem: a TEST-ONLY key (public half; it protects nothing).
    static let publicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqguH4fKairDx1VQ9o1nm
        QLJwpqf2LR1+8FgM1/iGNMPEeWiD1IWy8Smb+4yLazbVoOkbmv8AiEvsllUlpf32
        ttXMKrpgvHP3TSTdQvN/RJjLF0RMMCqSwkPwEt8/v3b5fSP7QKN/scNvc4t68XAp
        phrt4S6q3ifKfVBisbVyyRyjCTJhCIitjE5Z1WNaJCHVqZ4GVbZ7lEXjZctCu5gt
        DM+YzcX3MrLSowcVeOlmo81PPCKeS/yYXB4enKBFDazadu3a1whTTaSULY1uuACA
        yJ5y71GCPz5f047izXa5tVS4Gn7vsAg+l9O/cn0HFsX3guTu4tXWZGx+Zbh0kbIB
        3QIDAQAB
        -----END PUBLIC KEY-----
        """

    static let publicKeys: [CloudFrontPublicKey] = (try? CloudFrontPublicKey.load(Array(publicKeyPEM.utf8), file: "test-a.public.pem")) ?? []

    /// fixtures/cloudfront-signed/keys/get-key-group.json: the group that trusts K2TESTKEYAAAAA only.
    static let keyGroupID = "8f3e2d1c-4b5a-4697-a8b9-0c1d2e3f4a5b"
    static let keyGroups = [CloudFrontKeyGroup(id: keyGroupID, name: "cfdoctor-test-group", publicKeyIDs: ["K2TESTKEYAAAAA"])]

    /// An hour before every example URL expires.
    static let validNow = "2026-01-01T17:00:00Z"
    static let expiredNow = "2026-01-01T18:00:01Z"

    /// vectors.json "canned/plain/valid"
    static let canned = "https://d111111abcdef8.cloudfront.net/image.jpg?Expires=1767290400&Signature=FkOzkyapk9WiUcihSQsM7meDGYp~N9Iyd~t6XHPVOxNI2F-LnkPnAUy6Z4LoLV83IF~OTi~NV~qdcKLsPdQe-ms7i04fRMu-6zpNO8Gtge-Fr8P2n2Pdv7Bsb0UbG2HruYwJ9GpkjycV~iksvEqTxOq6S2u-NDcTyLR2E-kj1G5EZkpxMBR3aBZEwqcYprp5WNn1PqtS~k0IxRezzh7pLsp8jcF4OmMGORkjhfQMVomMBulbKmQezH7m9odTI5SVqvM3ueUR6pgJ-vZWC0dom3PQ4rcjc2Wlla0~xM7KtRAy-eyq2mJUdRYo7GPUWzhrE4kRz2arBuNRcvY0U83doQ__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "canned/plain/tampered-path"
    static let cannedTampered = "https://d111111abcdef8.cloudfront.net/Ximage.jpg?Expires=1767290400&Signature=FkOzkyapk9WiUcihSQsM7meDGYp~N9Iyd~t6XHPVOxNI2F-LnkPnAUy6Z4LoLV83IF~OTi~NV~qdcKLsPdQe-ms7i04fRMu-6zpNO8Gtge-Fr8P2n2Pdv7Bsb0UbG2HruYwJ9GpkjycV~iksvEqTxOq6S2u-NDcTyLR2E-kj1G5EZkpxMBR3aBZEwqcYprp5WNn1PqtS~k0IxRezzh7pLsp8jcF4OmMGORkjhfQMVomMBulbKmQezH7m9odTI5SVqvM3ueUR6pgJ-vZWC0dom3PQ4rcjc2Wlla0~xM7KtRAy-eyq2mJUdRYo7GPUWzhrE4kRz2arBuNRcvY0U83doQ__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "canned/key-b-picked-from-list-by-id"
    static let cannedSignedByKeyB = "https://d111111abcdef8.cloudfront.net/image.jpg?Expires=1767290400&Signature=MvXMWdHpWebGUNxINLxXWGGh23ZV~hyG0AQnEVK0iu3qr52K2C7Awu-uuBH4jvcMDt7FNrezOHW18zLCQyWOr5Mma842m9fNLGJfZiw1iTqzoxNKgRqI5UyXu2B5KDT3N3oPVryk0MqbwUAY7hNzcC~jdYD-w2NQ1oSThS1Ji-q8LG6RBEgVUKE5kchzKX40JeOUu1~nE1Ic96Ivk09suL3UF6dmKRQugwygnNksJpDd4U1OtK0lpAw38~bUWz20TaWbjEZxoqPZZH~Xd9y~DPFnkLcGlfNpUlqixKA3XOvUCMuyk9bNMBsKuTSuXt9dqTqRza2p8j8GZlupQ4740w__&Key-Pair-Id=K2TESTKEYBBBBB"
    /// vectors.json "canned/expires-in-milliseconds"
    static let cannedMilliseconds = "https://d111111abcdef8.cloudfront.net/image.jpg?Expires=1767290400000&Signature=aLXuYksJCXWtXoMQIvCYc2G-Ztixh7RdSkvLNgc-iQpLhfMivAr47oXWPS8MwUdqTgIgvI4JDhqtfmTbZ-xiPPhCaE80FAQS5MvtQUrOSmRyPqjMyYFGWzZrr4HXjR5zVTvecL-2PZQVn3Mqlq1Sk1lq7g4TT2fLtOg-CwAyRaPRBNb9Ld6y58lavaqgojslTiGAujwx28K4-B2x3LP4A46YPsKuRETQt4Sez-WLhJkZVnLfpAtD8YFg9j2IxYvEHXvO-fxLFnL2RyC5XvdQ0abv2~UvC9K7IDTGVn7M5hwIX5GBLzWun2IlpJXSByCC0fZOlUes3FwpJ4K9kPScjg__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "custom/malformed/unknown-condition"
    static let customUnknownCondition = "https://d111111abcdef8.cloudfront.net/a.txt?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC9hLnR4dCIsIkNvbmRpdGlvbiI6eyJEYXRlTGVzc1RoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTc2NzI5MDQwMH0sIlN0cmluZ0VxdWFscyI6eyJhd3M6UmVmZXJlciI6IngifX19XX0_&Signature=MC5aBwnbRLN8lg2pWBhWhRv3Ml8QT3z4UgrvEJw7AD2nWZy7-akyhyUZzvjIlO22bOmwra-pkEzjGtXyC01nxlSf58ucOvzIwjOghtgyCaQ1JMvLMIb5kA2qJNVfgwLEYP48OUi0bW6uQXbbalSSaJ~8fASCtALJDa4sm~iMo3ILHKLx33bveFJV7n-HOhrBLI6w2NJNRVRiTftZk~05zEC5xOsFV54Or4y6tFJxUAgcH2rysOKny483SPKgDLRXN6QXeDcdEwjxR~wLpgT47tRhaqZZMZUHQ6eYN2Xq3X8vn4z7WTyxvdHZEp7M4-9w1ngSrYYhEsM7pAdnKtwrYw__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "custom/expires-and-policy"
    static let customExpiresAndPolicy = "https://d111111abcdef8.cloudfront.net/videos/a.mp4?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC92aWRlb3MvYS5tcDQiLCJDb25kaXRpb24iOnsiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9jaFRpbWUiOjE3NjcyOTA0MDB9fX1dfQ__&Signature=CGBnQgFf1sAQ6-3~1BmzHMqs8H-0oMvIx36PL0sN~kyv9QQfRvHlipUMXp1A1hxs~LpzYBbXKez4Q6E78PhIeF00Q9xWbQOY8koy~GS2gc2Kt2qRdM7a4zgX78T108oySaoYgqtC8Cw290bB7eEdeYkENcIaDgvMpKOAoRaDwrfp3-9nSr6GFLdcpPfpZIN-tZT9J4empg4cSfCwcei2yhrYCXw2lyoc4wTjO03niuh0XRWEYEysdo-OgybyldeVyvkoCSjGS-cGpeV4F0mz1R30GybcMJItyUeOh7tzMYNaMQNTDn1SvhL1WbMaf15AI-c6nF5RuoIDDzsO-xVhEw__&Key-Pair-Id=K2TESTKEYAAAAA&Expires=1767290400"
    /// vectors.json "custom/star-directory-miss"
    static let customWildcardMiss = "https://d111111abcdef8.cloudfront.net/images/a.jpg?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC92aWRlb3MvKiIsIkNvbmRpdGlvbiI6eyJEYXRlTGVzc1RoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTc2NzI5MDQwMH19fV19&Signature=PLSXeqmMPU5jYb7GgmVWQrcpuG7TiqNdzUZxwTRX6JuH22In1C3JMpnJyJDIcOa-RzXceBQ4vdUYLHOXZSg1C80BfRDKqfLjb3os3vc4Qh-s2pdOPxGdPHxK5tyK7vJ3fYn4WCYPukJoaicikQ7IwtrCEA1QjKe3q0tO6C1h5oGJ6fxkSFowk5PoC~U5NiCYrt7psxhtGANssVJAc7qgw6nRdD0lGCv~SBwAMqu8LfbkCHUxhpcj19e3JpLEPt9P4ZY~HrjfE6MIx2bLPhsEWZkkwrfud7csT-DzPbOChsYVSxe0VokZQOSLgtlsTI1a1Hkwmt1AtsSjiLbhYzRXMg__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "custom/star-directory/valid"
    static let customWildcard = "https://d111111abcdef8.cloudfront.net/videos/2026/a.mp4?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC92aWRlb3MvKiIsIkNvbmRpdGlvbiI6eyJEYXRlTGVzc1RoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTc2NzI5MDQwMH19fV19&Signature=PLSXeqmMPU5jYb7GgmVWQrcpuG7TiqNdzUZxwTRX6JuH22In1C3JMpnJyJDIcOa-RzXceBQ4vdUYLHOXZSg1C80BfRDKqfLjb3os3vc4Qh-s2pdOPxGdPHxK5tyK7vJ3fYn4WCYPukJoaicikQ7IwtrCEA1QjKe3q0tO6C1h5oGJ6fxkSFowk5PoC~U5NiCYrt7psxhtGANssVJAc7qgw6nRdD0lGCv~SBwAMqu8LfbkCHUxhpcj19e3JpLEPt9P4ZY~HrjfE6MIx2bLPhsEWZkkwrfud7csT-DzPbOChsYVSxe0VokZQOSLgtlsTI1a1Hkwmt1AtsSjiLbhYzRXMg__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "canned/re-encoded/ampersand-as-u0026"
    static let cannedAmpersandAsU0026 = "https://d111111abcdef8.cloudfront.net/image.jpg?color=red&size=medium&Expires=1767290400&Signature=FqCgKS-S3uT92JIwxK1m93ablNcmCpaGwFLlWMLk0bOHK-oPQ2eGud1uA5ZkKy3ODvZYmksb1CQ5xk0UdyshRKdiM4o-cWfqNRrppWmzv9mzITkFGU8czYD6xaKYPncod-HlfeX2yhnpbkMa97Za28fi9rLRtNq~W7jbitAz0SgDHMQhRZDStH3z3OB4ZQ9N8V9UeqlttPLkYWeLlI04ZzaoNYLEh3s1zE4zqNMPVO0DylprlMIsi5of-NwSFDwjy5hpGosv-TToSJTMRImDrPELtYeeRclq2w8EZyvvU76D~Pm8Zogy0Z4RtSKCorv3bKkxYXA3YM911kPcCF6y2g__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "custom/ip-cidr"
    static let customIPRange = "https://d111111abcdef8.cloudfront.net/private/a.txt?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC9wcml2YXRlLyoiLCJDb25kaXRpb24iOnsiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9jaFRpbWUiOjE3NjcyOTA0MDB9LCJJcEFkZHJlc3MiOnsiQVdTOlNvdXJjZUlwIjoiMTkyLjAuMi4wLzI0In19fV19&Signature=AWSbonnYa~2XfIaYKqt4QI2Kgt4t~udGJSipzU9Pg5H5qGVvD1~KlaL2hBJVR8Wr5~WHwO9XjH0vmG8MxBrzM3vx8t~OG1E~eg9rd7PM285m5Cn10e3YpO5vFy7duL9328W5xIJQ5kATOFxGE4E7YBhb3b~lacR-~C0CaAeEKAnWgEUpJsPFO10734HuYTP3ypAZcR-avowExyrJJ4gyi8waypfEQQMntguoYIdJse2c0QOEECe9odhrVWBRpTfoULEvyqx1V4nYWtPtjsPpYvTstOaJL~36sMEs9F8dJwvYXbutMrg9r0YFMzAmoUp~jG5tD9iWVG4sTZpo4mqlmg__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "custom/date-greater-than-future"
    static let customNotYetValid = "https://d111111abcdef8.cloudfront.net/live/a.ts?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC9saXZlLyoiLCJDb25kaXRpb24iOnsiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9jaFRpbWUiOjE3NjcyOTA0MDB9LCJEYXRlR3JlYXRlclRoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTc2NzI4NzQwMH19fV19&Signature=AIb48WH2lpKoSOEVhUS-z5gEzqfLsrFuqUbz6YIZA7s4lseRTnEWxFOG6N1fDg6ya-nPxdUMJO92pShl7poSCOA1bOIsj4seQ6Qk8Jm1BrfBPpoZ4cmZdmzn0wZS90-V1fwIEuR~bszqzvRuGSMpnnWPbZAXsIBmREb7VHUo-El8lP0z2OP3JXtvPLA7ASWgHYFBzrZTgpe0v360KvMlha0VgDSg4AAWLw0WDk~guP7BPxE1amA04RWSlpslTdLCGcAmliOtlzAMZ88FbRfDt~PqZH-uWgoY7QatIVOCzDFnPXDwMIS91lUiYvCbBHcoGzjKaaXZMknmpWhc2V5kJg__&Key-Pair-Id=K2TESTKEYAAAAA"
    /// vectors.json "custom/exact/valid"
    static let custom = "https://d111111abcdef8.cloudfront.net/image.jpg?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC9pbWFnZS5qcGciLCJDb25kaXRpb24iOnsiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9jaFRpbWUiOjE3NjcyOTA0MDB9fX1dfQ__&Signature=FkOzkyapk9WiUcihSQsM7meDGYp~N9Iyd~t6XHPVOxNI2F-LnkPnAUy6Z4LoLV83IF~OTi~NV~qdcKLsPdQe-ms7i04fRMu-6zpNO8Gtge-Fr8P2n2Pdv7Bsb0UbG2HruYwJ9GpkjycV~iksvEqTxOq6S2u-NDcTyLR2E-kj1G5EZkpxMBR3aBZEwqcYprp5WNn1PqtS~k0IxRezzh7pLsp8jcF4OmMGORkjhfQMVomMBulbKmQezH7m9odTI5SVqvM3ueUR6pgJ-vZWC0dom3PQ4rcjc2Wlla0~xM7KtRAy-eyq2mJUdRYo7GPUWzhrE4kRz2arBuNRcvY0U83doQ__&Key-Pair-Id=K2TESTKEYAAAAA"

    /// An example judged with the test public key (and, for configuration rules, its key group).
    static func example(config: String? = nil, url: String, now: String = validNow, keys: Bool = true,
                        keyGroups: Bool = false, note: String? = nil, fileID: String = #fileID,
                        filePath: String = #filePath, line: Int = #line, column: Int = #column) -> RuleExample {
        // The declaration stays the rule's own file and line (RuleRegistryTests, `cfdoctor rules`).
        var example = RuleExample(config: config, url: url, now: now, note: note, fileID: fileID, filePath: filePath,
                                  line: line, column: column)
        if keys { example.options.cloudFront.publicKeys = publicKeys }
        if keyGroups { example.options.cloudFront.keyGroups = Self.keyGroups }
        return example
    }
}
