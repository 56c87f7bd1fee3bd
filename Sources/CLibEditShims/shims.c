#include "CLibEditShims.h"
