/* parscore: the whole public API in one include. */
#ifndef PARSCORE_H
#define PARSCORE_H

#include "parscore/base.h"
#include "parscore/load.h"
#include "parscore/model.h"
#include "parscore/rank.h"
#include "parscore/report.h"
#include "parscore/score.h"
#include "parscore/trend.h"

#define PARSCORE_VERSION "0.1.0"

#endif
