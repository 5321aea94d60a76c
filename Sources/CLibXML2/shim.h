#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so libxml/encoding.h pulls in <unicode/ucnv.h>, whose
   typedefs clash with the toolchain's _FoundationICU module on a clean build. We never touch
   xmlCharEncodingHandler's fields, so hide ICU from the importer. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
/* Swift 6 rejects xmlFree (a mutable global function pointer) as not concurrency-safe. */
static inline void cxml_free(void *p) { xmlFree(p); }
#endif
