extension RuleContext {
    /// The region the URL's credential scope names (SigV4 only).
    var credentialRegion: String? { auth.sigV4?.credential?.region }
}
