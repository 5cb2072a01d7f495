/// What Twilio creates inside every new workspace.
public enum WorkspaceDefaults {
    /// The default activities, with whether each is available. New workers start Offline, and a worker
    /// whose reservation times out returns to Offline.
    public static let activities: [(name: String, available: Bool)] = [
        ("Offline", false), ("Available", true), ("Unavailable", false), ("Break", false),
    ]
    /// The activity named by `default_activity_sid` and `timeout_activity_sid` at creation.
    public static let initialActivityName = "Offline"
    /// The default task channels: unique name and friendly name.
    public static let taskChannels: [(uniqueName: String, friendlyName: String)] = [
        ("default", "Default"), ("voice", "Voice"), ("chat", "Chat"), ("sms", "SMS"), ("video", "Video"), ("email", "Email"),
    ]
}
