/* Shared libraries loaded when first needed, their functions found by name. Not public. */
#ifndef PARSCORE_BASE_DL_H
#define PARSCORE_BASE_DL_H

#include <stddef.h>

#include "parscore/base.h"

/* A function to find: its name, and where its address goes in the caller's table of function pointers
 * (a struct whose members are named and typed after the functions, declared with PS_DL_SLOT). */
typedef struct {
    const char *name;
    size_t offset;
} ps_dl_function;

/* A member of such a table: a pointer to the function of that name, typed as its prototype says. */
#define PS_DL_SLOT(function) __typeof__(function) *function;

/* Loads the library named soname (the loader counts later loads of one already there) and stores the
 * address of each of the count functions at its offset in table. PS_ERR_IO when the library or one of its
 * functions cannot be found, with the loader's reason in reason (reason_size bytes, NUL-terminated); the
 * table is then unusable. A library loaded stays for the rest of the process, as one linked at startup
 * does. */
ps_status ps_dl_bind(const char *soname, const ps_dl_function *functions, size_t count, void *table,
                     char *reason, size_t reason_size);

#endif
