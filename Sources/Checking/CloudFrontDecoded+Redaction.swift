import CloudFrontSigning

extension CloudFrontDecoded {
    /// Every text field with `redaction`'s secrets removed. The fields come from what the viewer
    /// sent (Key-Pair-Id, the custom policy's Resource and conditions), so a pasted URL or cookie
    /// may carry the secret key in any of them; it is never printed (SPEC §8). Found by the
    /// `cfurl` fuzz target (Fuzz/README.md).
    func scrubbed(by redaction: Redaction) -> CloudFrontDecoded {
        var copy = self
        copy.resource = redaction.scrub(resource)
        copy.sourceIP = redaction.scrub(sourceIP)
        copy.keyPairId = redaction.scrub(keyPairId)
        copy.hashAlgorithm = redaction.scrub(hashAlgorithm)
        copy.signature = redaction.scrub(signature)
        copy.policy = redaction.scrub(policy)
        return copy
    }
}
