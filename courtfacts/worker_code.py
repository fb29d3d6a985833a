"""What the fork server of a worker pool imports before it forks any worker.

The pipeline's code (spaCy, the rules, the readers) is imported here once, and
every worker forked from the server starts with it in memory. It is then put
out of the garbage collector's reach (``gc.freeze``): a worker's collections
never walk it, so never write to the pages it shares with the server and the
other workers, and the server exits at the end of a run without taking it
apart piece by piece (about 0.4 s with spaCy loaded, during which the run's
output pipes stay open). The parent of a pool imports none of this
(``courtfacts.pool``).
"""

from __future__ import annotations

import gc

import courtfacts.batch
import courtfacts.extract.pipeline  # noqa: F401 - imported for the workers

gc.freeze()
