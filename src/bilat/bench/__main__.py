"""``python -m bilat.bench memory CORPUS DB SETTINGS_JSON``: the memory run's child."""

import sys

from bilat.bench.run import main

sys.exit(main(sys.argv[1:]))
