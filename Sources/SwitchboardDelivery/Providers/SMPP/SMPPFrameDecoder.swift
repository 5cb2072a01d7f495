import NIOCore

/// Cuts the TCP stream into PDUs by their `command_length`.
struct SMPPFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMPPPDU

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard length >= SMPPPDU.headerLength, length <= SMPPPDU.maximumLength else {
            throw SMPPDecodingError("command_length \(length) is outside what SMPP 3.4 allows")
        }
        guard buffer.readableBytes >= Int(length), let octets = buffer.readBytes(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(try SMPPPDU.decode(octets)))
        return .continue
    }
}
