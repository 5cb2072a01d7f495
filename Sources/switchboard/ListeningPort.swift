import NIOCore
import NIOPosix

/// The address `serve` listens on, checked before the server starts.
enum ListeningPort {
    /// Binds `host:port` for a moment and lets it go, so a port in use is reported, naming the port, before any
    /// first-account credentials are printed (they are shown only once). Port 0 always finds a free port.
    static func checkFree(host: String, port: Int) async throws {
        guard port != 0 else { return }
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw StartupFailure(description: "could not listen on \(host):\(port): port \(port) is already in use (Address already in use)")
        } catch {
            throw StartupFailure(description: "could not listen on \(host):\(port): \(error)")
        }
        try await channel.close()
    }
}
