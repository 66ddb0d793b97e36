from . import (a
