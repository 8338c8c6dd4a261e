import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request that cannot be parsed as HTTP (a head over 80 KB, malformed syntax) with a JSON error like every
/// other error of the API — 431 for an oversized head, 400 otherwise — and closes the connection. Without it the
/// client gets an empty 400.
final class ParseErrorResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let (status, code, message): (HTTPResponse.Status, String, String) =
            switch parserError {
            case .headerOverflow: (.requestHeaderFieldsTooLarge, "headers_too_large", "the request head is over 80 KB")
            default: (.badRequest, "malformed_request", "the request is not valid HTTP/1.1 (\(parserError))")
            }
        let body = Self.errorBody(code: code, message: message)
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    private static func errorBody(code: String, message: String) -> ByteBuffer {
        let object = ["error": ["code": code, "message": message]]
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data(#"{"error":{"code":"malformed_request"}}"#.utf8)
        return ByteBuffer(bytes: data)
    }
}
