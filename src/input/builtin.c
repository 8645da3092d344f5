/* The plan compiled into the binary: data/sin-ho-2023.csv, read by the same loader as any plan file. */
#include "parscore/load.h"

/* Generated at build time from data/sin-ho-2023.csv (cmake/embed.cmake). */
extern const char ps_builtin_plan_csv[];
extern const size_t ps_builtin_plan_csv_len;
extern const char ps_builtin_plan_name[];

ps_status ps_plan_load_builtin(ps_plan *plan, ps_error *err)
{
    return ps_plan_load_buffer(ps_builtin_plan_csv, ps_builtin_plan_csv_len, ps_builtin_plan_name, plan, err);
}
