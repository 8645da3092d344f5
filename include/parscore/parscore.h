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

#include "parscore/version.h"

#endif
