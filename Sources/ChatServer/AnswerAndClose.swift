import HTTPTypes
import NIOCore
import NIOHTTPTypes

extension ChannelHandlerContext {
    /// Answers the connection's request from inside the pipeline and closes the connection: for a
    /// handler that ends a request before the application has answered it (the connection cap, the
    /// body's read deadline).
    func answerAndClose(_ status: HTTPResponse.Status, headers: HTTPFields = [:], body: String = "") {
        var fields = headers
        fields[.connection] = "close"
        let buffer = ByteBuffer(string: body)
        fields[.contentLength] = String(buffer.readableBytes)
        write(NIOAny(HTTPResponsePart.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        if buffer.readableBytes > 0 { write(NIOAny(HTTPResponsePart.body(buffer)), promise: nil) }
        writeAndFlush(NIOAny(HTTPResponsePart.end(nil))).whenComplete { _ in self.close(promise: nil) }
    }
}
