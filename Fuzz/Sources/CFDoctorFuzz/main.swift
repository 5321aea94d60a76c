import CFuzzDriver
#if canImport(Glibc)
import Glibc
#endif

// `CFDoctorFuzz <target> [libFuzzer flags] [corpus dirs]`: the first argument picks the harness
// (see FuzzTarget), the rest goes to libFuzzer unchanged. One binary for every target keeps the
// sanitizer build to one link.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
guard argc >= 2, let name = argv?[1].map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    let usage = "usage: CFDoctorFuzz <\(names)> [libFuzzer options] [corpus directories]\n"
    _ = usage.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(2)
}
FuzzTarget.selected = target
// Drop the target name: libFuzzer would read it as a corpus directory.
argv?[1] = argv?[0]
argc -= 1
argv = argv.map { $0 + 1 }
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
