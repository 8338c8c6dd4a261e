import Hummingbird

/// Cancels a read that runs longer than the limit and answers 503. `TMApplication` puts only the operations that
/// `timesOut` in its group: a write (or `/v1/align`, which may write) always answers its real result, since a 503
/// after a commit would tell the client that nothing was stored.
///
/// Cancellation reaches the handler at its next suspension point (reading the body, streaming an export);
/// a SQLite call already running is not interrupted halfway — a write must not be — so the 503 comes when
/// it returns. amaGama routes are exempt: Weblate stops asking for half an hour after a 503.
struct TimeoutMiddleware<Context: RequestContext>: RouterMiddleware {
    let timeout: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let timeout = timeout
        return try await withoutActuallyEscaping(next) { next in
            // The group waits for both children before it returns, so `next` never outlives this call.
            let unsafeNext = UnsafeSendable(next)
            return try await withThrowingTaskGroup(of: Response?.self) { group in
                group.addTask { try await unsafeNext.value(request, context) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw APIError(status: .serviceUnavailable, code: "timeout", message: "the request took longer than \(timeout)")
                }
                return response
            }
        }
    }
}

/// A value the compiler cannot prove Sendable but that is used by one task at a time (see its use above).
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
