// Typed wrappers around libcurl's variadic calls, which Swift cannot call.
// Only LinliWebhooks imports this module.
#ifndef LINLI_CCURL_SHIM_H
#define LINLI_CCURL_SHIM_H

#include <curl/curl.h>
#include <signal.h>

typedef size_t (*linli_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode linli_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode linli_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode linli_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode linli_easy_setopt_callback(CURL *handle, CURLoption option, linli_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode linli_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode linli_easy_getinfo_pointer(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode linli_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/// Ignores SIGPIPE for the whole process: a peer closing a connection must not kill it.
static inline void linli_ignore_sigpipe(void) {
    signal(SIGPIPE, SIG_IGN);
}

#endif
