#ifndef CHATOPS_CPCRE2_SHIM_H
#define CHATOPS_CPCRE2_SHIM_H
// PCRE2 needs its code-unit width chosen before the header; chatops matches UTF-8 text only.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Function-like and cast macros do not reach Swift; expose the ones the rule engine needs.
static inline PCRE2_SIZE chatops_pcre2_unset(void) { return PCRE2_UNSET; }
static inline PCRE2_SIZE chatops_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
