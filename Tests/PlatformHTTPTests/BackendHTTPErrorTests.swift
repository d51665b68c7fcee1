import Foundation
import PlatformHTTP
import Testing

@Suite("one error shape: a backend's status→hint table is data")
struct BackendHTTPErrorTests {
    static let argo = HTTPErrorWording(service: "Argo CD", hints: [
        401: "the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN)",
        429: "try again in a minute",
    ], unreachable: "check CHATOPS_ARGOCD_URL and the network",
       unreachableHints: ["CERTIFICATE_VERIFY_FAILED": "the server's certificate is not trusted: set its CA"],
       malformed: "check that CHATOPS_ARGOCD_URL points at Argo CD")

    static func response(_ status: Int, _ body: String, headers: [(String, String)] = []) -> APIResponse {
        APIResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test("a status in the table gets its hint, and the server's own words after it")
    func statusWithHint() {
        let error = Self.argo.status(Self.response(401, #"{"error":"invalid session","code":16}"#), call: "for app iris-prod")
        #expect(error.status == 401)
        #expect(error.message == "invalid session")
        #expect(error.hint == "the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN)")
        #expect("\(error)" == "Argo CD answered 401 for app iris-prod: the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN) "
                + "— invalid session")
    }

    @Test("a status the table does not name gets the fallback for its class; a body that is not JSON is quoted")
    func statusWithoutHint() {
        let refused = Self.argo.status(Self.response(418, "I'm a teapot"), call: "for app iris-prod")
        #expect("\(refused)" == "Argo CD answered 418 for app iris-prod: the request was refused — I'm a teapot")
        let failed = Self.argo.status(Self.response(500, ""), call: "for app iris-prod")
        #expect("\(failed)" == "Argo CD answered 500 for app iris-prod: Argo CD failed; try again shortly")
        #expect(failed.message.isEmpty)
    }

    @Test("a call's own hints take the place of the table's for the same status")
    func callHints() {
        let wording = Self.argo.adding([401: "the App's JWT was refused", 404: "there is no such application"])
        #expect(wording.hint(for: 401) == "the App's JWT was refused")
        #expect(wording.hint(for: 404) == "there is no such application")
        #expect(Self.argo.hint(for: 404) == "the request was refused")
    }

    @Test("no answer: what happened first, then what to check; a TLS failure gets its own advice")
    func unreachable() {
        let timeout = Self.argo.failure(.unreachable(service: "Argo CD", url: "/api/v1/applications/iris", detail: "deadlineExceeded"),
                                        call: "for app iris")
        #expect(timeout.isUnreachable)
        #expect(timeout.status == nil)
        #expect("\(timeout)" == "Argo CD did not answer for app iris: Argo CD could not be reached at /api/v1/applications/iris "
                + "(deadlineExceeded) — check CHATOPS_ARGOCD_URL and the network")
        let tls = Self.argo.unreachable(path: "/", detail: "handshake failed: CERTIFICATE_VERIFY_FAILED", call: "for app iris")
        #expect(tls.hint == "the server's certificate is not trusted: set its CA")
    }

    @Test("a rate limit says the wait and the table's 429 advice; an unreadable answer what was expected")
    func rateLimitedAndMalformed() {
        let limited = Self.argo.failure(.rateLimited(service: "Argo CD", retryAfterSeconds: 120), call: "for app iris")
        #expect(limited.isRateLimited)
        #expect(limited.retryAfterSeconds == 120)
        #expect("\(limited)" == "Argo CD is rate limiting the bot (429) for app iris (retry after 120s): try again in a minute")
        struct App: Decodable { let name: String }
        #expect(throws: BackendHTTPError.self) { try Self.argo.decode(App.self, from: Self.response(200, "{not json"), call: "for app iris") }
        let unreadable = Self.argo.malformed("App expected, got {not json", call: "for app iris")
        #expect("\(unreadable)" == "Argo CD's answer for app iris could not be read: App expected, got {not json "
                + "— check that CHATOPS_ARGOCD_URL points at Argo CD")
        let kube = HTTPErrorWording(service: "Kubernetes").malformed("PodList expected, got {", call: "to list pods in ml")
        #expect("\(kube)" == "Kubernetes' answer to list pods in ml could not be read: PodList expected, got {")
    }

    @Test("the server's words come from the fields the table names, else the body's start")
    func messages() {
        let mlflowStyle = HTTPErrorWording(service: "MLflow", message: HTTPErrorWording.field("message"))
        #expect(mlflowStyle.message(Self.response(404, #"{"message":"Not Found","documentation_url":"x"}"#)) == "Not Found")
        #expect(mlflowStyle.message(Self.response(502, "<html>Bad Gateway</html>")) == "<html>Bad Gateway</html>")
    }
}
