#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>
/* libFuzzer's entry point for programs with their own main (compiler-rt FuzzerInterface.h).
   SwiftPM links executables with --defsym main=<Target>_main, so libFuzzer's own main is not
   used: main.swift calls this instead. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
#endif
