public import Hummingbird

/// `/v1/Credentials` on `conversations`: the account's push credentials, the same ones Chat's `/v2/Credentials`
/// stores (see ``ChatCredentialController``), in Conversations' shape and with `Type` accepted on update.
public struct ConversationCredentialController: Sendable {
    let credentials: ChatCredentialController

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        credentials = ChatCredentialController(dependencies: dependencies, version: "/v1", updateTakesType: true)
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> { credentials.endpoints }
}
