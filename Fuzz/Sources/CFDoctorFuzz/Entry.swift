/// libFuzzer's callback. main.swift passes the same work to LLVMFuzzerRunDriver; this symbol must
/// exist too, because the libFuzzer runtime linked by -sanitize=fuzzer refers to it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
