/* parscore model: targets, indicators, plans, quarterly scores and peers, as the loaders fill them.
 *
 * Ownership: a loaded ps_plan, ps_scores or ps_peers owns every pointer inside it (strings, arrays, the
 * warnings) and releases them all in its ps_*_free. Anything that points into one of them (results,
 * checks, trends, units, a report's content) borrows: keep the plan, scores and peers alive, and
 * unchanged, for as long as what was made from them. */
#ifndef PARSCORE_MODEL_H
#define PARSCORE_MODEL_H

#include "parscore/base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { PS_OP_GT = 1, PS_OP_GE = 2 } ps_op;

/* A target such as "Trên 50%" (> 50) or "tối thiểu 60%" (>= 60). */
typedef struct {
    ps_op op;
    ps_num value;
} ps_target;

/* A sub row (tiêu chí thành phần) sits under a criterion or another sub row, at most PS_MAX_SUB_DEPTH
 * levels below its criterion; the others are top-level rows. */
typedef enum { PS_KIND_CRITERION, PS_KIND_SIPAS, PS_KIND_TOTAL, PS_KIND_KPI, PS_KIND_SUB } ps_kind;
#define PS_MAX_SUB_DEPTH 4

/* One row of the plan, owned by the plan (ps_plan.items). */
typedef struct {
    char *id; /* lower case: letters, digits, '-' and '_' */
    ps_kind kind;
    char *name;
    char *name_en; /* NULL when the plan gives no English name */
    char **owners; /* the responsible offices, NFC; owner_count of them (NULL when none) */
    size_t owner_count;
    bool has_max_points;
    ps_num max_points;
    bool has_baseline;
    ps_num baseline;
    int baseline_rank; /* 0: not given */
    bool has_target;
    ps_target target;
    int target_rank; /* 0: not given */
    long line;       /* where the plan file defines it */
    /* the hierarchy: all zero (parent -1) in a plan without sub rows */
    long parent;            /* index in ps_plan.items of the row it is under; -1 for a top-level row */
    long criterion;         /* index of the criterion it belongs to (itself for one); -1 for the others */
    int depth;              /* 0 for a top-level row; 1..PS_MAX_SUB_DEPTH for a sub row */
    size_t child_count;     /* rows directly under it */
    bool max_from_children; /* max_points is the sum of its children's: its own cell was empty */
} ps_indicator;

/* The plan: its facts and its indicators, in file order. Released by ps_plan_free. */
typedef struct {
    char *source;           /* the name of what it was read from ("<stdin>" for standard input) */
    char *unit;             /* the unit the plan is for, e.g. "Sìn Hồ" */
    char *year;             /* the plan's year, e.g. "2023"; NULL when the plan does not say */
    char *baseline_year;    /* the year its baseline values are from; NULL when the plan does not say */
    int unit_count;         /* units ranked by the province; 0: not given */
    bool illustrative_max;  /* max points are illustrative, not official */
    bool illustrative_subs; /* the sub rows are an illustrative example, not the official set */
    ps_indicator *items;
    size_t count;
    size_t sub_count;     /* rows of kind sub: 0 for a plan at the criterion level */
    ps_warnings warnings; /* what the loader let pass but wants said (an unknown column) */
} ps_plan;

/* One score read from a quarterly file, already checked against the plan: the self-assessed value (score or
 * points), the appraised points, or "not applicable" in either; evidence and note as written. */
typedef struct {
    size_t item; /* index into ps_plan.items */
    bool has_score;
    ps_num score; /* percent */
    bool has_points;
    ps_num points;
    bool not_applicable; /* the self-assessed cell said so ("na", "KAD", "không áp dụng") */
    bool has_appraised;
    ps_num appraised;              /* appraised points (điểm thẩm định) */
    bool appraised_not_applicable; /* the appraised cell said so */
    char *evidence;                /* tài liệu kiểm chứng; NULL when empty (owned) */
    char *note;                    /* NULL when empty (owned) */
    long line;
} ps_score_entry;

/* A quarter's scores, owned; entries refer to the plan they were checked against by index, so that plan
 * must be the one they are scored with. Released by ps_scores_free. */
typedef struct {
    char *source; /* the name of what they were read from */
    char *period; /* "2023-Q3" when the file says so; NULL otherwise */
    ps_score_entry *entries;
    size_t count;
    bool has_evidence_column; /* the file has an evidence column, so an empty one says something */
    bool has_appraised;       /* some entry has appraised points (or says not applicable there) */
    ps_warnings warnings;
} ps_scores;

/* Another unit's published results, for ranking: its total and, where given, its criterion values. */
typedef struct {
    char *unit; /* NFC, trimmed */
    ps_num total;
    bool *has_value; /* per plan item */
    ps_num *value;   /* per plan item, percent */
    long line;
} ps_peer;

/* The units a plan's unit is ranked among, owned. Released by ps_peers_free. */
typedef struct {
    char *source;
    ps_peer *items;
    size_t count;
    size_t subject; /* index of the plan's own unit */
    ps_warnings warnings;
} ps_peers;

/* Reads ">50", ">= 60", "≥60", "Trên 50%", "tối thiểu 60%", "đạt 100%", "60% trở lên", "100%". */
ps_parse_result ps_target_parse(const char *text, size_t len, ps_target *out);

bool ps_target_met(const ps_target *target, ps_num value);

/* The most criteria a plan may have for ranking units: one bit each in a unit's masks. */
#define PS_RANK_MAX_CRITERIA 32

/* The plan's criteria in plan order, the order of the bits in ps_unit_row.has and in a unit's masks;
 * borrowed from plan. More than PS_RANK_MAX_CRITERIA is an input error naming the plan. */
ps_status ps_plan_rank_criteria(const ps_plan *plan, const ps_indicator *criteria[PS_RANK_MAX_CRITERIA],
                                size_t *count, ps_error *err);

/* One unit's row as a units loader reads it. Everything is borrowed and valid only during the call. */
typedef struct {
    const char *name; /* trimmed, not empty; name_len bytes, not NUL-terminated */
    size_t name_len;
    const ps_num *values; /* percent per criterion, in ps_plan_rank_criteria order */
    uint32_t has;         /* bit k: criterion k has a value (values[k] means nothing otherwise) */
    long line;
} ps_unit_row;

/* Receives each unit as it is read; anything but PS_OK (out of memory) stops the reading. */
typedef ps_status (*ps_unit_row_fn)(void *ctx, const ps_unit_row *row);

/* The kind's key in files and in JSON: "criterion", "sipas", "total", "kpi". */
const char *ps_kind_key(ps_kind kind);

/* Each releases what the loader allocated and leaves the struct empty; every pointer into it (results,
 * checks, trends, units) dies with it. */
void ps_plan_free(ps_plan *plan);
void ps_scores_free(ps_scores *scores);
void ps_peers_free(ps_peers *peers);

/* The indicator with that id, borrowed from plan (lives as long as plan); NULL when there is none. */
const ps_indicator *ps_plan_find(const ps_plan *plan, const char *id);

#ifdef __cplusplus
}
#endif

#endif
