/// This build's release, printed by `switchboard --version`.
public enum SwitchboardVersion {
    /// The release number; raised by hand when a release is cut.
    public static let current = "0.9.0"
}
