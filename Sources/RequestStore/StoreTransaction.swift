import GRDB

/// One open transaction on the store. The invariant-keeping steps that several store methods
/// share (load a request, move it through the lifecycle, append to the audit log, owe a thread a
/// notice) live on it, so each store method reads as the sequence of steps it takes.
struct StoreTransaction {
    let db: Database
}

/// Values bound to a statement's `?` placeholders, in order.
typealias SQLValues = [(any DatabaseValueConvertible)?]
