/* Shared libraries loaded when first needed: a run that never reads or writes a workbook does not load
 * libzip and libxlsxwriter, nor the libcrypto behind them (4.6 million instructions of relocation at every
 * start, three times the rest of a report). */
#include "base/dl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static ps_status refuse(const char *why, char *reason, size_t reason_size)
{
    snprintf(reason, reason_size, "%s", why ? why : "?");
    return PS_ERR_IO;
}

ps_status ps_dl_bind(const char *soname, const ps_dl_function *functions, size_t count, void *table,
                     char *reason, size_t reason_size)
{
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library)
        return refuse(dlerror(), reason, reason_size);
    for (size_t i = 0; i < count; i++) {
        dlerror();
        void *address = dlsym(library, functions[i].name);
        if (!address)
            return refuse(dlerror(), reason, reason_size);
        /* POSIX: a function's address fits a void pointer; copied, since ISO C has no cast between them */
        memcpy((char *)table + functions[i].offset, &address, sizeof address);
    }
    return PS_OK;
}
