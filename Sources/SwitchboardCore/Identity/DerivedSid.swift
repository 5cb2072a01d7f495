/// SIDs computed from a seed instead of drawn at random, for work that may be done twice and must create the same
/// resources both times: reading a webhook's answer again after a crash finds what the first reading created.
public enum DerivedSid {
    /// `prefix` and the first 32 hex digits of the SHA-256 of `seed`.
    public static func make(_ prefix: SidPrefix, from seed: String) -> String {
        prefix.rawValue + Secrets.digest(seed).prefix(Sid.hexLength)
    }
}
